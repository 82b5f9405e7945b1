// /undo: withdraws the user's own last record within 24 hours, with a reason and a
// confirmation, as an amendment through the API (the register keeps both events).

import { createHash } from "node:crypto";
import { escapeHtml } from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext, LastRecord } from "../context.ts";
import { undoFlow } from "../flows/index.ts";
import { undoCardKeyboard, undoReasonKeyboard } from "../ui.ts";
import {
  call,
  forgetLast,
  lastRecord,
  say,
  show,
  UNDO_WINDOW_MS,
  userId,
  writeKey,
} from "./common.ts";
import { onCommand, onPress } from "./routing.ts";

export const undo = new Composer<BotContext>();

export { UNDO_WINDOW_MS };

/** A short name of the record, carried by the buttons: a newer record makes them stale. */
const refOf = (r: LastRecord) =>
  createHash("sha256").update(`${r.applicationId}/${r.eventId}`).digest("base64url").slice(0, 10);

const current = async (ctx: BotContext, ref?: string) => {
  const r = await lastRecord(ctx);
  const now = ctx.services.now().getTime();
  if (!r) {
    await show(ctx, ctx.t("undo-nothing"));
    return undefined;
  }
  if (now - r.at > UNDO_WINDOW_MS) {
    await show(ctx, ctx.t("undo-too-old", { what: escapeHtml(r.label[ctx.lang]) }));
    return undefined;
  }
  if (ref !== undefined && refOf(r) !== ref) {
    await show(ctx, ctx.t("stale-undo"));
    return undefined;
  }
  return r;
};

undo.use(
  onCommand("undo", async (ctx) => {
    const r = await current(ctx);
    if (!r) return;
    await say(
      ctx,
      ctx.t("undo-ask-reason", { what: escapeHtml(r.label[ctx.lang]) }),
      undoReasonKeyboard(ctx, refOf(r)),
    );
  }),
);

undo.use(
  onPress(undoFlow.reason, async (ctx, s) => {
    const r = await current(ctx, s.ref);
    if (!r) return;
    await show(
      ctx,
      ctx.t("undo-card", {
        what: escapeHtml(r.label[ctx.lang]),
        reason: ctx.t(`undo-reason-${s.reason}`),
      }),
      undoCardKeyboard(ctx, s),
    );
  }),
);

undo.use(
  onPress(undoFlow.confirm, async (ctx, s) => {
    const r = await current(ctx, s.ref);
    if (!r) return;
    // The reason is stored in both languages: the register is read by others later.
    const reason = `${ctx.i18n.fluent.translate("zh", `undo-reason-${s.reason}`)} / ${ctx.i18n.fluent.translate("en", `undo-reason-${s.reason}`)}`;
    const done = await call(ctx, () =>
      ctx.services.api.addEvent(
        userId(ctx),
        r.applicationId,
        { type: "amended", date: ctx.services.today(), supersedes: r.eventId, reason },
        writeKey(ctx),
      ),
    );
    if (!done) return;
    await forgetLast(ctx);
    await show(ctx, ctx.t("undo-done", { what: escapeHtml(r.label[ctx.lang]) }));
  }),
);
