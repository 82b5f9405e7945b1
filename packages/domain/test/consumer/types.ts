// Type-checked with tsc against the tarball's .d.ts in the consumer test (and against the
// sources by the package's own typecheck): each subpath's main names, used as a consumer would.
import type { DueDateResult } from "@ogi/domain/deadlines";
import { createWorkingCalendar, dueDate } from "@ogi/domain/deadlines";
import { type ParseResult, parseReportText } from "@ogi/domain/import";
import { deriveRequests, type Register } from "@ogi/domain/register";
import { renderReport } from "@ogi/domain/render";
import {
  emptyReport,
  REQUEST_ROW_CATALOG,
  type ReportDraft,
  reportDraftSchema,
} from "@ogi/domain/report";
import { checkReport, type Finding, hasErrors, RULES } from "@ogi/domain/rules";

const report: ReportDraft = reportDraftSchema.parse(emptyReport({ name: "某县人民政府" }, 2025));
const findings: Finding[] = checkReport(report);
const failed: boolean = hasErrors(findings);
const html: string = renderReport(report, { format: "html", findings });
const register: Register = { applications: [], openingBalances: [] };
const granted: number = deriveRequests(register, 2025).granted.total;
const due: DueDateResult = dueDate(
  {
    id: "a",
    events: [
      {
        id: "e1",
        type: "received",
        date: "2026-09-18",
        applicantType: "naturalPerson",
        channel: "post",
      },
    ],
  },
  createWorkingCalendar(),
);
const parse = (text: string): ParseResult => parseReportText(text);
const label: string = REQUEST_ROW_CATALOG[0]!.label.zh;
const rules: number = RULES.length;
// @ts-expect-error: renderReport takes one of the four formats, not "pdf".
renderReport(report, { format: "pdf" });

export { due, failed, granted, html, label, parse, rules };
