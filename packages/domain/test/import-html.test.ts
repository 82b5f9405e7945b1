// HTML pages as government sites publish them, and Markdown/HTML that is not exactly ours:
// the general readers (grid from rowspan/colspan, prose from paragraphs).
import { describe, expect, it } from "vitest";
import { parseReport, parseReportHtml, parseReportText, renderReport } from "../src/index.ts";
import { huaianNumbers, numbersOf, readOwn, readSharedText, squeeze } from "./import-helpers.ts";

// Stored as .txt: the markup as published, out of the linters' reach.
const gov = readOwn("huaian-2024.gov.html.txt");
const FEES_NOT_STATED = ["fees.notStated"];

describe("a government CMS page (nested <p><span>, &nbsp;, merged cells, <br> in cells)", () => {
  it("reads every cell, the title and the prose", async () => {
    const { report, findings } = await parseReport(gov, { filename: "huaian-2024.html" });
    expect(numbersOf(report)).toEqual(huaianNumbers());
    expect(report.agency).toEqual({ name: "淮安市人民政府" });
    expect(report.year).toBe(2024);
    expect(findings.map((f) => f.code)).toEqual(FEES_NOT_STATED);
    expect(report.overview.intro).toMatch(/^2024 年，我市坚持.*圆满完成了各项任务。$/);
    expect(report.overview.proactive).toMatch(/^2024 年，市政府网站主动公开/);
    expect(report.overview.supervision).toMatch(/工作能力和水平。$/);
    expect(report.problems.split("\n")).toHaveLength(2);
    // The signature and the site's footer are not part of 六.
    expect(report.otherMatters).toBe(
      "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。",
    );
  });

  it("inside a layout table (old CMS pages put the whole article in one)", () => {
    const html = gov
      .replace('<div class="article">', '<table width="900"><tr><td width="200">导航</td><td>')
      .replace('</div></div><div class="footer">', '</div></td></tr></table><div class="footer">');
    expect(html).not.toBe(gov);
    const { report, findings } = parseReportHtml(html);
    expect(numbersOf(report)).toEqual(huaianNumbers());
    expect(findings.map((f) => f.code)).toEqual(FEES_NOT_STATED);
  });

  it("ignores scripts, styles and the breadcrumb", () => {
    const { report } = parseReportHtml(gov);
    expect(report.overview.intro).not.toMatch(/_hmt|document\.write/);
  });

  it("a '/' cell and an empty cell are null with value.invalid", () => {
    const html = gov
      .replace(
        '<span style="font-size:10.5pt;">447,228</span>',
        '<span style="font-size:10.5pt;">/</span>',
      )
      .replace(/(<td[^>]*><p[^>]*><span[^>]*>)1288(<\/span>)/, "$1&nbsp;$2");
    const { report, findings } = parseReportHtml(html);
    expect(report.proactive.licensing.decisions).toBeNull();
    expect(report.requests.granted.naturalPerson).toBeNull();
    expect(findings.map((f) => [f.code, f.cells])).toEqual([
      ["value.invalid", ["proactive.licensing.decisions"]],
      ["value.invalid", ["requests.granted.naturalPerson"]],
      ["fees.notStated", ["fees.noticesIssued", "fees.amountNotifiedYuan"]],
    ]);
  });
});

describe("our renderings read by the general readers (when edited so they are not exact)", async () => {
  const { report: huaian } = await parseReport(readSharedText("huaian-2024.layout.txt"));

  it("HTML without its data attributes", () => {
    const html = renderReport(huaian, { format: "html" }).replace(/ data-[a-z-]+="[^"]*"/g, "");
    const { report } = parseReportHtml(html);
    expect(numbersOf(report)).toEqual(huaianNumbers());
    expect(report.agency.name).toBe("淮安市人民政府");
    expect(squeeze(report.overview.platform)).toBe(squeeze(huaian.overview.platform));
    expect(squeeze(report.otherMatters)).toBe(squeeze(huaian.otherMatters));
  });

  it("Markdown whose title lost its '#'", () => {
    const md = renderReport(huaian, { format: "md" }).replace(/^# /, "");
    const { report } = parseReportText(md);
    expect(numbersOf(report)).toEqual(huaianNumbers());
    expect(report.problems).toBe(huaian.problems);
    expect(report.otherMatters).toBe(huaian.otherMatters);
    expect(report.overview).toEqual(huaian.overview);
  });

  it("Markdown fee table values win over the prose", () => {
    const draft = structuredClone(huaian);
    draft.fees = { noticesIssued: 2, amountNotifiedYuan: 100, amountCollectedYuan: 40 };
    const md = renderReport(draft, { format: "md" }).replace(/^# /, "");
    expect(parseReportText(md).report.fees).toEqual(draft.fees);
  });
});
