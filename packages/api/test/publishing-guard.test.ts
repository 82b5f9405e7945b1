// Issue 19, item 9: a year is not published before its 31 December (China time) unless an
// admin forces it with a reason (a manager locked 2026 on 2026-12-05 and clerks then got
// yearLocked on the day's applications). PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
import { auditEntries, testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const admin = { token: ADMIN_TOKEN };
const A = "411421-a";

describe.each(testEngines())("publishing guard on %s", (engine) => {
  let s: Setup;
  let manager = "";
  beforeAll(async () => {
    // 2026-12-30T17:00Z is 2026-12-31 01:00 in China; start on 12-05 (China).
    s = await setup(engine, "2026-12-05T02:00:00Z");
    await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: A, name: "民权县某局", regionCode: "411421" },
    });
    const m = await s.call("POST", `/v1/agencies/${A}/staff`, {
      ...admin,
      body: { name: "manager", role: "manager" },
    });
    manager = (
      await s.call("POST", "/v1/tokens", {
        ...admin,
        body: { kind: "personal", staffId: m.data.id },
      })
    ).data.token;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("refuses a manager publishing 2026 on 2026-12-05 (yearNotOver, bilingual)", async () => {
    const r = await s.call("POST", `/v1/agencies/${A}/reports/2026/publish`, { token: manager });
    expect(r.status).toBe(409);
    expect(r.data.error.code).toBe("yearNotOver");
    expect(r.data.error.message.zh).toContain("12 月 31 日");
    const forced = await s.call("POST", `/v1/agencies/${A}/reports/2026/publish`, {
      token: manager,
      body: { force: true, reason: "试点" },
    });
    expect(forced.status).toBe(403);
  });

  it("an admin must give a reason to force, and the audit log keeps it", async () => {
    const bare = await s.call("POST", `/v1/agencies/${A}/reports/2026/publish`, {
      ...admin,
      body: { force: true },
    });
    expect([400, 422]).toContain(bare.status);
    expect(bare.data.error.message).toHaveProperty("zh");
    const r = await s.call("POST", `/v1/agencies/${A}/reports/2026/publish`, {
      ...admin,
      body: { force: true, reason: "机构撤并，提前报送" },
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    const audit = await auditEntries(s.database.db);
    expect(JSON.stringify(audit)).toContain("机构撤并，提前报送");
    expect(
      (
        await s.call("POST", `/v1/agencies/${A}/reports/2026/reopen`, {
          ...admin,
          body: { reason: "恢复" },
        })
      ).status,
    ).toBe(200);
  });

  it("from 31 December in China a manager publishes without forcing", async () => {
    s.clock.set("2026-12-30T17:00:00Z"); // 2026-12-31 01:00 China
    // a JSON content type with no body, as clients send it, is no body
    const r = await s.call("POST", `/v1/agencies/${A}/reports/2026/publish`, {
      token: manager,
      headers: { "content-type": "application/json" },
    });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
  });
});
