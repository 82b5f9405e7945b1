// Issue 19, item 4, through the API: an agency's kind (department / government) is stored,
// shown and changed by an admin, and decides the annual-report reminder's date (第四十九条).
// PGlite always, PostgreSQL when TEST_DATABASE_URL is set. Today is Monday 2026-02-02.
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const GOV = "411421-gov";
const D = "411421-gxkj";

describe.each(testEngines())("agency kind on %s", (engine) => {
  let s: Setup;
  let service = "";
  const admin = { token: ADMIN_TOKEN };

  beforeAll(async () => {
    s = await setup(engine, "2026-02-02T02:00:00Z");
    const gov = await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: GOV, name: "民权县人民政府", regionCode: "411421", kind: "government" },
    });
    expect(gov.status).toBe(201);
    expect(gov.data.kind).toBe("government");
    const dep = await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: D, name: "民权县工业和信息化科技局", parentCode: GOV },
    });
    expect(dep.data.kind).toBe("department");
    service = (await s.call("POST", "/v1/tokens", { ...admin, body: { kind: "service" } })).data
      .token;
    const m = await s.call("POST", `/v1/agencies/${GOV}/staff`, {
      ...admin,
      body: { name: "manager", role: "manager" },
    });
    await s.call("POST", "/v1/staff/link", {
      token: service,
      body: { inviteCode: m.data.inviteCode, telegramUserId: 9001 },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("第四十九条: the reminder gives the government until 03-31 and its department until 01-31", async () => {
    const r = await s.call("GET", "/v1/reminders/due?date=2026-02-02", { token: service });
    const text = r.data.reminders.find((x: { kind: string }) => x.kind === "annualReport").text.zh;
    expect(text).toContain(
      "应于 2026-01-31 前公布（第四十九条），已逾期 2 天。\n民权县工业和信息化科技局",
    );
    expect(text).toContain("应于 2026-03-31 前公布（第四十九条），还有 57 天。\n民权县人民政府");
  });

  it("an admin changes the kind; a bad kind is a bilingual 422; others may not", async () => {
    const r = await s.call("PATCH", `/v1/agencies/${D}`, {
      ...admin,
      body: { kind: "government" },
    });
    expect(r.status).toBe(200);
    expect((await s.call("GET", `/v1/agencies/${D}`, admin)).data.kind).toBe("government");
    const bad = await s.call("PATCH", `/v1/agencies/${D}`, { ...admin, body: { kind: "county" } });
    expect(bad.status).toBe(422);
    expect(bad.data.error.message).toHaveProperty("zh");
    const missing = await s.call("PATCH", "/v1/agencies/411421-none", {
      ...admin,
      body: { kind: "government" },
    });
    expect(missing.status).toBe(404);
    expect(
      (await s.call("PATCH", `/v1/agencies/${D}`, { token: service, body: { kind: "department" } }))
        .status,
    ).toBe(403);
  });
});
