// Cross-year rules (report/rules/cross-year.ts).
import { describe, expect, it } from "vitest";
import { checkReport, emptyReport, type Finding } from "../src/index.ts";
import { brief, huaian2024, row, rq, single } from "./rules-fixtures.ts";

describe("cross-year rules", () => {
  const previous = () => {
    const p = huaian2024();
    p.year = 2023;
    p.requests = structuredClone(emptyReport({ name: "x" }, 2023).requests);
    p.requests.newReceived = single(34);
    p.requests.carriedForward = single(34);
    p.proactive.rules.inForce = 10;
    p.proactive.normativeDocuments.inForce = 84;
    return p;
  };
  const crossYear = (fs: Finding[]) => brief(fs).filter((f) => f.code !== "fees.notStated");

  it("finds nothing when this year continues last year", () => {
    expect(crossYear(checkReport(huaian2024(), { previous: previous() }))).toEqual([]);
  });

  it("requests.carryOverMismatch per column, pointing at this year's cell", () => {
    const p = previous();
    p.requests.carriedForward = row(30, 4, 0, 0, 0, 0, 34);
    const fs = checkReport(huaian2024(), { previous: p });
    expect(crossYear(fs)).toEqual([
      {
        code: "requests.carryOverMismatch",
        severity: "error",
        cells: [rq("carriedOver", "naturalPerson")],
      },
      {
        code: "requests.carryOverMismatch",
        severity: "error",
        cells: [rq("carriedOver", "commercialEnterprise")],
      },
    ]);
    expect(fs.find((f) => f.code === "requests.carryOverMismatch")!.message.zh).toBe(
      "三、“自然人”列：本年“二、上年结转政府信息公开申请数量”为 34，上年（2023 年）报告“四、结转下年度继续办理”为 30。",
    );
  });

  it("proactive.inForceDrift as a warning", () => {
    const p = previous();
    p.proactive.normativeDocuments.inForce = 80;
    const fs = checkReport(huaian2024(), { previous: p });
    expect(crossYear(fs)).toEqual([
      {
        code: "proactive.inForceDrift",
        severity: "warning",
        cells: [
          "proactive.normativeDocuments.inForce",
          "proactive.normativeDocuments.issued",
          "proactive.normativeDocuments.repealed",
        ],
      },
    ]);
    expect(fs.at(-1)!.message.zh).toContain("80 + 本年制发件数 8 − 本年废止件数 26 = 62");
  });

  it("only warns when the previous report is not of the year before", () => {
    const p = previous();
    p.year = 2022;
    p.requests.carriedForward = single(1);
    const fs = crossYear(checkReport(huaian2024(), { previous: p }));
    expect(fs).toEqual([{ code: "requests.carryOverMismatch", severity: "warning", cells: [] }]);
  });

  it("skips comparisons with invalid cells of the previous report", () => {
    const p = previous();
    p.requests.carriedForward.naturalPerson = null;
    p.proactive.rules.inForce = null;
    expect(crossYear(checkReport(huaian2024(), { previous: p }))).toEqual([]);
  });
});
