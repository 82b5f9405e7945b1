// The fold from the register (登记簿) to section 三. Pure: every function reads events and
// dates it is given, never the clock. Which events are in force is effective-events.ts; what a
// status is on a day, state.ts; the stock rows, stocks.ts.
import {
  APPLICANT_TYPES,
  OUTCOMES,
  REQUEST_COLUMNS,
  type RequestColumn,
  type RequestRow,
} from "../report/catalog.ts";
import {
  type ApplicantCounts,
  emptyApplicantCounts,
  emptyRequestsTable,
  type RequestsTable,
} from "../report/schema.ts";
import { effectiveEvents, hasAmendment } from "./effective-events.ts";
import { addOpeningBalances } from "./opening-balances.ts";
import type { Application, PlainEvent, Register } from "./schema.ts";
import { clampDate } from "./state.ts";
import { carriedForward, setStocks } from "./stocks.ts";

const TYPE_INDEX: Record<string, number> = Object.fromEntries(
  APPLICANT_TYPES.map((t, i) => [t, i]),
);
const NT = APPLICANT_TYPES.length;
// Counter rows: 0 newReceived, 1 carriedOver, 2..22 outcomes. carriedForward is not counted:
// setStocks derives it from the others (stocks.ts).
const ROW_NEW = 0;
const ROW_OVER = 1;
const ROWS = 2 + OUTCOMES.length;
const OUTCOME_INDEX: Record<string, number> = Object.fromEntries(
  OUTCOMES.map((o, i) => [o, 2 + i]),
);

/**
 * Adds one application's part of the period [from, to] (ISO dates, compared as strings) to
 * `counts` (Float64Array of 23 × 6). Per application: s = what the time before `from` left
 * open (carriedForward of that one earlier period: received before it, less concluded by its
 * last status event before it), so 1 when open at the end of the day before `from`;
 * carriedOver += s; newReceived += 1 when received in the period, or when, not s and received
 * before, an effective `reopened` in the period made it open again; the outcome row of the
 * last conclusion in the period += 1 when the last status event in the period is a conclusion
 * (and the application was open at some point in it). Whatever is counted and not concluded
 * is open at the end of `to`: the carriedForward that setStocks derives.
 */
const foldApplication = (
  events: readonly PlainEvent[],
  from: string,
  to: string,
  counts: Float64Array,
): void => {
  const n = events.length;
  const first = events[0];
  if (first === undefined) return;
  // Fast path: received [+ concluded], the bulk of any register.
  if (
    first.type === "received" &&
    (n === 1 || (n === 2 && events[1]!.type === "concluded" && events[1]!.date >= first.date))
  ) {
    const r = first.date;
    if (r > to) return;
    const col = TYPE_INDEX[first.applicantType] ?? 0;
    const c = n === 2 ? (events[1] as PlainEvent & { type: "concluded" }) : undefined;
    const s = carriedForward(0, r < from ? 1 : 0, c !== undefined && c.date < from ? 1 : 0);
    if (r >= from) counts[ROW_NEW * NT + col]! += 1;
    else if (s > 0) counts[ROW_OVER * NT + col]! += 1;
    else return; // concluded before the period
    if (c !== undefined && c.date <= to) counts[(OUTCOME_INDEX[c.outcome] ?? 0) * NT + col]! += 1;
    return;
  }
  let received: (PlainEvent & { type: "received" }) | undefined;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (e.type === "received") {
      received = e;
      break;
    }
  }
  if (received === undefined) return;
  const r = received.date;
  if (r > to) return;
  const col = TYPE_INDEX[received.applicantType] ?? 0;
  // The latest status event before the period and within it, by (date, recorded order).
  let beforeDate = "";
  let beforeConcluded = false;
  let inDate = "";
  let inEvent: PlainEvent | undefined;
  let reopenIn = false;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (e.type !== "concluded" && e.type !== "reopened") continue;
    const d = clampDate(e.date, r);
    if (d < from) {
      if (d >= beforeDate) {
        beforeDate = d;
        beforeConcluded = e.type === "concluded";
      }
    } else if (d <= to) {
      if (e.type === "reopened") reopenIn = true;
      if (d >= inDate) {
        inDate = d;
        inEvent = e;
      }
    }
  }
  // A status event before `from` is dated on or after receipt (clampDate): received before too.
  const s = carriedForward(0, r < from ? 1 : 0, beforeConcluded ? 1 : 0) > 0;
  const fresh = r >= from || (!s && reopenIn);
  if (!s && !fresh) return;
  if (s) counts[ROW_OVER * NT + col]! += 1;
  else counts[ROW_NEW * NT + col]! += 1;
  // With no status event in the period the application stays as it was: open.
  if (inEvent !== undefined && inEvent.type === "concluded")
    counts[(OUTCOME_INDEX[inEvent.outcome] ?? 0) * NT + col]! += 1;
};

const foldInto = (app: Application, from: string, to: string, counts: Float64Array) =>
  foldApplication(
    hasAmendment(app.events) ? effectiveEvents(app) : (app.events as PlainEvent[]),
    from,
    to,
    counts,
  );

const countsRow = (counts: Float64Array, row: number): ApplicantCounts => {
  const out = emptyApplicantCounts();
  let total = 0;
  for (let t = 0; t < NT; t++) {
    const v = counts[row * NT + t]!;
    out[APPLICANT_TYPES[t]!] = v;
    total += v;
  }
  out.total = total;
  return out;
};

export const yearBounds = (year: number) => {
  const y = String(year).padStart(4, "0");
  return { from: `${y}-01-01`, to: `${y}-12-31` };
};

/** Table from the counters: rows by applicant type, `total` = sum, totalProcessed = Σ outcomes. */
const toTable = (counts: Float64Array): RequestsTable => {
  const table = emptyRequestsTable();
  table.newReceived = countsRow(counts, ROW_NEW);
  OUTCOMES.forEach((o, i) => {
    table[o] = countsRow(counts, 2 + i);
    for (const c of REQUEST_COLUMNS) table.totalProcessed[c] += table[o][c];
  });
  return setStocks(table, countsRow(counts, ROW_OVER));
};

/**
 * Section 三 of the year of `from` over [from, to] (from = 1 January): the fold of every
 * application by applicant type, the stocks set by stocks.ts, plus the year's opening balances
 * cell-wise.
 */
export const deriveRequestsBetween = (
  register: Register,
  year: number,
  from: string,
  to: string,
): RequestsTable => {
  const counts = new Float64Array(ROWS * NT);
  const apps = register.applications;
  for (let i = 0; i < apps.length; i++) foldInto(apps[i]!, from, to, counts);
  return addOpeningBalances(toTable(counts), register, year);
};

/**
 * Section 三 of year `year` from the register: the fold of every application (see
 * `foldApplication`) by applicant type, plus the opening balances of that year cell-wise.
 * Every application balances in every year, so the table passes requests.balance,
 * requests.rowTotal and requests.outcomeTotal whenever the opening balances do.
 */
export const deriveRequests = (register: Register, year: number): RequestsTable => {
  const { from, to } = yearBounds(year);
  return deriveRequestsBetween(register, year, from, to);
};

/** A cell of section 三 that is a flow of the year (not a stock): newReceived, an outcome row, totalProcessed. */
export type FlowCell = { row: RequestRow; column: RequestColumn; n: number };

/**
 * The non-zero flow cells one application adds to section 三 of `year`: what deriveRequests of
 * a register of that one application has in those rows, without building its tables (the
 * path of every event; tested equal).
 */
export const applicationFlows = (app: Application, year: number): FlowCell[] => {
  const { from, to } = yearBounds(year);
  return applicationFlowsBetween(app, from, to);
};

/** applicationFlows over [from, to] within one year (from = 1 January): the year up to `to`. */
export const applicationFlowsBetween = (app: Application, from: string, to: string): FlowCell[] => {
  const counts = new Float64Array(ROWS * NT);
  foldInto(app, from, to, counts);
  const out: FlowCell[] = [];
  const row = (name: RequestRow, index: number) => {
    let total = 0;
    for (let t = 0; t < NT; t++) {
      const n = counts[index * NT + t]!;
      if (n !== 0) out.push({ row: name, column: APPLICANT_TYPES[t]!, n });
      total += n;
    }
    if (total !== 0) out.push({ row: name, column: "total", n: total });
  };
  row("newReceived", ROW_NEW);
  const processed = new Float64Array(NT);
  OUTCOMES.forEach((o, i) => {
    row(o, 2 + i);
    for (let t = 0; t < NT; t++) processed[t]! += counts[(2 + i) * NT + t]!;
  });
  let total = 0;
  for (let t = 0; t < NT; t++) {
    if (processed[t] !== 0)
      out.push({ row: "totalProcessed", column: APPLICANT_TYPES[t]!, n: processed[t]! });
    total += processed[t]!;
  }
  if (total !== 0) out.push({ row: "totalProcessed", column: "total", n: total });
  return out;
};
