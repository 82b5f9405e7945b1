import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { say } from "./common.ts";
import { onCommand } from "./routing.ts";

export const help = new Composer<BotContext>();

help.use(onCommand("help", (ctx) => say(ctx, ctx.t("help"))));
