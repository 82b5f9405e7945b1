// 三 · requests (report/rules/requests.ts): one wrong cell.
import { describe, expect, it } from "vitest";
import { checkReport, setCell } from "../src/index.ts";
import {
  balanceCells,
  brief,
  huaian2024,
  outcomeCells,
  rowCells,
  rq,
  validEmpty,
  withCell,
} from "./rules-fixtures.ts";

describe("one wrong cell", () => {
  it("requests.balance (+ the row total) for a changed newReceived cell, stating the numbers", () => {
    const r = withCell(huaian2024(), rq("newReceived", "naturalPerson"), 3004);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      { code: "requests.balance", severity: "error", cells: balanceCells("naturalPerson") },
      { code: "requests.rowTotal", severity: "error", cells: rowCells("newReceived") },
      { code: "fees.notStated", severity: "warning", cells: expect.any(Array) },
    ]);
    expect(findings[0]!.message.zh).toBe(
      "三、“自然人”列：第一项加第二项之和（3004+34=3038）不等于第三项加第四项之和（2932+103=3035），相差 3。",
    );
    expect(findings[0]!.message.en).toContain("(3004+34=3038)");
    expect(findings[1]!.message.zh).toContain("总计为 3119，六类申请人之和为 3122");
  });

  it("requests.balance alone when a row is changed consistently (cell and total)", () => {
    const r = validEmpty();
    setCell(r, rq("carriedForward", "researchInstitution"), 2);
    setCell(r, rq("carriedForward", "total"), 2);
    expect(brief(checkReport(r))).toEqual([
      { code: "requests.balance", severity: "error", cells: balanceCells("researchInstitution") },
      { code: "requests.balance", severity: "error", cells: balanceCells("total") },
    ]);
  });

  it("requests.rowTotal for a changed total of an outcome row (+ the outcome total)", () => {
    const r = withCell(validEmpty(), rq("granted", "total"), 1);
    expect(brief(checkReport(r))).toEqual([
      { code: "requests.rowTotal", severity: "error", cells: rowCells("granted") },
      { code: "requests.outcomeTotal", severity: "error", cells: outcomeCells("total") },
    ]);
  });

  it("requests.outcomeTotal for a changed (七)总计, with the narrative that states it", () => {
    const findings = checkReport(withCell(huaian2024(), rq("totalProcessed", "total"), 3051));
    expect(brief(findings)).toEqual([
      { code: "requests.balance", severity: "error", cells: balanceCells("total") },
      { code: "requests.rowTotal", severity: "error", cells: rowCells("totalProcessed") },
      { code: "requests.outcomeTotal", severity: "error", cells: outcomeCells("total") },
      { code: "fees.notStated", severity: "warning", cells: expect.any(Array) },
      {
        code: "narrative.numberMismatch",
        severity: "warning",
        cells: [rq("totalProcessed", "total"), "overview.requests"],
      },
    ]);
    expect(findings[2]!.message.zh).toBe(
      "三、“自然人”列：“（七）总计”为 3051，21 项办理结果之和为 3050，相差 1。".replace(
        "自然人",
        "总计",
      ),
    );
    expect(findings[4]!.message.zh).toContain("答复3050件");
    expect(findings[4]!.message.zh).toContain("3051");
  });
});
