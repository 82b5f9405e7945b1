// 六 · fees (report/rules/fees.ts): one wrong cell.
import { describe, expect, it } from "vitest";
import { checkReport, type ReportDraft, setCell } from "../src/index.ts";
import { brief, rq, validEmpty } from "./rules-fixtures.ts";

describe("one wrong cell", () => {
  it("fees.collectedExceedsNotified", () => {
    const r = validEmpty();
    r.fees = { noticesIssued: 2, amountNotifiedYuan: 100, amountCollectedYuan: 120.5 };
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      {
        code: "fees.collectedExceedsNotified",
        severity: "warning",
        cells: ["fees.amountCollectedYuan", "fees.amountNotifiedYuan"],
      },
    ]);
    expect(findings[0]!.message.zh).toContain("120.5");
  });

  it("fees.unpaidWithoutNotice, not when a notice was issued", () => {
    const r = validEmpty();
    for (const row of ["newReceived", "otherFeeUnpaid", "totalProcessed"])
      for (const c of ["commercialEnterprise", "total"]) setCell(r, rq(row, c), 1);
    expect(brief(checkReport(r))).toEqual([
      {
        code: "fees.unpaidWithoutNotice",
        severity: "warning",
        cells: [rq("otherFeeUnpaid", "total"), "fees.noticesIssued"],
      },
    ]);
    setCell(r, "fees.noticesIssued", 1);
    expect(checkReport(r)).toEqual([]);
  });

  it("fees.notStated when the fee statement is blank, not value.invalid", () => {
    const r = validEmpty();
    r.fees = { noticesIssued: null, amountNotifiedYuan: null, amountCollectedYuan: null };
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      {
        code: "fees.notStated",
        severity: "warning",
        cells: ["fees.noticesIssued", "fees.amountNotifiedYuan", "fees.amountCollectedYuan"],
      },
    ]);
    expect(findings[0]!.message.zh).toBe(
      "六、其他需要报告的事项未说明发出收费通知的件数、收费通知总金额（元）、实际收取的总金额（元）。",
    );
    // A report without a fee statement at all.
    const bare = validEmpty() as Partial<ReportDraft>;
    delete bare.fees;
    expect(brief(checkReport(bare as ReportDraft)).map((f) => f.code)).toEqual(["fees.notStated"]);
  });
});
