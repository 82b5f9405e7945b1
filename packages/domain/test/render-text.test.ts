// The plain-text renderer (report/render/text.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayWidth,
  emptyReport,
  OUTCOMES_HEADING,
  renderReport,
  renderRequestsText,
  reportTitle,
  SECTION_TITLES,
  SECTIONS,
  TEXT_WIDTH,
} from "../src/index.ts";
import { distinctReport, reportArb, requestsFromText } from "./render-readers.ts";

// ── Plain text ───────────────────────────────────────────────────────────────

describe("renderReport txt and renderRequestsText", () => {
  it("shows section 三 compactly: totals, non-zero applicant cells, phone width", () => {
    const report = distinctReport();
    const text = renderRequestsText(report.requests);
    for (const line of text.trimEnd().split("\n"))
      expect(displayWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(text).toContain(OUTCOMES_HEADING.zh);
    expect(requestsFromText(text, "zh")).toEqual(report.requests);
    const zeros = emptyReport({ name: "局" }, 2024).requests;
    zeros.granted.naturalPerson = 2;
    zeros.granted.total = 2;
    const short = renderRequestsText(zeros, "zh").split("\n");
    const at = short.findIndex((l) => l.startsWith("（一）予以公开"));
    expect(short[at]).toMatch(/ 2$/);
    expect(short[at + 1]).toBe("  自然人 2");
    expect(short[at + 2]).toMatch(/^（二）部分公开 +0$/);
  });

  it("reads back section 三 for any table, in both languages", () => {
    fc.assert(
      fc.property(reportArb, fc.constantFrom("zh" as const, "en" as const), (report, lang) => {
        expect(requestsFromText(renderRequestsText(report.requests, lang), lang)).toEqual(
          report.requests,
        );
      }),
      { numRuns: 50 },
    );
  });

  it("contains every section in order, every text, the fees last", () => {
    const report = distinctReport();
    const text = renderReport(report, { format: "txt" });
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe(reportTitle(report, "zh"));
    expect(lines[1]).toBe("");
    expect(text).not.toContain("A-01"); // the agency code is not printed
    const positions = SECTIONS.map((s) => lines.indexOf(SECTION_TITLES[s].zh));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain(`${SECTION_TITLES.overview.zh}\n${report.overview.intro}\n\n`);
    expect(text).toContain(`${SECTION_TITLES.problems.zh}\n${report.problems}\n\n`);
    expect(lines.at(-3)).toMatch(new RegExp(`^发出收费通知的件数 +${report.fees.noticesIssued}$`));
    expect(lines.at(-1)).toMatch(
      new RegExp(`^实际收取的总金额（元） +${report.fees.amountCollectedYuan}$`),
    );
    expect(text).toMatch(/\n {2}本年收费金额（单位：万元） +96171\.6\n/);
    expect(text).toMatch(/\n行政诉讼 \/ 复议后起诉\n {2}结果维持 +\d+\n/);
  });
});
