// Questions (今年收了多少件, 去年办结了几件, 今年不予公开几件) and the report's year.
import {
  OUTCOME_GROUP_CATALOG,
  type Outcome,
  type OutcomeGroup,
  outcomesInGroup,
} from "../report/catalog.ts";
import type { Bilingual } from "../text.ts";
import { hasOutcome } from "./events.ts";
import type { Cue } from "./lexicon.ts";
import { takeYear } from "./numbers.ts";
import {
  distinct,
  type Fork,
  QUESTIONS,
  type Read,
  sensesOf,
  settle,
  understood,
} from "./reading.ts";
import type { Intent, ReadContext, Reading, SummaryMeasure } from "./types.ts";

/** The year named (2025年, 去年), or undefined; refused if it has not begun. */
const namedYear = (r: Read, ctx: ReadContext): { year?: number; errors: Bilingual[] } => {
  const thisYear = Number(ctx.today.slice(0, 4));
  const words = sensesOf(r, "year");
  const year = takeYear(r.rest) ?? (words[0] ? thisYear + words[0].sense.offset : undefined);
  if (year === undefined || year <= thisYear)
    return year === undefined ? { errors: [] } : { year, errors: [] };
  return {
    year,
    errors: [
      {
        zh: `${year} 年还没到（今天是 ${ctx.today}）`,
        en: `${year} has not begun (today is ${ctx.today})`,
      },
    ],
  };
};

/** 年报 (of the year named). */
export const reportIntent = (r: Read, ctx: ReadContext): Reading => {
  const { year, errors } = namedYear(r, ctx);
  return understood(year === undefined ? { intent: "report" } : { intent: "report", year }, errors);
};

export const summaryIntent = (r: Read, ctx: ReadContext, cues: Set<Cue>): Reading => {
  const named = namedYear(r, ctx);
  const year = named.year ?? Number(ctx.today.slice(0, 4));
  const errors = named.errors;
  const base: Extract<Intent, { intent: "summary" }> = { intent: "summary", year };
  const measures: SummaryMeasure[] = distinct(sensesOf(r, "measure").map((w) => w.sense.value));
  let measure = measures.length === 1 ? measures[0] : undefined;
  if (measures.length === 0 && cues.has("apply")) measure = "received";
  const forks: Fork[] = [];
  if (hasOutcome(r)) {
    const exact = distinct(sensesOf(r, "outcome").map((w) => w.sense.value));
    const spans = sensesOf(r, "outcomes").map((w) => w.sense.values);
    const group = spanGroup(spans);
    if (exact.length > 0)
      forks.push({ question: QUESTIONS.outcome, variants: exact.map((outcome) => ({ outcome })) });
    else if (group) base.group = group;
    else
      forks.push({
        question: QUESTIONS.outcome,
        variants: distinct(spans.flat()).map((outcome) => ({ outcome })),
      });
    if (exact.length === 1) base.outcome = exact[0]!;
    if (measure === undefined || measure === "received") measure = "concluded";
  }
  if (measure !== undefined) base.measure = measure;
  return settle(base, forks, errors);
};

/** The group a span word names whole (不予公开 → denied), if it is one. */
const spanGroup = (spans: (readonly Outcome[])[]): OutcomeGroup | undefined => {
  if (spans.length !== 1) return undefined;
  const set = spans[0]!;
  return OUTCOME_GROUP_CATALOG.find((g) => {
    const rows = outcomesInGroup(g.key);
    return rows.length === set.length && rows.every((o) => set.includes(o));
  })?.key;
};
