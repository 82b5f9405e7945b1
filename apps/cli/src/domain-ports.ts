// The domain functions the CLI needs, with the agreed signatures. parseReport and checkReport
// are looked up at run time so that the CLI works (and type-checks) while they are being
// written; once both are exported by @ogi/domain this file can import them directly.

import type { Finding, ReportDraft } from "@ogi/domain";
import * as domain from "@ogi/domain";
import { CliError } from "./errors.ts";

export type ParseResult = { report: ReportDraft; findings: Finding[] };
export type ParseReport = (
  input: string | Uint8Array,
  options?: { filename?: string },
) => Promise<ParseResult>;
export type CheckReport = (report: ReportDraft, options?: { previous?: ReportDraft }) => Finding[];

const lookup = <F>(name: string): F => {
  const f = (domain as Record<string, unknown>)[name];
  if (typeof f !== "function")
    throw new CliError({
      zh: `此版本的 @ogi/domain 还没有 ${name}`,
      en: `This version of @ogi/domain has no ${name} yet`,
    });
  return f as F;
};

export const parseReport: ParseReport = (input, options) =>
  lookup<ParseReport>("parseReport")(input, options);
export const checkReport: CheckReport = (report, options) =>
  lookup<CheckReport>("checkReport")(report, options);
