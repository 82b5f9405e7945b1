// What the web console (/console) keeps and reads: its sessions and one-time sign-in links, the
// flows of a year by month (the agency page's chart) and the year to date of every agency of a
// region in one statement (the region page).
import type { RequestsTable } from "@ogi/domain";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import {
  apiTokens,
  applications,
  consoleSessions,
  consoleSignInLinks,
  openingBalances,
  publishedReports,
  requestCounts,
  requestCountsDaily,
  staff,
} from "../schema.ts";

export type ConsoleSession = typeof consoleSessions.$inferSelect;

export const createConsoleSession = async (
  ex: Executor,
  s: { idHash: string; subject: string; csrf: string },
  now: Date,
) => {
  await ex.insert(consoleSessions).values({ ...s, createdAt: now, lastSeenAt: now });
};

/** The session, unless it was idle since before `idleSince` (then it is removed). */
export const findConsoleSession = async (
  ex: Executor,
  idHash: string,
  idleSince: Date,
): Promise<ConsoleSession | undefined> => {
  const [row] = await ex.select().from(consoleSessions).where(eq(consoleSessions.idHash, idHash));
  if (!row) return undefined;
  if (row.lastSeenAt < idleSince) {
    await endConsoleSession(ex, idHash);
    return undefined;
  }
  return row;
};

export const touchConsoleSession = async (ex: Executor, idHash: string, now: Date) => {
  await ex
    .update(consoleSessions)
    .set({ lastSeenAt: now })
    .where(eq(consoleSessions.idHash, idHash));
};

export const endConsoleSession = async (ex: Executor, idHash: string) => {
  await ex.delete(consoleSessions).where(eq(consoleSessions.idHash, idHash));
};

/** Removes sessions idle since before `idleSince` and links expired before `now`. */
export const purgeConsoleSessions = async (ex: Executor, idleSince: Date, now: Date) => {
  await ex.delete(consoleSessions).where(lt(consoleSessions.lastSeenAt, idleSince));
  await ex.delete(consoleSignInLinks).where(lt(consoleSignInLinks.expiresAt, now));
};

export const createSignInLink = async (
  ex: Executor,
  link: { codeHash: string; subject: string; expiresAt: Date },
  now: Date,
) => {
  await ex.insert(consoleSignInLinks).values({ ...link, createdAt: now });
};

/** Uses the link once: its subject if it was unused and unexpired, else undefined. */
export const useSignInLink = async (ex: Executor, codeHash: string, now: Date) => {
  const [row] = await ex
    .update(consoleSignInLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(consoleSignInLinks.codeHash, codeHash),
        isNull(consoleSignInLinks.usedAt),
        gt(consoleSignInLinks.expiresAt, now),
      ),
    )
    .returning({ subject: consoleSignInLinks.subject });
  return row?.subject;
};

/**
 * Received (newReceived) and concluded (totalProcessed) of `year` by month, from the flows by
 * day: what the year to date sums, month by month (reopenings count as received, as there).
 */
export const flowsByMonth = async (ex: Executor, agencyCodes: readonly string[], year: number) => {
  const rows = await queryRows<{ month: string; row: string; n: number | string }>(
    ex,
    sql`select substr(day, 6, 2) as month, row, sum(n) as n from ${requestCountsDaily}
      where agency_code = any(${sql.param([...agencyCodes])}::text[])
        and day >= ${`${year}-01-01`} and day <= ${`${year}-12-31`}
        and row in ('newReceived', 'totalProcessed') and col = 'total'
      group by 1, 2`,
  );
  const received = Array.from({ length: 12 }, () => 0);
  const concluded = Array.from({ length: 12 }, () => 0);
  for (const r of rows) {
    const m = Number(r.month) - 1;
    if (m < 0 || m > 11) continue;
    (r.row === "newReceived" ? received : concluded)[m]! += Number(r.n);
  }
  return { received, concluded };
};

export type AgencyYearInputs = {
  agencyCode: string;
  /** The flows of the total column: the year's, and newReceived/totalProcessed of years before. */
  flows: { year: number; row: string; n: number }[];
  /** The year's opening balances (期初数), if any. */
  balances: RequestsTable[];
  overdue: number;
  dueSoon: number;
  published: boolean;
};

/**
 * The year-to-date inputs of every agency named (as yearToDateInputs reads them for one, from
 * today on: the year's stored flows), in the total column only, with whether the year's report
 * is published: one statement, whatever the number of agencies.
 */
export const yearToDateByAgency = async (
  ex: Executor,
  agencyCodes: readonly string[],
  year: number,
  asOf: string,
  soonUntil: string,
): Promise<AgencyYearInputs[]> => {
  // One statement (the list of codes is sent and planned once): four JSON arrays.
  const [row] = await queryRows<{
    flows: { a: string; year: number; row: string; n: number }[] | string;
    balances: { a: string; counts: RequestsTable }[] | string;
    due: { a: string; overdue: number; due_soon: number }[] | string;
    published: string[] | string;
  }>(
    ex,
    sql`with c as (select unnest(${sql.param([...agencyCodes])}::text[]) as code)
    select
      (select coalesce(json_agg(json_build_object('a', f.a, 'year', f.year, 'row', f.row, 'n', f.n)), '[]'::json)
        from (select agency_code as a, year, row, sum(n)::int as n from ${requestCounts}
          where agency_code in (select code from c) and year <= ${year} and col = 'total'
            and (year = ${year} or row in ('newReceived', 'totalProcessed'))
          group by agency_code, year, row) f) as flows,
      (select coalesce(json_agg(json_build_object('a', agency_code, 'counts', counts)), '[]'::json)
        from ${openingBalances} where agency_code in (select code from c) and year = ${year}) as balances,
      (select coalesce(json_agg(json_build_object('a', d.a, 'overdue', d.overdue, 'due_soon', d.due_soon)), '[]'::json)
        from (select agency_code as a,
            count(*) filter (where due_date < ${asOf})::int as overdue,
            count(*) filter (where due_date >= ${asOf} and due_date < ${soonUntil})::int as due_soon
          from ${applications}
          where agency_code in (select code from c) and status = 'open' and due_date < ${soonUntil}
          group by agency_code) d) as due,
      (select coalesce(json_agg(distinct agency_code), '[]'::json) from ${publishedReports}
        where agency_code in (select code from c) and year = ${year} and reopened_at is null) as published`,
  );
  const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  const flows = json(row!.flows);
  const balances = json(row!.balances);
  const due = json(row!.due);
  const published = json(row!.published).map((a) => ({ a }));
  const byAgency = new Map<string, AgencyYearInputs>(
    agencyCodes.map((code) => [
      code,
      { agencyCode: code, flows: [], balances: [], overdue: 0, dueSoon: 0, published: false },
    ]),
  );
  for (const f of flows) byAgency.get(f.a)?.flows.push({ year: f.year, row: f.row, n: f.n });
  for (const b of balances)
    byAgency
      .get(b.a)
      ?.balances.push(
        typeof b.counts === "string" ? (JSON.parse(b.counts) as RequestsTable) : b.counts,
      );
  for (const d of due) {
    const x = byAgency.get(d.a);
    if (x) {
      x.overdue = Number(d.overdue);
      x.dueSoon = Number(d.due_soon);
    }
  }
  for (const p of published) {
    const x = byAgency.get(p.a);
    if (x) x.published = true;
  }
  return [...byAgency.values()];
};

/** An unrevoked token by its id, with its staff member (as findToken gives it by the secret). */
export const findTokenById = async (ex: Executor, id: string) => {
  const [row] = await ex
    .select({ token: apiTokens, staff })
    .from(apiTokens)
    .leftJoin(staff, eq(staff.id, apiTokens.staffId))
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  if (row.token.kind === "personal" && (!row.staff || row.staff.revokedAt)) return undefined;
  return row;
};
