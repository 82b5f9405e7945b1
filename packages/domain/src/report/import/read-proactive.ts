// Section 二 read from source lines: its header lines name the columns (the 2021 format's, or
// the 2019 trial format's, which are flagged), the rows follow them.
import {
  CONTENT_LABEL,
  DECISIONS_LABEL,
  FEE_AMOUNT_LABEL,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  PROACTIVE_DOCUMENT_COLUMNS,
  type ProactiveRow,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { type ReportDraft, setCell } from "../schema.ts";
import { missingRow, outdated, unreadable } from "./findings.ts";
import { type CellValue, coreKey, labelKey, readCell } from "./normalize.ts";
import type { Cell, SourceLine } from "./source-lines.ts";
import { cellValue, center, type Val } from "./value-lines.ts";

type ColumnTarget = { path: string | null; label: string; outdated: boolean };

const PROACTIVE_ROW_KEYS: Record<string, ProactiveRow> = {};
for (const t of PROACTIVE_CATALOG)
  for (const r of t.rows) PROACTIVE_ROW_KEYS[coreKey(r.label.zh)] = r.key;
PROACTIVE_ROW_KEYS[coreKey("规范性文件")] = "normativeDocuments"; // 2019 wording

const kindOf = (row: ProactiveRow) =>
  PROACTIVE_CATALOG.find((t) => t.rows.some((r) => r.key === row))!.kind;

const HEADER_2021: Record<string, string> = {
  ...Object.fromEntries(
    PROACTIVE_DOCUMENT_COLUMNS.map((c) => [labelKey(PROACTIVE_DOCUMENT_COLUMN_LABELS[c].zh), c]),
  ),
  [labelKey(DECISIONS_LABEL.zh)]: "decisions",
  [labelKey(FEE_AMOUNT_LABEL.zh)]: "amountWanYuan",
  // Without its unit, as some reports print it.
  [labelKey(FEE_AMOUNT_LABEL.zh.replace(/（.*）$/, ""))]: "amountWanYuan",
};
// The 2019 trial format's columns (国办公开办函〔2019〕60号). 处理决定数量 means the same as
// 本年处理决定数量 and is read; the others have no counterpart in the 2021 format.
const HEADER_2019: Record<string, string | null> = {
  [labelKey("本年新制作数量")]: null,
  [labelKey("本年新公开数量")]: null,
  [labelKey("对外公开总数量")]: null,
  [labelKey("上一年项目数量")]: null,
  [labelKey("本年增/减")]: null,
  [labelKey("本年增减")]: null,
  [labelKey("处理决定数量")]: "decisions",
  [labelKey("采购项目数量")]: null,
  [labelKey("采购总金额")]: null,
};

const CONTENT_KEY = labelKey(CONTENT_LABEL.zh);

type Header = {
  line: number;
  columns: { key: string; text: string; x: number; w: number; index: number }[];
};

const KNOWN_HEADERS = [...Object.keys(HEADER_2021), ...Object.keys(HEADER_2019)];

/** "本年废止件数现行有效件数": two header cells run together (a borderless PDF table). */
const splitHeaderCell = (c: Cell): Cell[] => {
  const key = labelKey(c.text);
  if (key in HEADER_2021 || key in HEADER_2019) return [c];
  const parts: string[] = [];
  let rest = key;
  while (rest !== "") {
    const head = KNOWN_HEADERS.find((k) => rest.startsWith(k));
    if (!head) return [c];
    parts.push(head);
    rest = rest.slice(head.length);
  }
  const w = c.w / parts.length;
  return parts.map((text, i) => ({ text, x: c.x + i * w, w }));
};

const readHeader = (line: SourceLine): Header | null => {
  const columns: Header["columns"] = [];
  let known = 0;
  line.cells.flatMap(splitHeaderCell).forEach((c, index) => {
    const key = labelKey(c.text);
    if (key === "" || key === CONTENT_KEY) return;
    if (key in HEADER_2021 || key in HEADER_2019) known++;
    columns.push({ key, text: c.text, x: c.x, w: c.w, index });
  });
  const hasContent = line.cells.some((c) => labelKey(c.text) === CONTENT_KEY);
  return known > 0 && (hasContent || known === columns.length) ? { line: line.no, columns } : null;
};

/** Header columns spread over several lines (plain `pdftotext` puts each on its own line). */
const mergeHeaders = (a: Header, b: Header): Header => ({
  line: a.line,
  columns: [...a.columns, ...b.columns],
});

export const readProactive = (
  lines: readonly SourceLine[],
  draft: ReportDraft,
  findings: Finding[],
  headingLine: number,
): number => {
  let header: Header | null = null;
  let headerOpen = false;
  const found = new Set<ProactiveRow>();
  const used = new Set<number>();
  const reported2019 = new Set<string>();
  const usable = lines.filter((l) => l.text !== "");
  usable.forEach((line) => {
    const h = readHeader(line);
    if (h) {
      header = headerOpen && header ? mergeHeaders(header, h) : h;
      headerOpen = true;
      const old = h.columns.filter((c) => c.key in HEADER_2019 && !reported2019.has(c.key));
      for (const c of old) reported2019.add(c.key);
      if (old.length > 0)
        findings.push(
          outdated(line.no, old.map((c) => c.text).join("、"), proactiveTablePaths(usable, line)),
        );
      return;
    }
    // Header cells on consecutive lines (plain pdftotext) make one header.
    if (labelKey(line.text) !== CONTENT_KEY) headerOpen = false;
    const rowAt = line.cells.findIndex((c) => PROACTIVE_ROW_KEYS[coreKey(c.text)] !== undefined);
    if (rowAt < 0) return;
    const row = PROACTIVE_ROW_KEYS[coreKey(line.cells[rowAt]!.text)]!;
    if (found.has(row)) {
      findings.push(
        unreadable(
          line.no,
          proactivePaths(row),
          `“${line.cells[rowAt]!.text}”一行重复出现，已忽略这一行，保留前面的数值。`,
          `The row "${line.cells[rowAt]!.text}" appears again here; this one was ignored.`,
        ),
      );
      return;
    }
    for (const no of readProactiveRow(row, line, rowAt, usable, header, draft, findings))
      used.add(no);
    found.add(row);
  });
  // Numbers that belong to no row (a row of another format, a stray figure) are reported.
  for (const line of usable) {
    if (used.has(line.no) || readHeader(line)) continue;
    const numbers = line.cells.filter((c) => readCell(c.text)?.kind === "number");
    if (numbers.length === 0) continue;
    if (line.cells.some((c) => PROACTIVE_ROW_KEYS[coreKey(c.text)] !== undefined)) continue;
    findings.push(
      unreadable(
        line.no,
        [],
        `第二部分第 ${line.no} 行“${line.text}”不属于任何一栏，已忽略。`,
        `Line ${line.no} of section 2 ("${line.text}") belongs to no row and was ignored.`,
      ),
    );
  }
  if (found.size === 0) {
    findings.push(
      missingRow(
        headingLine,
        PROACTIVE_CATALOG.flatMap((t) => t.rows.flatMap((r) => proactivePaths(r.key))),
        "第二部分没有读到表格（可能印成图片或被截断）。",
        "No table was read in section 2 (it may be printed as an image or cut off).",
      ),
    );
    return 0;
  }
  for (const t of PROACTIVE_CATALOG)
    for (const r of t.rows)
      if (!found.has(r.key))
        findings.push(
          missingRow(
            headingLine,
            proactivePaths(r.key),
            `第二部分表格中没有“${r.label.zh}”一行（表格可能被截断或印成图片）。`,
            `The row "${r.label.zh}" of the tables in section 2 is missing (the table may be cut off or printed as an image).`,
          ),
        );
  return found.size;
};

/** The cells of the rows that follow a header line, up to the next header. */
const proactiveTablePaths = (lines: readonly SourceLine[], header: SourceLine): string[] => {
  const paths: string[] = [];
  for (const line of lines.slice(lines.indexOf(header) + 1)) {
    if (readHeader(line)) break;
    for (const c of line.cells) {
      const row = PROACTIVE_ROW_KEYS[coreKey(c.text)];
      if (row) paths.push(...proactivePaths(row));
    }
  }
  return paths;
};

const proactivePaths = (row: ProactiveRow): string[] => {
  const kind = kindOf(row);
  if (kind === "documents") return PROACTIVE_DOCUMENT_COLUMNS.map((c) => `proactive.${row}.${c}`);
  if (kind === "decisions") return [`proactive.${row}.decisions`];
  return [`proactive.${row}.amountWanYuan`];
};

const readProactiveRow = (
  row: ProactiveRow,
  line: SourceLine,
  at: number,
  lines: readonly SourceLine[],
  header: Header | null,
  draft: ReportDraft,
  findings: Finding[],
): number[] => {
  const paths = proactivePaths(row);
  const wanted = paths.map((p) => p.split(".").pop()!);
  // The values: the cells after the label on its line, or the lone numbers on the next lines.
  let vals: Val[] = [];
  let explicitCells: { v: CellValue; index: number }[] | null = null;
  if (line.explicit) {
    explicitCells = line.cells
      .slice(at + 1)
      .map((c, i) => ({ v: readCell(c.text) ?? { kind: "blank" as const }, index: at + 1 + i }));
  } else {
    vals = line.cells
      .slice(at + 1)
      .map((c) => ({ v: readCell(c.text), x: c.x, w: c.w, line: line.no }))
      .filter((v): v is Val => v.v !== null && v.v.kind !== "blank");
    if (vals.length === 0) {
      const start = lines.indexOf(line);
      for (let j = start + 1; j < lines.length && vals.length < wanted.length; j++) {
        const l = lines[j]!;
        const vs = l.cells.map((c) => readCell(c.text));
        if (vs.some((v) => v === null)) break;
        l.cells.forEach((c, ci) => {
          const v = vs[ci];
          if (v && v.kind !== "blank") vals.push({ v, x: c.x, w: c.w, line: l.no });
        });
      }
    }
  }
  // Which column of the header each wanted cell is, when the header says so.
  const targets: ColumnTarget[] | null = header
    ? (header as Header).columns.map((c) => {
        if (c.key in HEADER_2021)
          return { path: HEADER_2021[c.key]!, label: c.text, outdated: false };
        if (c.key in HEADER_2019)
          return { path: HEADER_2019[c.key] ?? null, label: c.text, outdated: true };
        return { path: null, label: c.text, outdated: false };
      })
    : null;
  // A header that names this table's columns (or the 2019 columns, which map to nothing).
  const usableHeader =
    targets !== null &&
    (targets.some((t) => t.outdated) ||
      (targets.some((t) => t.path !== null && wanted.includes(t.path)) &&
        targets.every((t) => t.path === null || wanted.includes(t.path))));
  const outdatedHeader = targets?.some((t) => t.outdated) ?? false;
  const result = new Map<string, CellValue | null>();
  const problem = (zh: string, en: string) => findings.push(unreadable(line.no, paths, zh, en));
  if (explicitCells) {
    if (usableHeader && header) {
      const h = header as Header;
      h.columns.forEach((c, ci) => {
        const t = targets![ci]!;
        if (!t.path) return;
        const cell = explicitCells!.find((e) => e.index === c.index);
        result.set(t.path, cell ? cell.v : { kind: "blank" });
      });
    } else {
      const cells = explicitCells.map((e) => e.v);
      while (cells.length > wanted.length && cells.at(-1)?.kind === "blank") cells.pop();
      for (const [i, w] of wanted.entries()) result.set(w, cells[i] ?? { kind: "blank" });
    }
  } else if (usableHeader && header) {
    const h = header as Header;
    const cols = h.columns;
    if (vals.length === cols.length)
      for (const [ci, v] of vals.entries()) setTarget(result, targets![ci]!, v.v);
    else if (
      line.positional &&
      vals.length < cols.length &&
      vals.every((v) => v.line === line.no)
    ) {
      let from = 0;
      for (const [idx, v] of vals.entries()) {
        const remaining = vals.length - idx - 1;
        let bestCol = from;
        let bestDist = Number.POSITIVE_INFINITY;
        for (let c = from; c < cols.length - remaining; c++) {
          const d = Math.abs(center(cols[c]!) - center(v));
          if (d < bestDist) [bestCol, bestDist] = [c, d];
        }
        setTarget(result, targets![bestCol]!, v.v);
        from = bestCol + 1;
      }
      for (const t of targets!)
        if (t.path && !result.has(t.path)) result.set(t.path, { kind: "blank" });
    } else {
      for (const ci of cols.keys()) setTarget(result, targets![ci]!, vals[ci]?.v ?? null);
      if (vals.length !== cols.length)
        problem(
          `第 ${line.no} 行有 ${vals.length} 个数值，表头有 ${cols.length} 栏，按顺序读取。`,
          `Line ${line.no} has ${vals.length} values for ${cols.length} header columns; read in order.`,
        );
    }
  } else {
    for (const [i, w] of wanted.entries()) result.set(w, vals[i]?.v ?? null);
    if (vals.length < wanted.length)
      problem(
        `第 ${line.no} 行的数值少于应有的 ${wanted.length} 个。`,
        `Line ${line.no} has fewer than the ${wanted.length} values expected.`,
      );
  }
  for (const [i, w] of wanted.entries()) {
    const v = result.get(w);
    setCell(draft, paths[i]!, v ? cellValue(v) : null);
    if (v === undefined && !outdatedHeader)
      problem(
        `第 ${line.no} 行“${w}”一栏没有对应的数值。`,
        `Line ${line.no}: no value for the column "${w}".`,
      );
  }
  return [line.no, ...vals.map((v) => v.line)];
};

const setTarget = (result: Map<string, CellValue | null>, t: ColumnTarget, v: CellValue | null) => {
  if (t.path && !result.has(t.path)) result.set(t.path, v);
};
