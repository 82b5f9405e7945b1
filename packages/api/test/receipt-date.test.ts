// Issue 19, item 8: 第三十一条 (and 国办公开办函〔2015〕207号): the day of receipt by channel.
// PGlite always, PostgreSQL when TEST_DATABASE_URL is set. Today is 2026-11-20.
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const admin = { token: ADMIN_TOKEN };
const A = "411421-a";

describe.each(testEngines())("receipt date by channel on %s", (engine) => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(engine, "2026-11-20T02:00:00Z");
    await s.call("POST", "/v1/agencies", {
      ...admin,
      body: { code: A, name: "民权县某局", regionCode: "411421" },
    });
  });
  afterAll(async () => {
    await s?.close();
  });
  const register = (body: object) =>
    s.call("POST", `/v1/agencies/${A}/applications`, {
      ...admin,
      body: { applicantType: "naturalPerson", ...body },
    });

  it("第三十一条: online, submitted 11-13 (Fri), confirmed 11-16 (Mon): counts from 11-16", async () => {
    const r = await register({
      channel: "online",
      submittedOn: "2026-11-13",
      receivedOn: "2026-11-16",
    });
    expect(r.status).toBe(201);
    expect(r.data.receiptRule.zh).toContain("双方确认之日");
    expect(r.data.receiptRule.zh).toContain("207号");
    // 20 working days from Mon 11-16: 11-17…20, 11-23…27, 11-30…12-04, 12-07…11, 12-14 → 12-14
    expect(r.data.dueDate).toBe("2026-12-14");
    const d = await s.call("GET", `/v1/applications/${r.data.id}`, admin);
    expect(d.data.events[0].event).toMatchObject({ submittedOn: "2026-11-13", date: "2026-11-16" });
  });

  it("第三十一条: by post the rule names the signature; in person the day handed in", async () => {
    expect(
      (await register({ channel: "post", receivedOn: "2026-11-16" })).data.receiptRule.zh,
    ).toContain("签收之日");
    expect(
      (await register({ channel: "inPerson", receivedOn: "2026-11-16" })).data.receiptRule.zh,
    ).toContain("提交之日");
  });

  it("第三十一条: a confirmation before the day sent is refused (bilingual 422), nothing written", async () => {
    const before = await s.call("GET", `/v1/agencies/${A}/applications`, admin);
    const r = await register({
      channel: "post",
      submittedOn: "2026-11-18",
      receivedOn: "2026-11-16",
    });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.data)).toContain("签收之日");
    expect(JSON.stringify(r.data)).toContain("signs for it");
    const after = await s.call("GET", `/v1/agencies/${A}/applications`, admin);
    expect(after.data.applications.length).toBe(before.data.applications.length);
  });
});
