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
import type { Parsed } from "../text/shortcuts.ts";
import { outcomeLabel } from "../ui.ts";
import { call, errorsText, me, readingNote, say, userId } from "./common.ts";
import { onCommand } from "./routing.ts";

export const summary = new Composer<BotContext>();

type SummaryRequest = Extract<Parsed, { kind: "summary" }>;

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

/**
 * A question in words ("今年收了多少件", "去年予以公开几件"): the figure asked for, in one line,
 * before the same summary the command gives.
 */
const answerLine = (ctx: BotContext, s: Summary, req: SummaryRequest) => {
  const year = s.year;
  if (req.outcome)
    return ctx.t("summary-answer-outcome", {
      year,
      what: escapeHtml(outcomeLabel(req.outcome, ctx.lang)),
      n: s.concludedByOutcome[req.outcome] ?? 0,
    });
  if (req.group) {
    const g = groupTotals(s).find((x) => x.group.key === req.group)!;
    return ctx.t("summary-answer-outcome", {
      year,
      what: escapeHtml(g.group.short[ctx.lang]),
      n: g.n,
    });
  }
  switch (req.measure) {
    case "received":
      return ctx.t("summary-answer-received", { year, n: s.received });
    case "concluded":
      return ctx.t("summary-answer-concluded", { year, n: s.concluded });
    case "open":
      return ctx.t("summary-answer-open", { n: s.open });
    case "overdue":
      return ctx.t("summary-answer-overdue", { n: s.overdue });
    default:
      return "";
  }
};

const withAnswer = (ctx: BotContext, s: Summary, req: SummaryRequest, text: string) => {
  const line = answerLine(ctx, s, req);
  return `${readingNote(ctx)}${line ? `${line}\n\n` : ""}${text}`;
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
        withAnswer(
          ctx,
          region,
          req,
          [
            summaryText(ctx, region, ctx.t("summary-region", { code: m.regionCode })),
            "",
            ...lines,
          ].join("\n"),
        ),
      );
    }
    const s = await call(ctx, () => ctx.services.api.summary(userId(ctx), m.agencyCode, asOf));
    if (!s) return;
    await say(ctx, withAnswer(ctx, s, req, summaryText(ctx, s, m.agencyName)));
  }),
);
