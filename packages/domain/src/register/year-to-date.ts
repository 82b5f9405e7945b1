// The year to date: section 三 of the current year so far, in the words staff use (received,
// concluded, open now). Read off a section 三 table, the fold's or the stored flows'.
import {
  OUTCOME_GROUPS,
  OUTCOMES,
  type Outcome,
  type OutcomeGroup,
  outcomeGroupOf,
  REQUEST_COLUMNS,
} from "../report/catalog.ts";
import {
  type ApplicantCounts,
  emptyApplicantCounts,
  type RequestsTable,
} from "../report/schema.ts";
import { deriveRequestsBetween, yearBounds } from "./fold.ts";
import type { IsoDate, Register } from "./schema.ts";
import { carriedForward } from "./stocks.ts";

/**
 * The year's figures so far: section 三 from the register as of a day, with a description of the
 * period.
 */
export type YearToDate = {
  year: number;
  asOf: IsoDate;
  /** Open at the end of the previous year (上年结转). */
  carriedOver: ApplicantCounts;
  /** Received from 1 January to asOf, including reopenings of applications closed before. */
  received: ApplicantCounts;
  concluded: Record<Outcome, ApplicantCounts>;
  concludedByGroup: Record<OutcomeGroup, ApplicantCounts>;
  concludedTotal: ApplicantCounts;
  /** Open at the end of asOf. */
  openNow: ApplicantCounts;
  /** carriedOver + received = concludedTotal + openNow in every column. */
  balanced: boolean;
};

/**
 * Stock and flow of the year of `asOf`, from 1 January to the end of `asOf`, with that year's
 * opening balances. For asOf = 31 December it is section 三 of the year.
 */
export const summarize = (register: Register, asOf: IsoDate): YearToDate => {
  const year = Number(asOf.slice(0, 4));
  const { from } = yearBounds(year);
  return yearToDateOf(deriveRequestsBetween(register, year, from, asOf), asOf);
};

/**
 * The year to date read off a section 三 table of the year of `asOf` that holds everything up to
 * `asOf`: the fold's (summarize), or the stored flows' when no event is dated after `asOf`.
 */
export const yearToDateOf = (table: RequestsTable, asOf: IsoDate): YearToDate => {
  const concluded = Object.fromEntries(OUTCOMES.map((o) => [o, table[o]])) as Record<
    Outcome,
    ApplicantCounts
  >;
  const concludedByGroup = Object.fromEntries(
    OUTCOME_GROUPS.map((g) => [g, emptyApplicantCounts()]),
  ) as Record<OutcomeGroup, ApplicantCounts>;
  for (const o of OUTCOMES) {
    const group = concludedByGroup[outcomeGroupOf(o)];
    for (const c of REQUEST_COLUMNS) group[c] += table[o][c];
  }
  const balanced = REQUEST_COLUMNS.every(
    (c) =>
      table.carriedForward[c] ===
      carriedForward(table.carriedOver[c], table.newReceived[c], table.totalProcessed[c]),
  );
  return {
    year: Number(asOf.slice(0, 4)),
    asOf,
    carriedOver: table.carriedOver,
    received: table.newReceived,
    concluded,
    concludedByGroup,
    concludedTotal: table.totalProcessed,
    openNow: table.carriedForward,
    balanced,
  };
};
