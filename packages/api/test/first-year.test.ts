// Issue 19, item 2: an agency's first year on the register balances and publishes. PGlite
// always, PostgreSQL when TEST_DATABASE_URL is set. Today is 2027-01-10 (2026 is over).
import { testEngines } from "@ogi/db";
import { emptyReport, emptyRequestsTable } from "@ogi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const admin = { token: ADMIN_TOKEN };

/** A 2025 report as published, carrying `n` applications of natural persons forward. */
const published2025 = (n: number) => {
  const r = emptyReport({ name: "民权县某局" }, 2025);
  r.requests.newReceived.naturalPerson = 10 + n;
  r.requests.newReceived.total = 10 + n;
  r.requests.granted.naturalPerson = 10;
  r.requests.granted.total = 10;
  r.requests.totalProcessed.naturalPerson = 10;
  r.requests.totalProcessed.total = 10;
  r.requests.carriedForward.naturalPerson = n;
  r.requests.carriedForward.total = n;
  r.problems = "无";
  return r;
};

describe.each(testEngines())("a first year on the register, on %s", (engine) => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(engine, "2027-01-10T02:00:00Z");
    for (const code of ["411421-a", "411421-b", "411421-c"])
      expect(
        (
          await s.call("POST", "/v1/agencies", {
            ...admin,
            body: { code, name: `民权县${code}`, regionCode: "411421" },
          })
        ).status,
      ).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  const codes = (r: { data: { findings: { code: string; severity: string }[] } }) =>
    r.data.findings.map((f) => `${f.severity}:${f.code}`);

  it("first year: an opening balance with 上年结转 5 and nothing of 2025 publishes (was 409 carryOverMismatch)", async () => {
    const code = "411421-a";
    const counts = emptyRequestsTable();
    for (const row of ["carriedOver", "granted", "totalProcessed"] as const) {
      counts[row].naturalPerson = 5;
      counts[row].total = 5;
    }
    expect(
      (
        await s.call("PUT", `/v1/agencies/${code}/opening-balances/2026`, {
          ...admin,
          body: { counts },
        })
      ).status,
    ).toBe(200);
    const r = await s.call("GET", `/v1/agencies/${code}/reports/2026`, admin);
    expect(codes(r)).toContain("warning:requests.previousYearMissing");
    expect(codes(r)).not.toContain("error:requests.carryOverMismatch");
    const pub = await s.call("POST", `/v1/agencies/${code}/reports/2026/publish`, admin);
    expect(pub.status, JSON.stringify(pub.data)).toBe(200);
  });

  it("first year: last year's report brought in with its 结转下年度 as counts balances and publishes", async () => {
    const code = "411421-b";
    const put = await s.call("PUT", `/v1/agencies/${code}/brought-in-reports/2025`, {
      ...admin,
      body: { report: published2025(3), carriedOver: "counts", note: "2025 年报（网站）" },
    });
    expect(put.status, JSON.stringify(put.data)).toBe(200);
    expect(put.data.carriedForward).toBe(3);
    expect(put.data.findings.map((f: { code: string }) => f.code)).toContain(
      "requests.openCarriedAsCounts",
    );
    const r = await s.call("GET", `/v1/agencies/${code}/reports/2026`, admin);
    expect(r.data.report.requests.carriedOver.total).toBe(3);
    expect(r.data.report.requests.carriedForward.total).toBe(3);
    expect(codes(r).filter((c) => c.startsWith("error:"))).toEqual([]);
    expect(codes(r)).not.toContain("warning:requests.previousYearMissing");
    expect((await s.call("POST", `/v1/agencies/${code}/reports/2026/publish`, admin)).status).toBe(
      200,
    );
    const list = await s.call("GET", `/v1/agencies/${code}/brought-in-reports`, admin);
    expect(list.data.reports.map((x: { year: number }) => x.year)).toEqual([2025]);
  });

  it("first year: carried-over applications registered with their receipt dates are checked against the brought-in report", async () => {
    const code = "411421-c";
    expect(
      (
        await s.call("PUT", `/v1/agencies/${code}/brought-in-reports/2025`, {
          ...admin,
          body: { report: published2025(2) },
        })
      ).status,
    ).toBe(200);
    const register = async () =>
      expect(
        (
          await s.call("POST", `/v1/agencies/${code}/applications`, {
            ...admin,
            body: { receivedOn: "2025-12-22", applicantType: "naturalPerson", channel: "inPerson" },
          })
        ).status,
      ).toBe(201);
    await register();
    // one of the two registered: 上年结转 1 ≠ 2025's 结转下年度 2
    let r = await s.call("GET", `/v1/agencies/${code}/reports/2026`, admin);
    expect(codes(r)).toContain("error:requests.carryOverMismatch");
    await register();
    r = await s.call("GET", `/v1/agencies/${code}/reports/2026`, admin);
    expect(r.data.report.requests.carriedOver.total).toBe(2);
    expect(codes(r).filter((c) => c.startsWith("error:"))).toEqual([]);
  });

  it("refuses to bring in a year published on the system, and a malformed report (bilingual)", async () => {
    const dup = await s.call("PUT", "/v1/agencies/411421-a/brought-in-reports/2026", {
      ...admin,
      body: { report: { ...published2025(0), year: 2026 } },
    });
    expect(dup.status).toBe(409);
    expect(dup.data.error.message).toHaveProperty("en");
    const bad = await s.call("PUT", "/v1/agencies/411421-a/brought-in-reports/2024", {
      ...admin,
      body: { report: { year: 2024 } },
    });
    expect([400, 422]).toContain(bad.status);
    expect(bad.data.error.message).toHaveProperty("zh");
  });
});
