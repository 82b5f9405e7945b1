// The report's inputs: section 三 from the incremental aggregate (request_counts) and opening
// balances, the year to date, the sections people write, and publication (which locks a year).
import type { Application, OpeningBalance, RequestsTable } from "@ogi/domain";
import { addTables, tableFromFlows } from "@ogi/domain";
import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import { applicationsOf } from "../deadlines.ts";
import {
  agencies,
  applicationEvents,
  applications,
  broughtInReports,
  openingBalances,
  publishedReports,
  reportSections,
  requestCounts,
  requestCountsDaily,
} from "../schema.ts";
import { anyOf } from "./common.ts";

/**
 * What the year to date of some agencies needs from the store, in one statement: the flows and
 * opening balances of section 三 of `year` (see requestsTableOf), and how many open
 * applications are overdue on `asOf` (due before it) and how many fall due from `asOf` up to
 * the day before `soonUntil` (dates as YYYY-MM-DD text, which compare in date order). With
 * `until` (a day of `year`), that year's flows are those dated up to it (request_counts_daily):
 * the year to date as of that day, in time that depends on the days, not on the register.
 */
export const yearToDateInputs = async (
  ex: Executor,
  agencyCodes: readonly string[],
  year: number,
  asOf: string,
  soonUntil: string,
  until?: string,
): Promise<{ table: RequestsTable; overdue: number; dueSoon: number }> => {
  const codes = sql.param([...agencyCodes]);
  const flows = until
    ? sql`select year, row, col, sum(n)::int as n from ${requestCounts}
          where agency_code = any(${codes}::text[]) and year < ${year}
            and row in ('newReceived', 'totalProcessed')
          group by year, row, col
        union all
        select ${year}::int, row, col, sum(n)::int from ${requestCountsDaily}
          where agency_code = any(${codes}::text[]) and day >= ${`${year}-01-01`} and day <= ${until}
          group by row, col`
    : sql`select year, row, col, sum(n)::int as n from ${requestCounts}
          where agency_code = any(${codes}::text[]) and year <= ${year}
            and (year = ${year} or row in ('newReceived', 'totalProcessed'))
          group by year, row, col`;
  const [row] = await queryRows<{
    flows: { year: number; row: string; column: string; n: number }[] | string;
    balances: RequestsTable[] | string;
    overdue: number | string;
    due_soon: number | string;
  }>(
    ex,
    sql`select
      (select coalesce(json_agg(json_build_object('year', f.year, 'row', f.row, 'column', f.col, 'n', f.n)), '[]'::json)
        from (${flows}) f) as flows,
      (select coalesce(json_agg(counts), '[]'::json) from ${openingBalances}
        where agency_code = any(${codes}::text[]) and year = ${year}) as balances,
      (select count(*) from ${applications} where agency_code = any(${codes}::text[])
        and status = 'open' and due_date < ${asOf}) as overdue,
      (select count(*) from ${applications} where agency_code = any(${codes}::text[])
        and status = 'open' and due_date >= ${asOf} and due_date < ${soonUntil}) as due_soon`,
  );
  const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  const table = tableFromFlows(json(row!.flows), year);
  for (const counts of json(row!.balances)) addTables(table, counts);
  return { table, overdue: Number(row!.overdue), dueSoon: Number(row!.due_soon) };
};

/**
 * The request_counts rows that section 三 of `year` needs: that year's, and of earlier years
 * only newReceived and totalProcessed (their difference is what was carried over).
 */
const flowsNeededFor = (agencies: SQL | undefined, year: number) =>
  and(
    agencies,
    lte(requestCounts.year, year),
    or(eq(requestCounts.year, year), inArray(requestCounts.row, ["newReceived", "totalProcessed"])),
  );

/** Section 三 of `year` from the incremental aggregate (equal to the fold; tested). */
export const requestsTable = (ex: Executor, agencyCode: string, year: number) =>
  requestsTableOf(ex, [agencyCode], year);

/** The sum of section 三 of `year` over some agencies, from the incremental aggregate. */
export const requestsTableOf = async (
  ex: Executor,
  agencyCodes: readonly string[],
  year: number,
): Promise<RequestsTable> => {
  if (agencyCodes.length === 0) return tableFromFlows([], year);
  const flows = await ex
    .select({
      year: requestCounts.year,
      row: requestCounts.row,
      column: requestCounts.column,
      n: requestCounts.n,
    })
    .from(requestCounts)
    .where(flowsNeededFor(anyOf(requestCounts.agencyCode, agencyCodes), year));
  const balances = await ex
    .select({ counts: openingBalances.counts })
    .from(openingBalances)
    .where(and(anyOf(openingBalances.agencyCode, agencyCodes), eq(openingBalances.year, year)));
  const table = tableFromFlows(flows, year);
  for (const ob of balances) addTables(table, ob.counts as RequestsTable);
  return table;
};

export const NON_DERIVED_SECTIONS = [
  "overview",
  "proactive",
  "appeals",
  "problems",
  "otherMatters",
  "fees",
] as const;
export type NonDerivedSection = (typeof NON_DERIVED_SECTIONS)[number];

export const putSection = async (
  ex: Executor,
  agencyCode: string,
  year: number,
  section: NonDerivedSection,
  content: unknown,
  now: Date,
) => {
  await ex
    .insert(reportSections)
    .values({ agencyCode, year, section, content, updatedAt: now })
    .onConflictDoUpdate({
      target: [reportSections.agencyCode, reportSections.year, reportSections.section],
      set: { content, updatedAt: now },
    });
};

export const getSections = async (ex: Executor, agencyCode: string, year: number) => {
  const rows = await ex
    .select()
    .from(reportSections)
    .where(and(eq(reportSections.agencyCode, agencyCode), eq(reportSections.year, year)));
  return Object.fromEntries(rows.map((r) => [r.section, r.content])) as Partial<
    Record<NonDerivedSection, unknown>
  >;
};

export const putOpeningBalance = async (
  ex: Executor,
  agencyCode: string,
  balance: OpeningBalance,
  now: Date,
) => {
  const values = { counts: balance.counts, note: balance.note ?? null, updatedAt: now };
  await ex
    .insert(openingBalances)
    .values({ agencyCode, year: balance.year, ...values })
    .onConflictDoUpdate({
      target: [openingBalances.agencyCode, openingBalances.year],
      set: values,
    });
};

export const getOpeningBalances = async (ex: Executor, agencyCode: string) =>
  (
    await ex
      .select()
      .from(openingBalances)
      .where(eq(openingBalances.agencyCode, agencyCode))
      .orderBy(asc(openingBalances.year))
  ).map((b) => ({
    year: b.year,
    counts: b.counts as RequestsTable,
    ...(b.note ? { note: b.note } : {}),
  }));

/** The snapshot that locks the year, if the year is published and not reopened. */
export const getPublished = async (ex: Executor, agencyCode: string, year: number) => {
  const [row] = await ex
    .select()
    .from(publishedReports)
    .where(
      and(
        eq(publishedReports.agencyCode, agencyCode),
        eq(publishedReports.year, year),
        isNull(publishedReports.reopenedAt),
      ),
    )
    .orderBy(desc(publishedReports.id))
    .limit(1);
  return row;
};

/**
 * Holds the agency's row until the transaction ends (`for update`), before a publication reads
 * the counts: a write of the counts in flight (which holds the row `for key share` for its one
 * statement, see appendEvents) commits first and is in what is read; one that comes after
 * waits, then finds the year locked and writes nothing.
 */
export const holdAgencyForPublishing = async (ex: Executor, agencyCode: string) => {
  await ex.execute(sql`select code from ${agencies} where code = ${agencyCode} for update`);
};

/** Publishes and locks the year (call holdAgencyForPublishing first in the transaction). */
export const publishReport = async (
  ex: Executor,
  p: { agencyCode: string; year: number; report: unknown; findings: unknown; by: string | null },
  now: Date,
) => {
  const [row] = await ex
    .insert(publishedReports)
    .values({
      agencyCode: p.agencyCode,
      year: p.year,
      report: p.report,
      findings: p.findings,
      publishedAt: now,
      publishedBy: p.by,
    })
    .returning();
  await ex
    .update(agencies)
    .set({
      lockedYears: sql`array_append(array_remove(${agencies.lockedYears}, ${p.year}::int), ${p.year}::int)`,
    })
    .where(eq(agencies.code, p.agencyCode));
  return row!;
};

export const reopenReport = async (
  ex: Executor,
  p: { agencyCode: string; year: number; reason: string; by: string | null },
  now: Date,
) => {
  const rows = await ex
    .update(publishedReports)
    .set({ reopenedAt: now, reopenedBy: p.by, reopenReason: p.reason })
    .where(
      and(
        eq(publishedReports.agencyCode, p.agencyCode),
        eq(publishedReports.year, p.year),
        isNull(publishedReports.reopenedAt),
      ),
    )
    .returning();
  if (rows[0])
    await ex
      .update(agencies)
      .set({ lockedYears: sql`array_remove(${agencies.lockedYears}, ${p.year}::int)` })
      .where(eq(agencies.code, p.agencyCode));
  return rows[0];
};

/**
 * The agency's locked years, its row held `for key share` until the transaction ends: a
 * publication waits for the transaction, so what it checked stays true until it commits.
 */
export const holdLockedYears = async (ex: Executor, agencyCode: string) => {
  const [row] = await queryRows<{ locked_years: number[] | string | null }>(
    ex,
    sql`select locked_years from ${agencies} where code = ${agencyCode} for key share`,
  );
  const v = row?.locked_years ?? [];
  // PGlite and node-postgres both parse int[]; a text form is read too.
  return (typeof v === "string" ? v.replace(/[{}]/g, "").split(",").filter(Boolean) : v).map(
    Number,
  );
};

/** The years of an agency that are locked. */
export const lockedYears = async (ex: Executor, agencyCode: string) =>
  (
    await ex
      .selectDistinct({ year: publishedReports.year })
      .from(publishedReports)
      .where(and(eq(publishedReports.agencyCode, agencyCode), isNull(publishedReports.reopenedAt)))
  ).map((r) => r.year);

/** What the reports of many agencies for one year need, in four queries. */
export const loadReportInputs = async (ex: Executor, codes: readonly string[], year: number) => {
  const list = [...codes];
  const [flows, sections, balances, published] = await Promise.all([
    ex
      .select()
      .from(requestCounts)
      .where(flowsNeededFor(anyOf(requestCounts.agencyCode, list), year)),
    ex
      .select()
      .from(reportSections)
      .where(and(anyOf(reportSections.agencyCode, list), eq(reportSections.year, year))),
    ex
      .select()
      .from(openingBalances)
      .where(and(anyOf(openingBalances.agencyCode, list), eq(openingBalances.year, year))),
    ex
      .select()
      .from(publishedReports)
      .where(
        and(
          anyOf(publishedReports.agencyCode, list),
          eq(publishedReports.year, year),
          isNull(publishedReports.reopenedAt),
        ),
      ),
  ]);
  return { flows, sections, balances, published };
};

// ── Reports brought in (issue 19: a first year on the register) ───────────────

/** Stores (or replaces) the report of `year` as the agency published it before the register. */
export const putBroughtInReport = async (
  ex: Executor,
  agencyCode: string,
  year: number,
  report: unknown,
  note: string | null,
  now: Date,
) => {
  const values = { report, note, updatedAt: now };
  await ex
    .insert(broughtInReports)
    .values({ agencyCode, year, ...values })
    .onConflictDoUpdate({
      target: [broughtInReports.agencyCode, broughtInReports.year],
      set: values,
    });
};

/** The report of `year` brought in, if any. */
export const getBroughtInReport = async (ex: Executor, agencyCode: string, year: number) => {
  const [row] = await ex
    .select()
    .from(broughtInReports)
    .where(and(eq(broughtInReports.agencyCode, agencyCode), eq(broughtInReports.year, year)));
  return row;
};

/** The reports an agency brought in, by year. */
export const listBroughtInReports = async (ex: Executor, agencyCode: string) =>
  ex
    .select()
    .from(broughtInReports)
    .where(eq(broughtInReports.agencyCode, agencyCode))
    .orderBy(asc(broughtInReports.year));

/**
 * Whether the register holds anything of `year` for the agency: an application received in or
 * before it, an opening balance or a written section of it.
 */
export const registerHasYear = async (ex: Executor, agencyCode: string, year: number) => {
  const [a] = await ex
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(eq(applications.agencyCode, agencyCode), lte(applications.receivedOn, `${year}-12-31`)),
    )
    .limit(1);
  if (a) return true;
  const [b] = await ex
    .select({ year: openingBalances.year })
    .from(openingBalances)
    .where(and(eq(openingBalances.agencyCode, agencyCode), eq(openingBalances.year, year)))
    .limit(1);
  if (b) return true;
  const [s] = await ex
    .select({ year: reportSections.year })
    .from(reportSections)
    .where(and(eq(reportSections.agencyCode, agencyCode), eq(reportSections.year, year)))
    .limit(1);
  return s !== undefined;
};

/**
 * The applications of some agencies that section 六's fee statement reads (issue 19): those
 * with a fee event recorded, or concluded as 逾期未缴费; with their events in recorded order.
 */
export const feeApplications = async (
  ex: Executor,
  agencyCodes: readonly string[],
): Promise<Application[]> => {
  if (agencyCodes.length === 0) return [];
  const withFeeEvents = ex
    .selectDistinct({ id: applicationEvents.applicationId })
    .from(applicationEvents)
    .where(inArray(applicationEvents.type, ["feeNoticeIssued", "feePaid"]));
  const rows = await ex
    .select({ id: applications.id, number: applications.number, subject: applications.subject })
    .from(applications)
    .where(
      and(
        anyOf(applications.agencyCode, agencyCodes),
        or(inArray(applications.id, withFeeEvents), eq(applications.outcome, "otherFeeUnpaid")),
      ),
    )
    .orderBy(asc(applications.id));
  return [...(await applicationsOf(ex, rows)).values()];
};
