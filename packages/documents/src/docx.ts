// The report as a Word document (.docx) in the 2021 format's layout: A4, 公文 margins
// (GB/T 9704-2012: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right), the title in 方正小标宋简体,
// headings in 黑体 and 楷体_GB2312, the body in 仿宋_GB2312, the template's merged cells with
// single borders, header rows repeated on a new page, "— 1 —" page numbers, the preamble and
// the 落款; a draft has a watermark 草稿 behind the text of every page (docx-watermark.ts).
// Fonts are named, not embedded: agencies have the licensed 公文 fonts; where one is
// missing Word or WPS substitutes, and the Latin slots name fonts every Windows has (仿宋, 黑体,
// 楷体, 宋体) so figures still look right.

import type { LayoutBlock, LayoutCell, LayoutTable, Publication } from "@ogi/domain";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { watermarkHeader } from "./docx-watermark.ts";

const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** Named fonts: [East Asian, Latin fallback]. */
export const DOCX_FONTS = {
  title: ["方正小标宋简体", "宋体"],
  heading: ["黑体", "黑体"],
  subheading: ["楷体_GB2312", "楷体"],
  body: ["仿宋_GB2312", "仿宋"],
  pageNumber: ["宋体", "宋体"],
} as const;
type FontRole = keyof typeof DOCX_FONTS;

const font = (role: FontRole) => {
  const [eastAsia, latin] = DOCX_FONTS[role];
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin };
};

/** Half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt, 六号 7.5 pt. */
const SIZE = { title: 44, body: 32, normal: 21, small: 18, tiny: 15, pageNumber: 28 } as const;
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt: 22 lines a page

const run = (text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(role), size, ...extra });

const bodyParagraph = (text: string) =>
  new Paragraph({
    children: [run(text, "body", SIZE.body)],
    spacing: LINE,
    indent: { firstLine: SIZE.body * 20 }, // two characters
    alignment: AlignmentType.JUSTIFIED,
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const TEXT_WIDTH = mm(210 - 28 - 26);

const tableOf = (table: LayoutTable): Table => {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const size = SIZE[table.size];
  // Where each cell starts in the grid, to give a spanned cell its width.
  const occupied: boolean[][] = [];
  const rows = table.rows.map((cells, r) => {
    occupied[r] ??= [];
    let col = 0;
    const out = cells.map((cell: LayoutCell) => {
      while (occupied[r]![col]) col++;
      const span = cell.colSpan ?? 1;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < span; dc++) {
          occupied[r + dr] ??= [];
          occupied[r + dr]![col + dc] = true;
        }
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return new TableCell({
        children: [
          new Paragraph({
            children: [run(cell.text, "body", size)],
            alignment:
              cell.align === "left"
                ? AlignmentType.LEFT
                : cell.align === "right"
                  ? AlignmentType.RIGHT
                  : AlignmentType.CENTER,
          }),
        ],
        ...(span > 1 ? { columnSpan: span } : {}),
        ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        borders: BORDERS,
        margins: { left: 57, right: 57, top: 28, bottom: 28 },
      });
    });
    return new TableRow({ children: out, cantSplit: true, tableHeader: r < table.headerRows });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    borders: { ...BORDERS, insideHorizontal: BORDER, insideVertical: BORDER },
  });
};

const blockOf = (block: LayoutBlock): (Paragraph | Table)[] => {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          children: [run(block.text, "heading", SIZE.body)],
          spacing: LINE,
          indent: { firstLine: SIZE.body * 20 },
          keepNext: true,
        }),
      ];
    case "subheading":
      return [
        new Paragraph({
          children: [run(block.text, "subheading", SIZE.body)],
          spacing: LINE,
          indent: { firstLine: SIZE.body * 20 },
          keepNext: true,
        }),
      ];
    case "paragraph":
      return [bodyParagraph(block.text)];
    case "table":
      // An empty line after each table, as in the template.
      return [tableOf(block.table), new Paragraph({ children: [], spacing: LINE })];
  }
};

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run("— ", "pageNumber", SIZE.pageNumber),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: font("pageNumber"),
            size: SIZE.pageNumber,
          }),
          run(" —", "pageNumber", SIZE.pageNumber),
        ],
      }),
    ],
  });

export const renderDocx = async (pub: Publication): Promise<Uint8Array> => {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
      children: [run(pub.title, "title", SIZE.title)],
    }),
  ];
  if (pub.findings.items.length > 0) {
    children.push(
      new Paragraph({
        children: [run(pub.findings.heading, "heading", SIZE.normal, { color: "C00000" })],
      }),
      ...pub.findings.items.map(
        (item) =>
          new Paragraph({
            children: [run(`· ${item}`, "body", SIZE.normal, { color: "C00000" })],
          }),
      ),
    );
  }
  children.push(bodyParagraph(pub.preamble));
  for (const block of pub.blocks) children.push(...blockOf(block));
  // The 落款: right-aligned, two lines below the text, the date under the agency.
  children.push(new Paragraph({ children: [], spacing: LINE }));
  for (const line of pub.signOff)
    children.push(
      new Paragraph({
        children: [run(line, "body", SIZE.body)],
        alignment: AlignmentType.RIGHT,
        spacing: LINE,
        indent: { right: SIZE.body * 40 },
      }),
    );
  const doc = new Document({
    creator: pub.signOff[0] ?? "",
    title: pub.title,
    styles: {
      default: { document: { run: { font: font("body"), size: SIZE.body } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: { default: pageNumberFooter() },
        ...(pub.watermark === undefined
          ? {}
          : { headers: { default: watermarkHeader(pub.watermark) } }),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};
