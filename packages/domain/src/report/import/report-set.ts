// A county's set of reports read at once (`ogi check <folder|.zip>`, POST /v1/parse with
// several files): each file read and checked on its own, a file that cannot be read reported
// and the others still read; then, given the county government's own report, the hierarchy:
// each cell of its section 三 against the sum of its departments' (as sumReports adds them).
import { REQUEST_COLUMNS, REQUEST_ROWS, rowInfo } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import type { ReportDraft } from "../schema.ts";
import { ImportError } from "./import-error.ts";
import type { ParseResult } from "./parse-report.ts";
import type { SetFile } from "./zip-set.ts";

/** One file of a set of reports: its report and findings, or why it could not be read. */
export type SetEntry =
  | { name: string; ok: true; report: ReportDraft; findings: Finding[] }
  | { name: string; ok: false; error: { code: string; zh: string; en: string } };

/** Counts over a set of reports: files, read, failed, errors, warnings, and the county's file and departments summed. */
export type SetSummary = {
  files: number;
  read: number;
  failed: number;
  errors: number;
  warnings: number;
  /** The file of the county government's own report, when the set has one. */
  county: string | null;
  /** Departments summed for the hierarchy check (same year as the county's report). */
  departments: number;
  hierarchyMismatches: number;
};

/** A set of reports read and checked: each file, the hierarchy findings (county against departments) and a summary. */
export type SetResult = { entries: SetEntry[]; hierarchy: Finding[]; summary: SetSummary };

/** A county (district, city, banner) government's own report, by its agency's name. */
export const isCountyGovernment = (name: string): boolean =>
  /(?:县|区|市|旗|自治县|自治旗)人民政府(?:办公室)?$/.test(name.replace(/\s+/g, ""));

const cellsOf = (r: ReportDraft) =>
  REQUEST_ROWS.flatMap((row) =>
    REQUEST_COLUMNS.map((col) => ({ row, col, v: r.requests[row][col] })),
  );

const valid = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

const COLUMN_ZH: Record<string, string> = {
  naturalPerson: "自然人",
  commercialEnterprise: "商业企业",
  researchInstitution: "科研机构",
  socialWelfareOrganization: "社会公益组织",
  legalServiceAgency: "法律服务机构",
  otherOrganization: "其他",
  total: "总计",
};

/**
 * Each cell of the county's section 三 against the sum of the departments' cells, where the
 * county's cell and every department's cell are numbers. Fewer than the departments' sum is an
 * error (the county's figures include theirs); more is a warning (a department may be missing
 * from the set, or the county's own office adds its applications).
 */
export const checkHierarchy = (
  county: ReportDraft,
  departments: readonly { name: string; report: ReportDraft }[],
): Finding[] => {
  if (departments.length === 0) return [];
  const findings: Finding[] = [];
  for (const { row, col, v } of cellsOf(county)) {
    if (!valid(v)) continue;
    const parts = departments.map((d) => d.report.requests[row][col]);
    if (!parts.every(valid)) continue;
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    if (sum === v) continue;
    const label = rowInfo(row).label;
    const fewer = v < sum;
    findings.push({
      code: "hierarchy.sumMismatch",
      severity: fewer ? "error" : "warning",
      cells: [`requests.${row}.${col}`],
      message: {
        zh: `三、“${label.zh}”行“${COLUMN_ZH[col]}”列：县级报告为 ${v}，${departments.length} 个部门报告之和为 ${sum}${fewer ? "，县级数字小于部门之和。" : "，县级数字大于部门之和（可能缺少部门报告，或含本级机关的申请）。"}`,
        en: `3. "${label.en}", ${col}: the county's report has ${v}, the sum of ${departments.length} departments' reports is ${sum}${fewer ? "; the county's figure is below its departments' sum." : " (a department's report may be missing from the set, or the county's own office adds its applications)."}`,
      },
    });
  }
  return findings;
};

/** What a file that cannot be read gives: an ImportError, or any error with a code and `zh`. */
const failure = (e: unknown) => {
  if (e instanceof ImportError) return { code: e.code, zh: e.zh, en: e.message };
  const x = e as { code?: unknown; zh?: unknown; message?: unknown } | null;
  if (typeof x?.code === "string" && typeof x.zh === "string" && typeof x.message === "string")
    return { code: x.code, zh: x.zh, en: x.message };
  const message = e instanceof Error ? e.message : String(e);
  if (typeof x?.zh === "string") return { code: "unreadable", zh: x.zh, en: message };
  return { code: "unreadable", zh: `无法读取：${message}`, en: `Cannot be read: ${message}` };
};

/**
 * Reads every file of a set with `read` (parseReport, or the API's worker pool), one at a
 * time; `county` names the county government's file when it is not told by its agency name.
 */
export const readReportSet = async (
  files: readonly SetFile[],
  read: (file: SetFile) => Promise<ParseResult>,
  options: { county?: string } = {},
): Promise<SetResult> => {
  const entries: SetEntry[] = [];
  for (const file of files) {
    try {
      const { report, findings } = await read(file);
      entries.push({ name: file.name, ok: true, report, findings });
    } catch (e) {
      entries.push({ name: file.name, ok: false, error: failure(e) });
    }
  }
  const read_ = entries.filter((e): e is Extract<SetEntry, { ok: true }> => e.ok);
  const counties = options.county
    ? read_.filter((e) => e.name === options.county || e.name.endsWith(`/${options.county}`))
    : read_.filter((e) => isCountyGovernment(e.report.agency.name));
  const county = counties.length === 1 ? counties[0]! : undefined;
  const departments = county
    ? read_
        .filter((e) => e !== county && e.report.year === county.report.year)
        .filter((e) => !isCountyGovernment(e.report.agency.name))
        .map((e) => ({ name: e.name, report: e.report }))
    : [];
  const hierarchy = county ? checkHierarchy(county.report, departments) : [];
  const all = [...read_.flatMap((e) => e.findings), ...hierarchy];
  return {
    entries,
    hierarchy,
    summary: {
      files: files.length,
      read: read_.length,
      failed: entries.length - read_.length,
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
      county: county?.name ?? null,
      departments: departments.length,
      hierarchyMismatches: hierarchy.length,
    },
  };
};
