// The report as Word, PDF and Excel: a real report (淮安市人民政府 2024, read from its published
// PDF) written in each format reads back through parseReport to the same cells; the official
// template filled in by hand reads too; the PDF's text layer carries the verbatim labels where
// they belong (pdftotext -layout, -bbox) and its page images have ink there (pdftoppm).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  APPEAL_BLOCK_LABELS,
  cellPaths,
  checkReport,
  getCell,
  OUTCOMES_HEADING,
  parseReport,
  REQUEST_ROW_CATALOG,
  type ReportDraft,
  SECTION_TITLES,
} from "@ogi/domain";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDocument, renderSheetXlsx } from "../src/index.ts";

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, "fixtures", name));
const huaian = JSON.parse(fixture("huaian-2024.json").toString("utf8")) as ReportDraft;
const dir = mkdtempSync(join(tmpdir(), "ogi-documents-"));

const sameCells = (a: ReportDraft, b: ReportDraft) => {
  const diffs: string[] = [];
  for (const { path } of cellPaths())
    if (getCell(a, path) !== getCell(b, path))
      diffs.push(`${path}: ${getCell(a, path)} ≠ ${getCell(b, path)}`);
  return diffs;
};

describe("round trip through parseReport", () => {
  it("DOCX of 淮安 2024 reads back to the same cells, agency and year", async () => {
    const bytes = await renderDocument(huaian, { format: "docx", date: "2025-01-20" });
    const { report } = await parseReport(bytes, { filename: "report.docx" });
    expect(sameCells(report, huaian)).toEqual([]);
    expect(report.agency.name).toBe("淮安市人民政府");
    expect(report.year).toBe(2024);
  });

  it("PDF of 淮安 2024 reads back to the same cells", async () => {
    const bytes = await renderDocument(huaian, { format: "pdf", date: "2025-01-20" });
    const { report } = await parseReport(bytes, { filename: "report.pdf" });
    expect(sameCells(report, huaian)).toEqual([]);
    expect(report.agency.name).toBe("淮安市人民政府");
  });

  it("the official template's DOCX, filled in by hand, reads to the same cells", async () => {
    const { report, findings } = await parseReport(fixture("template-filled-huaian-2024.docx"));
    expect(sameCells(report, huaian)).toEqual([]);
    expect(report.agency.name).toBe("淮安市人民政府");
    expect(findings.filter((f) => f.code === "import.unreadable")).toEqual([]);
  });

  it("the official template itself, blank, is read as a report with blank cells", async () => {
    const template = readFileSync(
      resolve(import.meta.dirname, "../../../../shared/fixtures/format-2021-template.docx"),
    );
    const { report } = await parseReport(template);
    expect(getCell(report, "requests.newReceived.total")).toBeNull();
  });
});

describe("DOCX layout", () => {
  it("names the 公文 fonts, merges the template's cells, repeats header rows, numbers pages", async () => {
    const noIntro = { ...huaian, overview: { ...huaian.overview, intro: "" } };
    const files = unzipSync(await renderDocument(noIntro, { format: "docx", date: "2025-01-20" }));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:gridSpan w:val="7"\/>/);
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4
    const footer = Object.entries(files).find(([name]) => /word\/footer\d*\.xml/.test(name));
    expect(strFromU8(footer![1])).toContain("PAGE");
    expect(xml).toContain("本报告根据《中华人民共和国政府信息公开条例》");
    expect(xml).toContain("2025年1月20日");
    for (const s of Object.values(SECTION_TITLES)) expect(xml).toContain(s.zh);
  });

  it("prints no agency code and no field paths; a draft is marked 草稿 with findings only when asked", async () => {
    const withCode = { ...huaian, agency: { name: "淮安市人民政府", code: "320800-gov" } };
    const published = strFromU8(
      unzipSync(await renderDocument(withCode, { format: "docx" }))["word/document.xml"]!,
    );
    expect(published).not.toContain("320800-gov");
    expect(published).not.toMatch(/requests\.|proactive\.|appeals\./);
    const findings = checkReport({ ...withCode, problems: "" });
    const draft = unzipSync(
      await renderDocument(withCode, { format: "docx", draft: true, findings }),
    );
    const header = Object.entries(draft).find(([name]) => /word\/header\d*\.xml/.test(name));
    expect(strFromU8(header![1])).toContain('string="草稿"');
    const draftXml = strFromU8(draft["word/document.xml"]!);
    if (findings.length > 0) expect(draftXml).toContain("检查结果");
    for (const f of findings) expect(draftXml).not.toContain(f.code);
    // Not a draft: the findings are not printed even when given.
    const notDraft = strFromU8(
      unzipSync(await renderDocument(withCode, { format: "docx", findings }))["word/document.xml"]!,
    );
    expect(notDraft).not.toContain("检查结果");
  });
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

describe("PDF pages", () => {
  it("embeds a subset CJK font; pdftotext -layout carries the verbatim labels", async () => {
    const file = join(dir, "huaian.pdf");
    const noIntro = { ...huaian, overview: { ...huaian.overview, intro: "" } };
    writeFileSync(file, await renderDocument(noIntro, { format: "pdf", date: "2025-01-20" }));
    const fonts = run("pdffonts", [file]);
    expect(fonts).toMatch(
      /[A-Z]{6}\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/,
    );
    const text = run("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("淮安市人民政府2024年政府信息公开工作年度报告");
    for (const s of Object.values(SECTION_TITLES)) expect(text).toContain(s.zh);
    // The labels that fit their cell on one line (the longer ones wrap inside the cell).
    for (const r of REQUEST_ROW_CATALOG.filter((r) => r.label.zh.length <= 12))
      expect(text).toContain(r.label.zh);
    for (const b of Object.values(APPEAL_BLOCK_LABELS)) expect(text).toContain(b.zh);
    expect(text).toContain("本报告根据《中华人民共和国政府信息公开条例》");
    expect(text).toMatch(/淮安市人民政府\s*\n\s*2025年1月20日/);
    expect(text).toMatch(/—\s*1\s*—/);
  });

  it("the header rows of section 三 repeat on the page the table continues on", async () => {
    const file = join(dir, "huaian.pdf");
    const pages = run("pdftotext", ["-layout", file, "-"]).split("\f");
    const withHeader = pages.filter((p) => p.includes("申请人情况"));
    const withOutcomes = pages.filter(
      (p) => p.includes("（七）总计") || p.includes("1.属于国家秘密"),
    );
    expect(withOutcomes.length).toBeGreaterThanOrEqual(1);
    for (const p of withOutcomes) expect(p).toContain("申请人情况");
    expect(withHeader.length).toBeGreaterThanOrEqual(withOutcomes.length);
    expect(OUTCOMES_HEADING.zh.length).toBeGreaterThan(0);
  });

  it("page 1 has its title centred at the top, in ink (pdftotext -bbox, pdftoppm)", () => {
    const file = join(dir, "huaian.pdf");
    const bbox = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"]);
    const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(bbox)!;
    const width = Number(page[1]);
    const words = [
      ...bbox.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: m[5]! }));
    const title = words.find((w) => w.text.startsWith("淮安市人民政府2024年"))!;
    expect(title.y0).toBeLessThan(140);
    expect(Math.abs((title.x0 + title.x1) / 2 - width / 2)).toBeLessThan(30);
    // A 50 dpi grey image of page 1: the title's box has ink, the margin above it none.
    execFileSync("pdftoppm", ["-gray", "-r", "50", "-f", "1", "-l", "1", file, join(dir, "p")]);
    const pgm = readFileSync(join(dir, "p-1.pgm"));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 50).toString("latin1"))!;
    const [w, offset] = [Number(header[1]), header[0].length];
    const scale = 50 / 72;
    const inkIn = (x0: number, y0: number, x1: number, y1: number) => {
      let dark = 0;
      for (let y = Math.floor(y0 * scale); y < Math.ceil(y1 * scale); y++)
        for (let x = Math.floor(x0 * scale); x < Math.ceil(x1 * scale); x++)
          if (pgm[offset + y * w + x]! < 128) dark++;
      return dark;
    };
    expect(inkIn(title.x0, title.y0, title.x1, title.y1)).toBeGreaterThan(50);
    expect(inkIn(0, 0, width, 60)).toBe(0);
  });

  it("a draft reads back to the same cells (its watermark is outlines: watermark.test.ts)", async () => {
    const bytes = await renderDocument(huaian, { format: "pdf", draft: true });
    expect(sameCells((await parseReport(bytes)).report, huaian)).toEqual([]);
  });
});

describe("XLSX", () => {
  it("the report's tables, one sheet each, with merged cells and figures as numbers", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderDocument(huaian, { format: "xlsx" })).buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "二、主动公开",
      "三、依申请公开",
      "四、复议诉讼",
      "六、信息处理费",
    ]);
    const requests = book.getWorksheet("三、依申请公开")!;
    expect(requests.getCell("A3").value).toContain("勾稽关系");
    expect(requests.getCell("A3").isMerged).toBe(true);
    // Row 4 of the table (sheet row 6): 一、本年新收…, its total in the last column.
    expect(requests.getCell(6, 10).value).toBe(huaian.requests.newReceived.total);
  });

  it("a register sheet: Chinese headers, dates as dates, formulas kept as text", async () => {
    const bytes = await renderSheetXlsx(
      "登记簿",
      [
        { header: "编号", kind: "number" },
        { header: "收到申请日期", kind: "date" },
        { header: "申请内容", kind: "text" },
      ],
      [
        [1, "2025-03-01", '=HYPERLINK("x")'],
        [2, "2025-12-31", "公开某某文件"],
      ],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "编号", "收到申请日期", "申请内容"]);
    const date = sheet.getCell("B2").value as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(sheet.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("C2").value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell("C2").formula).toBeUndefined();
  });
});
