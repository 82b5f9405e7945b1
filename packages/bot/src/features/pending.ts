// /pending, 在办: the agency's open applications, overdue first, with due dates and the working
// days left.
import { createWorkingCalendar, type WorkingCalendar } from "@ogi/domain";
import { Composer } from "grammy";
import type { ApplicationInfo } from "../api.ts";
import type { BotContext } from "../context.ts";
import { applicantLabel } from "../ui.ts";
import { call, me, say, userId } from "./common.ts";
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
  onCommand("pending", async (ctx) => {
    const open = await call(ctx, () =>
      ctx.services.api.applications(userId(ctx), me(ctx).agencyCode, { status: "open" }),
    );
    if (!open) return;
    if (open.length === 0) return say(ctx, ctx.t("pending-none"));
    const sorted = [...open].sort(byUrgency);
    const today = ctx.services.today();
    const lines = sorted.slice(0, LIMIT).map((a) => {
      const left = workingDaysLeft(a, today);
      return ctx.t(a.overdue ? "pending-line-overdue" : "pending-line", {
        number: a.number,
        type: applicantLabel(a.applicantType, ctx.lang),
        received: a.receivedOn,
        due: a.dueDate ?? "—",
        days: left ?? "—",
        late: left != null ? Math.abs(left) : "—",
      });
    });
    const overdue = open.filter((a) => a.overdue).length;
    await say(
      ctx,
      [
        ctx.t("pending-head", { count: open.length, overdue, agency: me(ctx).agencyName }),
        ...lines,
        ...(open.length > LIMIT ? [ctx.t("pending-more", { more: open.length - LIMIT })] : []),
      ].join("\n"),
    );
  }),
);
