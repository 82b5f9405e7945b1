// parseReport, with the agreed signature, looked up at run time so that the CLI works and
// type-checks while the import module is being written; once @ogi/domain exports it, import it
// directly instead.
import type { Finding, ReportDraft } from "@ogi/domain";
import * as domain from "@ogi/domain";
import { CliError } from "./errors.ts";

export type ParseResult = { report: ReportDraft; findings: Finding[] };
export type ParseReport = (
  input: string | Uint8Array,
  options?: { filename?: string },
) => Promise<ParseResult>;

export const parseReport: ParseReport = (input, options) => {
  const f = (domain as Record<string, unknown>).parseReport;
  if (typeof f !== "function")
    throw new CliError({
      zh: "此版本的 @ogi/domain 还不能导入已发布的报告（parseReport）",
      en: "This version of @ogi/domain cannot import published reports yet (parseReport)",
    });
  return (f as ParseReport)(input, options);
};
