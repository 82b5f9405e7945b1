// Fixtures and small local readers for the renderers' tests (deliberately small: the real
// parser is parseReport).
import fc from "fast-check";
import { DomUtils, parseDocument } from "htmlparser2";
import { expect } from "vitest";
import {
  APPLICANT_TYPES,
  cellPaths,
  emptyReport,
  OUTCOMES_HEADING,
  OVERVIEW_PARTS,
  REQUEST_ROWS,
  type ReportDraft,
  type RequestsTableDraft,
  reportDraftSchema,
  SHORT_APPLICANT_LABELS,
  SHORT_ROW_LABELS,
  setCell,
} from "../src/index.ts";

export type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

// ── Fixtures ──────────────────────────────────────────────────────────────────

/** Every cell a different value (so a misplaced cell shows), one null, one decimal. */
export const distinctReport = (): ReportDraft => {
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

export const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 99999 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999999 }).map((v) => v / 100) },
);
export const textArb = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("=SUM(A1)", "-1", "@x", "# 标题", "| a | b |", "\\n", 'a,b"c"\n\'d', "1. 第一"),
  fc
    .array(fc.constantFrom("政府", "信息", "公开", "\n", " ", "“", "，", "。"), { maxLength: 12 })
    .map((a) => a.join("")),
);

/** A small generator of draft reports (arbitraries.ts of the import tests covers more). */
export const reportArb: fc.Arbitrary<ReportDraft> = fc
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

export const show = (v: number | null | undefined) =>
  v === null || v === undefined ? "" : String(v);
export const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

// ── Readers (deliberately small: the real parser is parseReport) ───────────────

export const parseCsv = (text: string): string[][] => {
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

export const reportFromCsv = (csv: string): ReportDraft => {
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
export const tableGrid = (table: Element): Element[][] => {
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
export const textOf = (el: Element) => DomUtils.textContent(el);

export const reportFromHtml = (html: string): ReportDraft => {
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
export const requestsFromText = (text: string, lang: "zh" | "en"): RequestsTableDraft => {
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

export const mdSection = (md: string, title: string) => {
  const start = md.indexOf(`\n## ${title}\n`);
  const end = md.indexOf("\n## ", start + 1);
  return md.slice(start, end === -1 ? undefined : end);
};
export const mdTableRows = (block: string) =>
  block
    .split("\n")
    .filter((l) => l.startsWith("| "))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    );
