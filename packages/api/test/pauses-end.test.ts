// Issue 19, item 1, through the API: a pause that ends by itself makes the application due
// (stored due date, the overdue list, the detail's status and trace). PGlite always,
// PostgreSQL when TEST_DATABASE_URL is set. Today is Friday 2026-11-20, 10:00 in China.
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const A = "411421-gxkj";

describe.each(testEngines())("pauses that end by themselves, in the API, on %s", (engine) => {
  let s: Setup;
  let token = "";
  const ids: Record<string, string> = {};
  const admin = { token: ADMIN_TOKEN };

  const register = async (name: string, receivedOn: string, events: object[]) => {
    const r = await s.call("POST", `/v1/agencies/${A}/applications`, {
      token,
      body: { receivedOn, applicantType: "naturalPerson", channel: "inPerson" },
    });
    expect(r.status).toBe(201);
    ids[name] = r.data.id;
    for (const body of events) {
      const e = await s.call("POST", `/v1/applications/${r.data.id}/events`, { token, body });
      expect(e.status, JSON.stringify(e.data)).toBe(201);
    }
  };

  beforeAll(async () => {
    s = await setup(engine, "2026-11-20T02:00:00Z");
    await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: A, name: "民权县工业和信息化科技局", regionCode: "411421" },
    });
    const clerk = await s.call("POST", `/v1/agencies/${A}/staff`, {
      ...admin,
      body: { name: "clerk", role: "clerk" },
    });
    token = (
      await s.call("POST", "/v1/tokens", {
        ...admin,
        body: { kind: "personal", staffId: clerk.data.id },
      })
    ).data.token;
    // 第三十二条: started 03-04, never ended; the party's 15 working days end 03-25, the reply
    // is due 04-21 (hand count in packages/domain/test/pauses-end.test.ts).
    await register("consulted", "2026-03-02", [
      { type: "consultationStarted", date: "2026-03-04", party: "thirdParty" },
    ]);
    // 办法: delivered Fri 11-13; 20 working days: 11-16…20, 11-23…27, 11-30…12-04, 12-07…11
    // → 12-11: still waiting for the payment today.
    await register("fee", "2026-11-09", [
      { type: "feeNoticeIssued", date: "2026-11-11", amountYuan: 200, deliveredOn: "2026-11-13" },
    ]);
    // 第三十条: 补正 asked 10-12 with 5 working days: 10-13…16, 10-19 → 10-19; decision due
    // 10-20 (逾期不补正), overdue today.
    await register("uncorrected", "2026-10-09", [
      { type: "correctionRequested", date: "2026-10-12", periodWorkingDays: 5 },
    ]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("第三十二条: a consultation never ended is overdue, with its stored due date 04-21", async () => {
    const r = await s.call("GET", `/v1/applications/${ids.consulted}`, { token });
    expect(r.data).toMatchObject({
      dueDate: "2026-04-21",
      overdue: true,
      deadlineStatus: "overdue",
      decisionDue: null,
    });
    expect(r.data.trace.map((t: { zh: string }) => t.zh).join("\n")).toContain("第三十二条");
  });

  it("第三十条: a lapsed 补正 period is overdue for 逾期不补正; the unpaid fee still waits", async () => {
    const r = await s.call("GET", `/v1/applications/${ids.uncorrected}`, { token });
    expect(r.data).toMatchObject({
      dueDate: "2026-10-20",
      overdue: true,
      deadlineStatus: "overdue",
      decisionDue: "otherNoCorrection",
    });
    const f = await s.call("GET", `/v1/applications/${ids.fee}`, { token });
    expect(f.data).toMatchObject({
      deadlineStatus: "waitingForApplicant",
      dueDate: null,
      // decision due the first working day after 12-11: Mon 12-14
      projectedDueDate: "2026-12-14",
      overdue: false,
    });
  });

  it("第三十条 / 办法: an implausible outcome is recorded with a warning, not refused", async () => {
    const r = await s.call("POST", `/v1/agencies/${A}/applications`, {
      token,
      body: { receivedOn: "2026-11-02", applicantType: "naturalPerson", channel: "inPerson" },
    });
    const e = await s.call("POST", `/v1/applications/${r.data.id}/events`, {
      token,
      body: { type: "concluded", date: "2026-11-19", outcome: "otherFeeUnpaid" },
    });
    expect(e.status).toBe(201);
    expect(JSON.stringify(e.data)).toContain("no fee notice is recorded");
    const fine = await s.call("GET", `/v1/applications/${ids.consulted}`, { token });
    expect(fine.data.outcomeWarnings).toEqual([]);
  });

  it("the overdue list holds the applications whose pause ended (督办)", async () => {
    const r = await s.call("GET", `/v1/agencies/${A}/applications?overdue=true`, { token });
    expect(r.data.applications.map((a: { id: string }) => a.id).sort()).toEqual(
      [ids.consulted, ids.uncorrected].sort(),
    );
  });
});
