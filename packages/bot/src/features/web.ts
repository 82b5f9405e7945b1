// /web, 网页: a one-time sign-in link to the web console for the user, valid a few minutes
// (the API makes it for the Telegram user the bot acts for; the console asks for a click, so a
// chat's link preview does not use it up).
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { call, say, userId } from "./common.ts";
import { onCommand } from "./routing.ts";

export const web = new Composer<BotContext>();

web.use(
  onCommand("web", async (ctx) => {
    const api = ctx.services.api;
    if (!api.signInLink) return say(ctx, ctx.t("web-unavailable"));
    const link = await call(ctx, () => api.signInLink!(userId(ctx)));
    if (!link) return;
    const until = new Date(link.expiresAt);
    const minutes = Math.max(
      1,
      Math.round((until.getTime() - ctx.services.now().getTime()) / 60_000),
    );
    const hhmm = new Date(until.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
    return say(ctx, ctx.t("web-link", { url: link.url, minutes, until: `${hhmm} (UTC+8)` }));
  }),
);
