// Withdrawing an application's receipt (issue 14, item 5): a 409 receiptWithdrawn in both
// languages and nothing written (it was a 500 from the row state, "has no effective receipt").
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe.each(testEngines())("withdrawing a receipt on %s", (engine) => {
  let s: Setup;
  const admin = { token: ADMIN_TOKEN };
  const CODE = "411421-zrzy";
  beforeAll(async () => {
    s = await setup(engine);
    const agency = await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: CODE, name: "民权县自然资源局", regionCode: "411421" },
    });
    expect(agency.status).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  const register = async () => {
    const created = await s.call("POST", `/v1/agencies/${CODE}/applications`, {
      ...admin,
      body: { receivedOn: "2025-05-06", applicantType: "naturalPerson", channel: "online" },
    });
    expect(created.status).toBe(201);
    return created.data.id as string;
  };
  const post = (id: string, body: unknown) =>
    s.call("POST", `/v1/applications/${id}/events`, { ...admin, body });
  const snapshot = async (id: string) => ({
    detail: (await s.call("GET", `/v1/applications/${id}`, admin)).data,
    report: (await s.call("GET", `/v1/agencies/${CODE}/reports/2025`, admin)).data.report.requests,
  });

  it("is refused with 409 receiptWithdrawn, and nothing is written", async () => {
    const id = await register();
    const before = await snapshot(id);
    const r = await post(id, {
      type: "amended",
      date: "2025-06-01",
      supersedes: "e1",
      reason: "登记错误",
    });
    expect(r.status).toBe(409);
    expect(r.data.error.code).toBe("receiptWithdrawn");
    expect(r.data.error.message.zh).toContain("不能撤销申请的收到登记");
    expect(r.data.error.message.en).toContain("can't be withdrawn");
    expect(await snapshot(id)).toEqual(before);
  });

  it("is refused also on a concluded application; amending the receipt still works", async () => {
    const id = await register();
    expect(
      (await post(id, { type: "concluded", date: "2025-05-20", outcome: "granted" })).status,
    ).toBe(201);
    const before = await snapshot(id);
    const r = await post(id, {
      type: "amended",
      date: "2025-06-01",
      supersedes: "e1",
      reason: "x",
    });
    expect(r.status).toBe(409);
    expect(r.data.error.code).toBe("receiptWithdrawn");
    expect(await snapshot(id)).toEqual(before);
    const amended = await post(id, {
      type: "amended",
      date: "2025-06-02",
      supersedes: "e1",
      reason: "收到日期录错",
      replacement: {
        type: "received",
        date: "2025-05-07",
        applicantType: "naturalPerson",
        channel: "online",
      },
    });
    expect(amended.status).toBe(201);
    expect(amended.data.receivedOn).toBe("2025-05-07");
  });
});
