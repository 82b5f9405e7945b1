// Cross-year rules, run when the previous year's report is given: carried over equals last
// year's carried forward; documents in force follow from last year's.
import { REQUEST_COLUMNS, rowInfo } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { type ReportDraft, requestCellPath } from "../schema.ts";
import { all, isCount, readPath, type Values } from "./cells.ts";
import { columnLabel, proactiveRowLabel } from "./labels.ts";

export const checkPrevious = (
  report: ReportDraft,
  values: Values,
  previous: ReportDraft,
  findings: Finding[],
) => {
  if (previous.year !== report.year - 1) {
    findings.push({
      code: "requests.carryOverMismatch",
      severity: "warning",
      cells: [],
      message: {
        zh: `所给上年报告是 ${previous.year} 年度的，不是 ${report.year - 1} 年度的，未做跨年度核对。`,
        en: `The report given as previous is for ${previous.year}, not ${report.year - 1}; the cross-year checks were skipped.`,
      },
    });
    return;
  }
  const prev = (path: string): number | undefined => {
    const v = readPath(previous, path.split("."));
    return isCount(v) ? v : undefined;
  };
  const co = rowInfo("carriedOver").label;
  const cf = rowInfo("carriedForward").label;
  for (const c of REQUEST_COLUMNS) {
    const path = requestCellPath("carriedOver", c);
    const now = values.get(path);
    const before = prev(requestCellPath("carriedForward", c));
    if (now === undefined || before === undefined || now === before) continue;
    const l = columnLabel(c);
    findings.push({
      code: "requests.carryOverMismatch",
      severity: "error",
      cells: [path],
      message: {
        zh: `三、“${l.zh}”列：本年“${co.zh}”为 ${now}，上年（${previous.year} 年）报告“${cf.zh}”为 ${before}。`,
        en: `Section 3, column "${l.en}": "${co.en}" is ${now} this year, but "${cf.en}" in the ${previous.year} report is ${before}.`,
      },
    });
  }
  for (const row of ["rules", "normativeDocuments"] as const) {
    const cells = [
      `proactive.${row}.inForce`,
      `proactive.${row}.issued`,
      `proactive.${row}.repealed`,
    ];
    const v = all(values, cells);
    const before = prev(`proactive.${row}.inForce`);
    if (!v || before === undefined) continue;
    const [inForce = 0, issued = 0, repealed = 0] = v;
    const expected = before + issued - repealed;
    if (inForce === expected) continue;
    const l = proactiveRowLabel(row);
    findings.push({
      code: "proactive.inForceDrift",
      severity: "warning",
      cells,
      message: {
        zh: `二、“${l.zh}”：现行有效件数为 ${inForce}，而上年现行有效件数 ${before} + 本年制发件数 ${issued} − 本年废止件数 ${repealed} = ${expected}（文件也会自然失效，仅作提示）。`,
        en: `Section 2, "${l.en}": ${inForce} in force, but last year's ${before} + ${issued} issued − ${repealed} repealed = ${expected} (documents also lapse, so only a warning).`,
      },
    });
  }
};
