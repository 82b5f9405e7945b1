// The control for rules-only.mjs: the import subpath does load the HTML reader.
import { parseReportText } from "@ogi/domain/import";

console.log(typeof parseReportText);
