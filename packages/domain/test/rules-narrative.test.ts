// The texts (report/rules/narrative.ts): narrative.missing and narrative.numberMismatch.
import { describe, expect, it } from "vitest";
import { checkReport, type Finding, type ReportDraft, setCell } from "../src/index.ts";
import { brief, rq, validEmpty } from "./rules-fixtures.ts";

describe("one wrong cell", () => {
  it("narrative.missing when section 五 is empty or blank", () => {
    for (const problems of ["", "  \n "]) {
      const r = validEmpty();
      r.problems = problems;
      const findings = checkReport(r);
      expect(brief(findings)).toEqual([
        { code: "narrative.missing", severity: "warning", cells: ["problems"] },
      ]);
      expect(findings[0]!.message.zh).toContain("五、存在的主要问题及改进情况");
    }
  });
});

describe("narrative.numberMismatch", () => {
  const withText = (text: string, edit?: (r: ReportDraft) => void) => {
    const r = validEmpty();
    for (const [row, v] of [
      ["newReceived", 10],
      ["carriedOver", 2],
      ["granted", 9],
      ["totalProcessed", 9],
      ["carriedForward", 3],
    ] as const) {
      setCell(r, rq(row, "naturalPerson"), v);
      setCell(r, rq(row, "total"), v);
    }
    r.appeals.review = { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 };
    r.appeals.litigationDirect = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
    r.appeals.litigationAfterReview = { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 };
    r.overview.requests = text;
    edit?.(r);
    return checkReport(r);
  };
  const mismatches = (fs: Finding[]) =>
    fs.filter((f) => f.code === "narrative.numberMismatch").map((f) => f.cells);

  it("accepts text that agrees with the table, however it is broken or written", () => {
    expect(
      withText(
        "全年共收到政府信息公开申请１０件，答\n复 9 件（含上年度结转申请 2 件），3 件结转下年度继续办理。行政复议 2 件，其中结果维持1件，尚未审结1件；行政诉讼 2 件，其中结果维持1件，结果纠正1件。",
      ),
    ).toEqual([]);
    // "受理 N 件" counting the carried-over applications too
    expect(withText("共受理政府信息公开申请 12 件。")).toEqual([]);
    expect(withText("结转下年度办理的申请 3 件。上年结转申请2件。")).toEqual([]);
  });

  it.each([
    ["收到政府信息公开申请 11 件", "newReceived"],
    ["新收政府信息公开申请11条", "newReceived"],
    ["受理依申请公开申请 1,011 件", "newReceived"],
    ["答复 8 件", "totalProcessed"],
    ["办结申请 8 件", "totalProcessed"],
    ["上年度结转申请 1 件", "carriedOver"],
    ["另有 4 件顺延到下年度答复", "carriedForward"],
    ["结转下年度继续办理 4 件", "carriedForward"],
    ["顺延到下年度 4 件", "carriedForward"],
    ["上一年度结转的申请 1 件", "carriedOver"],
    ["共收到各类政府信息公开申请 1１ 件", "newReceived"],
  ])("flags “%s” against the %s total", (text, row) => {
    const found = mismatches(withText(`2024年，${text}。`));
    expect(found).toEqual([[rq(row, "total"), "overview.requests"]]);
  });

  it("flags appeal counts, litigation being both blocks together", () => {
    expect(mismatches(withText("政府信息公开行政复议 3 件。"))).toEqual([
      ["appeals.review.total", "overview.requests"],
    ]);
    expect(mismatches(withText("行政复议2件，其中结果维持2件。"))).toEqual([
      ["appeals.review.upheld", "overview.requests"],
    ]);
    expect(mismatches(withText("行政诉讼 3 件，其中尚未审结 1 件。"))).toEqual([
      [
        "appeals.litigationDirect.total",
        "appeals.litigationAfterReview.total",
        "overview.requests",
      ],
      [
        "appeals.litigationDirect.pending",
        "appeals.litigationAfterReview.pending",
        "overview.requests",
      ],
    ]);
  });

  it("reads every overview part and names it", () => {
    const fs = withText("", (r) => {
      r.overview.intro = "收到政府信息公开申请 7 件。";
      r.overview.supervision = "答复 1 件。";
    });
    expect(mismatches(fs)).toEqual([
      [rq("newReceived", "total"), "overview.intro"],
      [rq("totalProcessed", "total"), "overview.supervision"],
    ]);
    expect(fs[1]!.message.zh).toContain("（五）监督保障");
  });

  it("says nothing when the table cell is invalid (value.invalid does)", () => {
    const fs = withText("收到政府信息公开申请 7 件。", (r) =>
      setCell(r, rq("newReceived", "total"), null),
    );
    expect(fs.map((f) => f.code)).toEqual(["value.invalid"]);
  });

  it("ignores other numbers (documents, press conferences, percentages)", () => {
    expect(
      withText(
        "全年新增公开市政府规章 1 件、政策性文件 11 件，新闻发布会 12 场，答复率 100%，公开年报 1 条。",
      ),
    ).toEqual([]);
  });
});
