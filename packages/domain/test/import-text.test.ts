// Pieces of published reports that vary from agency to agency: titles, fee statements, the
// way table rows are written.
import { describe, expect, it } from "vitest";
import { parseReportText, readFeeStatement } from "../src/index.ts";
import { readSharedText } from "./import-helpers.ts";

const minquan = readSharedText("minquan-gxkj-2023.txt");
const TITLE = "民权县工业和信息化和科技局 2023 年政府信息公开 工作年度报告";

describe("the title: agency and year", () => {
  const cases: [string, string, number][] = [
    [TITLE, "民权县工业和信息化和科技局", 2023],
    [
      "民权县工业和信息化和科技局２０２３年政府信息公开工作年度报告",
      "民权县工业和信息化和科技局",
      2023,
    ],
    [
      "2023年民权县工业和信息化和科技局政府信息公开工作年度报告",
      "民权县工业和信息化和科技局",
      2023,
    ],
    [
      "民权县工业和信息化和科技局\n2023年度政府信息公开工作年度报告",
      "民权县工业和信息化和科技局",
      2023,
    ],
    [
      "# 民权县工业和信息化和科技局2023年政府信息公开工作年度报告",
      "民权县工业和信息化和科技局",
      2023,
    ],
  ];
  for (const [title, name, year] of cases)
    it(JSON.stringify(title), () => {
      const { report, findings } = parseReportText(minquan.replace(TITLE, title));
      expect(report.agency.name).toBe(name);
      expect(report.year).toBe(year);
      expect(findings).toEqual([]);
    });

  it("without a title: a finding, and the first year of the text", () => {
    const { report, findings } = parseReportText(minquan.replace(TITLE, ""));
    expect(report.year).toBe(2023);
    expect(report.agency.name).toBe("");
    expect(findings.map((f) => [f.code, f.cells])).toEqual([
      ["import.unreadable", ["agency.name"]],
      ["import.unreadable", ["year"]],
    ]);
  });
});

describe("the fee statement of 六 (信息处理费)", () => {
  const cases: [string, [number | null, number | null, number | null]][] = [
    ["发出收费通知的件数和总金额，以及实际收取的总金额均为0。", [0, 0, 0]],
    [
      "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。",
      [null, null, 3940],
    ],
    ["2023年度本机关未收取信息处理费。", [null, null, 0]],
    ["本机关共发出收费通知3件，总金额1,200元，实际收取900元。", [3, 1200, 900]],
    ["未发出收费通知，未收取信息处理费。", [0, 0, 0]],
    ["全年收取信息处理费共计1.5万元。", [null, null, 15000]],
    ["无其他需要报告的事项。", [null, null, null]],
    ["", [null, null, null]],
  ];
  for (const [text, [noticesIssued, amountNotifiedYuan, amountCollectedYuan]] of cases)
    it(JSON.stringify(text), () => {
      expect(readFeeStatement(text)).toEqual({
        noticesIssued,
        amountNotifiedYuan,
        amountCollectedYuan,
      });
    });

  it("nothing said in 六: all three null and fees.notStated", () => {
    const { report, findings } = parseReportText(
      minquan.replace(/2023年度本机关未收取信息处理费。.*$/s, "无。"),
    );
    expect(report.fees).toEqual({
      noticesIssued: null,
      amountNotifiedYuan: null,
      amountCollectedYuan: null,
    });
    expect(findings.map((f) => f.code)).toEqual(["fees.notStated"]);
  });
});

describe("table rows as people write them", () => {
  it("label and numbers separated by single spaces", () => {
    const text = minquan.replace(
      "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t",
      "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
    );
    const { report } = parseReportText(text);
    expect(report.requests.newReceived.total).toBe(1);
    expect(report.requests.newReceived.naturalPerson).toBe(1);
  });

  it("every cell on its own line (a table copied without tabs)", () => {
    const text = minquan.replace(
      "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t",
      ["二、上年结转政府信息公开申请数量", "5", "0", "0", "0", "0", "0", "5"].join("\n"),
    );
    const { report } = parseReportText(text);
    expect(report.requests.carriedOver.total).toBe(5);
    expect(report.requests.carriedOver.naturalPerson).toBe(5);
    expect(report.requests.granted.total).toBe(0);
  });

  it("headings in bold, sections in a different case of brackets", () => {
    const text = minquan
      .replace("一、总体情况", "**一、总体情况**")
      .replace("(二) 依申请公开:", "（二）依申请公开：");
    const { report } = parseReportText(text);
    expect(report.overview.requests).toMatch(/^按照职责分工/);
  });
});

describe("numbers that belong nowhere are reported, not dropped silently", () => {
  it("a row of another format in 二", () => {
    const text = minquan.replace("行政许可\t0\t\t", "行政许可\t0\t\t\n其他对外管理服务事项\t5\t\t");
    const { report, findings } = parseReportText(text);
    expect(report.proactive.licensing.decisions).toBe(0);
    expect(findings).toMatchObject([{ code: "import.unreadable", severity: "warning", line: 36 }]);
    expect(findings[0]!.message.zh).toContain("其他对外管理服务事项");
  });

  it("a stray line of numbers in 三", () => {
    const text = minquan.replace("四、结转下年度继续办理", "9\t9\t9\n四、结转下年度继续办理");
    const { report, findings } = parseReportText(text);
    expect(report.requests.carriedForward.total).toBe(0);
    expect(findings).toMatchObject([{ code: "import.unreadable", line: 75 }]);
  });
});
