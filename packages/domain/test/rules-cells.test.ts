// value.invalid (report/rules/cells.ts): one wrong cell.
import { describe, expect, it } from "vitest";
import { checkReport, setCell } from "../src/index.ts";
import { brief, rq, validEmpty, withCell } from "./rules-fixtures.ts";

describe("one wrong cell", () => {
  it.each([
    ["blank", null, "空白"],
    ["negative", -1, "-1"],
    ["fractional", 1.5, "1.5"],
    ["NaN", Number.NaN, "NaN"],
    ["a slash", "/", '"/"'],
    ["missing", undefined, "空白"],
  ])("value.invalid for a %s cell, and no arithmetic finding about it", (_, value, shown) => {
    for (const p of [rq("granted", "naturalPerson"), rq("newReceived", "total")]) {
      const r = withCell(validEmpty(), p, value);
      const findings = checkReport(r);
      expect(brief(findings)).toEqual([{ code: "value.invalid", severity: "error", cells: [p] }]);
      expect(findings[0]!.message.zh).toContain(shown);
    }
  });

  it("value.invalid for each invalid cell, one finding per cell", () => {
    const r = validEmpty();
    setCell(r, rq("granted", "naturalPerson"), null);
    setCell(r, rq("granted", "total"), -2);
    setCell(r, "appeals.review.total", 0.5);
    setCell(r, "proactive.rules.issued", null);
    setCell(r, "proactive.fees.amountWanYuan", -1);
    setCell(r, "fees.amountNotifiedYuan", -3);
    expect(brief(checkReport(r))).toEqual(
      [
        "proactive.rules.issued",
        "proactive.fees.amountWanYuan",
        rq("granted", "naturalPerson"),
        rq("granted", "total"),
        "appeals.review.total",
        "fees.amountNotifiedYuan",
      ].map((p) => ({ code: "value.invalid", severity: "error", cells: [p] })),
    );
  });

  it("money may have decimals; counts may not", () => {
    const r = validEmpty();
    setCell(r, "proactive.fees.amountWanYuan", 96171.6);
    setCell(r, "fees.amountNotifiedYuan", 12.5);
    setCell(r, "fees.amountCollectedYuan", 12.5);
    setCell(r, "fees.noticesIssued", 1.5);
    expect(brief(checkReport(r))).toEqual([
      { code: "value.invalid", severity: "error", cells: ["fees.noticesIssued"] },
    ]);
  });
});
