// One owner of the embedded database, with real processes: a second API on the folder is refused
// at once and the first loses nothing; a kill -9'd owner's folder is taken by the next start; the
// CLI beside the running API goes through it (a revoked token is refused at once and after a
// restart); backups taken through the API restore every application, event, token and report.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDb, dataDirOwner, queryRows } from "@ogi/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_AGENCY, ogi, refusalLine, runSecondProcess, secondApi } from "../src/owner-run.ts";
import { cleanup, SERVER_ADMIN_TOKEN, startApi, tempDir } from "../src/server.ts";

afterAll(cleanup);

const get = async (url: string, token: string) =>
  (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status;

/** Counts and a digest of what a restore must give back. */
const contents = async (dataDir: string) => {
  const database = await createDb({ dataDir });
  try {
    const [row] = await queryRows<Record<string, string | number>>(
      database.db,
      sql`select
        (select count(*)::int from applications) as applications,
        (select md5(coalesce(string_agg(id || ':' || number || ':' || status, ',' order by id), '')) from applications) as "applicationsDigest",
        (select count(*)::int from application_events) as events,
        (select md5(coalesce(string_agg(event_id || ':' || application_id, ',' order by seq), '')) from application_events) as "eventsDigest",
        (select count(*)::int from api_tokens) as tokens,
        (select count(*)::int from api_tokens where revoked_at is null) as "activeTokens",
        (select count(*)::int from published_reports) as "publishedReports",
        (select md5(coalesce(string_agg(agency_code || year || report::text, ',' order by agency_code, year), '')) from published_reports) as "publishedDigest"`,
    );
    return row!;
  } finally {
    await database.close();
  }
};

describe("one owner of the embedded database", () => {
  it("refuses a second API at once; the first keeps serving and loses nothing of 200 registrations", async () => {
    const dataDir = tempDir("owner");
    const { figures, problems } = await runSecondProcess({
      dataDir,
      registrations: 200,
      clients: 8,
      secondOpeners: 2,
      cliInvites: 2,
    });
    console.info(JSON.stringify(figures));
    expect(problems).toEqual([]);
    expect(figures.acknowledged).toBe(200);
    expect(figures.refused).toBe(2);
    expect(figures.foundAfterRestart).toBe(200);
    expect(figures.lost).toBe(0);
    expect(figures.duplicateNumbers).toBe(0);
    expect(figures.withoutReceipt).toBe(0);
    expect(figures.cliThroughApi).toBe(2);
  });

  it("takes over the folder of an owner killed with SIGKILL", async () => {
    const dataDir = tempDir("owner-kill");
    const first = await startApi({ dataDir });
    expect(dataDirOwner(dataDir)?.pid).toBe(first.pid);
    const refused = await secondApi(dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(refusalLine(dataDir, first.pid));
    await first.kill9();
    expect(dataDirOwner(dataDir)).toBeUndefined();
    const next = await startApi({ dataDir });
    expect(dataDirOwner(dataDir)).toMatchObject({ pid: next.pid, apiUrl: next.url });
    expect(await get(`${next.url}/v1/agencies/${DEMO_AGENCY}/summary`, SERVER_ADMIN_TOKEN)).toBe(
      200,
    );
    await next.stop();
    expect(dataDirOwner(dataDir)).toBeUndefined();
  });

  it("runs the CLI's admin commands through the running API; a revoked token is refused at once and after a restart", async () => {
    const dataDir = tempDir("owner-cli");
    let api = await startApi({ dataDir });
    const invite = await ogi(dataDir, "admin", "staff", "invite", DEMO_AGENCY, "李四");
    expect(invite.code).toBe(0);
    expect(invite.stderr).toBe(
      `经由运行中的 API（进程 ${api.pid}，${api.url}）/ through the running API (process ${api.pid}, ${api.url})\n`,
    );
    const staffId = /staff id (\S+)/.exec(invite.stdout)![1]!;
    const token = await ogi(
      dataDir,
      "admin",
      "token",
      "create",
      "--kind",
      "personal",
      "--staff",
      staffId,
    );
    expect(token.code).toBe(0);
    const secret = token.stdout.trim().split("\n").at(-1)!;
    expect(await get(`${api.url}/v1/me`, secret)).toBe(200);
    const list = await ogi(dataDir, "admin", "staff", "list", DEMO_AGENCY);
    expect(list.stdout).toContain(`${staffId}\t李四\tclerk\tnot linked\n`);
    const revoke = await ogi(dataDir, "admin", "staff", "revoke", staffId);
    expect(revoke.code).toBe(0);
    expect(revoke.stderr).toContain("through the running API");
    expect(await get(`${api.url}/v1/me`, secret)).toBe(401);
    const again = await ogi(dataDir, "admin", "staff", "revoke", staffId);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^经由[^\n]*\nogi: 该工作人员已停用。 \/ Already revoked\.\n$/);
    const holidays = join(tempDir("owner-cli-files"), "2031.json");
    writeFileSync(
      holidays,
      JSON.stringify({ holidays: { "2031-01-01": "New Year's Day,元旦,1" }, workdays: {} }),
    );
    const load = await ogi(dataDir, "calendar", "load", holidays);
    expect(load.code).toBe(0);
    expect(load.stderr).toContain("through the running API");
    expect(load.stdout).toContain("holiday file loaded");
    const show = await ogi(dataDir, "calendar", "show", "2026");
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^2026: /);
    // The CLI can't open the folder around the API, and says who has it.
    const restoreRefused = await ogi(dataDir, "restore", "/nonexistent.tar.gz");
    expect(restoreRefused.code).toBe(2);
    expect(restoreRefused.stderr).toContain(`in use by process ${api.pid}`);
    await api.stop();
    api = await startApi({ dataDir });
    expect(await get(`${api.url}/v1/me`, secret)).toBe(401);
    await api.stop();
    // Alone, the CLI opens the folder itself (and says nothing about an API).
    const alone = await ogi(dataDir, "admin", "agency", "list");
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe("");
    expect(alone.stdout).toContain(`${DEMO_AGENCY}\t`);
    // The audit trail reads as the CLI's, through the API as directly.
    const database = await createDb({ dataDir });
    try {
      const rows = await queryRows<{ action: string; actor: string; channel: string }>(
        database.db,
        sql`select action, actor, channel from audit_log where action in ('staff.invite', 'staff.revoke', 'token.create', 'calendar.load') order by id`,
      );
      expect(rows).toEqual([
        { action: "staff.invite", actor: "cli", channel: "cli" },
        { action: "token.create", actor: "cli", channel: "cli" },
        { action: "staff.revoke", actor: "cli", channel: "cli" },
        { action: "calendar.load", actor: "cli", channel: "cli" },
      ]);
    } finally {
      await database.close();
    }
  });

  it("backs up through the running API while it writes; restore gives back every application, event, token and published report", async () => {
    const dataDir = tempDir("owner-backup");
    const api = await startApi({ dataDir });
    const admin = {
      authorization: `Bearer ${SERVER_ADMIN_TOKEN}`,
      "content-type": "application/json",
    };
    const lastYear = new Date().getUTCFullYear() - 1;
    const published = await fetch(
      `${api.url}/v1/agencies/${DEMO_AGENCY}/reports/${lastYear}/publish`,
      { method: "POST", headers: admin },
    );
    expect(published.status).toBe(200);
    const token = await ogi(dataDir, "admin", "token", "create", "--kind", "service");
    expect(token.code).toBe(0);
    const files = tempDir("owner-backup-files");
    // A backup taken while registrations are being written is whole: it opens, every
    // application in it has its receipt.
    const today = new Date().toISOString().slice(0, 10);
    const register = () =>
      fetch(`${api.url}/v1/agencies/${DEMO_AGENCY}/applications`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ receivedOn: today, applicantType: "commercialEnterprise" }),
      }).then(async (r) => (r.status === 201 ? 201 : `${r.status} ${await r.text()}`));
    const [busy, statuses] = await Promise.all([
      ogi(dataDir, "backup", join(files, "busy.tar.gz")),
      Promise.all(Array.from({ length: 40 }, register)),
    ]);
    expect(busy.code).toBe(0);
    expect(busy.stderr).toContain("through the running API");
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const quiet = await ogi(dataDir, "backup", join(files, "quiet.tar.gz"));
    expect(quiet.code).toBe(0);
    await api.stop();
    const before = await contents(dataDir);
    expect(before.publishedReports).toBeGreaterThan(0);
    expect(before.tokens).toBeGreaterThan(0);
    const restoredDir = join(files, "restored");
    mkdirSync(restoredDir);
    const restored = await ogi(restoredDir, "restore", join(files, "quiet.tar.gz"));
    expect(restored.code).toBe(0);
    expect(await contents(restoredDir)).toEqual(before);
    // With no API running, the CLI takes the backup itself.
    const direct = await ogi(dataDir, "backup", join(files, "direct.tar.gz"));
    expect(direct.code).toBe(0);
    expect(direct.stderr).toBe("");
    const directDir = join(files, "direct");
    expect((await ogi(directDir, "restore", join(files, "direct.tar.gz"))).code).toBe(0);
    expect(await contents(directDir)).toEqual(before);
    const busyDir = join(files, "busy");
    expect((await ogi(busyDir, "restore", join(files, "busy.tar.gz"))).code).toBe(0);
    const database = await createDb({ dataDir: busyDir });
    try {
      const [row] = await queryRows<{ without: number }>(
        database.db,
        sql`select count(*)::int as without from applications a where not exists (select 1 from application_events e where e.application_id = a.id and e.type = 'received')`,
      );
      expect(row!.without).toBe(0);
    } finally {
      await database.close();
    }
    // Restoring over a folder keeps the previous contents beside it.
    const over = await ogi(dataDir, "restore", join(files, "busy.tar.gz"));
    expect(over.code).toBe(0);
    expect(over.stdout).toMatch(/before-restore-/);
  });
});
