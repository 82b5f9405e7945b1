// Section 四 read from source lines: three blocks (复议, 未经复议诉讼, 复议后诉讼) of five
// columns, found by their words or, failing that, by the order that balances.
import {
  APPEAL_BLOCK_LABELS,
  APPEAL_BLOCKS,
  APPEAL_COLUMNS,
  type AppealBlock,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { type ReportDraft, setCell } from "../schema.ts";
import { missingRow, unreadable } from "./findings.ts";
import { type CellValue, labelKey } from "./normalize.ts";
import type { SourceLine } from "./source-lines.ts";
import { cellValue, placeValues, type ValueLine, valueLines, valueText } from "./value-lines.ts";

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
    findings.push(
      missingRow(
        headingLine,
        appealPaths,
        "未能读取第四部分（行政复议、行政诉讼）的表格（可能被截断或印成图片）。",
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
