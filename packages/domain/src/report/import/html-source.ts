// HTML pages as government sites publish them: prose in nested <p><span>, tables with
// rowspan/colspan, <br> inside cells, &nbsp; everywhere. Tables are expanded into a grid
// (a spanned cell repeats its label down its rows), each row becoming one line of cells.
import { parseDocument } from "htmlparser2";
import { importErrors } from "./import-error.ts";
import { displayWidth, joinWrapped } from "./normalize.ts";
import type { Cell, SourceDoc, SourceLine } from "./source-lines.ts";

type Node = {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  startIndex?: number | null;
};

const SKIP = new Set([
  "script",
  "style",
  "head",
  "noscript",
  "template",
  "svg",
  "iframe",
  "button",
  "select",
  "option",
]);
const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "blockquote",
  "pre",
  "center",
  "header",
  "footer",
  "main",
  "nav",
  "aside",
  "form",
  "dl",
  "dt",
  "dd",
  "figure",
  "figcaption",
  "caption",
  "hr",
  "address",
  "body",
  "html",
]);

const HAN_GAP =
  /([\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])\s+(?=[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])/gu;

/** Collapses source whitespace; none is kept between two Chinese characters. */
const tidy = (s: string): string =>
  s
    .replace(/[\s\u00a0\u3000]+/g, " ")
    .replace(HAN_GAP, "$1")
    .trim();

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
};

const lineAt = (starts: number[], index: number): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
};

/** The text of a cell: its paragraphs and <br> lines joined as wrapped text. */
const cellText = (node: Node): string => {
  const pieces: string[] = [];
  let current = "";
  const walk = (n: Node) => {
    if (n.type === "text") current += n.data ?? "";
    else if (n.type === "tag" || n.type === "script" || n.type === "style") {
      if (SKIP.has(n.name ?? "")) return;
      const block =
        n.name === "br" || BLOCK.has(n.name ?? "") || n.name === "table" || n.name === "tr";
      if (block) {
        pieces.push(tidy(current));
        current = "";
      }
      for (const c of n.children ?? []) walk(c);
      if (block) {
        pieces.push(tidy(current));
        current = "";
      }
    }
  };
  for (const c of node.children ?? []) walk(c);
  pieces.push(tidy(current));
  return pieces.filter((p) => p !== "").reduce((a, b) => joinWrapped(a, b), "");
};

const span = (v: string | undefined): number => {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
};

const rowsOf = (table: Node): Node[] => {
  const rows: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.children ?? []) {
      if (c.type !== "tag") continue;
      if (c.name === "tr") rows.push(c);
      else if (c.name !== "table") walk(c);
    }
  };
  walk(table);
  return rows;
};

/**
 * Old CMS pages lay the whole article out in a table: a table that holds other tables or
 * long prose in a cell is page layout, read as flowing text, not as a grid.
 */
const isLayoutTable = (table: Node): boolean => {
  let layout = false;
  const walk = (n: Node, depth: number) => {
    for (const c of n.children ?? []) {
      if (layout || c.type !== "tag") continue;
      if (c.name === "table" && depth > 0) {
        layout = true;
        return;
      }
      if ((c.name === "td" || c.name === "th") && cellText(c).length > 300) {
        layout = true;
        return;
      }
      walk(c, depth + 1);
    }
  };
  walk(table, 0);
  return layout;
};

/** Expands rowspan/colspan into a grid; returns one line of cells per row. */
const tableLines = (table: Node, starts: number[]): SourceLine[] => {
  const grid: (Cell | "span" | undefined)[][] = [];
  const rows = rowsOf(table);
  const lines: SourceLine[] = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const td of tr.children ?? []) {
      if (td.type !== "tag" || (td.name !== "td" && td.name !== "th")) continue;
      while (grid[r]![col] !== undefined) col++;
      const text = cellText(td);
      const rs = span(td.attribs?.rowspan);
      const cs = span(td.attribs?.colspan);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++)
          grid[r + dr]![col + dc] = dc === 0 ? { text, x: col, w: cs } : "span";
      }
      col += cs;
    }
  });
  rows.forEach((tr, r) => {
    const row = grid[r] ?? [];
    const cells: Cell[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === "span") continue;
      cells.push(cell ?? { text: "", x: c, w: 1 });
    }
    const text = cells
      .map((c) => c.text)
      .filter((t) => t !== "")
      .join(" ");
    lines.push({
      no: lineAt(starts, tr.startIndex ?? 0),
      text,
      cells,
      indent: 0,
      width: displayWidth(text),
      explicit: true,
      positional: false,
    });
  });
  return lines;
};

/** Real pages nest a few dozen levels; the readers below recurse, so refuse absurd depths. */
export const MAX_HTML_DEPTH = 500;

/** Throws ImportError too-deep when the page nests elements deeper than MAX_HTML_DEPTH. */
export const assertHtmlDepth = (html: string): void => {
  const dom = parseDocument(html) as unknown as Node;
  const stack: [Node, number][] = [[dom, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) throw importErrors.tooDeep(MAX_HTML_DEPTH);
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
};

export const htmlToSource = (html: string): SourceDoc => {
  const dom = parseDocument(html, {
    withStartIndices: true,
    decodeEntities: true,
  }) as unknown as Node;
  const starts = lineStarts(html);
  const lines: SourceLine[] = [];
  let current = "";
  let currentStart = 0;
  const flush = () => {
    const text = tidy(current);
    if (text !== "")
      lines.push({
        no: lineAt(starts, currentStart),
        text,
        cells: [{ text, x: 0, w: displayWidth(text) }],
        indent: 0,
        width: displayWidth(text),
        explicit: false,
        positional: false,
      });
    current = "";
  };
  const walk = (n: Node) => {
    if (n.type === "text") {
      if (current.trim() === "") currentStart = n.startIndex ?? currentStart;
      current += n.data ?? "";
      return;
    }
    if (n.type !== "tag" && n.type !== "root") return;
    if (SKIP.has(n.name ?? "")) return;
    if (n.name === "table" && !isLayoutTable(n)) {
      flush();
      lines.push(...tableLines(n, starts));
      return;
    }
    const block =
      n.name === "br" ||
      n.name === "tr" ||
      n.name === "td" ||
      n.name === "th" ||
      n.name === "table" ||
      BLOCK.has(n.name ?? "");
    if (block) flush();
    for (const c of n.children ?? []) walk(c);
    if (block) flush();
  };
  walk(dom);
  flush();
  // Keep input order by line (tables and prose interleave in document order already).
  return { kind: "html", lines, wrapped: false, dropped: [] };
};
