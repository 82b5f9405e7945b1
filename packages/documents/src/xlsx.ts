// Excel workbooks (.xlsx, with exceljs): the report's tables, one sheet each with the template's
// merged cells and figures as numbers; and the register, one row per application under Chinese
// column headers, dates as real dates (Excel's serial days, written from UTC midnight so no
// time zone shifts them), text cells never taken for formulas.
import type { LayoutTable, Publication } from "@ogi/domain";
import ExcelJS from "exceljs";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: "仿宋_GB2312", size: 10.5 };

const SHEET_NAMES: Record<string, { zh: string; en: string }> = {
  proactive: { zh: "二、主动公开", en: "2 Proactive" },
  requests: { zh: "三、依申请公开", en: "3 Applications" },
  appeals: { zh: "四、复议诉讼", en: "4 Appeals" },
  fees: { zh: "六、信息处理费", en: "6 Fees" },
};

const writeTable = (sheet: ExcelJS.Worksheet, table: LayoutTable, top: number) => {
  const taken = new Set<string>();
  table.rows.forEach((cells, r) => {
    let col = 1;
    for (const cell of cells) {
      while (taken.has(`${r},${col}`)) col++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rs; dr++)
        for (let dc = 0; dc < cs; dc++) taken.add(`${r + dr},${col + dc}`);
      const target = sheet.getCell(top + r, col);
      target.value = cell.label ? cell.text : (cell.value ?? null);
      if (cs > 1 || rs > 1) sheet.mergeCells(top + r, col, top + r + rs - 1, col + cs - 1);
      col += cs;
    }
  });
  const width = table.widths.length;
  for (let r = 0; r < table.rows.length; r++)
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(top + r, c);
      cell.border = BORDER;
      cell.font = FONT;
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    }
  const sum = table.widths.reduce((a, b) => a + b, 0);
  table.widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.max(8, Math.round((w / sum) * 120));
  });
  table.rows.forEach((cells, r) => {
    if (cells.some((c) => c.label && !c.rowSpan && c.text.length > 30))
      sheet.getRow(top + r).height = 30;
  });
};

/** The report's four tables, one sheet each, under the report's title. */
export const renderReportXlsx = async (pub: Publication): Promise<Uint8Array> => {
  const book = new ExcelJS.Workbook();
  book.title = pub.title;
  book.creator = pub.signOff[0] ?? "";
  for (const block of pub.blocks) {
    if (block.kind !== "table") continue;
    const sheet = book.addWorksheet(SHEET_NAMES[block.name]?.[pub.lang] ?? block.name, {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 },
    });
    sheet.getCell(1, 1).value = pub.title;
    sheet.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
    sheet.mergeCells(1, 1, 1, block.table.widths.length);
    sheet.getCell(1, 1).alignment = { horizontal: "center" };
    if (pub.watermark !== undefined) sheet.getCell(2, 1).value = pub.watermark;
    writeTable(sheet, block.table, 3);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
};

export type SheetColumn = { header: string; kind: "text" | "date" | "number"; width?: number };
export type SheetValue = string | number | null | undefined;

/** "2025-03-01" as a Date at UTC midnight: exceljs writes it as Excel's serial day 45717. */
const dateOf = (v: SheetValue) => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return v === "" ? null : (v ?? null);
  return new Date(`${v}T00:00:00Z`);
};

/** A spreadsheet would run "=…", "+…", "-…", "@…" as a formula: written as text, never a formula. */
const textOf = (v: SheetValue) => (v === undefined || v === null ? null : String(v));

/** One sheet, one row per record, the header row frozen and filtered. */
export const renderSheetXlsx = async (
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly SheetValue[])[],
): Promise<Uint8Array> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? (c.kind === "date" ? 12 : c.kind === "number" ? 8 : 20),
    ...(c.kind === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      columns.map((c, i) =>
        c.kind === "date"
          ? dateOf(row[i])
          : c.kind === "number"
            ? (row[i] ?? null)
            : textOf(row[i]),
      ),
    );
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
};
