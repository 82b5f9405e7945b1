// The tables of sections 二, 三 and 四, read from source lines. Rows are matched by their
// verbatim catalog labels (normalized), and by their order where a label is wrapped, vertical
// or missing: a monotone alignment of the lines that carry numbers to the official rows.
import {
  APPEAL_BLOCK_LABELS,
  APPEAL_BLOCKS,
  APPEAL_COLUMNS,
  type AppealBlock,
  CONTENT_LABEL,
  DECISIONS_LABEL,
  FEE_AMOUNT_LABEL,
  OUTCOME_GROUP_CATALOG,
  OUTCOMES_HEADING,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  PROACTIVE_DOCUMENT_COLUMNS,
  type ProactiveRow,
  REQUEST_COLUMNS,
  REQUEST_ROW_CATALOG,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { type ReportDraft, setCell } from "../schema.ts";
import { outdated, unreadable } from "./findings.ts";
import { type CellValue, coreKey, labelKey, readCell } from "./normalize.ts";
import type { SourceLine } from "./source-lines.ts";

type Val = { v: CellValue; x: number; w: number; line: number };

/** A line (or a chunk of a run of lines) that carries numbers, with the labels around it. */
type ValueLine = {
  values: Val[];
  own: string[];
  prev: string[];
  next: string[];
  line: number;
  explicit: boolean;
  positional: boolean;
  /** Cut from a run of single numbers (plain `pdftotext` output): columns are by order only. */
  chunked: boolean;
};

const cellValue = (v: CellValue): number | null => (v.kind === "number" ? v.value : null);

/** Splits a line into its label texts and its value cells. */
const splitLine = (line: SourceLine, k: number): { labels: string[]; values: Val[] } => {
  const read = line.cells.map((c) => ({ c, v: readCell(c.text) }));
  if (line.explicit) {
    let last = -1;
    read.forEach((r, i) => {
      if (r.v === null) last = i;
    });
    const labels = read.filter((r) => r.v === null).map((r) => r.c.text);
    const vals = read.slice(last + 1);
    while (vals.length > 0 && vals[vals.length - 1]!.v!.kind === "blank") vals.pop();
    while (vals.length > k && vals[0]!.v!.kind === "blank") vals.shift();
    return {
      labels,
      values: vals.map((r) => ({ v: r.v!, x: r.c.x, w: r.c.w, line: line.no })),
    };
  }
  const labels: string[] = [];
  const values: Val[] = [];
  for (const r of read) {
    if (r.v === null) labels.push(r.c.text);
    else if (r.v.kind !== "blank") values.push({ v: r.v, x: r.c.x, w: r.c.w, line: line.no });
  }
  return { labels, values };
};

/** Groups a region into value lines; runs of lone numbers are merged and cut into rows of k. */
const valueLines = (lines: readonly SourceLine[], k: number): ValueLine[] => {
  const out: ValueLine[] = [];
  let pending: string[] = [];
  let runOpen = false;
  for (const line of lines) {
    if (line.cells.length === 0 || line.text === "") continue;
    const { labels, values } = splitLine(line, k);
    if (values.length === 0) {
      if (labels.length === 0) continue;
      const text = labels.join(" ");
      pending.push(text);
      out.at(-1)?.next.push(text);
      runOpen = false;
      continue;
    }
    const last = out.at(-1);
    if (
      runOpen &&
      last &&
      labels.length === 0 &&
      !line.explicit &&
      values.length < k &&
      pending.length === 0
    ) {
      last.values.push(...values);
      continue;
    }
    out.push({
      values,
      own: labels,
      prev: pending,
      next: [],
      line: line.no,
      explicit: line.explicit,
      positional: line.positional,
      chunked: false,
    });
    pending = [];
    runOpen = labels.length === 0 && !line.explicit && values.length < k;
  }
  // Cut merged runs into rows of k values.
  const cut: ValueLine[] = [];
  for (const vl of out) {
    if (vl.values.length <= k || vl.explicit || vl.own.length > 0) {
      cut.push(vl);
      continue;
    }
    const merged = vl.values.some((v) => v.line !== vl.line);
    if (!merged) {
      cut.push(vl);
      continue;
    }
    for (let i = 0; i < vl.values.length; i += k) {
      const values = vl.values.slice(i, i + k);
      cut.push({
        ...vl,
        values,
        prev: i === 0 ? vl.prev : [],
        next: i + k >= vl.values.length ? vl.next : [],
        line: values[0]!.line,
        chunked: true,
      });
    }
  }
  for (const vl of cut) if (vl.values.some((v) => v.line !== vl.line)) vl.chunked = true;
  return cut;
};

// ── 三 · requests ─────────────────────────────────────────────────────────────

const ROW_CORES = REQUEST_ROW_CATALOG.map((r) => ({ key: r.key, core: coreKey(r.label.zh) }));
// Group labels and headings that share a line with a row label in some layouts.
const NOISE_CORES = [
  coreKey(OUTCOMES_HEADING.zh),
  ...OUTCOME_GROUP_CATALOG.filter((g) => g.key !== "granted" && g.key !== "partiallyGranted").map(
    (g) => coreKey(g.label.zh),
  ),
];
const OTHER_HANDLING_CORE = coreKey(
  OUTCOME_GROUP_CATALOG.find((g) => g.key === "otherHandling")!.label.zh,
);

/** A row whose label is read (even wrapped over the lines around it) anchors the order. */
const ANCHOR = 1.5;

const rowScore = (vl: ValueLine, core: string): number => {
  let s = 0;
  const ownCores = vl.own.map(coreKey).filter((c) => c !== "" && !NOISE_CORES.includes(c));
  for (const c of ownCores) {
    if (c === core) s = Math.max(s, 4);
    else if (core.length >= 5 && c.includes(core)) s = Math.max(s, 3);
    else if (c.length >= 4 && core.startsWith(c)) s = Math.max(s, 2);
    else if (c.length >= 6 && core.includes(c)) s = Math.max(s, 2);
  }
  if (core.length >= 5) {
    const before = labelKey([...vl.prev, ...vl.own].join(""));
    const around = labelKey([...vl.prev, ...vl.own, ...vl.next].join(""));
    if (before.includes(core)) s = Math.max(s, 2.5);
    else if (around.includes(core)) s = Math.max(s, 1.5);
  } else {
    const justBefore = vl.prev.at(-1);
    if (justBefore !== undefined && coreKey(justBefore) === core && ownCores.length === 0)
      s = Math.max(s, 2.5);
  }
  return s;
};

const scoreMatrix = (vls: readonly ValueLine[]): number[][] =>
  vls.map((vl) => {
    const scores = ROW_CORES.map((r) => rowScore(vl, r.core));
    const best = Math.max(...scores);
    // A line whose own label names another row is not this row.
    return scores.map((s) => (s === 0 && best >= 3 ? -3 : s));
  });

/** Best monotone assignment of value lines to rows (index of row per line, or -1). */
const align = (scores: number[][], fits: boolean[], rows: number): number[] => {
  const n = scores.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array(rows + 1).fill(0));
  const move: number[][] = Array.from({ length: n + 1 }, () => new Array(rows + 1).fill(0));
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= rows; j++) {
      if (i === 0 && j === 0) continue;
      let b = Number.NEGATIVE_INFINITY;
      let m = 0;
      if (i > 0) {
        const v = best[i - 1]![j]! - (fits[i - 1] ? 1 : 0.5);
        if (v > b) [b, m] = [v, 1];
      }
      if (j > 0) {
        const v = best[i]![j - 1]! - 0.3;
        if (v > b) [b, m] = [v, 2];
      }
      if (i > 0 && j > 0) {
        const v = best[i - 1]![j - 1]! + scores[i - 1]![j - 1]! + (fits[i - 1] ? 1 : 0.5);
        if (v > b) [b, m] = [v, 3];
      }
      best[i]![j] = b;
      move[i]![j] = m;
    }
  const assigned = new Array<number>(n).fill(-1);
  let i = n;
  let j = rows;
  while (i > 0 || j > 0) {
    const m = move[i]![j]!;
    if (m === 3) {
      assigned[i - 1] = j - 1;
      i--;
      j--;
    } else if (m === 1) i--;
    else j--;
  }
  return assigned;
};

const center = (v: { x: number; w: number }) => v.x + v.w / 2;

/** Places a line's values in k columns; blanks where a value is missing. */
const placeValues = (
  vl: ValueLine,
  k: number,
  reference: ValueLine | undefined,
  onProblem: (zh: string, en: string) => void,
): (CellValue | null)[] => {
  const vals = vl.values;
  if (vals.length === k) return vals.map((v) => v.v);
  if (vals.length > k) {
    onProblem(
      `第 ${vl.line} 行有 ${vals.length} 个数值，多于 ${k} 栏；取最后 ${k} 个。`,
      `Line ${vl.line} has ${vals.length} values for ${k} columns; the last ${k} were used.`,
    );
    return vals.slice(-k).map((v) => v.v);
  }
  if (vl.explicit) {
    const out: (CellValue | null)[] = vals.map((v) => v.v);
    while (out.length < k) out.push({ kind: "blank" });
    return out;
  }
  if (vl.positional && !vl.chunked && reference && reference.values.length === k) {
    // Nearest reference column by position, keeping the order.
    const cols = reference.values.map(center);
    const out: (CellValue | null)[] = new Array(k).fill(null).map(() => ({ kind: "blank" }));
    let from = 0;
    let ok = true;
    vals.forEach((v, idx) => {
      const remaining = vals.length - idx - 1;
      let bestCol = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      for (let c = from; c < k - remaining; c++) {
        const d = Math.abs(cols[c]! - center(v));
        if (d < bestDist) [bestCol, bestDist] = [c, d];
      }
      if (bestCol < 0) ok = false;
      else {
        out[bestCol] = v.v;
        from = bestCol + 1;
      }
    });
    if (ok) return out;
  }
  onProblem(
    `第 ${vl.line} 行只有 ${vals.length} 个数值（应为 ${k} 个），无法确定空缺的栏目；按顺序填入，其余留空。`,
    `Line ${vl.line} has ${vals.length} values for ${k} columns and the empty column cannot be told; they were filled in order, the rest left blank.`,
  );
  const out: (CellValue | null)[] = vals.map((v) => v.v);
  while (out.length < k) out.push(null);
  return out;
};

export const readRequests = (
  lines: readonly SourceLine[],
  draft: ReportDraft,
  findings: Finding[],
  headingLine: number,
): number => {
  const k = REQUEST_COLUMNS.length;
  const vls = valueLines(lines, k);
  // The 2019 trial format had one row "（六）其他处理" where 2021 has three.
  const oldOther = vls.findIndex((vl) => {
    const cores = vl.own.map(coreKey).filter((c) => c !== "");
    return cores.includes(OTHER_HANDLING_CORE) && cores.every((c) => NOISE_CORES.includes(c));
  });
  const handled2019 = new Set<string>();
  if (oldOther >= 0) {
    const [vl] = vls.splice(oldOther, 1);
    const rows = ["otherNoCorrection", "otherFeeUnpaid", "otherOther"] as const;
    const cells = rows.flatMap((r) => REQUEST_COLUMNS.map((c) => `requests.${r}.${c}`));
    findings.push(outdated(vl!.line, "（六）其他处理（不分项）", cells));
    const values = placeValues(vl!, k, undefined, (zh, en) =>
      findings.push(unreadable(vl!.line, cells, zh, en)),
    );
    // Its count is kept as 3.其他; the two rows the 2019 format did not have stay blank.
    REQUEST_COLUMNS.forEach((c, ci) => {
      const v = values[ci];
      setCell(draft, `requests.otherOther.${c}`, v ? cellValue(v) : null);
    });
    for (const r of rows) handled2019.add(r);
  }
  const scores = scoreMatrix(vls);
  const fits = vls.map((vl) => vl.values.length >= k - 1);
  const assigned = align(scores, fits, ROW_CORES.length);
  const rowLine = new Map<number, number>();
  assigned.forEach((r, i) => {
    if (r >= 0) rowLine.set(r, i);
  });
  const anchored = (r: number) => {
    const i = rowLine.get(r);
    return i !== undefined && scores[i]![r]! >= ANCHOR;
  };
  let placed = 0;
  for (let r = 0; r < ROW_CORES.length; r++) {
    const row = ROW_CORES[r]!.key;
    const i = rowLine.get(r);
    const cells = REQUEST_COLUMNS.map((c) => `requests.${row}.${c}`);
    if (i === undefined) {
      if (handled2019.has(row)) continue;
      if (vls.length > 0)
        findings.push(
          unreadable(
            headingLine,
            cells,
            `未能读取第三部分表格中的行“${REQUEST_ROW_CATALOG[r]!.label.zh}”。`,
            `Could not read the row "${REQUEST_ROW_CATALOG[r]!.label.zh}" of the table in section 3.`,
          ),
        );
      continue;
    }
    placed++;
    const vl = vls[i]!;
    if (!anchored(r) && !forcedByOrder(r, i, rowLine, scores)) {
      findings.push(
        unreadable(
          vl.line,
          cells,
          `第 ${vl.line} 行没有可辨认的栏目名称，按表中顺序视为“${REQUEST_ROW_CATALOG[r]!.label.zh}”，请核对。`,
          `Line ${vl.line} has no recognizable label; by its position it was read as "${REQUEST_ROW_CATALOG[r]!.label.zh}". Please check.`,
        ),
      );
    }
    const reference = nearestFull(vls, i, k);
    const values = placeValues(vl, k, reference, (zh, en) =>
      findings.push(unreadable(vl.line, cells, zh, en)),
    );
    REQUEST_COLUMNS.forEach((c, ci) => {
      const v = values[ci];
      setCell(draft, `requests.${row}.${c}`, v ? cellValue(v) : null);
    });
  }
  vls.forEach((vl, i) => {
    if (assigned[i]! >= 0) return;
    findings.push(
      unreadable(
        vl.line,
        [],
        `第三部分表格第 ${vl.line} 行的数值（${vl.values.map((v) => valueText(v.v)).join(" ")}）无法对应到任何一行，已忽略。`,
        `The values on line ${vl.line} of the table in section 3 (${vl.values.map((v) => valueText(v.v)).join(" ")}) match no row and were ignored.`,
      ),
    );
  });
  return placed;
};

const valueText = (v: CellValue) =>
  v.kind === "number" ? String(v.value) : v.kind === "dash" ? v.text : "";

/** A row placed by order only is fine when the anchored rows around it leave no choice. */
const forcedByOrder = (
  r: number,
  i: number,
  rowLine: Map<number, number>,
  scores: number[][],
): boolean => {
  let lo = r - 1;
  while (lo >= 0 && !(rowLine.has(lo) && scores[rowLine.get(lo)!]![lo]! >= ANCHOR)) lo--;
  let hi = r + 1;
  while (hi < scores[0]!.length && !(rowLine.has(hi) && scores[rowLine.get(hi)!]![hi]! >= ANCHOR))
    hi++;
  const loLine = lo >= 0 ? rowLine.get(lo)! : -1;
  const hiLine = hi < scores[0]!.length ? rowLine.get(hi)! : scores.length;
  if (lo < 0 && hi >= scores[0]!.length) return false;
  // Rows strictly between the anchors, and value lines strictly between them.
  return hi - lo - 1 === hiLine - loLine - 1 && i > loLine && i < hiLine;
};

const nearestFull = (vls: readonly ValueLine[], i: number, k: number): ValueLine | undefined => {
  let best: ValueLine | undefined;
  let dist = Number.POSITIVE_INFINITY;
  vls.forEach((vl, j) => {
    if (j === i || vl.values.length !== k || !vl.positional || vl.chunked) return;
    const d = Math.abs(vl.line - vls[i]!.line);
    if (d < dist) [best, dist] = [vl, d];
  });
  return best;
};

// ── 二 · proactive ────────────────────────────────────────────────────────────

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

const readHeader = (line: SourceLine): Header | null => {
  const columns: Header["columns"] = [];
  let known = 0;
  line.cells.forEach((c, index) => {
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
  for (const t of PROACTIVE_CATALOG)
    for (const r of t.rows)
      if (!found.has(r.key) && (found.size > 0 || usable.length > 0))
        findings.push(
          unreadable(
            headingLine,
            proactivePaths(r.key),
            `未能读取第二部分表格中的“${r.label.zh}”一行。`,
            `Could not read the row "${r.label.zh}" of the tables in section 2.`,
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

// ── 四 · appeals ──────────────────────────────────────────────────────────────

const BLOCK_WORDS: [AppealBlock, string][] = [
  ["litigationAfterReview", labelKey(APPEAL_BLOCK_LABELS.litigationAfterReview.zh)],
  ["litigationDirect", labelKey(APPEAL_BLOCK_LABELS.litigationDirect.zh)],
  ["review", labelKey(APPEAL_BLOCK_LABELS.review.zh)],
];
const appealPaths = APPEAL_BLOCKS.flatMap((b) => APPEAL_COLUMNS.map((c) => `appeals.${b}.${c}`));

export const readAppeals = (
  lines: readonly SourceLine[],
  draft: ReportDraft,
  findings: Finding[],
  headingLine: number,
): number => {
  const all = APPEAL_BLOCKS.length * APPEAL_COLUMNS.length;
  const vls = valueLines(lines, all);
  if (vls.length === 0) {
    if (lines.some((l) => l.text !== ""))
      findings.push(
        unreadable(
          headingLine,
          appealPaths,
          "未能读取第四部分（行政复议、行政诉讼）的表格。",
          "Could not read the table of section 4 (reconsideration and litigation).",
        ),
      );
    return 0;
  }
  const set = (values: (CellValue | null)[]) =>
    appealPaths.forEach((p, i) => {
      const v = values[i];
      setCell(draft, p, v ? cellValue(v) : null);
    });
  // One line with all fifteen values: the official layout.
  const full = vls.find((vl) => vl.values.length >= all && !vl.chunked);
  if (full) {
    set(
      placeValues(full, all, undefined, (zh, en) =>
        findings.push(unreadable(full.line, appealPaths, zh, en)),
      ),
    );
    return 1;
  }
  // One line per block, named by its label.
  const perBlock = new Map<AppealBlock, ValueLine>();
  for (const vl of vls) {
    const key = labelKey(vl.own.join(""));
    const block = BLOCK_WORDS.find(([, w]) => key.includes(w))?.[0];
    if (block && vl.values.length <= APPEAL_COLUMNS.length && !perBlock.has(block))
      perBlock.set(block, vl);
  }
  if (perBlock.size === APPEAL_BLOCKS.length) {
    const values: (CellValue | null)[] = [];
    for (const b of APPEAL_BLOCKS) {
      const vl = perBlock.get(b)!;
      values.push(
        ...placeValues(vl, APPEAL_COLUMNS.length, undefined, (zh, en) =>
          findings.push(unreadable(vl.line, appealPaths, zh, en)),
        ),
      );
    }
    set(values);
    return 1;
  }
  // The values in reading order (plain `pdftotext` output reads the table in blocks).
  const runs = vls.map((vl) => vl.values.map((v) => v.v));
  const flat = runs.flat();
  if (flat.length !== all) {
    findings.push(
      unreadable(
        vls[0]!.line,
        appealPaths,
        `第四部分表格读到 ${flat.length} 个数值，应为 ${all} 个；按顺序填入，请核对。`,
        `The table of section 4 has ${flat.length} values instead of ${all}; filled in order, please check.`,
      ),
    );
    const values: (CellValue | null)[] = flat.slice(0, all);
    while (values.length < all) values.push(null);
    set(values);
    return 1;
  }
  const hints = vls.map((vl) => {
    const key = labelKey(vl.prev.join(""));
    const named = BLOCK_WORDS.filter(([, w]) => key.includes(w)).map(([b]) => b);
    // Only a single block named since the previous run is a hint.
    return named.length === 1 ? APPEAL_BLOCKS.indexOf(named[0]!) : -1;
  });
  const order = orderRuns(runs, hints);
  if (order.ambiguous)
    findings.push(
      unreadable(
        vls[0]!.line,
        appealPaths,
        "第四部分表格的数值顺序无法确定，按读取顺序填入，请核对。",
        "The order of the values in the table of section 4 cannot be told; filled in reading order, please check.",
      ),
    );
  set(order.values);
  return 1;
};

const balanced = (values: (CellValue | null)[]): boolean => {
  for (let b = 0; b < APPEAL_BLOCKS.length; b++) {
    const cells = values.slice(b * 5, b * 5 + 5).map((v) => (v ? cellValue(v) : null));
    if (cells.some((c) => c === null)) return false;
    const [a, c, o, p, t] = cells as number[];
    if (a! + c! + o! + p! !== t) return false;
  }
  return true;
};

/**
 * Text extraction can read a table block by block. Among the orders of the runs of numbers,
 * take the one closest to the reading order (fewest inversions) whose blocks add up.
 */
const orderRuns = (
  runs: CellValue[][],
  hints: number[],
): { values: (CellValue | null)[]; ambiguous: boolean } => {
  const identity = runs.flat();
  if (balanced(identity) || runs.length > 7) return { values: identity, ambiguous: false };
  let best: { inv: number; values: CellValue[] }[] = [];
  for (const perm of permutations(runs.length)) {
    const values = perm.flatMap((i) => runs[i]!);
    if (!balanced(values)) continue;
    // Cost: inversions of the reading order, and runs placed outside the block named just
    // before them ("复议后起诉" above a run of numbers) count ten each.
    let inv = 0;
    for (let a = 0; a < perm.length; a++)
      for (let b = a + 1; b < perm.length; b++) if (perm[a]! > perm[b]!) inv++;
    let at = 0;
    for (const i of perm) {
      const len = runs[i]!.length;
      const block = Math.floor(at / APPEAL_COLUMNS.length);
      const endBlock = Math.floor((at + len - 1) / APPEAL_COLUMNS.length);
      if (hints[i]! >= 0 && (block !== hints[i] || endBlock !== hints[i])) inv += 10;
      at += len;
    }
    if (best.length === 0 || inv < best[0]!.inv) best = [{ inv, values }];
    else if (inv === best[0]!.inv) best.push({ inv, values });
  }
  if (best.length === 0) return { values: identity, ambiguous: false };
  const distinct = new Set(best.map((b) => b.values.map(valueText).join(",")));
  return distinct.size === 1
    ? { values: best[0]!.values, ambiguous: false }
    : { values: identity, ambiguous: true };
};

function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  yield [...a];
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[i], a[j]] = [a[j]!, a[i]!];
      yield [...a];
      c[i]!++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}
