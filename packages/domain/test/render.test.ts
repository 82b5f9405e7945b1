// Structural tests of the four renderers: every cell where the official layout puts it, the
// template's merged cells, escaping, and each format read back by a small local reader.
import fc from "fast-check";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPLICANT_TYPES,
  BALANCE_NOTE,
  cellPaths,
  displayWidth,
  emptyReport,
  type Finding,
  getCell,
  OUTCOMES_HEADING,
  OVERVIEW_PARTS,
  REQUEST_COLUMN_CATALOG,
  REQUEST_COLUMNS,
  REQUEST_ROW_CATALOG,
  REQUEST_ROWS,
  type ReportDraft,
  type RequestsTableDraft,
  renderReport,
  renderRequestsText,
  reportDraftSchema,
  reportTitle,
  requestRowLevels,
  SECTION_TITLES,
  SECTIONS,
  SHORT_APPLICANT_LABELS,
  SHORT_ROW_LABELS,
  setCell,
  TEXT_WIDTH,
  unescapeMarkdown,
} from "../src/index.ts";
import { arbReport } from "./arbitraries.ts";

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

// ── Fixtures ──────────────────────────────────────────────────────────────────

/** Every cell a different value (so a misplaced cell shows), one null, one decimal. */
const distinctReport = (): ReportDraft => {
  const report: ReportDraft = emptyReport({ name: "测试县测试局", code: "A-01" }, 2024);
  let n = 1;
  for (const { path } of cellPaths()) setCell(report, path, n++);
  setCell(report, "requests.deniedStateSecret.researchInstitution", null);
  setCell(report, "proactive.fees.amountWanYuan", 96171.6);
  report.overview.intro = "本报告根据《条例》编制。\n第二行";
  report.problems = "问题一\n\n问题二";
  report.otherMatters = "未收取信息处理费。";
  return report;
};

const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 99999 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999999 }).map((v) => v / 100) },
);
const textArb = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("=SUM(A1)", "-1", "@x", "# 标题", "| a | b |", "\\n", 'a,b"c"\n\'d', "1. 第一"),
  fc
    .array(fc.constantFrom("政府", "信息", "公开", "\n", " ", "“", "，", "。"), { maxLength: 12 })
    .map((a) => a.join("")),
);

/** A small generator of draft reports (arbitraries.ts of the import tests covers more). */
const reportArb: fc.Arbitrary<ReportDraft> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom("测试局", "<b>A&B</b> 局", "=cmd|' /C calc'!A0"),
      fc.string({ minLength: 1, maxLength: 20 }),
    ),
    code: fc.option(fc.stringMatching(/^[0-9A-Z-]{0,12}$/), { nil: undefined }),
    year: fc.integer({ min: 2008, max: 2100 }),
    cells: fc.array(cellArb, { minLength: 203, maxLength: 203 }),
    texts: fc.array(textArb, { minLength: 8, maxLength: 8 }),
  })
  .map(({ name, code, year, cells, texts }) => {
    const report: ReportDraft = emptyReport(code === undefined ? { name } : { name, code }, year);
    let i = 0;
    for (const { path } of cellPaths()) setCell(report, path, cells[i++]!);
    ["intro", ...OVERVIEW_PARTS].forEach((p, j) => {
      report.overview[p as keyof ReportDraft["overview"]] = texts[j]!;
    });
    report.problems = texts[6]!;
    report.otherMatters = texts[7]!;
    return report;
  });

const show = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

// ── Readers (deliberately small: the real parser is parseReport) ───────────────

const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
};

const reportFromCsv = (csv: string): ReportDraft => {
  const [, ...records] = parseCsv(csv.replace(/^\uFEFF/, ""));
  const report: Record<string, unknown> = {};
  const put = (path: string[], value: unknown) => {
    let node = report;
    for (const p of path.slice(0, -1)) {
      node[p] ??= {};
      node = node[p] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  };
  for (const [section, rowKey, columnKey, , value] of records) {
    const path = [section!, rowKey!, columnKey!].filter(Boolean);
    if (["agency", "overview", "problems", "otherMatters"].includes(section!))
      put(path, value!.replace(/^'/, ""));
    else if (section === "formatVersion") put(path, value);
    else put(path, value === "" ? null : Number(value));
  }
  return reportDraftSchema.parse(report);
};

/** The table as a grid: grid[r][c] is the element covering that slot (rowspan/colspan). */
const tableGrid = (table: Element): Element[][] => {
  const grid: Element[][] = [];
  const rows = DomUtils.getElementsByTagName("tr", table);
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of tr.children.filter(
      (n): n is Element => "name" in n && (n.name === "td" || n.name === "th"),
    )) {
      while (grid[r]![c] !== undefined) c++;
      const rs = Number(cell.attribs.rowspan ?? 1);
      const cs = Number(cell.attribs.colspan ?? 1);
      for (let i = 0; i < rs; i++)
        for (let j = 0; j < cs; j++) {
          grid[r + i] ??= [];
          expect(grid[r + i]![c + j], `slot ${r + i},${c + j} covered twice`).toBeUndefined();
          grid[r + i]![c + j] = cell;
        }
      c += cs;
    }
  });
  return grid;
};
const textOf = (el: Element) => DomUtils.textContent(el);

const reportFromHtml = (html: string): ReportDraft => {
  const doc = parseDocument(html, { decodeEntities: true });
  const body = DomUtils.getElementsByTagName("body", doc)[0]!;
  const htmlEl = DomUtils.getElementsByTagName("html", doc)[0]!;
  const report = emptyReport(
    body.attribs["data-agency-code"] === undefined
      ? { name: body.attribs["data-agency-name"]! }
      : { name: body.attribs["data-agency-name"]!, code: body.attribs["data-agency-code"] },
    Number(body.attribs["data-year"]),
  ) as ReportDraft;
  expect(htmlEl.attribs["data-format-version"]).toBe("2021");
  for (const td of DomUtils.findAll((e) => e.attribs["data-cell"] !== undefined, doc.children)) {
    const t = textOf(td);
    setCell(report, td.attribs["data-cell"]!, t === "" ? null : Number(t));
  }
  for (const div of DomUtils.findAll((e) => e.attribs["data-field"] !== undefined, doc.children)) {
    const [a, b] = div.attribs["data-field"]!.split(".");
    if (b === undefined) (report as Record<string, unknown>)[a!] = textOf(div);
    else (report.overview as Record<string, string>)[b] = textOf(div);
  }
  return report;
};

/** Reads section 三 back from renderRequestsText (the bot's message). */
const requestsFromText = (text: string, lang: "zh" | "en"): RequestsTableDraft => {
  const lines = text.trimEnd().split("\n").slice(1);
  const table = {} as Record<string, Record<string, number | null>>;
  let current: Record<string, number | null> | undefined;
  for (const line of lines) {
    if (line === OUTCOMES_HEADING[lang]) continue;
    if (line.startsWith("  ")) {
      for (const item of line.trim().split(" · ")) {
        const type = APPLICANT_TYPES.find(
          (t) =>
            item === SHORT_APPLICANT_LABELS[t][lang] ||
            item.startsWith(`${SHORT_APPLICANT_LABELS[t][lang]} `),
        )!;
        const rest = item.slice(SHORT_APPLICANT_LABELS[type][lang].length).trim();
        current![type] = rest === "" ? null : Number(rest);
      }
      continue;
    }
    const row = REQUEST_ROWS.find((r) => line.startsWith(SHORT_ROW_LABELS[r][lang]))!;
    expect(row, line).toBeDefined();
    const rest = line.slice(SHORT_ROW_LABELS[row][lang].length).trim();
    current = Object.fromEntries(APPLICANT_TYPES.map((t) => [t, 0]));
    current.total = rest === "" ? null : Number(rest);
    table[row] = current;
  }
  return table as RequestsTableDraft;
};

const mdSection = (md: string, title: string) => {
  const start = md.indexOf(`\n## ${title}\n`);
  const end = md.indexOf("\n## ", start + 1);
  return md.slice(start, end === -1 ? undefined : end);
};
const mdTableRows = (block: string) =>
  block
    .split("\n")
    .filter((l) => l.startsWith("| "))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    );

// ── Markdown ──────────────────────────────────────────────────────────────────

describe("renderReport md", () => {
  it("has the title, the six sections in order and the 25 × 7 cells of 三 in place", () => {
    const report = distinctReport();
    const md = renderReport(report, { format: "md" });
    expect(md.split("\n")[0]).toBe("# 测试县测试局2024年政府信息公开工作年度报告");
    const positions = SECTIONS.map((s) => md.indexOf(`\n## ${SECTION_TITLES[s].zh}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const [header, align, ...rows] = mdTableRows(mdSection(md, SECTION_TITLES.requests.zh));
    expect(header).toEqual([
      BALANCE_NOTE.zh,
      "",
      "",
      ...REQUEST_COLUMN_CATALOG.map((c) =>
        c.group ? `${c.group.zh} / ${c.label.zh}` : c.label.zh,
      ),
    ]);
    expect(align).toHaveLength(10);
    expect(rows).toHaveLength(25);
    REQUEST_ROWS.forEach((r, i) => {
      expect(rows[i]!.slice(0, 3)).toEqual(requestRowLevels(r, "zh"));
      expect(rows[i]!.slice(3)).toEqual(REQUEST_COLUMNS.map((c) => show(report.requests[r][c])));
    });
    expect(rows[4]!.slice(0, 3)).toEqual([
      "三、本年度办理结果",
      "（三）不予公开",
      "1.属于国家秘密",
    ]);
    expect(rows[4]![3 + 2]).toBe(""); // the null cell is blank
  });

  it("renders 二, 四 and the fee statement of 六 as tables with every cell", () => {
    const report = distinctReport();
    const md = renderReport(report, { format: "md" });
    const proactive = mdTableRows(mdSection(md, SECTION_TITLES.proactive.zh));
    expect(proactive.filter((r) => r[0] === "规章")[0]).toEqual(["规章", "1", "2", "3"]);
    expect(proactive.find((r) => r[0] === "行政事业性收费")).toEqual(["行政事业性收费", "96171.6"]);
    const appeals = mdTableRows(mdSection(md, SECTION_TITLES.appeals.zh));
    expect(appeals[0]).toEqual(["", ...APPEAL_COLUMNS.map((c) => APPEAL_COLUMN_LABELS[c].zh)]);
    expect(appeals.slice(2).map((r) => r[0])).toEqual([
      "行政复议",
      "行政诉讼 / 未经复议直接起诉",
      "行政诉讼 / 复议后起诉",
    ]);
    for (const [i, b] of APPEAL_BLOCKS.entries())
      expect(appeals[i + 2]!.slice(1)).toEqual(
        APPEAL_COLUMNS.map((c) => show(report.appeals[b][c])),
      );
    const fees = mdTableRows(mdSection(md, SECTION_TITLES.otherMatters.zh));
    expect(fees[0]).toEqual([
      "发出收费通知的件数",
      "收费通知总金额（元）",
      "实际收取的总金额（元）",
    ]);
    expect(fees[2]).toEqual([
      show(report.fees.noticesIssued),
      show(report.fees.amountNotifiedYuan),
      show(report.fees.amountCollectedYuan),
    ]);
  });

  it("escapes text so that no line of it reads as a heading or a table", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const report = emptyReport({ name: "局" }, 2024) as ReportDraft;
        report.problems = text;
        const block = mdSection(renderReport(report, { format: "md" }), SECTION_TITLES.problems.zh);
        const lines = block.split("\n").slice(3); // "", "## 五、…", ""
        const body = lines.slice(0, lines.length - 1);
        for (const l of body) expect(l.startsWith("#") || l.startsWith("|")).toBe(false);
        expect(unescapeMarkdown(body.join("\n"))).toBe(text === "" ? "" : `${text}`);
      }),
    );
  });
});

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
    expect(lines[1]).toBe("机构代码：A-01");
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
