// Whatever no feature took: a short hint, never silence.
import { escapeHtml } from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { say } from "./common.ts";
import { onCommand } from "./routing.ts";

export const unknown = new Composer<BotContext>();

unknown.use(
  onCommand("unknownCommand", (ctx, { command }) =>
    say(ctx, ctx.t("unknown-command", { command: escapeHtml(command) })),
  ),
);

// The language module's hint says what it read and what can be typed.
unknown.on("message", (ctx) =>
  say(ctx, ctx.hint ? escapeHtml(ctx.hint[ctx.lang]) : ctx.t("unknown-text")),
);

unknown.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-malformed") }));
