// Reports as the API serves them: the stored sections a person writes, section 三 from the
// register (the incremental aggregate, equal to the fold), and the findings of the rules.

import {
  type AgencyRow,
  type Executor,
  feeApplications,
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
  feeStatementText,
  feesFromRegister,
  type PreviousYear,
  previousYear,
  type Report,
  type ReportDraft,
  type ReportSuggestions,
  suggestOverviewRequests,
  sumReports,
  tableFromFlows,
} from "@ogi/domain";
import { conflict } from "./errors.ts";

export type ServedReport = {
  status: "draft" | "published";
  publishedAt: string | null;
  report: ReportDraft;
  findings: Finding[];
  /** Drafting help for a draft: sentences the manager may take into the narrative, never put there. */
  suggestions?: ReportSuggestions;
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
  return (await liveReportWithFees(ex, agency, year)).report;
};

/** The live report, its fee statement from the register, and what the register says of fees. */
const liveReportWithFees = async (ex: Executor, agency: AgencyRow, year: number) => {
  const report = emptyReport({ name: agency.name, code: agency.code }, year);
  const sections = await getSections(ex, agency.code, year);
  withSections(report, sections);
  report.requests = await requestsTable(ex, agency.code, year);
  // Section 六's fee statement comes from the register's fee events (issue 19), whatever an
  // earlier version stored as a written section.
  const fees = feesFromRegister(await feeApplications(ex, [agency.code]), year);
  report.fees = {
    noticesIssued: fees.noticesIssued,
    amountNotifiedYuan: fees.amountNotifiedYuan,
    amountCollectedYuan: fees.amountCollectedYuan,
  };
  return { report, fees, storedFees: sections.fees as Report["fees"] | undefined };
};

/** Findings on the fee statement that only the register can give. */
const registerFeeFindings = (
  findings: Finding[],
  live: Awaited<ReturnType<typeof liveReportWithFees>>,
): Finding[] => {
  const { fees, storedFees, report } = live;
  // 逾期未缴费 explained by notices of earlier years: not a finding.
  const out =
    fees.unpaidWithoutAnyNotice === 0
      ? findings.filter((f) => f.code !== "fees.unpaidWithoutNotice")
      : findings;
  if (
    storedFees &&
    (["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const).some(
      (k) => storedFees[k] !== report.fees[k],
    )
  )
    out.push({
      code: "fees.registerDiffers",
      severity: "warning",
      cells: ["fees.noticesIssued", "fees.amountNotifiedYuan", "fees.amountCollectedYuan"],
      message: {
        zh: `六、收费说明按登记簿的收费记录为：收费通知 ${report.fees.noticesIssued} 件、${report.fees.amountNotifiedYuan} 元，实收 ${report.fees.amountCollectedYuan} 元；此前填写的（${storedFees.noticesIssued} 件、${storedFees.amountNotifiedYuan} 元、${storedFees.amountCollectedYuan} 元）不再使用。如有未登记的收费，请登记收费通知和缴费。`,
        en: `Section 6's fees from the register: ${report.fees.noticesIssued} notices, ${report.fees.amountNotifiedYuan} yuan notified, ${report.fees.amountCollectedYuan} yuan collected; the figures written before (${storedFees.noticesIssued}, ${storedFees.amountNotifiedYuan}, ${storedFees.amountCollectedYuan}) are no longer used. Record any fee notice or payment missing from the register.`,
      },
    });
  return out;
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
  const live = await liveReportWithFees(ex, agency, year);
  const { report } = live;
  const previous = await previousOf(ex, agency, year);
  const findings =
    previous.source === "none"
      ? // Nothing of last year to check 上年结转 against: say so when there is something to check.
        [
          ...checkReport(report),
          ...(report.requests.carriedOver.total !== 0 ? [previous.finding] : []),
        ]
      : checkReport(report, { previous: previous.report });
  return {
    status: "draft",
    publishedAt: null,
    report,
    findings: registerFeeFindings(findings, live),
    suggestions: {
      overviewRequests: suggestOverviewRequests(
        year,
        report.requests,
        previous.source === "none" ? undefined : previous.report.requests,
      ),
      // Section 六's fee sentence from the register's fee events (the figures are the report's).
      otherMattersFees: feeStatementText(report.fees),
    },
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

// Section 六's fees come from the register (feesFromRegister), not from a written section.
const NUMERIC_SECTIONS = ["proactive", "appeals"] as const;

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
  const liveCodes = agencyRows.map((a) => a.code).filter((code) => !snapshots.has(code));
  const fees = feesFromRegister(await feeApplications(ex, liveCodes), year);
  liveSum.fees = {
    noticesIssued: fees.noticesIssued,
    amountNotifiedYuan: fees.amountNotifiedYuan,
    amountCollectedYuan: fees.amountCollectedYuan,
  };
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
