// The common shape every input is reduced to before it is read: numbered lines made of cells.
// Plain text, `pdftotext` output, tab-separated web text, HTML tables and pdf.js text items all
// become `SourceLine`s, so the section and table readers are written once.
import { displayWidth, fold, readCell } from "./normalize.ts";
import { regroupPipeCells } from "./pipe-cells.ts";

export type Cell = {
  text: string;
  /** Start of the cell: a character column (layout text), a PDF x in points, or an index. */
  x: number;
  /** Width in the same unit as x. */
  w: number;
};

export type SourceLine = {
  /** 1-based line of the input (for PDF: of the text reconstructed from it). */
  no: number;
  /** The line's text, trimmed; cells separated by one space. */
  text: string;
  cells: Cell[];
  /** Leading indentation in character widths (paragraph starts in PDF text). */
  indent: number;
  /** Display width in half-width columns. */
  width: number;
  /** Cells come from tabs or table markup: an empty cell is a blank table cell. */
  explicit: boolean;
  /** Cell x positions are geometric (layout text, PDF), usable to align columns. */
  positional: boolean;
};

export type SourceKind = "text" | "layout" | "plain" | "html" | "pdf" | "markdown";

export type SourceDoc = {
  kind: SourceKind;
  lines: SourceLine[];
  /** Narrative lines are hard-wrapped (PDF text): paragraphs must be re-joined. */
  wrapped: boolean;
  /** Lines dropped as page furniture ("-3-", "第 3 页"). */
  dropped: number[];
};

// Page numbers printed in the footer: "-3-", "- 3 -", "— 3 —", "第 3 页", "第3页 共6页", "3/6".
const PAGE_FOOTER =
  /^\s*(?:[-－—–]+\s*\d{1,3}\s*[-－—–]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
export const isPageFooter = (s: string) => PAGE_FOOTER.test(fold(s));

// Table rulings left over from copying a table: "---------\t---", "|---|---|", "+----+".
const RULING = /^[\s|:+=\-—_]*$/;

/** Splits a layout line into cells at runs of 2+ spaces, and trailing numbers off a label. */
const splitLayout = (line: string): Cell[] => {
  const cells: Cell[] = [];
  const re = /\S+(?: \S+)*/g;
  for (const m of line.matchAll(re)) {
    const text = m[0];
    const x = m.index ?? 0;
    const pieces = splitNumbers(text);
    let offset = 0;
    for (const p of pieces) {
      const at = text.indexOf(p, offset);
      cells.push({ text: p, x: x + at, w: p.length });
      offset = at + p.length;
    }
  }
  return cells;
};

/** "规章 1 0 11" → ["规章", "1", "0", "11"]; "1 0 11" → three cells; other text unchanged. */
const splitNumbers = (text: string): string[] => {
  const tokens = text.split(" ");
  if (tokens.length < 2) return [text];
  let first = tokens.length;
  while (first > 0 && readCell(tokens[first - 1]!)?.kind === "number") first--;
  if (first === tokens.length) return [text];
  if (first === 0) return tokens;
  const label = tokens.slice(0, first).join(" ");
  // "2024 年" and "第 3 页" stay text: only a label ending in a non-digit takes numbers off.
  return /[\d.,，]$/.test(label) ? [text] : [label, ...tokens.slice(first)];
};

const splitMarkdownRow = (line: string): string[] | null => {
  const t = line.trim();
  if (!t.startsWith("|") || !t.endsWith("|") || t.length < 2) return null;
  return t
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());
};

/**
 * "label | 58 | 7 | 0 |" (a table copied from a page, or a converter's text): cells between
 * pipes (full-width "｜" too) when a line has two or more; an empty piece is a blank cell.
 */
const splitPipes = (line: string): string[] | null => {
  const t = line.replace(/｜/g, "|").trim();
  if ((t.match(/\|/g)?.length ?? 0) < 2) return null;
  const pieces = t.split("|").map((c) => c.trim());
  if (t.startsWith("|")) pieces.shift();
  if (t.endsWith("|")) pieces.pop();
  return pieces;
};

const lineOf = (
  no: number,
  raw: string,
  cells: Cell[],
  explicit: boolean,
  positional: boolean,
): SourceLine => {
  const text = cells
    .map((c) => c.text)
    .filter((t) => t !== "")
    .join(" ");
  const lead = /^[ \u3000]*/.exec(raw)?.[0] ?? "";
  return {
    no,
    text,
    cells,
    indent: displayWidth(lead) / 2,
    width: displayWidth(raw.trim()),
    explicit,
    positional,
  };
};

/** Splits text into lines and cells. */
export const textToSource = (input: string): SourceDoc => {
  const rawLines = regroupPipeCells(
    input
      .replace(/^\ufeff/, "")
      .replace(/\r\n?/g, "\n")
      .replace(/\f/g, "\n\f")
      .split("\n"),
  );
  const lines: SourceLine[] = [];
  const dropped: number[] = [];
  let tabs = 0;
  let layoutGaps = 0;
  let markdown = 0;
  rawLines.forEach((rawLine, i) => {
    const no = i + 1;
    const raw = rawLine.replace(/\f/g, "").replace(/\u00a0/g, " ");
    if (raw.trim() === "") {
      lines.push(lineOf(no, "", [], false, false));
      return;
    }
    if (isPageFooter(raw)) {
      dropped.push(no);
      lines.push(lineOf(no, "", [], false, false));
      return;
    }
    if (RULING.test(raw.replace(/\t/g, ""))) {
      lines.push(lineOf(no, "", [], false, false));
      return;
    }
    const md = splitMarkdownRow(raw);
    if (md) {
      markdown++;
      const cells = md.map((text, x) => ({ text, x, w: 1 }));
      lines.push(lineOf(no, raw, cells, true, false));
      return;
    }
    const piped = splitPipes(raw);
    if (piped) {
      tabs++;
      const cells = piped.map((text, x) => ({ text, x, w: 1 }));
      lines.push(lineOf(no, raw, cells, true, false));
      return;
    }
    if (raw.includes("\t")) {
      tabs++;
      const cells = raw.split("\t").map((text, x) => ({ text: text.trim(), x, w: 1 }));
      lines.push(lineOf(no, raw, cells, true, false));
      return;
    }
    const cells = splitLayout(raw.replace(/\u3000/g, "  "));
    if (/\S {2,}\S/.test(raw.trim())) layoutGaps++;
    lines.push(lineOf(no, raw, cells, false, true));
  });
  const kind: SourceKind =
    markdown > 3 ? "markdown" : tabs > 3 ? "text" : layoutGaps > 3 ? "layout" : "plain";
  return { kind, lines, wrapped: isWrapped(lines), dropped };
};

/**
 * Text extracted from a PDF is hard-wrapped at the page width: many lines of nearly the same
 * width, none very long. Web text has one paragraph per line.
 */
export const isWrapped = (lines: readonly SourceLine[]): boolean => {
  const prose = lines.filter((l) => l.cells.length === 1 && l.width >= 20 && !l.explicit);
  if (prose.length < 3) return false;
  const widths = prose.map((l) => l.width).sort((a, b) => a - b);
  const max = widths[Math.floor(widths.length * 0.9)] ?? 0;
  if (max > 140) return false;
  const nearMax = widths.filter((w) => w >= max * 0.85).length;
  return nearMax >= Math.max(3, prose.length * 0.4);
};
