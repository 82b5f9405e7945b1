// Whatever no feature took: a short hint, never silence.
import { escapeHtml } from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { say } from "./common.ts";

export const unknown = new Composer<BotContext>();

unknown.filter(
  (ctx) => ctx.parsed?.kind === "unknownCommand",
  (ctx) =>
    say(
      ctx,
      ctx.t("unknown-command", {
        command: escapeHtml((ctx.parsed as { command: string }).command),
      }),
    ),
);

unknown.on("message", (ctx) => say(ctx, ctx.t("unknown-text")));

unknown.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-malformed") }));
