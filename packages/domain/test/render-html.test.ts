// The HTML renderer (report/render/html.ts): every cell where the official layout puts it, the
// template's merged cells, escaping; read back by a small local reader.
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  BALANCE_NOTE,
  type Finding,
  OUTCOMES_HEADING,
  REQUEST_COLUMN_CATALOG,
  REQUEST_COLUMNS,
  REQUEST_ROW_CATALOG,
  REQUEST_ROWS,
  renderReport,
  requestRowLevels,
  SECTION_TITLES,
  SECTIONS,
} from "../src/index.ts";
import { distinctReport, reportFromHtml, show, tableGrid, textOf } from "./render-readers.ts";

// ── HTML ──────────────────────────────────────────────────────────────────────

describe("renderReport html", () => {
  const report = distinctReport();
  const html = renderReport(report, { format: "html" });
  const doc = parseDocument(html, { decodeEntities: true });
  const tables = DomUtils.getElementsByTagName("table", doc);
  const byClass = (cls: string) => tables.find((t) => t.attribs.class === cls)!;

  it("is one self-contained page that prints on A4", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(/@page\s*{\s*size:\s*A4/);
    expect(html).toMatch(/break-inside:\s*avoid/);
    expect(html).toMatch(/table-layout:\s*fixed/);
    expect(html).toContain("仿宋");
    expect(html).toContain("宋体");
    expect(DomUtils.getElementsByTagName("script", doc)).toHaveLength(0);
    expect(
      DomUtils.findAll(
        (e) => e.attribs.src !== undefined || e.attribs.href !== undefined,
        doc.children,
      ),
    ).toHaveLength(0);
    const h1 = DomUtils.getElementsByTagName("h1", doc);
    expect(h1.map(textOf)).toEqual(["测试县测试局2024年政府信息公开工作年度报告"]);
    expect(DomUtils.getElementsByTagName("h2", doc).map(textOf)).toEqual(
      SECTIONS.map((s) => SECTION_TITLES[s].zh),
    );
  });

  it("has section 三 with the template's merged cells and every cell in its slot", () => {
    const grid = tableGrid(byClass("requests"));
    expect(grid).toHaveLength(28);
    for (const row of grid) expect(row.filter(Boolean)).toHaveLength(10);
    // the corner note over 3 × 3, 申请人情况 over the 7 columns
    const corner = grid[0]![0]!;
    expect(textOf(corner)).toBe(BALANCE_NOTE.zh);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(grid[r]![c]).toBe(corner);
    for (let c = 3; c < 10; c++) expect(textOf(grid[0]![c]!)).toBe("申请人情况");
    expect(textOf(grid[1]![3]!)).toBe("自然人");
    expect(grid[2]![3]).toBe(grid[1]![3]);
    for (let c = 4; c < 9; c++) {
      expect(textOf(grid[1]![c]!)).toBe("法人或其他组织");
      expect(textOf(grid[2]![c]!)).toBe(REQUEST_COLUMN_CATALOG[c - 3]!.label.zh);
    }
    expect(textOf(grid[1]![9]!)).toBe("总计");
    expect(grid[2]![9]).toBe(grid[1]![9]);
    // 三、本年度办理结果 spans the rows 3–24 (grid rows 5–26)
    const outcomes = grid[5]![0]!;
    expect(textOf(outcomes)).toBe(OUTCOMES_HEADING.zh);
    for (let r = 5; r <= 26; r++) expect(grid[r]![0]).toBe(outcomes);
    expect(grid[4]![0]).not.toBe(outcomes);
    expect(grid[27]![0]).not.toBe(outcomes);
    // group labels over their items; one-line rows span the label columns
    REQUEST_ROWS.forEach((r, i) => {
      const g = grid[i + 3]!;
      const levels = requestRowLevels(r, "zh");
      expect(textOf(g[0]!)).toBe(levels[0]);
      expect(textOf(g[1]!)).toBe(levels[1] || levels[0]);
      expect(textOf(g[2]!)).toBe(levels[2] || levels[1] || levels[0]);
      REQUEST_COLUMNS.forEach((c, j) => {
        const td = g[3 + j]!;
        expect(td.name).toBe("td");
        expect(td.attribs["data-cell"]).toBe(`requests.${r}.${c}`);
        expect(textOf(td)).toBe(show(report.requests[r][c]));
      });
    });
    const denied = REQUEST_ROW_CATALOG.filter((r) => r.group === "denied").map((r) => r.order);
    expect(grid[denied[0]! + 2]![1]).toBe(grid[denied.at(-1)! + 2]![1]);
    expect(Number(grid[denied[0]! + 2]![1]!.attribs.rowspan)).toBe(8);
  });

  it("has section 四 with 行政复议 over 5 columns and 行政诉讼 over 10", () => {
    const grid = tableGrid(byClass("appeals"));
    expect(grid).toHaveLength(4);
    for (const row of grid) expect(row.filter(Boolean)).toHaveLength(15);
    for (let c = 0; c < 5; c++) {
      expect(textOf(grid[0]![c]!)).toBe("行政复议");
      expect(grid[1]![c]).toBe(grid[2]![c]);
    }
    for (let c = 5; c < 15; c++) {
      expect(textOf(grid[0]![c]!)).toBe("行政诉讼");
      expect(textOf(grid[1]![c]!)).toBe(c < 10 ? "未经复议直接起诉" : "复议后起诉");
      expect(textOf(grid[2]![c]!)).toBe(APPEAL_COLUMN_LABELS[APPEAL_COLUMNS[(c - 5) % 5]!].zh);
    }
    for (const [i, b] of APPEAL_BLOCKS.entries())
      for (const [j, c] of APPEAL_COLUMNS.entries()) {
        const td = grid[3]![i * 5 + j]!;
        expect(td.attribs["data-cell"]).toBe(`appeals.${b}.${c}`);
        expect(textOf(td)).toBe(show(report.appeals[b][c]));
      }
  });

  it("has section 二 as the template's 4-column table", () => {
    const grid = tableGrid(byClass("proactive"));
    expect(grid).toHaveLength(14);
    for (const row of grid) expect(row.filter(Boolean)).toHaveLength(4);
    expect(textOf(grid[0]![0]!)).toBe("第二十条第（一）项");
    expect(grid[6]![1]!.attribs["data-cell"]).toBe("proactive.licensing.decisions");
    expect(grid[6]![3]).toBe(grid[6]![1]);
    expect(textOf(grid[13]![1]!)).toBe("96171.6");
  });

  it("escapes agency names and texts, and reads back to the same report", () => {
    const evil = distinctReport();
    evil.agency.name = '<script>alert("x")</script>局';
    evil.problems = "</div><img src=x onerror=alert(1)> & 'q'";
    const page = renderReport(evil, { format: "html" });
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    const d = parseDocument(page, { decodeEntities: true });
    expect(DomUtils.getElementsByTagName("script", d)).toHaveLength(0);
    expect(DomUtils.getElementsByTagName("img", d)).toHaveLength(0);
    expect(reportFromHtml(page)).toEqual(evil);
  });

  it("lists findings and marks the cells they point at", () => {
    const findings: Finding[] = [
      {
        code: "requests.balance",
        severity: "error",
        cells: ["requests.newReceived.total", "requests.carriedForward.total"],
        message: { zh: "不平衡 <b>", en: "Does not balance" },
      },
      {
        code: "fees.notStated",
        severity: "warning",
        cells: ["fees.noticesIssued"],
        message: { zh: "未说明", en: "Not stated" },
      },
    ];
    const page = renderReport(report, { format: "html", findings, lang: "en" });
    const d = parseDocument(page, { decodeEntities: true });
    const list = DomUtils.findAll((e) => e.attribs.class === "findings", d.children)[0]!;
    expect(DomUtils.getElementsByTagName("li", list).map(textOf).join("\n")).toContain(
      "Does not balance",
    );
    const flagged = DomUtils.findAll(
      (e) => (e.attribs.class ?? "").includes("flagged"),
      d.children,
    );
    expect(flagged.map((e) => e.attribs["data-cell"]).sort()).toEqual(
      ["fees.noticesIssued", "requests.carriedForward.total", "requests.newReceived.total"].sort(),
    );
    const total = flagged.find((e) => e.attribs["data-cell"] === "requests.newReceived.total")!;
    expect(total.attribs.class).toContain("flagged-error");
    expect(total.attribs.title).toBe("Does not balance");
    expect(reportFromHtml(page)).toEqual(report);
  });
});
