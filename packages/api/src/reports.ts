// Reports as the API serves them: the stored sections a person writes, section 三 from the
// register (the incremental aggregate, equal to the fold), and the findings of the rules.

import {
  type AgencyRow,
  type Executor,
  getBroughtInReport,
  getPublished,
  getSections,
  loadReportInputs,
  type NonDerivedSection,
  registerHasYear,
  requestsTable,
} from "@ogi/db";
import {
  addTables,
  checkReport,
  emptyReport,
  emptyRequestsTable,
  type Finding,
  type PreviousYear,
  previousYear,
  type Report,
  type ReportDraft,
  sumReports,
  tableFromFlows,
} from "@ogi/domain";
import { conflict } from "./errors.ts";

export type ServedReport = {
  status: "draft" | "published";
  publishedAt: string | null;
  report: ReportDraft;
  findings: Finding[];
};

const withSections = (report: Report, sections: Partial<Record<NonDerivedSection, unknown>>) => {
  for (const [k, v] of Object.entries(sections)) (report as Record<string, unknown>)[k] = v;
  return report;
};

/** The live report of a year: stored sections + derived section 三. */
export const liveReport = async (
  ex: Executor,
  agency: AgencyRow,
  year: number,
): Promise<Report> => {
  const report = emptyReport({ name: agency.name, code: agency.code }, year);
  withSections(report, await getSections(ex, agency.code, year));
  report.requests = await requestsTable(ex, agency.code, year);
  return report;
};

/** The published snapshot when the year is locked, else the live report; with findings. */
export const servedReport = async (
  ex: Executor,
  agency: AgencyRow,
  year: number,
): Promise<ServedReport> => {
  const published = await getPublished(ex, agency.code, year);
  if (published)
    return {
      status: "published",
      publishedAt: published.publishedAt.toISOString(),
      report: published.report as ReportDraft,
      findings: published.findings as Finding[],
    };
  const report = await liveReport(ex, agency, year);
  const previous = await previousOf(ex, agency, year);
  return {
    status: "draft",
    publishedAt: null,
    report,
    findings:
      previous.source === "none"
        ? [...checkReport(report), previous.finding]
        : checkReport(report, { previous: previous.report }),
  };
};

/**
 * The previous year the cross-year rules read: published on the system, else brought in (a
 * first year on the register), else the register's live year when it holds anything of it.
 */
export const previousOf = async (
  ex: Executor,
  agency: AgencyRow,
  year: number,
): Promise<PreviousYear> => {
  const published = await getPublished(ex, agency.code, year - 1);
  if (published) return previousYear(year, { published: published.report as ReportDraft });
  const brought = await getBroughtInReport(ex, agency.code, year - 1);
  if (brought) return previousYear(year, { broughtIn: brought.report as ReportDraft });
  const liveHasData = await registerHasYear(ex, agency.code, year - 1);
  return previousYear(year, {
    live: liveHasData ? await liveReport(ex, agency, year - 1) : null,
    liveHasData,
  });
};

/**
 * Deep sum of the numbers of several objects of the same shape (the written sections), in
 * units of 1/10000 like the domain's sumReports so that money does not drift.
 */
const sumNumbers = (items: readonly unknown[]): unknown => {
  const first = items[0];
  if (typeof first === "number")
    return items.reduce<number>((s, v) => s + Math.round((v as number) * 10000), 0) / 10000;
  if (first === null || typeof first !== "object") return first;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first))
    out[key] = sumNumbers(items.map((i) => (i as Record<string, unknown>)[key]));
  return out;
};

const NUMERIC_SECTIONS = ["proactive", "appeals", "fees"] as const;

/**
 * The sum of a region's reports: published snapshots as they are, and the live agencies summed
 * first by their flows (section 三 is linear) and their written numbers, so that a thousand
 * agencies cost a few queries and one pass; sumReports adds the two.
 */
export const regionReport = async (
  ex: Executor,
  agencyRows: readonly AgencyRow[],
  year: number,
  target: { name: string; code: string },
): Promise<{ report: Report; allPublished: boolean }> => {
  const { flows, sections, balances, published } = await loadReportInputs(
    ex,
    agencyRows.map((a) => a.code),
    year,
  );
  const snapshots = new Map(published.map((p) => [p.agencyCode, p.report as Report]));
  const live = (r: { agencyCode: string }) => !snapshots.has(r.agencyCode);
  const balance = emptyRequestsTable();
  for (const b of balances.filter(live)) addTables(balance, b.counts as Report["requests"]);
  const liveSum = emptyReport(target, year);
  liveSum.requests = tableFromFlows(flows.filter(live), year, balance);
  for (const section of NUMERIC_SECTIONS) {
    const contents = sections.filter((s) => live(s) && s.section === section).map((s) => s.content);
    if (contents.length > 0)
      (liveSum as Record<string, unknown>)[section] = sumNumbers([liveSum[section], ...contents]);
  }
  let report: Report;
  try {
    report = sumReports([liveSum, ...snapshots.values()], { agency: target, year });
  } catch (error) {
    // A snapshot with a cell that can't be summed (sumReports says which, "中文 / English").
    const [zh, en] = String((error as Error).message).split(" / ");
    throw conflict("cannotSum", { zh: zh ?? "", en: en ?? zh ?? "" });
  }
  return { report, allPublished: snapshots.size === agencyRows.length };
};
