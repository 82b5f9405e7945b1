// Opening balances: counts from before the register, one year each (see openingBalanceSchema).
// They add to the derived table of their year cell by cell.

import { addTables } from "../report/aggregate.ts";
import { REQUEST_COLUMNS } from "../report/catalog.ts";
import type { Finding } from "../report/findings.ts";
import { checkRequests } from "../report/rules/requests.ts";
import { type RequestsTable, requestCellPath } from "../report/schema.ts";
import type { OpeningBalance, Register } from "./schema.ts";

/** Adds the opening balances of `year` into `table`, cell by cell; returns `table`. */
export const addOpeningBalances = (
  table: RequestsTable,
  register: Register,
  year: number,
): RequestsTable => {
  for (const ob of register.openingBalances ?? [])
    if (ob.year === year) addTables(table, ob.counts);
  return table;
};

/**
 * Findings when an opening balance does not balance itself (errors), or carries applications
 * forward (a warning: they are open and counted only as numbers, as when a first year brings
 * in last year's 结转下年度 as counts; see first-year.ts).
 */
export const checkOpeningBalance = (ob: OpeningBalance): Finding[] => {
  const findings = checkRequests(ob.counts);
  const cells = REQUEST_COLUMNS.filter((c) => {
    const v = ob.counts.carriedForward[c];
    return typeof v === "number" && v !== 0;
  });
  if (cells.length > 0) {
    const n = ob.counts.carriedForward.total;
    findings.push({
      code: "requests.openCarriedAsCounts",
      severity: "warning",
      cells: cells.map((c) => requestCellPath("carriedForward", c)),
      message: {
        zh: `${ob.year} 年期初数有 ${n} 件“结转下年度继续办理”：这些申请仍在办理、只以件数计，办结后请更新期初数；不要再逐件登记同一申请（否则重复计算）。`,
        en: `The ${ob.year} opening balance carries ${n} applications forward: they are open and counted only as numbers; update the balance when they are concluded, and do not also record them one by one (they would count twice).`,
      },
    });
  }
  return findings;
};
