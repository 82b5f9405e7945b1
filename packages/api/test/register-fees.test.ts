// Issue 19, item 3, through the API: section 六's fee statement comes from the register's fee
// events, can't be written, and sums over a region. PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Today is 2026-12-10.
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const admin = { token: ADMIN_TOKEN };
const A = "411421-a";

describe.each(testEngines())("fees from the register on %s", (engine) => {
  let s: Setup;
  const register = async (receivedOn: string, events: object[]) => {
    const r = await s.call("POST", `/v1/agencies/${A}/applications`, {
      ...admin,
      body: { receivedOn, applicantType: "naturalPerson", channel: "inPerson" },
    });
    expect(r.status).toBe(201);
    for (const body of events)
      expect(
        (await s.call("POST", `/v1/applications/${r.data.id}/events`, { ...admin, body })).status,
      ).toBe(201);
  };
  beforeAll(async () => {
    s = await setup(engine, "2026-12-10T02:00:00Z");
    await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: A, name: "民权县某局", regionCode: "411421" },
    });
    await register("2026-05-11", [
      { type: "feeNoticeIssued", date: "2026-05-13", amountYuan: 300 },
      { type: "feePaid", date: "2026-05-20" },
    ]);
    await register("2026-06-01", [
      { type: "feeNoticeIssued", date: "2026-06-03", amountYuan: 120.5 },
    ]);
    // a notice of 2025 closed as 逾期未缴费 in 2026: last year's notice explains it
    await register("2025-12-01", [
      { type: "feeNoticeIssued", date: "2025-12-02", amountYuan: 100 },
      { type: "concluded", date: "2026-01-20", outcome: "otherFeeUnpaid" },
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("第四十二条: 六's figures are the notices and payments recorded in the year", async () => {
    const r = await s.call("GET", `/v1/agencies/${A}/reports/2026`, admin);
    expect(r.data.report.fees).toEqual({
      noticesIssued: 2,
      amountNotifiedYuan: 420.5,
      amountCollectedYuan: 300,
    });
    const codes = r.data.findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain("fees.unpaidWithoutNotice");
    const r25 = await s.call("GET", `/v1/agencies/${A}/reports/2025`, admin);
    expect(r25.data.report.fees).toEqual({
      noticesIssued: 1,
      amountNotifiedYuan: 100,
      amountCollectedYuan: 0,
    });
  });

  it("第四十二条: the fee statement can't be written, only recorded as events (bilingual 409)", async () => {
    const one = await s.call("PUT", `/v1/agencies/${A}/reports/2026/sections/fees`, {
      ...admin,
      body: { noticesIssued: 0, amountNotifiedYuan: 0, amountCollectedYuan: 0 },
    });
    expect(one.status).toBe(409);
    expect(one.data.error.message.zh).toContain("登记簿");
    const many = await s.call("PUT", `/v1/agencies/${A}/reports/2026/sections`, {
      ...admin,
      body: { fees: { noticesIssued: 0, amountNotifiedYuan: 0, amountCollectedYuan: 0 } },
    });
    expect(many.status).toBe(409);
  });

  it("a region sums its agencies' register fees", async () => {
    const r = await s.call("GET", "/v1/regions/411421/reports/2026", admin);
    expect(r.status).toBe(200);
    expect(r.data.report.fees).toEqual({
      noticesIssued: 2,
      amountNotifiedYuan: 420.5,
      amountCollectedYuan: 300,
    });
  });
});
