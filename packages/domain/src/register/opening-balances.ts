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

/** Findings when an opening balance does not balance itself or leaves anything open. */
export const checkOpeningBalance = (ob: OpeningBalance): Finding[] => {
  const findings = checkRequests(ob.counts);
  for (const c of REQUEST_COLUMNS) {
    const v = ob.counts.carriedForward[c];
    if (v !== 0 && typeof v === "number")
      findings.push({
        code: "value.invalid",
        severity: "error",
        cells: [requestCellPath("carriedForward", c)],
        message: {
          zh: `${ob.year} 年期初数的“结转下年度继续办理”应为 0（仍在办理的申请须逐件登记），此处为 ${v}。`,
          en: `The ${ob.year} opening balance must carry nothing forward (open applications are recorded one by one); it has ${v}.`,
        },
      });
  }
  return findings;
};
