// What the web console (/console) keeps and reads: its sessions and one-time sign-in links, the
// flows of a year by month (the agency page's chart) and the year to date of every agency of a
// region in one statement (the region page).
import type { RequestsTable } from "@ogi/domain";
import { addTables, tableFromFlows } from "@ogi/domain";
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
  table: RequestsTable;
  overdue: number;
  dueSoon: number;
  published: boolean;
};

/**
 * The year-to-date inputs of every agency named (as yearToDateInputs gives them for one, from
 * today on: the year's stored flows), in the total column only, with whether the year's report
 * is published: a few grouped statements, whatever the number of agencies.
 */
export const yearToDateByAgency = async (
  ex: Executor,
  agencyCodes: readonly string[],
  year: number,
  asOf: string,
  soonUntil: string,
): Promise<AgencyYearInputs[]> => {
  const codes = sql.param([...agencyCodes]);
  const flows = await queryRows<{
    a: string;
    year: number;
    row: string;
    column: string;
    n: number;
  }>(
    ex,
    // The totals only (the region page shows no column of applicant types).
    sql`select agency_code as a, year, row, col as "column", sum(n)::int as n from ${requestCounts}
      where agency_code = any(${codes}::text[]) and year <= ${year} and col = 'total'
        and (year = ${year} or row in ('newReceived', 'totalProcessed'))
      group by agency_code, year, row, col`,
  );
  const balances = await queryRows<{ a: string; counts: RequestsTable | string }>(
    ex,
    sql`select agency_code as a, counts from ${openingBalances}
      where agency_code = any(${codes}::text[]) and year = ${year}`,
  );
  const due = await queryRows<{ a: string; overdue: number | string; due_soon: number | string }>(
    ex,
    sql`select agency_code as a,
        count(*) filter (where due_date < ${asOf}) as overdue,
        count(*) filter (where due_date >= ${asOf} and due_date < ${soonUntil}) as due_soon
      from ${applications}
      where agency_code = any(${codes}::text[]) and status = 'open' and due_date < ${soonUntil}
      group by agency_code`,
  );
  const published = await queryRows<{ a: string }>(
    ex,
    sql`select distinct agency_code as a from ${publishedReports}
      where agency_code = any(${codes}::text[]) and year = ${year} and reopened_at is null`,
  );
  const flowsOf = new Map<string, typeof flows>();
  for (const f of flows) {
    const list = flowsOf.get(f.a) ?? [];
    list.push(f);
    flowsOf.set(f.a, list);
  }
  const balanceOf = new Map<string, RequestsTable[]>();
  for (const b of balances) {
    const counts =
      typeof b.counts === "string" ? (JSON.parse(b.counts) as RequestsTable) : b.counts;
    balanceOf.set(b.a, [...(balanceOf.get(b.a) ?? []), counts]);
  }
  const dueOf = new Map(due.map((d) => [d.a, d]));
  const publishedSet = new Set(published.map((p) => p.a));
  return agencyCodes.map((code) => {
    const table = tableFromFlows(flowsOf.get(code) ?? [], year);
    for (const counts of balanceOf.get(code) ?? []) addTables(table, counts);
    const d = dueOf.get(code);
    return {
      agencyCode: code,
      table,
      overdue: Number(d?.overdue ?? 0),
      dueSoon: Number(d?.due_soon ?? 0),
      published: publishedSet.has(code),
    };
  });
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
