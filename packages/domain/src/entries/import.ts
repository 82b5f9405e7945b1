/**
 * `parseReport` for published reports (PDF with pdf.js, HTML pages with
 * htmlparser2, text) and our own renderings. The only subpath that loads those readers.
 *
 * @module @ogi/domain/import
 */
export * from "../report/import/index.ts";
