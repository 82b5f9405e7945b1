import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe("smoke", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup("pglite");
  });
  afterAll(() => s.close());
  it("works", async () => {
    expect((await s.call("GET", "/health")).data).toEqual({ ok: true });
    const a = await s.call("POST", "/v1/agencies", {
      token: ADMIN_TOKEN,
      body: { code: "411421-gxkj", name: "工信局" },
    });
    expect(a).toMatchObject({ status: 201 });
    const app = await s.call("POST", "/v1/agencies/411421-gxkj/applications", {
      token: ADMIN_TOKEN,
      body: { receivedOn: "2025-03-01", applicantType: "naturalPerson" },
    });
    expect(app.status).toBe(201);
    const ev = await s.call("POST", `/v1/applications/${app.data.id}/events`, {
      token: ADMIN_TOKEN,
      body: { type: "concluded", date: "2025-03-10", outcome: "granted" },
    });
    expect(ev.status, JSON.stringify(ev.data)).toBe(201);
    const r = await s.call("GET", "/v1/agencies/411421-gxkj/reports/2025", { token: ADMIN_TOKEN });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(r.data.report.requests.granted.total).toBe(1);
    const sum = await s.call("GET", "/v1/agencies/411421-gxkj/summary?asOf=2025-06-01", {
      token: ADMIN_TOKEN,
    });
    expect(sum.status, JSON.stringify(sum.data)).toBe(200);
    const doc = await s.call("GET", "/openapi.json");
    expect(doc.status, JSON.stringify(doc.data).slice(0, 2000)).toBe(200);
    const bad = await s.call("POST", "/v1/agencies", { token: ADMIN_TOKEN, body: "{bad" });
    expect(bad.status, JSON.stringify(bad.data)).toBe(400);
    const md = await s.call("GET", "/v1/agencies/411421-gxkj/reports/2025?format=md", {
      token: ADMIN_TOKEN,
    });
    expect(md.status).toBe(200);
  });
});
