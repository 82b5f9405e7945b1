// PGlite's one connection lent by a long transaction to reads about other agencies (lending.ts):
// such a read is answered while the transaction is open, sees only committed rows of what it
// reads, and cannot break the transaction; a read about the agency written, a write, or a read
// about no agency waits for the end.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  createDb,
  type Database,
  insertAgency,
  isPlainSelect,
  queryRows,
  withReadScope,
} from "../src/index.ts";

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

const open = async () => {
  const database = await createDb({ dataDir: "memory" });
  opened.push(database);
  await insertAgency(database.db, { code: "a-1", name: "甲" }, new Date());
  await insertAgency(database.db, { code: "b-1", name: "乙" }, new Date());
  return database;
};

const names = (database: Database, code: string) =>
  queryRows<{ name: string }>(database.db, sql`select name from agencies where code = ${code}`);

/** Resolves with what `p` gave once it settles, or "pending" if it has not after `ms`. */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<"pending">((ok) => setTimeout(() => ok("pending"), ms))]);

describe("lending PGlite's connection between a transaction's steps", () => {
  it("tells plain selects from statements that write or lock", () => {
    expect(isPlainSelect("select * from agencies")).toBe(true);
    expect(isPlainSelect(' (select "x" from t)')).toBe(true);
    expect(isPlainSelect("with x as (insert into t values (1)) select 1")).toBe(false);
    expect(isPlainSelect("select * from t for update")).toBe(false);
    expect(isPlainSelect("select nextval('s')")).toBe(false);
    expect(isPlainSelect("update t set x = 1")).toBe(false);
    expect(isPlainSelect("select 1 into t2")).toBe(false);
  });

  it("answers another agency's read inside the transaction; the agency written waits", async () => {
    const database = await open();
    let release!: () => void;
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    let checked!: (seen: unknown[]) => void;
    const seen = new Promise<unknown[]>((ok) => {
      checked = ok;
    });
    let after: Promise<unknown[]> | undefined;
    const tx = database.db.transaction(async (t) => {
      await t.execute(sql`update agencies set name = '甲（导入中）' where code = 'a-1'`);
      await database.lend!(["a-1"]);
      // Asked while the transaction is open, about b-1: served by the next turn.
      const other = withReadScope("b-1", () => names(database, "b-1"));
      const same = withReadScope("a-1", () => names(database, "a-1"));
      const write = withReadScope("b-1", async () =>
        database.db.execute(sql`update agencies set name = '乙2' where code = 'b-1'`),
      );
      const anything = withReadScope(undefined, () => names(database, "b-1"));
      await database.lend!(["a-1"]);
      checked([
        await within(other, 5_000),
        await within(same, 50),
        await within(write, 50),
        await within(anything, 50),
      ]);
      // Awaited after the commit: inside, they would wait for the transaction waiting for them.
      after = Promise.all([same, write, anything]);
      await held;
    });
    try {
      expect(await seen).toEqual([[{ name: "乙" }], "pending", "pending", "pending"]);
    } finally {
      release();
    }
    await tx;
    const [same] = await after!;
    // The read about the agency written ran after the commit and saw it whole.
    expect(same).toEqual([{ name: "甲（导入中）" }]);
    expect(await names(database, "b-1")).toEqual([{ name: "乙2" }]);
  });

  it("a read asked for before the transaction's first turn is served at it; the agency written waits", async () => {
    const database = await open();
    let release!: () => void;
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    let checked!: (seen: unknown[]) => void;
    const seen = new Promise<unknown[]>((ok) => {
      checked = ok;
    });
    let after: Promise<unknown> | undefined;
    const tx = database.db.transaction(async (t) => {
      await t.execute(sql`update agencies set name = '甲（导入中）' where code = 'a-1'`);
      // Asked while the transaction is open, before it has lent its connection at all.
      const other = withReadScope("b-1", () => names(database, "b-1"));
      const same = withReadScope("a-1", () => names(database, "a-1"));
      await database.lend!(["a-1"]);
      checked([await within(other, 5_000), await within(same, 50)]);
      after = same;
      await held;
    });
    try {
      expect(await seen).toEqual([[{ name: "乙" }], "pending"]);
    } finally {
      release();
    }
    await tx;
    expect(await after).toEqual([{ name: "甲（导入中）" }]);
  });

  it("a failing lent read fails alone; the transaction goes on and commits", async () => {
    const database = await open();
    const outcome = await database.db.transaction(async (t) => {
      await t.execute(sql`update agencies set name = '甲2' where code = 'a-1'`);
      await database.lend!(["a-1"]);
      const bad = withReadScope("b-1", async () =>
        database.db.execute(sql`select * from no_such_table`),
      ).then(
        () => "answered",
        (e: Error) => e.message,
      );
      await database.lend!(["a-1"]);
      const failed = await bad;
      await t.execute(sql`update agencies set name = '甲3' where code = 'a-1'`);
      return failed;
    });
    expect(outcome).toMatch(/no_such_table/);
    expect(await names(database, "a-1")).toEqual([{ name: "甲3" }]);
  });

  it("reads left waiting when the transaction ends run after it, also when it fails", async () => {
    const database = await open();
    let late: Promise<unknown> | undefined;
    await expect(
      database.db.transaction(async (t) => {
        await t.execute(sql`update agencies set name = '甲X' where code = 'a-1'`);
        await database.lend!(["a-1"]);
        late = withReadScope("b-1", () => names(database, "b-1"));
        throw new Error("the import failed");
      }),
    ).rejects.toThrow("the import failed");
    expect(await late).toEqual([{ name: "乙" }]);
    expect(await names(database, "a-1")).toEqual([{ name: "甲" }]);
  });
});
