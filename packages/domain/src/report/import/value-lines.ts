// The lines of a table that carry numbers, with the labels around them, and their values
// placed in columns: what the readers of sections 二, 三 and 四 share.
import { type CellValue, fold, readCell } from "./normalize.ts";
import type { SourceLine } from "./source-lines.ts";

export type Val = { v: CellValue; x: number; w: number; line: number };

/** A line (or a chunk of a run of lines) that carries numbers, with the labels around it. */
export type ValueLine = {
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

export const cellValue = (v: CellValue): number | null => (v.kind === "number" ? v.value : null);

/** Splits a line into its label texts and its value cells. */
export const splitLine = (line: SourceLine, k: number): { labels: string[]; values: Val[] } => {
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
  // A borderless PDF table runs a wrapped label into the first number ("…其政府67"): split it
  // off when exactly that number completes the row.
  const last = read.findLastIndex((r) => r.v === null);
  const glued = last >= 0 ? /^(.*[^\d\s.,，])(\d{1,9})$/.exec(fold(read[last]!.c.text)) : null;
  if (glued && values.length === k - 1 && read.slice(last + 1).every((r) => r.v !== null)) {
    const c = read[last]!.c;
    labels[labels.length - 1] = glued[1]!;
    const at = values.findIndex((v) => v.x > c.x);
    const w = c.w * (glued[2]!.length / Math.max(1, fold(c.text).length));
    values.splice(at < 0 ? values.length : at, 0, {
      v: { kind: "number", value: Number(glued[2]) },
      x: c.x + c.w - w,
      w,
      line: line.no,
    });
  }
  return { labels, values };
};

/** Groups a region into value lines; runs of lone numbers are merged and cut into rows of k. */
export const valueLines = (lines: readonly SourceLine[], k: number): ValueLine[] => {
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

export const center = (v: { x: number; w: number }) => v.x + v.w / 2;

/** Places a line's values in k columns; blanks where a value is missing. */
export const placeValues = (
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

export const valueText = (v: CellValue) =>
  v.kind === "number" ? String(v.value) : v.kind === "dash" ? v.text : "";
