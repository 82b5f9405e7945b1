// @ogi/documents: the annual report as the files agencies publish and send on: Word (.docx),
// PDF and Excel (.xlsx), plus the register as a spreadsheet. The layout comes from the domain's
// reportPublication (pure); this package only writes the bytes (fonts are files: I/O).
import { type PublicationOptions, type ReportDraft, reportPublication } from "@ogi/domain";
import { renderDocx } from "./docx.ts";
import { type PdfFonts, renderPdf } from "./pdf.ts";
import { renderReportXlsx } from "./xlsx.ts";

export { DOCX_FONTS, renderDocx } from "./docx.ts";
export { defaultPdfFonts, expandGrid, type PdfFonts, pdfDefinition, renderPdf } from "./pdf.ts";
export { renderReportXlsx, renderSheetXlsx, type SheetColumn, type SheetValue } from "./xlsx.ts";

export const DOCUMENT_FORMATS = ["docx", "pdf", "xlsx"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const isDocumentFormat = (f: string): f is DocumentFormat =>
  (DOCUMENT_FORMATS as readonly string[]).includes(f);

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type DocumentOptions = PublicationOptions & { format: DocumentFormat; pdfFonts?: PdfFonts };

/** The report as a Word, PDF or Excel file. */
export const renderDocument = async (
  report: ReportDraft,
  options: DocumentOptions,
): Promise<Uint8Array> => {
  const pub = reportPublication(report, options);
  switch (options.format) {
    case "docx":
      return renderDocx(pub);
    case "pdf":
      return renderPdf(pub, options.pdfFonts);
    case "xlsx":
      return renderReportXlsx(pub);
  }
};

/**
 * `attachment; filename="report-2024.docx"; filename*=UTF-8''…` (RFC 6266 / 8187): the Chinese
 * name for every browser that reads filename*, an ASCII one for the rest.
 */
export const contentDisposition = (name: string, asciiFallback: string): string =>
  `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** A file name without the characters Windows refuses. */
export const safeFileName = (name: string): string =>
  name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(0, 200);
