// 四 · appeals (report/rules/appeals.ts): one wrong cell.
import { describe, expect, it } from "vitest";
import { checkReport } from "../src/index.ts";
import { APPEAL, brief, huaian2024, validEmpty, withCell } from "./rules-fixtures.ts";

describe("one wrong cell", () => {
  it("appeals.total in each block, pointing at its five cells", () => {
    for (const block of ["review", "litigationDirect", "litigationAfterReview"]) {
      const r = withCell(validEmpty(), `appeals.${block}.pending`, 1);
      expect(brief(checkReport(r))).toEqual([
        {
          code: "appeals.total",
          severity: "error",
          cells: ["upheld", "corrected", "other", "pending", "total"].map(
            (c) => `appeals.${block}.${c}`,
          ),
        },
      ]);
    }
  });

  it("appeals.total in huaian also contradicts the narrative's breakdown", () => {
    const findings = checkReport(withCell(huaian2024(), "appeals.review.pending", 38));
    expect(brief(findings).map((f) => [f.code, f.cells])).toEqual([
      ["appeals.total", APPEAL(["upheld", "corrected", "other", "pending", "total"])],
      ["fees.notStated", ["fees.noticesIssued", "fees.amountNotifiedYuan"]],
      ["narrative.numberMismatch", ["appeals.review.pending", "overview.requests"]],
    ]);
  });
});
