// `pnpm ogi admin …` against the same database the API opens (a PGlite folder here), then the
// API (@ogi/api's app) reading what the CLI wrote.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createApp } from "@ogi/api";
import { createDb } from "@ogi/db";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";

const main = resolve(import.meta.dirname, "../src/main.ts");
const dir = mkdtempSync(join(tmpdir(), "ogi-admin-"));
const ogi = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [main, "admin", ...args],
      {
        env: { ...process.env, OGI_DATA_DIR: dir, DATABASE_URL: "" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe("ogi admin", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("creates agencies, invites staff, issues tokens the API accepts", async () => {
    expect(
      (await ogi("agency", "add", "411421-gov", "民权县人民政府", "--region", "411421")).code,
    ).toBe(0);
    expect(
      (await ogi("agency", "add", "411421-gxkj", "工信科技局", "--parent", "411421-gov")).code,
    ).toBe(0);
    const dup = await ogi("agency", "add", "411421-gxkj", "again");
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/已存在.*already exists/);
    expect((await ogi("agency", "add", "Bad Code", "x")).code).toBe(2);
    const invite = await ogi("staff", "invite", "411421-gxkj", "张三", "--role", "manager");
    expect(invite.code).toBe(0);
    const staffId = /staff id (\S+)/.exec(invite.stdout)![1]!;
    const token = await ogi("token", "create", "--kind", "personal", "--staff", staffId);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim().split("\n").at(-1)!;
    const list = await ogi("agency", "list");
    expect(list.stdout).toContain("411421-gxkj\t工信科技局\t\t411421-gov");
    expect((await ogi("nonsense")).code).toBe(2);
    const database = await createDb({ dataDir: dir });
    try {
      const app = createApp({
        db: database.db,
        clock: { now: () => new Date("2025-06-01T00:00:00Z") },
        logger: pino({ level: "silent" }),
        config: { adminToken: undefined },
      });
      const me = await app.request("/v1/me", { headers: { authorization: `Bearer ${secret}` } });
      expect(me.status).toBe(200);
      expect(
        ((await me.json()) as { memberships: { agencyCode: string; role: string }[] }).memberships,
      ).toEqual([expect.objectContaining({ agencyCode: "411421-gxkj", role: "manager" })]);
    } finally {
      await database.close();
    }
  });
});
