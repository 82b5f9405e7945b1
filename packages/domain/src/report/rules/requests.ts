// 三 · requests: the balance of each column, the row totals and the outcome totals.
import { OUTCOMES, REQUEST_COLUMNS, REQUEST_ROWS, rowInfo } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { type RequestsTableDraft, requestCellPath } from "../schema.ts";
import { all, invalidFinding, isCount, readPath, sum, type Values } from "./cells.ts";
import { columnLabel, rowLabel } from "./labels.ts";

const BALANCE_PATHS = REQUEST_COLUMNS.map((c) =>
  (["newReceived", "carriedOver", "totalProcessed", "carriedForward"] as const).map((r) =>
    requestCellPath(r, c),
  ),
);
/** Per row: the six applicant cells, then total. */
const ROW_PATHS = REQUEST_ROWS.map((r) => REQUEST_COLUMNS.map((c) => requestCellPath(r, c)));
/** Per column: the 21 outcome cells, then totalProcessed. */
const OUTCOME_PATHS = REQUEST_COLUMNS.map((c) =>
  [...OUTCOMES, "totalProcessed" as const].map((o) => requestCellPath(o, c)),
);

export const checkRequestValues = (values: Values, findings: Finding[]) => {
  REQUEST_COLUMNS.forEach((c, i) => {
    const cells = BALANCE_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const [nr = 0, co = 0, tp = 0, cf = 0] = v;
    if (nr + co === tp + cf) return;
    const l = columnLabel(c);
    findings.push({
      code: "requests.balance",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `三、“${l.zh}”列：第一项加第二项之和（${nr}+${co}=${nr + co}）不等于第三项加第四项之和（${tp}+${cf}=${tp + cf}），相差 ${nr + co - (tp + cf)}。`,
        en: `Section 3, column "${l.en}": item 1 + item 2 (${nr}+${co}=${nr + co}) does not equal item 3 + item 4 (${tp}+${cf}=${tp + cf}); the difference is ${nr + co - (tp + cf)}.`,
      },
    });
  });

  REQUEST_ROWS.forEach((r, i) => {
    const cells = ROW_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const total = v.pop() ?? 0;
    const s = sum(v);
    if (s === total) return;
    const l = rowLabel(r);
    findings.push({
      code: "requests.rowTotal",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `三、“${l.zh}”行：总计为 ${total}，六类申请人之和为 ${s}（${v.join("+")}），相差 ${total - s}。`,
        en: `Section 3, row "${l.en}": the total is ${total} but the six applicant columns add up to ${s} (${v.join("+")}); the difference is ${total - s}.`,
      },
    });
  });

  REQUEST_COLUMNS.forEach((c, i) => {
    const cells = OUTCOME_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const total = v.pop() ?? 0;
    const s = sum(v);
    if (s === total) return;
    const l = columnLabel(c);
    const t = rowInfo("totalProcessed").label;
    findings.push({
      code: "requests.outcomeTotal",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `三、“${l.zh}”列：“${t.zh}”为 ${total}，21 项办理结果之和为 ${s}，相差 ${total - s}。`,
        en: `Section 3, column "${l.en}": "${t.en}" is ${total} but the 21 outcome rows add up to ${s}; the difference is ${total - s}.`,
      },
    });
  });
};

/**
 * Checks a section 三 table alone: value.invalid, requests.balance, requests.rowTotal and
 * requests.outcomeTotal, with paths `requests.<row>.<column>`. Used for opening balances.
 */
export const checkRequests = (requests: RequestsTableDraft): Finding[] => {
  const findings: Finding[] = [];
  const values: Values = new Map();
  for (const paths of ROW_PATHS)
    for (const path of paths) {
      const v = readPath({ requests }, path.split("."));
      if (isCount(v)) values.set(path, v);
      else findings.push(invalidFinding(path, v, false));
    }
  checkRequestValues(values, findings);
  return findings;
};
