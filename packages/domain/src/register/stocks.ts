// The two stocks of section 三, defined once. Every other row of the table is a flow of the
// year; the stocks are what the flows leave open:
//
//   结转下年度 carriedForward(Y) = carriedOver(Y) + newReceived(Y) − totalProcessed(Y)
//   上年结转   carriedOver(Y)    = Σ_{y<Y} (newReceived(y) − totalProcessed(y))
//
// The second is the first chained over the years before Y, starting with nothing open; the
// sum may be cut into any periods (the net flow of a union of periods is the sum of theirs).
// Both the fold (register/fold.ts) and the read of stored flows (register/stored-flows.ts)
// fill the stock rows with these functions, so the two can only differ in the flows.
import { REQUEST_COLUMNS } from "../report/catalog.ts";
import type { ApplicantCounts, RequestsTable } from "../report/schema.ts";

/** What is open at the end of a period: open at its start + received − processed in it. */
export const carriedForward = (
  carriedOver: number,
  newReceived: number,
  totalProcessed: number,
): number => carriedOver + newReceived - totalProcessed;

/** The flows of one period, one column. */
export type PeriodFlows = { newReceived: number; totalProcessed: number };

/**
 * What the periods before (in any order, covering all time before, the first starting with
 * nothing open) leave open at the start of the next: carriedForward chained over them.
 */
export const carriedOver = (before: Iterable<PeriodFlows>): number => {
  let open = 0;
  for (const p of before) open = carriedForward(open, p.newReceived, p.totalProcessed);
  return open;
};

/**
 * Sets both stock rows of `table`, whose flow rows (newReceived, totalProcessed) are filled:
 * carriedOver from `over` (per column), carriedForward by the balance.
 */
export const setStocks = (table: RequestsTable, over: ApplicantCounts): RequestsTable => {
  for (const c of REQUEST_COLUMNS) {
    table.carriedOver[c] = over[c];
    table.carriedForward[c] = carriedForward(
      over[c],
      table.newReceived[c],
      table.totalProcessed[c],
    );
  }
  return table;
};
