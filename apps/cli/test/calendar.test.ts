// ogi calendar load <file>: the real CLI, spawned, writing into an embedded database (a PGlite
// folder) that this test seeded with an open application; then the same database is read back.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  auditEntries,
  createApplication,
  createDb,
  getApplication,
  insertAgency,
  listHolidayFiles,
} from "@ogi/db";
import {
  applicationRowState,
  contributionDelta,
  createWorkingCalendar,
  datedContributionDelta,
  dueDate,
} from "@ogi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");
const dir = mkdtempSync(join(tmpdir(), "ogi-cli-calendar-"));
const dataDir = join(dir, "data");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ogi = (...args: string[]) => {
  const r = spawnSync(process.execPath, [main, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, OGI_DEBUG: "", DATABASE_URL: "", OGI_DATA_DIR: dataDir },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

// 2026 without the 调休 Saturday 10-10: a count across it ends one working day later.
const file2026 = {
  holidays: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((d) => [`2026-10-0${d}`, "National Day,国庆节,3"]),
  ),
  workdays: {},
};

let appId = "";
beforeAll(async () => {
  const database = await createDb({ dataDir });
  const now = new Date("2026-10-26T02:00:00Z");
  const calendar = createWorkingCalendar();
  await insertAgency(database.db, { code: "411421-a", name: "甲局" }, now);
  const received = {
    id: "e1",
    type: "received" as const,
    date: "2026-09-28",
    applicantType: "naturalPerson" as const,
    channel: "online" as const,
  };
  // What the API's registration hands the repository: the row's state and the counts.
  const app = { id: "new", events: [received] };
  const { row } = await createApplication(database.db, {
    agencyCode: "411421-a",
    received,
    state: applicationRowState(app, (a) => dueDate(a, calendar).dueDate),
    deltas: contributionDelta(undefined, app),
    dailyDeltas: datedContributionDelta(undefined, app),
    by: { actor: "test", channel: "api", now },
  });
  appId = row.id;
  expect(row.dueDate).toBe("2026-10-30");
  await database.close();
}, 180_000);

describe("ogi calendar", () => {
  it("load: stores the file, recomputes the open due dates, audits on the cli channel", async () => {
    writeFileSync(join(dir, "2026.json"), JSON.stringify(file2026));
    const r = ogi("calendar", "load", "2026.json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("holiday file loaded");
    expect(r.stdout).toContain("2026");
    expect(r.stdout).toContain(`${appId}: 2026-10-30 → 2026-11-02`);
    const database = await createDb({ dataDir });
    try {
      expect((await getApplication(database.db, appId))!.row.dueDate).toBe("2026-11-02");
      const files = await listHolidayFiles(database.db);
      expect(files).toHaveLength(1);
      expect(JSON.parse(files[0]!.raw)).toEqual(file2026);
      expect(files[0]).toMatchObject({ years: [2026], channel: "cli", loadedBy: "cli" });
      const audit = await auditEntries(database.db, 5);
      expect(audit[0]).toMatchObject({ action: "calendar.load", channel: "cli", target: "2026" });
    } finally {
      await database.close();
    }
    const show = ogi("calendar", "show", "2026");
    expect(show.status).toBe(0);
    expect(show.stdout).toContain("loaded file");
    expect(show.stdout).not.toContain("2026-10-10");
  }, 180_000);

  it("refuses a bad file with one bilingual line and exit status 2, changing nothing", async () => {
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({
        holidays: { "2027-02-03": "Spring Festival,春节,4" },
        workdays: { "2027-02-10": "Spring Festival,春节,4" },
      }),
    );
    const r = ogi("calendar", "load", "bad.json");
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^ogi: 放假安排文件有误：.+ \/ The holiday file is invalid: .+is a weekday/,
    );
    expect(ogi("calendar", "load", "missing.json").stderr).toContain("Cannot read the file");
    expect(ogi("calendar", "load").status).toBe(2);
    expect(ogi("calendar", "frobnicate").stderr).toContain("Usage: ogi calendar load");
    const database = await createDb({ dataDir });
    try {
      expect(await listHolidayFiles(database.db)).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 180_000);
});
