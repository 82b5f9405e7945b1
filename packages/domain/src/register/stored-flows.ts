// The incremental aggregate behind fast reports. The table of section 三 is linear in the
// register (the table of a union is the sum of the tables) and balances per column, so it is
// enough to keep, per agency and year, the flows (newReceived, the outcome rows, totalProcessed)
// and to derive the stocks with the fold's own definitions (stocks.ts). Each event changes
// one application; its contribution before and after is computed with the domain's own fold,
// so the aggregate follows whatever the fold decides.

import { addTables } from "../report/aggregate.ts";
import {
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestColumn,
  type RequestRow,
} from "../report/catalog.ts";
import { emptyApplicantCounts, emptyRequestsTable, type RequestsTable } from "../report/schema.ts";
import { applicationFlows, applicationFlowsBetween } from "./fold.ts";
import type { Application, OpeningBalance } from "./schema.ts";
import { carriedOver, type PeriodFlows, setStocks } from "./stocks.ts";

/** The rows of section 三 that are flows (everything but the stocks carried over and forward). */
export const FLOW_ROWS = REQUEST_ROWS.filter((r) => r !== "carriedOver" && r !== "carriedForward");

const years = (app: Application): number[] => {
  const ys = new Set<number>();
  for (const e of app.events) {
    ys.add(Number(e.date.slice(0, 4)));
    if (e.type === "amended" && e.replacement) ys.add(Number(e.replacement.date.slice(0, 4)));
  }
  return [...ys].sort((a, b) => a - b);
};

/** `year|row|column` → count, the flows one application adds to its agency's tables. */
export const contribution = (app: Application | undefined): Map<string, number> => {
  const out = new Map<string, number>();
  if (!app) return out;
  const ys = years(app);
  const first = ys[0];
  const last = ys.at(-1);
  if (first === undefined || last === undefined) return out;
  for (let year = first; year <= last; year++)
    for (const f of applicationFlows(app, year)) out.set(`${year}|${f.row}|${f.column}`, f.n);
  return out;
};

/** A change of one cell of one year's table. */
export type CountDelta = { year: number; row: string; column: string; n: number };

/** A count delta by day: what it adds to the flows of the year of `date` from that day on. */
export type DatedCountDelta = { date: string; row: string; column: string; n: number };

const eventDates = (app: Application): string[] => {
  const ds = new Set<string>();
  for (const e of app.events) {
    ds.add(e.date);
    if (e.type === "amended" && e.replacement) ds.add(e.replacement.date);
  }
  return [...ds].sort();
};

/**
 * `date|row|column` → count: the flows one application adds, by day, such that for every day D
 * the sum over 1 January … D of D's year is its flows of the year up to D (the fold over that
 * window). The fold compares the window's end only with the application's own dates, so its
 * flows change only on those days: the difference of the window ending on each.
 */
export const datedContribution = (app: Application | undefined): Map<string, number> => {
  const out = new Map<string, number>();
  if (!app) return out;
  let year = "";
  let before = new Map<string, number>();
  for (const date of eventDates(app)) {
    if (date.slice(0, 4) !== year) {
      year = date.slice(0, 4);
      before = new Map();
    }
    const upTo = new Map<string, number>();
    for (const f of applicationFlowsBetween(app, `${year}-01-01`, date))
      upTo.set(`${f.row}|${f.column}`, f.n);
    for (const key of new Set([...upTo.keys(), ...before.keys()])) {
      const n = (upTo.get(key) ?? 0) - (before.get(key) ?? 0);
      if (n !== 0) out.set(`${date}|${key}`, n);
    }
    before = upTo;
  }
  return out;
};

/** What an event changes in the flows by day (see datedContribution). */
export const datedContributionDelta = (
  before: Application | undefined,
  after: Application | undefined,
): DatedCountDelta[] => {
  const a = datedContribution(before);
  const b = datedContribution(after);
  const out: DatedCountDelta[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const n = (b.get(key) ?? 0) - (a.get(key) ?? 0);
    if (n === 0) continue;
    const [date, row, column] = key.split("|") as [string, string, string];
    out.push({ date, row, column, n });
  }
  return out;
};

/**
 * The changes to the tables when an application changes from `before` to `after` (either may be
 * absent).
 */
export const contributionDelta = (
  before: Application | undefined,
  after: Application | undefined,
): CountDelta[] => {
  const a = contribution(before);
  const b = contribution(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const out: CountDelta[] = [];
  for (const key of keys) {
    const n = (b.get(key) ?? 0) - (a.get(key) ?? 0);
    if (n === 0) continue;
    const [year, row, column] = key.split("|") as [string, string, string];
    out.push({ year: Number(year), row, column, n });
  }
  return out;
};

/** Rebuilds the table of `year` from stored flows (all years ≤ year) and the opening balance. */
export const tableFromFlows = (
  flows: readonly { year: number; row: string; column: string; n: number }[],
  year: number,
  openingBalance?: OpeningBalance["counts"],
): RequestsTable => {
  const table = emptyRequestsTable();
  // The years before, per column, as one period: carriedOver may cut the time before as it likes.
  const before = {} as Record<RequestColumn, PeriodFlows>;
  for (const c of REQUEST_COLUMNS) before[c] = { newReceived: 0, totalProcessed: 0 };
  for (const f of flows) {
    const row = f.row as RequestRow;
    const column = f.column as RequestColumn;
    // Stocks are derived, never stored.
    if (row === "carriedOver" || row === "carriedForward") continue;
    if (!(row in table) || !(column in table[row])) continue;
    if (f.year === year) table[row][column] += f.n;
    else if (f.year < year && (row === "newReceived" || row === "totalProcessed"))
      before[column][row] += f.n;
  }
  const over = emptyApplicantCounts();
  for (const c of REQUEST_COLUMNS) over[c] = carriedOver([before[c]]);
  setStocks(table, over);
  if (openingBalance) addTables(table, openingBalance);
  return table;
};
