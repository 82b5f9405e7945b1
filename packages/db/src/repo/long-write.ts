// A transaction that writes the register in many statements (an import): the running numbers
// taken once, and the settings that keep each of its statements short as the tables grow. The
// statements themselves are createApplications' (with `first`) and addCountRows.
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import { agencies } from "../schema.ts";

/**
 * In a transaction: takes `n` running numbers of the agency at once, for a write of many
 * statements (an import, see createApplications' `first`), and holds the agency's row to the
 * end. Returns the first; undefined for an unknown agency.
 */
export const takeNumbers = async (ex: Executor, agency: string, n: number) => {
  const [row] = await queryRows<{ first: number }>(
    ex,
    sql`update ${agencies} set next_number = next_number + ${n} where code = ${agency}
      returning next_number - ${n} as first`,
  );
  return row ? Number(row.first) : undefined;
};

/**
 * In a transaction that writes the register in many statements (an import), for its length:
 * - Each foreign-key check is planned for the tables as they are at that moment. Such a check's
 *   plan is made once per connection and kept; made while the register was small (a new
 *   database, or a first statement of a few rows), it reads the whole table, and each event
 *   written then read every application written before it: with 100-row statements a
 *   20,000-row import took 5 times as long as with 500-row ones, each statement slower than the
 *   last, on PGlite and PostgreSQL alike (a plan made at 500 rows happened to be a good one).
 *   Planned each time, a check costs about 20 µs.
 * - PGlite: a new 16 MB WAL file is not filled with zeros first (`wal_init_zero`): in PGlite's
 *   memory that took some 350 ms of CPU in the one statement that crossed into it, every other
 *   request waiting. (PGlite has no fsync; PostgreSQL keeps its setting.)
 */
export const prepareLongWrite = async (tx: Executor) => {
  await tx.execute(sql`select set_config('plan_cache_mode', 'force_custom_plan', true),
    (select set_config('wal_init_zero', 'off', true) where version() like '%PGlite%')`);
};
