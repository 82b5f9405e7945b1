// /report: a region's manager asks for the sum of the region's agencies for that year; anyone
// who got the report asks for its Word or PDF file.
import { indexOf, step, year } from "./callback-data.ts";

export const regionReportStep = step("rr", { year });

/** The report's Word or PDF file, offered under the HTML document. */
export const REPORT_FILE_FORMATS = ["docx", "pdf"] as const;
export const reportFileStep = step("rf", { year, format: indexOf(REPORT_FILE_FORMATS) });
