// The deadlines' tables: loaded holiday files, recomputed due dates, recorded reminders. PGlite
// always, PostgreSQL when TEST_DATABASE_URL is set.
import {
  type Application,
  applicationRowState,
  createWorkingCalendar,
  dueDate,
  parseHolidayFile,
} from "@ogi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addHolidayFile,
  appendEvent,
  createApplication,
  createStaff,
  createTestDb,
  type Database,
  type Engine,
  getApplication,
  holidayFilesVersion,
  insertAgency,
  linkedStaff,
  linkStaff,
  listHolidayFiles,
  openApplications,
  recomputeDueDates,
  recordReminder,
  reminderRecords,
  revokeStaff,
  testEngines,
} from "../src/index.ts";
import { appended, registration } from "./plain.ts";

const now = new Date("2026-10-26T02:00:00Z");
const by = { actor: "test", channel: "api" as const, now };
const packageCalendar = createWorkingCalendar();
const withPackage = (app: Application) =>
  applicationRowState(app, (a) => dueDate(a, packageCalendar).dueDate);

// 2026 without the 调休 Saturday 10-10: every count across it ends one working day later.
const raw2026 = JSON.stringify({
  holidays: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, "National Day,国庆节,3"]),
  ),
  workdays: {},
});

describe.each(testEngines())("deadlines tables on %s", (engine: Engine) => {
  let database: Database;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    database = await createTestDb(engine);
    const { db } = database;
    await insertAgency(db, { code: "411421-gov", name: "县政府", regionCode: "411421" }, now);
    await insertAgency(db, { code: "411421-a", name: "甲局", parentCode: "411421-gov" }, now);
    for (const [name, date] of [
      ["open", "2026-09-28"],
      ["closed", "2026-09-18"],
    ] as const) {
      const { row } = await createApplication(
        db,
        registration(
          {
            agencyCode: "411421-a",
            received: {
              id: "e1",
              type: "received",
              date,
              applicantType: "naturalPerson",
              channel: "online",
            },
          },
          by,
          withPackage,
        ),
      );
      ids[name] = row.id;
    }
    const stored = (await getApplication(db, ids.closed!))!;
    await appendEvent(
      db,
      appended(
        stored,
        { id: "e2", type: "concluded", date: "2026-10-20", outcome: "granted" },
        by,
        withPackage,
      ).item,
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores holiday files as loaded, in load order, with a version", async () => {
    const { db } = database;
    expect(await holidayFilesVersion(db)).toBe(0);
    expect(await listHolidayFiles(db)).toEqual([]);
    const first = await addHolidayFile(db, { raw: raw2026, years: [2026] }, by);
    const second = await addHolidayFile(
      db,
      { raw: raw2026, years: [2026] },
      { ...by, actor: "cli", channel: "cli" },
    );
    const files = await listHolidayFiles(db);
    expect(files.map((f) => f.id)).toEqual([first.id, second.id]);
    expect(files[1]).toMatchObject({
      raw: raw2026,
      years: [2026],
      loadedBy: "cli",
      channel: "cli",
    });
    expect(files[0]!.loadedAt.toISOString()).toBe(now.toISOString());
    expect(await holidayFilesVersion(db)).toBe(second.id);
  });

  it("recomputes the cached due dates of open applications only", async () => {
    const { db } = database;
    const open = await openApplications(db);
    expect(open.map((o) => o.application.id)).toEqual([ids.open]);
    expect(open[0]!.dueDate).toBe("2026-10-30");
    const parsed = parseHolidayFile(raw2026);
    if (!parsed.ok) throw new Error("file");
    const calendar = createWorkingCalendar({ extraYears: [parsed.file] });
    const moved = await db.transaction((tx) =>
      recomputeDueDates(tx, (app) => dueDate(app, calendar).dueDate),
    );
    expect(moved).toEqual([{ id: ids.open, from: "2026-10-30", to: "2026-11-02" }]);
    expect((await getApplication(db, ids.open!))!.row.dueDate).toBe("2026-11-02");
    expect((await getApplication(db, ids.closed!))!.row.dueDate).toBeNull();
    // Nothing moves the second time.
    expect(await recomputeDueDates(db, (app) => dueDate(app, calendar).dueDate)).toEqual([]);
    expect(await openApplications(db, [])).toEqual([]);
    expect(await openApplications(db, ["411421-gov"])).toEqual([]);
  });

  it("lists the linked, unrevoked staff with their agency's place", async () => {
    const { db } = database;
    const a = await createStaff(db, { agencyCode: "411421-a", name: "甲", role: "clerk" }, now);
    const b = await createStaff(db, { agencyCode: "411421-gov", name: "乙", role: "manager" }, now);
    await createStaff(db, { agencyCode: "411421-a", name: "未绑定", role: "clerk" }, now);
    const c = await createStaff(db, { agencyCode: "411421-a", name: "离职", role: "clerk" }, now);
    await linkStaff(db, a.inviteCode, 501, now);
    await linkStaff(db, b.inviteCode, 502, now);
    await linkStaff(db, c.inviteCode, 503, now);
    await revokeStaff(db, c.id, now);
    const rows = await linkedStaff(db);
    expect(rows.map((r) => r.telegramUserId).sort()).toEqual([501, 502]);
    expect(rows.find((r) => r.telegramUserId === 502)).toMatchObject({
      role: "manager",
      agencyCode: "411421-gov",
      regionCode: "411421",
      parentCode: null,
    });
  });

  it("records reminders: attempts add up, the first delivery time stays, keys are unique", async () => {
    const { db } = database;
    const key = "2026-10-26.due.s1";
    const base = { key, staffId: "s1", kind: "due", date: "2026-10-26" };
    const failed = await recordReminder(
      db,
      { ...base, delivered: false, attempts: 3, error: "timeout" },
      now,
    );
    expect(failed).toMatchObject({ sentAt: null, attempts: 3, lastError: "timeout" });
    const later = new Date(now.getTime() + 60_000);
    const ok = await recordReminder(db, { ...base, delivered: true, attempts: 1 }, later);
    expect(ok).toMatchObject({ attempts: 4, lastError: "timeout" });
    expect(ok.sentAt?.toISOString()).toBe(later.toISOString());
    const again = await recordReminder(
      db,
      { ...base, delivered: true, attempts: 1 },
      new Date(later.getTime() + 60_000),
    );
    expect(again.sentAt?.toISOString()).toBe(later.toISOString());
    expect(await reminderRecords(db, [key, "2026-10-26.due.none"])).toHaveLength(1);
    expect(await reminderRecords(db, [])).toEqual([]);
  });
});
