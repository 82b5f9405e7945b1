// Import of published annual reports (issue 2, item 6). `parseReport` takes the bytes or text
// of a report and tells its kind from the content (PDF magic, markup, JSON, our renderings)
// and the file name:
//   - text copied from a web page (tab-separated tables), `pdftotext -layout` and plain
//     `pdftotext` output, Markdown: parseReportText
//   - HTML pages (tables with rowspan/colspan expanded into a grid): parseReportHtml
//   - PDF files with a text layer, read with pdf.js (no worker thread, network or canvas)
//   - our own md / html / txt / csv renderings, read back exactly; canonical JSON
// Everything it cannot read becomes an `import.unreadable` warning with the input line, a row
// that is not there `import.missingRow`; the 2019 trial columns are `format.outdated`;
// checkReport's findings follow. Input it cannot read at all (a scan without a text layer,
// binary data, not a report) throws ImportError. Traditional characters are read as
// simplified: parseReport loads the converter when a report needs it (the sync entries use it
// once it is loaded). A county's set: readReportSet, unzipReports. See docs/import.md.
export type { ImportErrorCode } from "./import-error.ts";
export { readFeeStatement } from "./narrative.ts";
export {
  ImportError,
  type ParseOptions,
  type ParseResult,
  parseReport,
  parseReportHtml,
  parseReportText,
} from "./parse-report.ts";
export type { PdfProgress, PdfReadOptions } from "./pdf-source.ts";
export {
  checkHierarchy,
  isCountyGovernment,
  readReportSet,
  type SetEntry,
  type SetResult,
  type SetSummary,
} from "./report-set.ts";
export {
  DEFAULT_ZIP_LIMITS,
  isZip,
  REPORT_FILE,
  type SetFile,
  unzipReports,
  type ZipLimits,
} from "./zip-set.ts";
