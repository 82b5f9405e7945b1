// Builders of applications and registers for the register wing's tests, and readers of tables.
import {
  type ApplicantType,
  type Application,
  type ApplicationEvent,
  deriveRequests,
  type Outcome,
  type PlainEvent,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type Register,
  type RequestsTable,
} from "../src/index.ts";

// ── Builders ──────────────────────────────────────────────────────────────────

let n = 0;
export const id = () => `e${++n}`;
export const rec = (date: string, applicantType: ApplicantType = "naturalPerson"): PlainEvent => ({
  id: id(),
  type: "received",
  date,
  applicantType,
  channel: "online",
});
export const concl = (date: string, outcome: Outcome = "granted"): PlainEvent => ({
  id: id(),
  type: "concluded",
  date,
  outcome,
});
export const reop = (date: string): PlainEvent => ({
  id: id(),
  type: "reopened",
  date,
  reason: "复议纠正",
});
export const amend = (supersedes: string, replacement?: PlainEvent, date = "2024-12-01") =>
  ({
    id: id(),
    type: "amended",
    date,
    supersedes,
    reason: "登记有误",
    ...(replacement ? { replacement } : {}),
  }) as ApplicationEvent;
export const app = (...events: ApplicationEvent[]): Application => ({ id: id(), events });
export const register = (...applications: Application[]): Register => ({
  applications,
  openingBalances: [],
});

/** The non-zero cells of a table, "row.column": value (totals included). */
export const nonZero = (t: RequestsTable) => {
  const out: Record<string, number> = {};
  for (const r of REQUEST_ROWS)
    for (const c of REQUEST_COLUMNS) if (t[r][c] !== 0) out[`${r}.${c}`] = t[r][c];
  return out;
};
export const cellsOf = (
  t: RequestsTable,
  column: "naturalPerson" | "commercialEnterprise" = "naturalPerson",
) => {
  const out: Record<string, number> = {};
  for (const r of REQUEST_ROWS) if (t[r][column] !== 0) out[r] = t[r][column];
  return out;
};
export const derive = (a: Application, year: number) => cellsOf(deriveRequests(register(a), year));
/** A fresh number for ids other tests build by hand. */
export const nextN = () => ++n;
