// Section 三 read from source lines. Rows are matched by their verbatim catalog labels
// (normalized), and by their order where a label is wrapped, vertical or missing: a monotone
// alignment of the lines that carry numbers to the official rows.
import {
  OUTCOME_GROUP_CATALOG,
  OUTCOMES_HEADING,
  REQUEST_COLUMNS,
  REQUEST_ROW_CATALOG,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { type ReportDraft, setCell } from "../schema.ts";
import { missingRow, outdated, unreadable } from "./findings.ts";
import { coreKey, labelKey } from "./normalize.ts";
import type { SourceLine } from "./source-lines.ts";
import { cellValue, placeValues, type ValueLine, valueLines, valueText } from "./value-lines.ts";

const ROW_CORES = REQUEST_ROW_CATALOG.map((r) => ({ key: r.key, core: coreKey(r.label.zh) }));
// Group labels and headings that share a line with a row label in some layouts.
const NOISE_CORES = [
  coreKey(OUTCOMES_HEADING.zh),
  ...OUTCOME_GROUP_CATALOG.filter((g) => g.key !== "granted" && g.key !== "partiallyGranted").map(
    (g) => coreKey(g.label.zh),
  ),
];
const NOISE_OR_GROUP = [
  ...NOISE_CORES,
  ...OUTCOME_GROUP_CATALOG.map((g) => coreKey(g.label.zh)),
  ...NOISE_CORES.map((n) => n.replace(/^本年度/, "")),
];
const OTHER_HANDLING_CORE = coreKey(
  OUTCOME_GROUP_CATALOG.find((g) => g.key === "otherHandling")!.label.zh,
);

/** A row whose label is read (even wrapped over the lines around it) anchors the order. */
const ANCHOR = 1.5;

/** A value line's label keys, computed once for the scores against all 25 rows. */
type LineKeys = { ownCores: string[]; before: string; around: string; justBefore: string | null };

const lineKeys = (vl: ValueLine): LineKeys => ({
  ownCores: vl.own.map(coreKey).filter((c) => c !== "" && !NOISE_CORES.includes(c)),
  before: labelKey([...vl.prev, ...vl.own].join("")),
  around: labelKey([...vl.prev, ...vl.own, ...vl.next].join("")),
  justBefore: vl.prev.length > 0 ? coreKey(vl.prev.at(-1)!) : null,
});

const rowScore = (k: LineKeys, core: string): number => {
  let s = 0;
  for (const c of k.ownCores) {
    if (c === core) s = Math.max(s, 4);
    else if (core.length >= 5 && c.includes(core)) s = Math.max(s, 3);
    // Merged with its group's name ("三、本年度办理结果（一）予以公开", "（三）不予公开1.属于国家秘密").
    else if (c.endsWith(core) && NOISE_OR_GROUP.some((g) => c.startsWith(g))) s = Math.max(s, 3);
    else if (c.length >= 4 && core.startsWith(c)) s = Math.max(s, 2);
    else if (c.length >= 6 && core.includes(c)) s = Math.max(s, 2);
  }
  if (core.length >= 5) {
    if (k.before.includes(core)) s = Math.max(s, 2.5);
    else if (k.around.includes(core)) s = Math.max(s, 1.5);
  } else if (k.justBefore === core && k.ownCores.length === 0) s = Math.max(s, 2.5);
  return s;
};

const scoreMatrix = (vls: readonly ValueLine[]): number[][] =>
  vls.map((vl) => {
    const keys = lineKeys(vl);
    const scores = ROW_CORES.map((r) => rowScore(keys, r.core));
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
  if (vls.length === 0) {
    // No row at all: a table printed as an image, or a page cut off above it.
    findings.push(
      missingRow(
        headingLine,
        REQUEST_ROW_CATALOG.flatMap((r) => REQUEST_COLUMNS.map((c) => `requests.${r.key}.${c}`)),
        "第三部分没有读到表格（可能印成图片或被截断）。",
        "No table was read in section 3 (it may be printed as an image or cut off).",
      ),
    );
    return 0;
  }
  let placed = 0;
  for (let r = 0; r < ROW_CORES.length; r++) {
    const row = ROW_CORES[r]!.key;
    const i = rowLine.get(r);
    const cells = REQUEST_COLUMNS.map((c) => `requests.${row}.${c}`);
    if (i === undefined) {
      if (handled2019.has(row)) continue;
      findings.push(
        missingRow(
          headingLine,
          cells,
          `第三部分表格中没有“${REQUEST_ROW_CATALOG[r]!.label.zh}”一行（表格可能被截断或印成图片），其余各行照常读取。`,
          `The row "${REQUEST_ROW_CATALOG[r]!.label.zh}" of the table in section 3 is missing (the table may be cut off or printed as an image); the other rows were read.`,
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
