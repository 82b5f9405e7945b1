// A transaction that writes the register in many statements (an import): the numbers taken once
// (takeNumbers), the foreign-key checks planned as the tables grow (prepareLongWrite), the
// counts summed as they come and added at the end (countSums, addCountRows).
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  addCountRows,
  countSums,
  createApplications,
  createTestDb,
  type Database,
  type Engine,
  type Executor,
  insertAgency,
  prepareLongWrite,
  queryRows,
  takeNumbers,
  testEngines,
} from "../src/index.ts";
import { registration } from "./plain.ts";

const now = new Date("2026-03-01T08:00:00Z");
const by = { actor: "test", channel: "import" as const, now };
const received = {
  id: "e1",
  type: "received" as const,
  date: "2026-02-02",
  applicantType: "naturalPerson" as const,
  channel: "online" as const,
};
const apps = (n: number) => Array.from({ length: n }, () => registration({ received }, by));

/** Rows of `applications` read by sequential scans so far in the current transaction. */
const scans = async (ex: Executor) =>
  Number(
    (
      await queryRows<{ n: number }>(
        ex,
        sql`select coalesce(sum(seq_tup_read), 0)::int as n from pg_stat_xact_user_tables
          where relname = 'applications'`,
      )
    )[0]?.n ?? 0,
  );

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

describe.each(testEngines())("a long write of the register on %s", (engine: Engine) => {
  /** A database whose statistics say the register is tiny (3 applications, analyzed). */
  const small = async () => {
    const database = await createTestDb(engine);
    opened.push(database);
    await insertAgency(database.db, { code: "a-1", name: "甲" }, now);
    await createApplications(database.db, "a-1", apps(3));
    await database.db.execute(sql`analyze`);
    return database;
  };

  /**
   * 40 statements of 25 applications in one transaction: the rows of `applications` that
   * sequential scans read during the last 20 (the table then holds 500 to 1,000 rows).
   */
  const longWrite = (database: Database, prepared: boolean) =>
    database.db.transaction(async (tx) => {
      const first = await takeNumbers(tx, "a-1", 1000);
      expect(first).toBe(4);
      if (prepared) await prepareLongWrite(tx);
      let before = 0;
      for (let k = 0; k < 40; k++) {
        if (k === 20) before = await scans(tx);
        await createApplications(tx, "a-1", apps(25), { first: first! + 25 * k });
      }
      return (await scans(tx)) - before;
    });

  it("checks each event's application without reading the register (planned as it grows)", async () => {
    // Without: a check planned while the register was tiny reads the whole table for each event
    // (500 events reading 500 to 1,000 rows each; what made 100-row statements of an import 5
    // times slower). Planned as the table grows, the checks use its primary key.
    expect(await longWrite(await small(), false)).toBeGreaterThan(300_000);
    expect(await longWrite(await small(), true)).toBeLessThan(1_000);
  });

  it("numbers the applications from the numbers taken once, and leaves the setting behind", async () => {
    const database = await small();
    await longWrite(database, true);
    const numbers = await queryRows<{ n: number; max: number; next: number }>(
      database.db,
      sql`select count(distinct number)::int as n, max(number)::int as max,
        (select next_number from agencies where code = 'a-1')::int as next
        from applications where agency_code = 'a-1'`,
    );
    expect(numbers).toEqual([{ n: 1003, max: 1003, next: 1004 }]);
    const [mode] = await queryRows<{ m: string }>(
      database.db,
      sql`select current_setting('plan_cache_mode') as m`,
    );
    expect(mode?.m).toBe("auto");
  });

  it("adds the summed counts: each counter row once, those adding nothing left out", async () => {
    const database = await small();
    const sums = countSums();
    sums.add("a-1", [{ year: 2026, row: "newReceived", column: "naturalPerson", n: 1 }], []);
    sums.add(
      "a-1",
      [
        { year: 2026, row: "newReceived", column: "naturalPerson", n: 1 },
        { year: 2026, row: "granted", column: "naturalPerson", n: 0 },
      ],
      [{ date: "2026-02-02", row: "newReceived", column: "naturalPerson", n: 2 }],
    );
    const { years, days } = sums.rows();
    expect(years.map((r) => [r.row, r.n])).toEqual([["newReceived", 2]]);
    expect(days.map((r) => [r.day, r.n])).toEqual([["2026-02-02", 2]]);
    const before = await queryRows<{ n: number }>(
      database.db,
      sql`select coalesce(sum(n), 0)::int as n from request_counts
        where agency_code = 'a-1' and row = 'newReceived'`,
    );
    await database.db.transaction((tx) => addCountRows(tx, years, days));
    const after = await queryRows<{ n: number }>(
      database.db,
      sql`select coalesce(sum(n), 0)::int as n from request_counts
        where agency_code = 'a-1' and row = 'newReceived'`,
    );
    expect(after[0]!.n - before[0]!.n).toBe(2);
  });
});
