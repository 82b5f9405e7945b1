// The CSV renderer (report/render/csv.ts), read back by a small local reader.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellPaths, emptyReport, getCell, type ReportDraft, renderReport } from "../src/index.ts";
import { distinctReport, parseCsv, reportArb, reportFromCsv, show } from "./render-readers.ts";

// ── CSV ───────────────────────────────────────────────────────────────────────

describe("renderReport csv", () => {
  it("has a header, one record per cell with its verbatim label, BOM and CRLF", () => {
    const report = distinctReport();
    const csv = renderReport(report, { format: "csv" });
    expect(csv.startsWith("\uFEFFsection,rowKey,columnKey,label,value\r\n")).toBe(true);
    const records = parseCsv(csv.slice(1));
    const cells = [...cellPaths()];
    const meta = records.filter((r) => ["formatVersion", "agency", "year"].includes(r[0]!));
    const texts = records.filter((r) => ["overview", "problems", "otherMatters"].includes(r[0]!));
    expect(meta).toHaveLength(4);
    expect(texts).toHaveLength(8);
    expect(records).toHaveLength(1 + meta.length + texts.length + cells.length);
    const cellRecords = records.filter((r) =>
      ["proactive", "requests", "appeals", "fees"].includes(r[0]!),
    );
    expect(cellRecords.map((r) => r.slice(0, 3).filter(Boolean).join("."))).toEqual(
      cells.map((c) => c.path),
    );
    for (const r of cellRecords)
      expect(r[4]).toBe(show(getCell(report, r.slice(0, 3).filter(Boolean).join("."))));
    const find = (path: string) =>
      cellRecords.find((r) => r.slice(0, 3).filter(Boolean).join(".") === path)!;
    expect(find("requests.deniedStateSecret.commercialEnterprise")[3]).toBe(
      "1.属于国家秘密 / 法人或其他组织 / 商业企业",
    );
    expect(find("requests.deniedStateSecret.researchInstitution")[4]).toBe("");
    expect(find("appeals.litigationDirect.upheld")[3]).toBe(
      "行政诉讼 / 未经复议直接起诉 / 结果维持",
    );
    expect(find("fees.amountCollectedYuan")[3]).toBe("实际收取的总金额（元）");
    expect(reportFromCsv(csv)).toEqual(report);
  });

  it("guards against formula injection and quotes per RFC 4180", () => {
    const report = emptyReport({ name: '=HYPERLINK("http://x","y")' }, 2024) as ReportDraft;
    report.problems = "+1";
    report.otherMatters = "@SUM(1)";
    report.overview.intro = "\tx";
    report.overview.proactive = '-2, "x"\n第二行';
    const csv = renderReport(report, { format: "csv" });
    const records = parseCsv(csv.slice(1));
    const value = (section: string, row = "") =>
      records.find((r) => r[0] === section && r[1] === row)![4];
    expect(value("agency", "name")).toBe('\'=HYPERLINK("http://x","y")');
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(value("problems")).toBe("'+1");
    expect(value("otherMatters")).toBe("'@SUM(1)");
    expect(value("overview", "intro")).toBe("'\tx");
    expect(value("overview", "proactive")).toBe('\'-2, "x"\n第二行');
    for (const r of records) expect(r[4]!).not.toMatch(/^[=+@\t\r]/);
    expect(reportFromCsv(csv)).toEqual(report);
  });

  it("reads back to the same report for generated reports", () => {
    fc.assert(
      fc.property(reportArb, fc.constantFrom("zh" as const, "en" as const), (report, lang) => {
        expect(reportFromCsv(renderReport(report, { format: "csv", lang }))).toEqual(report);
      }),
      { numRuns: 50 },
    );
  });
});
