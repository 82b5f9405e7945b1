import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  APPLICANT_TYPES,
  type ApplicationEvent,
  deriveRequests,
  emptyRequestsTable,
  OUTCOMES,
} from "@ogi/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ANALYZE_MIN_ROWS,
  agencyTree,
  appendEvent,
  appendEvents,
  applicationsByNumber,
  applicationsOf,
  audit,
  auditEntries,
  autoAnalyze,
  createApplication,
  createApplications,
  createDb,
  createStaff,
  createTestDb,
  createToken,
  type Database,
  type Engine,
  findIdempotent,
  findToken,
  freshPostgres,
  getApplication,
  getPublished,
  getSections,
  insertAgency,
  linkStaff,
  listAgencies,
  listApplications,
  listApplicationsWithEvents,
  loadApplications,
  loadRegister,
  lockedYears,
  publishReport,
  putOpeningBalance,
  putSection,
  queryRows,
  regionAgencies,
  reopenReport,
  requestsTable,
  revokeStaff,
  staffByTelegram,
  storeIdempotent,
  testEngines,
} from "../src/index.ts";
import { appended, registration } from "./plain.ts";

const now = new Date("2026-03-01T08:00:00Z");
const by = { actor: "test", channel: "api" as const, now };

// A small deterministic PRNG so the register is the same on every run.
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const day = (year: number, r: () => number) => {
  const d = new Date(Date.UTC(year, 0, 1) + Math.floor(r() * 360) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

describe.each(testEngines())("packages/db on %s", (engine: Engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("migrates from empty: every table exists", async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "agencies",
        "staff",
        "api_tokens",
        "applications",
        "application_events",
        "report_sections",
        "opening_balances",
        "published_reports",
        "idempotency_keys",
        "audit_log",
        "request_counts",
      ]),
    );
  });

  it("agencies form trees and regions", async () => {
    const { db } = database;
    await insertAgency(
      db,
      { code: "411421-gov", name: "夏邑县人民政府", regionCode: "411421" },
      now,
    );
    await insertAgency(
      db,
      {
        code: "411421-gxkj",
        name: "夏邑县工信科技局",
        regionCode: "411421",
        parentCode: "411421-gov",
      },
      now,
    );
    await insertAgency(
      db,
      { code: "411421-gxkj-a", name: "下属单位", parentCode: "411421-gxkj" },
      now,
    );
    await insertAgency(db, { code: "411422-x", name: "其他县", regionCode: "411422" }, now);
    expect(await agencyTree(db, "411421-gov")).toEqual([
      "411421-gov",
      "411421-gxkj",
      "411421-gxkj-a",
    ]);
    expect(await regionAgencies(db, "411421")).toEqual([
      "411421-gov",
      "411421-gxkj",
      "411421-gxkj-a",
    ]);
    expect(await regionAgencies(db, "411400")).toHaveLength(4);
    expect((await listAgencies(db)).map((a) => a.code)).toHaveLength(4);
    // A second insert with the same code changes nothing.
    expect(await insertAgency(db, { code: "411421-gov", name: "x" }, now)).toBeUndefined();
  });

  it("staff are invited with a one-time code and linked to Telegram", async () => {
    const { db } = database;
    const { id, inviteCode } = await createStaff(
      db,
      { agencyCode: "411421-gxkj", name: "张三", role: "clerk" },
      now,
    );
    expect(inviteCode).toMatch(/^[A-Z0-9]{10}$/);
    const raw = await queryRows<{ invite_code_hash: string }>(
      db,
      sql`select invite_code_hash from staff where id = ${id}`,
    );
    expect(raw[0]!.invite_code_hash).not.toContain(inviteCode);
    expect((await linkStaff(db, inviteCode.toLowerCase(), 1001, now))?.id).toBe(id);
    expect(await linkStaff(db, inviteCode, 1002, now)).toBeUndefined();
    expect((await staffByTelegram(db, 1001)).map((s) => s.id)).toEqual([id]);
    const { token } = await createToken(db, { kind: "personal", staffId: id }, now);
    expect((await findToken(db, token))?.staff?.id).toBe(id);
    expect(await findToken(db, `${token}x`)).toBeUndefined();
    await revokeStaff(db, id, now);
    expect(await findToken(db, token)).toBeUndefined();
    expect(await staffByTelegram(db, 1001)).toEqual([]);
  });

  it("a register written event by event gives the fold's tables", async () => {
    const { db } = database;
    const r = rng(7);
    for (let i = 0; i < 60; i++) {
      const year = pick(r, [2023, 2024, 2025]);
      const received = day(year, r);
      const { application } = await db.transaction(async (tx) =>
        createApplication(
          tx,
          registration(
            {
              agencyCode: "411421-gxkj",
              received: {
                id: "e1",
                type: "received",
                date: received,
                applicantType: pick(r, APPLICANT_TYPES),
                channel: "online",
              },
            },
            by,
          ),
        ),
      );
      expect(application.number).toBe(i + 1);
      let stored = (await getApplication(db, application.id))!;
      const roll = r();
      const events: ApplicationEvent[] = [];
      const later = (days: number) =>
        new Date(Date.parse(`${received}T00:00:00Z`) + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
      if (roll < 0.8)
        events.push({
          id: "e2",
          type: "concluded",
          date: later(10 + Math.floor(r() * 40)),
          outcome: pick(r, OUTCOMES),
        });
      if (roll < 0.15)
        events.push({
          id: "e3",
          type: "amended",
          date: later(60),
          supersedes: "e2",
          reason: "录入错误",
        });
      if (roll > 0.1 && roll < 0.2)
        events.push({ id: "e4", type: "reopened", date: later(70), reason: "复议决定" });
      for (const event of events) {
        const { item, row, application } = appended(stored, event, by);
        await db.transaction(async (tx) => appendEvent(tx, item));
        stored = { ...stored, row, application };
      }
    }
    const register = await loadRegister(db, ["411421-gxkj"]);
    expect(register.applications).toHaveLength(60);
    for (const year of [2022, 2023, 2024, 2025, 2026])
      expect(await requestsTable(db, "411421-gxkj", year)).toEqual(deriveRequests(register, year));
    const open = await listApplications(db, "411421-gxkj", { status: "open" });
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((a) => a.status === "open" && a.concludedOn === null)).toBe(true);
    // The page with its events in one statement equals the rows and then their events.
    for (const filter of [
      {},
      { status: "open" as const },
      { number: 7 },
      { limit: 5, offset: 3 },
      { applicantType: "naturalPerson", receivedYear: 2025 },
      { concludedYear: 2025, outcomes: ["granted", "partiallyGranted"] },
      { carriedInto: 2025 },
      { dueBefore: "2026-12-31" },
    ]) {
      const rows = await listApplications(db, "411421-gxkj", filter);
      const apps = await applicationsOf(db, rows);
      const page = await listApplicationsWithEvents(db, "411421-gxkj", filter);
      // Each row also says who registered it (the recorder of its first event).
      expect(page.map(({ registeredBy: _, ...rest }) => rest)).toEqual(
        rows.map((row) => ({ row, application: apps.get(row.id) })),
      );
      expect(page.every((p) => p.registeredBy === "test")).toBe(true);
    }
    // The console's filters select what they say.
    const all = await listApplications(db, "411421-gxkj", { limit: 1000 });
    const carried = await listApplications(db, "411421-gxkj", { carriedInto: 2025, limit: 1000 });
    expect(carried.map((r) => r.id).sort()).toEqual(
      all
        .filter(
          (r) =>
            r.receivedYear < 2025 && (r.status === "open" || (r.concludedOn ?? "") >= "2025-01-01"),
        )
        .map((r) => r.id)
        .sort(),
    );
    const due = await listApplications(db, "411421-gxkj", { dueBefore: "2026-12-31", limit: 1000 });
    expect(
      due.every((r) => r.status === "open" && r.dueDate !== null && r.dueDate < "2026-12-31"),
    ).toBe(true);
    expect(due.map((r) => r.dueDate)).toEqual([...due.map((r) => r.dueDate)].sort());
    expect(await listApplicationsWithEvents(db, "411421-gxkj", { number: 999 })).toEqual([]);
    // By agency and number, several at once: the same, and nothing for a number not given.
    const byNumber = await applicationsByNumber(db, [
      { agencyCode: "411421-gxkj", number: 3 },
      { agencyCode: "411421-gxkj", number: 7 },
      { agencyCode: "411421-gxkj", number: 999 },
      { agencyCode: "411421-nosuch", number: 3 },
    ]);
    expect([...byNumber.keys()].sort()).toEqual(["411421-gxkj|3", "411421-gxkj|7"]);
    for (const n of [3, 7])
      expect(byNumber.get(`411421-gxkj|${n}`)).toEqual(
        (await listApplicationsWithEvents(db, "411421-gxkj", { number: n })).map(
          ({ registeredBy: _, ...rest }) => rest,
        )[0],
      );
  });

  it("counter rows: spread over COUNT_SHARDS by default, one per cell with countShards 1; the tables are the fold either way", async () => {
    const { db } = database;
    for (const [code, countShards] of [
      ["411421-spread", undefined],
      ["411421-single", 1],
    ] as const) {
      await insertAgency(db, { code, name: code }, now);
      const made = await createApplications(
        db,
        code,
        Array.from({ length: 40 }, (_, i) =>
          registration(
            {
              received: {
                id: "e1",
                type: "received" as const,
                date: `2025-0${1 + (i % 9)}-1${i % 10}`,
                applicantType: APPLICANT_TYPES[i % APPLICANT_TYPES.length]!,
                channel: "online" as const,
              },
            },
            by,
          ),
        ),
        { countShards },
      );
      const loaded = await loadApplications(
        db,
        made.map((m) => m.row.id),
      );
      await appendEvents(
        db,
        made.map(
          (m, i) =>
            appended(
              loaded.get(m.row.id)!.stored,
              {
                id: "e2",
                type: "concluded",
                date: "2025-11-20",
                outcome: OUTCOMES[i % OUTCOMES.length]!,
              },
              by,
            ).item,
        ),
        { countShards },
      );
      const register = await loadRegister(db, [code]);
      expect(await requestsTable(db, code, 2025)).toEqual(deriveRequests(register, 2025));
      const [counted] = await queryRows<{ shards: number }>(
        db,
        sql`select count(distinct shard)::int as shards from request_counts where agency_code = ${code}`,
      );
      if (countShards === 1) expect(counted?.shards).toBe(1);
      else expect(counted?.shards).toBeGreaterThan(8);
    }
  });

  it("opening balances add to their year", async () => {
    const { db } = database;
    const counts = emptyRequestsTable();
    counts.newReceived.naturalPerson = 3;
    counts.newReceived.total = 3;
    counts.granted.naturalPerson = 3;
    counts.granted.total = 3;
    counts.totalProcessed.naturalPerson = 3;
    counts.totalProcessed.total = 3;
    await putOpeningBalance(db, "411421-gxkj", { year: 2023, counts, note: "自 2023 年报" }, now);
    const register = await loadRegister(db, ["411421-gxkj"]);
    expect(register.openingBalances).toHaveLength(1);
    for (const year of [2023, 2024])
      expect(await requestsTable(db, "411421-gxkj", year)).toEqual(deriveRequests(register, year));
  });

  it("events are never updated or deleted, and a failed transaction writes nothing", async () => {
    const { db } = database;
    const count = async () =>
      (
        await queryRows<{ n: number }>(db, sql`select count(*)::int as n from application_events`)
      )[0]!.n;
    const before = await count();
    await expect(
      db.transaction(async (tx) => {
        await createApplication(
          tx,
          registration(
            {
              agencyCode: "411421-gxkj",
              received: {
                id: "e1",
                type: "received",
                date: "2025-01-02",
                applicantType: "naturalPerson",
                channel: "post",
              },
            },
            by,
          ),
        );
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await count()).toBe(before);
  });

  it("sections, publication, reopening, idempotency keys and the audit log", async () => {
    const { db } = database;
    await putSection(db, "411421-gxkj", 2025, "problems", "问题", now);
    await putSection(db, "411421-gxkj", 2025, "problems", "问题二", now);
    expect(await getSections(db, "411421-gxkj", 2025)).toEqual({ problems: "问题二" });
    await publishReport(
      db,
      { agencyCode: "411421-gxkj", year: 2025, report: { a: 1 }, findings: [], by: "m" },
      now,
    );
    expect(await lockedYears(db, "411421-gxkj")).toEqual([2025]);
    expect((await getPublished(db, "411421-gxkj", 2025))?.report).toEqual({ a: 1 });
    await reopenReport(
      db,
      { agencyCode: "411421-gxkj", year: 2025, reason: "更正", by: "admin" },
      now,
    );
    expect(await lockedYears(db, "411421-gxkj")).toEqual([]);
    await storeIdempotent(
      db,
      {
        principal: "t1",
        key: "k1",
        route: "POST /x",
        bodyHash: "h",
        status: 201,
        response: { ok: true },
      },
      now,
    );
    expect((await findIdempotent(db, "t1", "k1"))?.response).toEqual({ ok: true });
    expect(await findIdempotent(db, "t2", "k1")).toBeUndefined();
    await audit(db, { actor: "admin", channel: "cli", action: "agency.create", target: "x" }, now);
    expect((await auditEntries(db, 1))[0]).toMatchObject({
      channel: "cli",
      action: "agency.create",
    });
  });
});

describe.each(testEngines())("restart on %s", (engine: Engine) => {
  it("keeps the data when the database is closed and opened again", async () => {
    let config: { dataDir?: string; databaseUrl?: string };
    let cleanup: () => Promise<void>;
    if (engine === "pglite") {
      const dir = mkdtempSync(join(tmpdir(), "ogi-db-"));
      config = { dataDir: dir };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const fresh = await freshPostgres();
      config = { databaseUrl: fresh.url };
      cleanup = fresh.drop;
    }
    try {
      const first = await createDb(config);
      await insertAgency(first.db, { code: "a-1", name: "甲" }, now);
      await first.close();
      const second = await createDb(config);
      expect((await listAgencies(second.db)).map((a) => a.code)).toEqual(["a-1"]);
      await second.close();
    } finally {
      await cleanup();
    }
  });
});

describe("PGlite's statistics follow the writes (autoAnalyze)", () => {
  it("analyzes once a fifth of the register (at least 500 rows) was written, one at a time", async () => {
    const ran: string[] = [];
    let release = () => {};
    let size = 10_000;
    const analyzer = autoAnalyze(
      async (q) => {
        ran.push(q);
        await new Promise<void>((go) => {
          release = go;
        });
      },
      async () => size,
    );
    analyzer.wrote(ANALYZE_MIN_ROWS - 1);
    expect(ran).toEqual([]);
    analyzer.wrote(1);
    expect(ran).toEqual(["analyze"]);
    // While it runs, more writes start no second one; they count towards the next.
    analyzer.wrote(1_500);
    expect(ran).toHaveLength(1);
    release();
    await analyzer.idle();
    // Next: after a fifth of the 10,000 rows.
    analyzer.wrote(499);
    expect(ran).toHaveLength(1);
    analyzer.wrote(1);
    expect(ran).toHaveLength(2);
    size = 0;
    release();
    await analyzer.idle();
    analyzer.wrote(ANALYZE_MIN_ROWS);
    expect(ran).toHaveLength(3);
    release();
    await analyzer.idle();
  });

  it("on a real PGlite: after the writes, the planner knows the table's size", async () => {
    const database = await createDb({ dataDir: "memory" });
    try {
      const { db } = database;
      await insertAgency(db, { code: "411421-stats", name: "统计局" }, now);
      const reltuples = async () =>
        Number(
          (
            await queryRows<{ n: number }>(
              db,
              sql`select reltuples::float8 as n from pg_class where relname = 'applications'`,
            )
          )[0]!.n,
        );
      expect(await reltuples()).toBeLessThanOrEqual(0);
      for (let i = 0; i < 600; i++)
        await createApplication(
          db,
          registration(
            {
              agencyCode: "411421-stats",
              received: {
                id: "e1",
                type: "received",
                date: "2025-03-03",
                applicantType: "naturalPerson",
                channel: "online",
              },
            },
            by,
          ),
        );
      database.wrote!(600);
      // The refresh runs in the background, queued behind any other statement.
      for (let i = 0; i < 50 && (await reltuples()) < 600; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await reltuples()).toBe(600);
    } finally {
      await database.close();
    }
  });
});
