// Issue 19, item 10: ogi calendar notice <year> <text> [--yes] — the State Council's notice as
// published, read, shown for checking, then loaded like a holiday file (the real CLI, spawned,
// on an embedded database). The 2031 text is made up for the test: 2031 has no notice yet.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDb, listHolidayFiles } from "@ogi/db";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");
const dir = mkdtempSync(join(tmpdir(), "ogi-cli-notice-"));
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

const NOTICE = `一、元旦：1月1日（周三）放假1天，不调休。
七、国庆节：10月1日（周三）至7日（周二）放假调休，共7天。9月28日（周日）上班。`;

describe("ogi calendar notice", () => {
  it("shows what it read, loads only with --yes", async () => {
    writeFileSync(join(dir, "2031.txt"), NOTICE);
    const look = ogi("calendar", "notice", "2031", "2031.txt");
    expect(look.stderr).toBe("");
    expect(look.status).toBe(0);
    expect(look.stdout).toContain("国庆节：10-01 至 10-07 放假，共 7 天；09-28 上班");
    expect(look.stdout).toContain("--yes");
    const load = ogi("calendar", "notice", "2031", "2031.txt", "--yes");
    expect(load.stderr).toBe("");
    expect(load.stdout).toContain("holiday file loaded");
    const database = await createDb({ dataDir });
    try {
      const files = await listHolidayFiles(database.db);
      expect(files).toHaveLength(1);
      expect(files[0]!.years).toEqual([2031]);
      expect(JSON.parse(files[0]!.raw).workdays).toEqual({ "2031-09-28": "National Day,国庆节,3" });
    } finally {
      await database.close();
    }
  }, 180_000);

  it("refuses a notice of another year in one bilingual line (exit 2)", () => {
    writeFileSync(join(dir, "wrong.txt"), NOTICE);
    const r = ogi("calendar", "notice", "2030", "wrong.txt", "--yes");
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("星期不符");
    expect(r.stderr).toContain("weekday");
  });
});
