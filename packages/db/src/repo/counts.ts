// The counter rows: the count deltas of the register's writes, summed per counter row and
// sorted (request_counts by year, request_counts_daily by day), and the one-time fill of the
// counts by day for applications registered before that table existed.
import type { CountDelta, DatedCountDelta } from "@ogi/domain";
import { eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { COUNT_SHARDS, pendingTasks, requestCounts, requestCountsDaily } from "../schema.ts";

/** The counter rows an application writes to (see COUNT_SHARDS). */
export const shardOf = (applicationId: string, shards: number = COUNT_SHARDS) => {
  if (shards <= 1) return 0;
  let h = 0;
  for (let i = 0; i < applicationId.length; i++) h = (h * 31 + applicationId.charCodeAt(i)) | 0;
  return Math.abs(h) % shards;
};

/** Rows summed per key and sorted by it (see sortedCounts). */
const summedSorted = <R extends { n: number }>(rows: Iterable<[string, R]>): R[] => {
  const sums = new Map<string, R>();
  for (const [key, row] of rows) {
    const found = sums.get(key);
    if (found) found.n += row.n;
    else sums.set(key, { ...row });
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
};

export type Changes<D> = readonly {
  agencyCode: string;
  applicationId: string;
  deltas: readonly D[];
}[];

/**
 * The count deltas of some applications, summed per counter row and sorted, so that
 * concurrent statements lock counter rows in one order (no deadlocks between them).
 */
export const sortedCounts = (changes: Changes<CountDelta>, shards: number = COUNT_SHARDS) =>
  summedSorted(
    changes.flatMap((c) => {
      const shard = shardOf(c.applicationId, shards);
      return c.deltas.map((d): [string, CountRow] => [
        `${c.agencyCode}|${d.year}|${d.row}|${d.column}|${shard}`,
        { agency_code: c.agencyCode, year: d.year, row: d.row, col: d.column, shard, n: d.n },
      ]);
    }),
  );
type CountRow = {
  agency_code: string;
  year: number;
  row: string;
  col: string;
  shard: number;
  n: number;
};

/** The same for the counts by day (request_counts_daily). */
export const sortedDaily = (changes: Changes<DatedCountDelta>, shards: number = COUNT_SHARDS) =>
  summedSorted(
    changes.flatMap((c) => {
      const shard = shardOf(c.applicationId, shards);
      return c.deltas.map((d): [string, Omit<CountRow, "year"> & { day: string }] => [
        `${c.agencyCode}|${d.date}|${d.row}|${d.column}|${shard}`,
        { agency_code: c.agencyCode, day: d.date, row: d.row, col: d.column, shard, n: d.n },
      ]);
    }),
  );

/** The statement's part that adds the counts by day (in a `with`, after `from`). */
export const dailyInsert = (from: SQL, rows: readonly unknown[]) => sql`
  insert into ${requestCountsDaily} (agency_code, day, row, col, shard, n)
  select x.agency_code, x.day, x.row, x.col, x.shard, x.n
  from ${from} jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(agency_code text, day text,
    row text, col text, shard int, n int)
  on conflict (agency_code, day, row, col, shard) do update set n = ${requestCountsDaily}.n + excluded.n`;

/** A counter row of the counts by day (request_counts_daily). */
type DayRow = Omit<CountRow, "year"> & { day: string };

/** The rows of `sums` sorted by key (one lock order), those that add nothing left out. */
const sortedNonZero = <R extends { n: number }>(sums: Map<string, R>): R[] =>
  [...sums.entries()]
    .filter(([, r]) => r.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);

/** Adds n to the row under key; the first time the key is seen, the row is made with n. */
const addTo = <R extends { n: number }>(
  rows: Map<string, R>,
  key: string,
  n: number,
  make: () => R,
) => {
  const row = rows.get(key);
  if (row) row.n += n;
  else rows.set(key, { ...make(), n });
};

/**
 * Count deltas summed as they come, for a long transaction that writes many applications (an
 * import): each counter row is then written once, at the end (see addCountRows), instead of
 * once per statement, which inside one transaction leaves a row version per update to walk.
 * Summed as each statement is written, so that no one step sums the whole import. All in
 * shard 0: the transaction holds the agency's row to its end (no writer of the agency waits
 * on its counter rows meanwhile), and readers sum the shards.
 */
export const countSums = () => {
  const years = new Map<string, CountRow>();
  const days = new Map<string, DayRow>();
  return {
    add(
      agencyCode: string,
      deltas: readonly CountDelta[],
      daily: readonly DatedCountDelta[],
    ): void {
      for (const d of deltas)
        addTo(years, `${agencyCode}|${d.year}|${d.row}|${d.column}`, d.n, () => ({
          agency_code: agencyCode,
          year: d.year,
          row: d.row,
          col: d.column,
          shard: 0,
          n: 0,
        }));
      for (const d of daily)
        addTo(days, `${agencyCode}|${d.date}|${d.row}|${d.column}`, d.n, () => ({
          agency_code: agencyCode,
          day: d.date,
          row: d.row,
          col: d.column,
          shard: 0,
          n: 0,
        }));
    },
    /** The summed counter rows, by year and by day, each sorted (see sortedCounts). */
    rows: () => ({ years: sortedNonZero(years), days: sortedNonZero(days) }),
  };
};
export type CountSums = ReturnType<typeof countSums>;
export type SummedCountRows = ReturnType<CountSums["rows"]>;

/**
 * Adds summed counter rows (see countSums) in one statement; a long transaction calls it with
 * slices of the rows, so that each statement stays short.
 */
export const addCountRows = async (
  tx: Executor,
  years: SummedCountRows["years"],
  days: SummedCountRows["days"],
) => {
  const json = (rows: readonly unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
  await tx.execute(sql`
    with counted as (
      insert into ${requestCounts} (agency_code, year, row, col, shard, n)
      select x.agency_code, x.year, x.row, x.col, x.shard, x.n
      from jsonb_to_recordset(${json(years)}) as x(
        agency_code text, year int, row text, col text, shard int, n int)
      on conflict (agency_code, year, row, col, shard) do update set n = ${requestCounts}.n + excluded.n
    ), counted_daily as (${dailyInsert(sql``, days)})
    select 1`);
};

/** The task that fills request_counts_daily for the applications stored before it existed. */
export const DAILY_BACKFILL = "backfill:request_counts_daily";

/** Whether a task a migration left (see pendingTasks) is still to do. */
export const isPending = async (ex: Executor, name: string) =>
  (await ex.select().from(pendingTasks).where(eq(pendingTasks.name, name))).length > 0;

/**
 * In a transaction: holds request_counts_daily against every write of the register until the
 * transaction ends (they add to it; `share row exclusive` lets readers through), so that what
 * is read next is the whole register and nothing is added meanwhile. True when the fill is
 * still to do (another process may have done it while this one waited).
 */
export const claimDailyBackfill = async (tx: Executor) => {
  await tx.execute(sql`lock table ${requestCountsDaily} in share row exclusive mode`);
  return isPending(tx, DAILY_BACKFILL);
};

/**
 * Replaces the counts by day with those of `changes` (every application's whole flows by day,
 * computed by the caller with the domain) and marks the fill done. Call after claimDailyBackfill.
 */
export const replaceDailyCounts = async (
  tx: Executor,
  changes: Changes<DatedCountDelta>,
  shards: number = COUNT_SHARDS,
) => {
  await tx.execute(sql`delete from ${requestCountsDaily}`);
  const rows = sortedDaily(changes, shards);
  for (let i = 0; i < rows.length; i += 5000)
    await tx.execute(dailyInsert(sql``, rows.slice(i, i + 5000)));
  await tx.delete(pendingTasks).where(eq(pendingTasks.name, DAILY_BACKFILL));
  return rows.length;
};
