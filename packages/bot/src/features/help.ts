import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { say } from "./common.ts";

export const help = new Composer<BotContext>();

help.filter(
  (ctx) => ctx.parsed?.kind === "help",
  (ctx) => say(ctx, ctx.t("help")),
);
