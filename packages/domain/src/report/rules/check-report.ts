// The rules of the 2021 format (勾稽关系 and checks, shared/spec/annual-report-2021.md):
// `checkReport` reads a report (possibly half-filled or imported) and says, cell by cell,
// what does not add up. It never throws on odd input: a missing, blank or non-numeric cell
// is a `value.invalid` finding, and the arithmetic rules that would involve it are skipped so
// that one bad cell gives one finding, not a pile of them.
import { SECTION_TITLES } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import type { ReportDraft } from "../schema.ts";
import { checkAppeals } from "./appeals.ts";
import { readCells } from "./cells.ts";
import { checkPrevious } from "./cross-year.ts";
import { checkFees } from "./fees.ts";
import { checkNarrative } from "./narrative.ts";
import { checkRequestValues } from "./requests.ts";

/**
 * Every rule of the spec's table, plus fees.notStated and narrative.missing / numberMismatch.
 * Cross-year rules run only with `previous` (and only when it is of the year before).
 * Findings come in a stable order: invalid cells, section 三, 四, 六, texts, cross-year.
 */
export const checkReport = (
  report: ReportDraft,
  options: { previous?: ReportDraft } = {},
): Finding[] => {
  const findings: Finding[] = [];
  const { values, feesMissing } = readCells(report, findings);
  checkRequestValues(values, findings);
  checkAppeals(values, findings);
  checkFees(values, feesMissing, findings);
  if (typeof report.problems !== "string" || report.problems.trim() === "")
    findings.push({
      code: "narrative.missing",
      severity: "warning",
      cells: ["problems"],
      message: {
        zh: `${SECTION_TITLES.problems.zh}没有内容。`,
        en: `${SECTION_TITLES.problems.en} is empty.`,
      },
    });
  // Issue 19: an empty 一、总体情况 is as much a gap as an empty 五.
  const overview = report.overview as Record<string, unknown> | undefined;
  if (
    !overview ||
    typeof overview !== "object" ||
    Object.values(overview).every((v) => typeof v !== "string" || v.trim() === "")
  )
    findings.push({
      code: "narrative.missing",
      severity: "warning",
      cells: ["overview"],
      message: {
        zh: `${SECTION_TITLES.overview.zh}没有内容。`,
        en: `${SECTION_TITLES.overview.en} is empty.`,
      },
    });
  findings.push(...checkNarrative(report, values));
  if (options.previous) checkPrevious(report, values, options.previous, findings);
  return findings;
};
