// A county government's summary of its departments: a cell-wise sum of their reports. The
// first four rules (balance, row totals, outcome totals, appeal totals) are linear, so they
// survive summation: an aggregate that breaks them means a bug or a broken input report.
import { REQUEST_COLUMNS, REQUEST_ROWS } from "./catalog.ts";
import {
  cellPaths,
  emptyReport,
  emptyRequestsTable,
  getCell,
  type Report,
  type RequestsTable,
  setCell,
} from "./schema.ts";

const MONEY_CELLS = new Set([
  "proactive.fees.amountWanYuan",
  "fees.amountNotifiedYuan",
  "fees.amountCollectedYuan",
]);

/** Adds `b` into `a`, cell by cell; returns `a`. */
export const addTables = (a: RequestsTable, b: RequestsTable) => {
  for (const r of REQUEST_ROWS) for (const c of REQUEST_COLUMNS) a[r][c] += b[r][c];
  return a;
};

/** Cell-wise sum of section 三 tables (an empty list gives the all-zero table). */
export const sumRequests = (tables: readonly RequestsTable[]): RequestsTable => {
  const out = emptyRequestsTable();
  for (const t of tables) addTables(out, t);
  return out;
};

/**
 * The summary report of `target.agency` for `target.year`: every count and money cell is the
 * sum of the reports' cells (money summed in units of 1/10000 so that no float drift shows),
 * every text empty (the summary's own text is written by people). Throws an Error with a
 * bilingual message ("中文 / English") when a report is of another year or has a cell that is
 * not a valid number (check the reports first).
 */
export const sumReports = (
  reports: readonly Report[],
  target: { agency: { name: string; code?: string }; year: number },
): Report => {
  for (const r of reports)
    if (r.year !== target.year)
      throw new Error(
        `“${r.agency?.name ?? "?"}”的报告是 ${r.year} 年度的，不能汇入 ${target.year} 年度的汇总 / The report of "${r.agency?.name ?? "?"}" is for ${r.year} and cannot be summed into ${target.year}`,
      );
  const result = emptyReport(target.agency, target.year);
  for (const { path } of cellPaths()) {
    const money = MONEY_CELLS.has(path);
    let total = 0;
    for (const r of reports) {
      const v = getCell(r, path);
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!money && !Number.isInteger(v)))
        throw new Error(
          `“${r.agency?.name ?? "?"}”的报告中 ${path} 的值（${String(v)}）无效，无法汇总 / The report of "${r.agency?.name ?? "?"}" has an invalid value at ${path} (${String(v)}); it cannot be summed`,
        );
      total += money ? Math.round(v * 10000) : v;
    }
    setCell(result, path, money ? total / 10000 : total);
  }
  return result;
};
