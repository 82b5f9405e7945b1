// /start <invite code> (also the t.me/<bot>?start=<code> deep link, which arrives the same way):
// links the Telegram account to a staff record through the API.

import { createHash } from "node:crypto";
import { escapeHtml } from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { agencyKey, chooseAgency } from "./agency.ts";
import { call, say } from "./common.ts";
import { onCommand } from "./routing.ts";

export const link = new Composer<BotContext>();

link.use(
  onCommand("start", async (ctx, { code }) => {
    const from = ctx.from!.id;
    if (!code) {
      const chosen = await ctx.services.store.get<string>(agencyKey(from));
      const m = await ctx.services.api.me(from, chosen);
      if (!m) return say(ctx, ctx.t("not-linked"));
      return say(
        ctx,
        `${ctx.t("welcome-back", { name: escapeHtml(m.name), agency: escapeHtml(m.agencyName) })}\n\n${ctx.t("help")}`,
      );
    }
    // The same user sending the same code again (a retry after a lost answer) gets the first
    // answer, "linked", rather than "code already used".
    const key = `tg-link-${from}-${createHash("sha256").update(code).digest("base64url").slice(0, 16)}`;
    const m = await call(ctx, () => ctx.services.api.link(code, from, key));
    if (!m) return;
    // The agency just linked is the one the user acts in (another with /agency).
    await chooseAgency(ctx, m.agencyCode);
    await say(
      ctx,
      `${ctx.t("linked", {
        name: escapeHtml(m.name),
        agency: escapeHtml(m.agencyName),
        role: ctx.t(`role-${m.role}`),
      })}\n\n${ctx.t("help")}`,
    );
  }),
);
