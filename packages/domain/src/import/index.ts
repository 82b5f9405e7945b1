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
