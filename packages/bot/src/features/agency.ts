// /agency, 机关: someone linked in several agencies (a clerk who keeps two registers) chooses the
// one they act in; every later command records and reads there. Linking an invite makes its
// agency the chosen one. The choice is kept in storage; a button names the agency by a short
// digest of its code, so a button shown before the memberships changed still means the same.

import { createHash } from "node:crypto";
import { escapeHtml } from "@ogi/domain";
import { Composer, InlineKeyboard } from "grammy";
import type { Membership } from "../api.ts";
import type { BotContext } from "../context.ts";
import { agencyStep } from "../flows/index.ts";
import { me, say, show, userId } from "./common.ts";
import { onCommand, onPress } from "./routing.ts";

export const agency = new Composer<BotContext>();

/** Where the user's chosen agency is kept. */
export const agencyKey = (telegramUserId: number) => `agency:${telegramUserId}`;

/** Eight characters that tell the user's agencies apart (callback data holds 64 bytes). */
export const agencyDigest = (code: string) =>
  createHash("sha256").update(code).digest("base64url").slice(0, 8);

/** Acts in `code` from the next update on (the link gate reads the choice). */
export const chooseAgency = async (ctx: BotContext, code: string) => {
  await ctx.services.store.set(agencyKey(userId(ctx)), code);
  await ctx.services.store.delete(`me:${userId(ctx)}`);
};

const label = (m: Membership, ctx: BotContext) => `${m.agencyName}（${ctx.t(`role-${m.role}`)}）`;

agency.use(
  onCommand("agency", async (ctx) => {
    const m = me(ctx);
    if (m.memberships.length <= 1)
      return say(ctx, ctx.t("agency-only", { agency: escapeHtml(m.agencyName) }));
    const kb = new InlineKeyboard();
    for (const x of m.memberships)
      kb.text(
        `${x.agencyCode === m.agencyCode ? "✓ " : ""}${label(x, ctx)}`,
        ctx.services.codec.encode(agencyStep.data({ digest: agencyDigest(x.agencyCode) })),
      ).row();
    return say(ctx, ctx.t("agency-ask", { agency: escapeHtml(m.agencyName) }), kb);
  }),
);

agency.use(
  onPress(agencyStep, async (ctx, { digest }) => {
    const chosen = me(ctx).memberships.find((x) => agencyDigest(x.agencyCode) === digest);
    // Unlinked from that agency since the buttons were shown.
    if (!chosen) return show(ctx, ctx.t("agency-gone"));
    await chooseAgency(ctx, chosen.agencyCode);
    return show(ctx, ctx.t("agency-set", { agency: escapeHtml(label(chosen, ctx)) }));
  }),
);
