// Reports as the API serves them: the stored sections a person writes, section 三 from the
// register (the incremental aggregate, equal to the fold), and the findings of the rules.
import {
  type AgencyRow,
  type Executor,
  getPublished,
  getSections,
  loadReportInputs,
  type NonDerivedSection,
  requestsTable,
  tableFromFlows,
} from "@ogi/db";
import { checkReport, emptyReport, type Finding, type Report, type ReportDraft } from "@ogi/domain";

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
  const previousPublished = await getPublished(ex, agency.code, year - 1);
  const previous = previousPublished
    ? (previousPublished.report as ReportDraft)
    : await liveReport(ex, agency, year - 1);
  return {
    status: "draft",
    publishedAt: null,
    report,
    findings: checkReport(report, { previous }),
  };
};

/**
 * The reports of many agencies for one year with a handful of queries (a region of a thousand
 * agencies must not cost a thousand round trips): published snapshots where locked.
 */
export const reportsOf = async (
  ex: Executor,
  agencyRows: readonly AgencyRow[],
  year: number,
): Promise<Report[]> => {
  if (agencyRows.length === 0) return [];
  const { flows, sections, balances, published } = await loadReportInputs(
    ex,
    agencyRows.map((a) => a.code),
    year,
  );
  const group = <T extends { agencyCode: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.agencyCode) ?? [];
      list.push(r);
      m.set(r.agencyCode, list);
    }
    return m;
  };
  const flowsBy = group(flows);
  const sectionsBy = group(sections);
  const balanceBy = new Map(balances.map((b) => [b.agencyCode, b]));
  const publishedBy = new Map(published.map((p) => [p.agencyCode, p]));
  return agencyRows.map((agency) => {
    const snapshot = publishedBy.get(agency.code);
    if (snapshot) return snapshot.report as Report;
    const report = emptyReport({ name: agency.name, code: agency.code }, year);
    withSections(
      report,
      Object.fromEntries((sectionsBy.get(agency.code) ?? []).map((s) => [s.section, s.content])),
    );
    report.requests = tableFromFlows(
      flowsBy.get(agency.code) ?? [],
      year,
      balanceBy.get(agency.code)?.counts as Report["requests"] | undefined,
    );
    return report;
  });
};
