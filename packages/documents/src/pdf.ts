// The report as a PDF, without a browser: pdfmake (on pdfkit) with a Chinese font embedded as a
// subset (only the glyphs used), so the file stays small and its text layer copies out as
// Chinese. The default font is Noto Sans Hans (SIL OFL) from the npm package @embedpdf/fonts-sc,
// which `pnpm install` brings; an agency can give its own licensed font files instead
// (`PdfFonts`, e.g. 仿宋_GB2312 from its machines). Tables keep the template's merged cells,
// never split a row, and repeat their header rows on a new page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { LayoutCell, LayoutTable, Publication } from "@ogi/domain";
import type { Content, TableCell } from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces.d.ts";
import { pdfkitFontkit, watermarkSvg } from "./pdf-watermark.ts";

const require = createRequire(import.meta.url);
type PdfMake = {
  virtualfs: { writeFileSync: (name: string, data: Buffer) => void };
  setFonts: (fonts: Record<string, Record<string, string>>) => void;
  setUrlAccessPolicy: (cb: (url: string) => boolean) => void;
  setLocalAccessPolicy: (cb: (path: string) => boolean) => void;
  createPdf: (doc: TDocumentDefinitions) => { getBuffer: () => Promise<Buffer> };
};

/** Font files as bytes: the regular face and, optionally, a bold one. */
export type PdfFonts = { regular: Uint8Array; bold?: Uint8Array };

const fontFile = (name: string) =>
  fileURLToPath(new URL(`../fonts/${name}`, import.meta.resolve("@embedpdf/fonts-sc")));

let defaultFonts: PdfFonts | undefined;
/** Noto Sans Hans regular and bold from @embedpdf/fonts-sc, read once. */
export const defaultPdfFonts = (): PdfFonts => {
  defaultFonts ??= {
    regular: readFileSync(fontFile("NotoSansHans-Regular.otf")),
    bold: readFileSync(fontFile("NotoSansHans-Bold.otf")),
  };
  return defaultFonts;
};

/**
 * pdfkit parses the font file anew for every document (fontkit.create), which is most of the
 * time a report takes with an 8 MB CJK font. The parsed font is read-only but for its glyph
 * caches, and each document takes its own subset of it: parse each font file once. fontkit's
 * exports cannot be redefined, so pdfkit is handed a copy with a caching `create` (through the
 * module cache, before pdfkit loads); had pdfkit loaded first, rendering is only slower.
 */
const parseFontsOnce = () => {
  const { fontkit, path } = pdfkitFontkit();
  const cached = require.cache[path];
  const pdfkit = createRequire(require.resolve("pdfmake")).resolve("pdfkit");
  if (cached === undefined || require.cache[pdfkit] !== undefined) return;
  const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
  const create = (buffer: Uint8Array, postscriptName?: string) => {
    const byName = parsed.get(buffer) ?? new Map<string, unknown>();
    parsed.set(buffer, byName);
    const key = postscriptName ?? "";
    if (!byName.has(key)) byName.set(key, fontkit.create(buffer, postscriptName));
    return byName.get(key);
  };
  cached.exports = { ...fontkit, create };
};

let pdfmake: PdfMake | undefined;
let registered: PdfFonts | undefined;
const printer = (fonts: PdfFonts): PdfMake => {
  if (pdfmake === undefined) {
    parseFontsOnce();
    pdfmake = require("pdfmake") as PdfMake;
    // Nothing is fetched or read from disk while printing: fonts come from memory.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
  }
  if (registered !== fonts) {
    pdfmake.virtualfs.writeFileSync("report-regular", Buffer.from(fonts.regular));
    pdfmake.virtualfs.writeFileSync("report-bold", Buffer.from(fonts.bold ?? fonts.regular));
    pdfmake.setFonts({
      Report: {
        normal: "report-regular",
        bold: "report-bold",
        italics: "report-regular",
        bolditalics: "report-bold",
      },
    });
    registered = fonts;
  }
  return pdfmake;
};

const pt = (mm: number) => (mm * 72) / 25.4;
const FONT_SIZE = { normal: 10.5, small: 8, tiny: 6.5 } as const;

/** pdfmake wants every grid position listed: spanned ones as empty placeholders. */
export const expandGrid = (table: LayoutTable, cellOf: (c: LayoutCell) => TableCell) => {
  const width = table.widths.length;
  const grid: (TableCell | undefined)[][] = table.rows.map(() => new Array(width));
  table.rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (grid[r]![col] !== undefined) col++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) if (grid[r + dr]) grid[r + dr]![col + dc] = {};
      grid[r]![col] = cellOf(cell);
      col += cs;
    }
  });
  return grid.map((row) => Array.from(row, (c) => c ?? ""));
};

const tableContent = (table: LayoutTable): Content => {
  const size = FONT_SIZE[table.size];
  const sum = table.widths.reduce((a, b) => a + b, 0);
  return {
    table: {
      headerRows: table.headerRows,
      dontBreakRows: true,
      widths: table.widths.map((w) => `${((w / sum) * 100).toFixed(3)}%`),
      body: expandGrid(table, (cell) => ({
        text: cell.text,
        fontSize: size,
        alignment: cell.align ?? "center",
        ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
        ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
      })),
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
      paddingLeft: () => 2,
      paddingRight: () => 2,
    },
    margin: [0, 4, 0, 10],
  };
};

const A4 = { width: pt(210), height: pt(297) };

/**
 * The document for pdfmake. A draft's watermark is `watermark`, an SVG of the page (see
 * pdf-watermark.ts) drawn behind each page's text; without it, a draft is not marked.
 */
export const pdfDefinition = (pub: Publication, watermark?: string): TDocumentDefinitions => {
  const body = { fontSize: 12, lineHeight: 1.5, leadingIndent: 24, alignment: "justify" as const };
  const content: Content[] = [
    { text: pub.title, fontSize: 18, bold: true, alignment: "center", margin: [0, 0, 0, 18] },
  ];
  if (pub.findings.items.length > 0)
    content.push({
      stack: [{ text: pub.findings.heading, bold: true }, { ul: pub.findings.items }],
      color: "#b00000",
      fontSize: 9,
      margin: [0, 0, 0, 12],
    });
  content.push({ text: pub.preamble, ...body });
  for (const block of pub.blocks) {
    if (block.kind === "heading")
      content.push({
        text: block.text,
        bold: true,
        fontSize: 13,
        margin: [0, 10, 0, 4],
        headlineLevel: 1,
      });
    else if (block.kind === "subheading")
      content.push({ text: block.text, bold: true, fontSize: 12, margin: [24, 4, 0, 2] });
    else if (block.kind === "paragraph") content.push({ text: block.text, ...body });
    else content.push(tableContent(block.table));
  }
  content.push({
    stack: pub.signOff.map((line) => ({ text: line })),
    alignment: "right",
    fontSize: 12,
    lineHeight: 1.5,
    margin: [0, 24, 24, 0],
    unbreakable: true,
  });
  return {
    pageSize: "A4",
    pageMargins: [pt(28), pt(37), pt(26), pt(35)],
    info: { title: pub.title, author: pub.signOff[0] ?? "", creator: "ogi" },
    language: pub.lang === "zh" ? "zh-CN" : "en-GB",
    defaultStyle: { font: "Report", fontSize: 12 },
    ...(watermark === undefined
      ? {}
      : { background: () => ({ svg: watermark, absolutePosition: { x: 0, y: 0 } }) }),
    footer: (current: number) => ({
      text: `— ${current} —`,
      alignment: "center",
      fontSize: 11,
      margin: [0, pt(10), 0, 0],
    }),
    // A heading never ends a page: it goes over with what follows.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.9,
    content,
  } as TDocumentDefinitions;
};

export const renderPdf = async (pub: Publication, fonts?: PdfFonts): Promise<Uint8Array> => {
  const given = fonts ?? defaultPdfFonts();
  const pm = printer(given);
  // The watermark in outlines of the bold face: a page image shows it, the text layer has not.
  const watermark =
    pub.watermark === undefined
      ? undefined
      : watermarkSvg(pub.watermark, given.bold ?? given.regular, A4);
  const buffer = await pm.createPdf(pdfDefinition(pub, watermark)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};
