// /summary [year], 统计: year-to-date for the user's agency (carried over, received, concluded by
// outcome group, open, overdue, whether the balance holds); a region's manager gets the
// region's totals and one line per agency.
import {
  escapeHtml,
  type IsoDate,
  OUTCOME_GROUP_CATALOG,
  OUTCOMES,
  outcomeGroupOf,
} from "@ogi/domain";
import { Composer } from "grammy";
import type { Summary } from "../api.ts";
import type { BotContext } from "../context.ts";
import { call, errorsText, me, say, userId } from "./common.ts";
import { onCommand } from "./routing.ts";

export const summary = new Composer<BotContext>();

/** The day a summary of `year` is taken on: today in the current year, else the year's end. */
export const summaryDate = (today: IsoDate, year?: number): IsoDate =>
  year === undefined || String(year) === today.slice(0, 4) ? today : `${year}-12-31`;

export const groupTotals = (s: Summary) =>
  OUTCOME_GROUP_CATALOG.map((g) => ({
    group: g,
    n: OUTCOMES.filter((o) => outcomeGroupOf(o) === g.key).reduce(
      (sum, o) => sum + (s.concludedByOutcome[o] ?? 0),
      0,
    ),
  }));

export const summaryText = (ctx: BotContext, s: Summary, title: string) => {
  const groups = groupTotals(s)
    .map(({ group, n }) => `${group.short[ctx.lang]} ${n}`)
    .join(" · ");
  return [
    ctx.t("summary-head", { title: escapeHtml(title), year: s.year, asOf: s.asOf }),
    ctx.t("summary-counts", {
      carriedOver: s.carriedOver,
      received: s.received,
      concluded: s.concluded,
      open: s.open,
      overdue: s.overdue,
    }),
    ctx.t("summary-groups", { groups }),
    ctx.t(s.balanced ? "summary-balanced" : "summary-unbalanced", {
      carriedOver: s.carriedOver,
      received: s.received,
      concluded: s.concluded,
      open: s.open,
    }),
  ].join("\n");
};

summary.use(
  onCommand("summary", async (ctx, req) => {
    if (req.errors.length > 0) return say(ctx, errorsText(ctx, req.errors));
    const today = ctx.services.today();
    if (req.year !== undefined && String(req.year) > today.slice(0, 4))
      return say(ctx, ctx.t("year-in-future", { year: req.year }));
    const asOf = summaryDate(today, req.year);
    const m = me(ctx);
    if (m.regionCode && (m.role === "manager" || m.role === "admin")) {
      const region = await call(ctx, () =>
        ctx.services.api.regionSummary(userId(ctx), m.regionCode!, asOf),
      );
      if (!region) return;
      const lines = region.agencies.map((a) =>
        ctx.t("summary-agency-line", {
          name: escapeHtml(a.name),
          received: a.received,
          concluded: a.concluded,
          open: a.open,
          overdue: a.overdue,
          mark: a.balanced ? "✅" : "⚠️",
        }),
      );
      return say(
        ctx,
        [
          summaryText(ctx, region, ctx.t("summary-region", { code: m.regionCode })),
          "",
          ...lines,
        ].join("\n"),
      );
    }
    const s = await call(ctx, () => ctx.services.api.summary(userId(ctx), m.agencyCode, asOf));
    if (!s) return;
    await say(ctx, summaryText(ctx, s, m.agencyName));
  }),
);
