// /pending, 在办: the agency's open applications, overdue first, with due dates and the working
// days left.
import { createWorkingCalendar, escapeHtml, type WorkingCalendar } from "@ogi/domain";
import { Composer } from "grammy";
import type { ApplicationInfo } from "../api.ts";
import type { BotContext } from "../context.ts";
import { applicationTitle } from "../text/particulars.ts";
import { applicantLabel, markedDueDate } from "../ui.ts";
import { call, dueDateText, me, readingNote, rememberIds, say, userId } from "./common.ts";
import { onCommand } from "./routing.ts";

export const pending = new Composer<BotContext>();

/** Overdue first, then by due date, then by number; those without a due date last. */
export const byUrgency = (a: ApplicationInfo, b: ApplicationInfo) =>
  Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) ||
  (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
  a.number - b.number;

const LIMIT = 50;

let calendar: WorkingCalendar | undefined;
/** Working days from today to the due date (negative: overdue), when the API does not say. */
export const workingDaysLeft = (a: ApplicationInfo, today: string): number | null => {
  if (a.workingDaysLeft != null) return a.workingDaysLeft;
  if (!a.dueDate) return null;
  calendar ??= createWorkingCalendar();
  return calendar.workingDaysBetween(today, a.dueDate);
};

pending.use(
  onCommand("pending", async (ctx, req) => {
    const all = await call(ctx, () =>
      ctx.services.api.applications(userId(ctx), me(ctx).agencyCode, { status: "open" }),
    );
    if (!all) return;
    rememberIds(ctx, all);
    // 逾期的: only those past their due date.
    const open = req.overdue ? all.filter((a) => a.overdue) : all;
    if (open.length === 0)
      return say(
        ctx,
        `${readingNote(ctx)}${ctx.t(req.overdue ? "pending-none-overdue" : "pending-none")}`,
      );
    const sorted = [...open].sort(byUrgency);
    const today = ctx.services.today();
    const lines = sorted.slice(0, LIMIT).map((a) => {
      const left = workingDaysLeft(a, today);
      return ctx.t(a.overdue ? "pending-line-overdue" : "pending-line", {
        title: escapeHtml(applicationTitle(a, ctx.lang)),
        type: applicantLabel(a.applicantType, ctx.lang),
        received: a.receivedOn,
        due: a.dueDate
          ? markedDueDate(ctx.lang, a.dueDate, a.provisional, "list")
          : dueDateText(ctx, a),
        days: left ?? "—",
        late: left != null ? Math.abs(left) : "—",
      });
    });
    const overdue = all.filter((a) => a.overdue).length;
    await say(
      ctx,
      [
        `${readingNote(ctx)}${ctx.t(req.overdue ? "pending-head-overdue" : "pending-head", {
          count: all.length,
          overdue,
          agency: escapeHtml(me(ctx).agencyName),
        })}`,
        ...lines,
        ...(open.length > LIMIT ? [ctx.t("pending-more", { more: open.length - LIMIT })] : []),
        ...(sorted.some((a) => a.provisional) ? [ctx.t("pending-provisional-note")] : []),
      ].join("\n"),
    );
  }),
);
