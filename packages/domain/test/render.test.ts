// Structural tests of the four renderers together: both languages in every format, and
// realistic generated reports (arbitraries.ts). Each format has its own file: render-*.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayWidth,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  renderReport,
  renderRequestsText,
  SECTION_TITLES,
  SECTIONS,
  TEXT_WIDTH,
} from "../src/index.ts";
import { arbReport } from "./arbitraries.ts";
import {
  CJK,
  distinctReport,
  mdSection,
  mdTableRows,
  reportArb,
  reportFromCsv,
  reportFromHtml,
  requestsFromText,
  show,
} from "./render-readers.ts";

// ── Both languages, every format ─────────────────────────────────────────────

describe("languages", () => {
  it("uses only English labels with lang en (no Chinese outside the data)", () => {
    const report = distinctReport();
    report.agency.name = "Test Bureau";
    report.overview.intro = "";
    report.problems = "";
    report.otherMatters = "";
    for (const format of ["md", "txt", "csv", "html"] as const) {
      let out = renderReport(report, { format, lang: "en" });
      if (format === "html") out = out.replace(/<style>[\s\S]*<\/style>/, "");
      out = out.replaceAll("(规章)", ""); // the catalog's English label keeps the term
      expect(out, format).not.toMatch(CJK);
      expect(out, format).toContain(SECTION_TITLES.overview.en);
    }
    expect(renderReport(report, { format: "md", lang: "en" })).toContain(
      "# Test Bureau: 2024 Annual Report on Government Information Disclosure",
    );
    expect(renderReport(report, { format: "html", lang: "en" })).toContain('<html lang="en"');
  });

  it("reads back every generated report from HTML", () => {
    fc.assert(
      fc.property(reportArb, fc.constantFrom("zh" as const, "en" as const), (report, lang) => {
        expect(reportFromHtml(renderReport(report, { format: "html", lang }))).toEqual(report);
      }),
      { numRuns: 30 },
    );
  });
});

// ── Realistic generated reports (arbitraries.ts) ─────────────────────────────

describe("generated valid reports", () => {
  it("show every cell in every format and read back from CSV, HTML and the chat text", () => {
    fc.assert(
      fc.property(arbReport(), fc.constantFrom("zh" as const, "en" as const), (report, lang) => {
        expect(reportFromCsv(renderReport(report, { format: "csv", lang }))).toEqual(report);
        expect(reportFromHtml(renderReport(report, { format: "html", lang }))).toEqual(report);
        const chat = renderRequestsText(report.requests, lang);
        expect(requestsFromText(chat, lang)).toEqual(report.requests);
        for (const line of chat.trimEnd().split("\n"))
          expect(displayWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
        const md = renderReport(report, { format: "md", lang });
        const rows = mdTableRows(mdSection(md, SECTION_TITLES.requests[lang])).slice(2);
        expect(rows.map((r) => r.slice(3))).toEqual(
          REQUEST_ROWS.map((r) => REQUEST_COLUMNS.map((c) => show(report.requests[r][c]))),
        );
        const txt = renderReport(report, { format: "txt", lang }).split("\n");
        for (const s of SECTIONS) expect(txt).toContain(SECTION_TITLES[s][lang]);
      }),
      { numRuns: 40 },
    );
  });
});
