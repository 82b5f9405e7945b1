// Staff linked on WeCom and DingTalk (issue 18): an invite links (platform, user id as text), the
// service token acts for `X-Chat-User: wecom:<userid>`, Telegram keeps working by either
// header, one person may be linked on several platforms, and reminders say where to reach them.
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe.each(testEngines())("chat identities on %s", (engine) => {
  let s: Setup;
  let service = "";
  const CODE = "411421-gxkj";
  const invite = async (name: string) =>
    (
      await s.call("POST", `/v1/agencies/${CODE}/staff`, {
        token: ADMIN_TOKEN,
        body: { name, role: "clerk" },
      })
    ).data.inviteCode as string;
  const as = (chatUser: string) => ({ token: service, headers: { "X-Chat-User": chatUser } });

  beforeAll(async () => {
    s = await setup(engine);
    await s.call("POST", "/v1/agencies", {
      token: ADMIN_TOKEN,
      body: { code: CODE, name: "民权县工业和信息化科技局", regionCode: "411421" },
    });
    service = (
      await s.call("POST", "/v1/tokens", {
        token: ADMIN_TOKEN,
        body: { kind: "service", label: "bot" },
      })
    ).data.token;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("links an invite on WeCom and acts for wecom:<userid>; an unlinked user is refused", async () => {
    const code = await invite("张三");
    const link = await s.call("POST", "/v1/staff/link", {
      token: service,
      body: { inviteCode: code, platform: "wecom", externalId: "ZhangSan" },
    });
    expect(link.status).toBe(200);
    expect(link.data.linked).toBe(true);
    const me = await s.call("GET", "/v1/me", as("wecom:ZhangSan"));
    expect(me.status).toBe(200);
    expect(me.data.memberships[0].name).toBe("张三");
    // The same id on another platform, or another case, is someone else.
    expect((await s.call("GET", "/v1/me", as("dingtalk:ZhangSan"))).status).toBe(403);
    expect((await s.call("GET", "/v1/me", as("wecom:zhangsan"))).status).toBe(403);
    const created = await s.call("POST", `/v1/agencies/${CODE}/applications`, {
      ...as("wecom:ZhangSan"),
      body: { receivedOn: "2025-05-06", applicantType: "naturalPerson", channel: "online" },
    });
    expect(created.status).toBe(201);
    // The invite is used up, whatever the platform.
    const again = await s.call("POST", "/v1/staff/link", {
      token: service,
      body: { inviteCode: code, platform: "dingtalk", externalId: "0123" },
    });
    expect(again.status).toBe(404);
  });

  it("refuses a malformed header or link body in both languages, writing nothing", async () => {
    for (const bad of ["wecom", "slack:x", "telegram:abc", "wecom:", "wecom:a b"]) {
      const r = await s.call("GET", "/v1/me", as(bad));
      expect(r.status, bad).toBe(400);
      expect(r.data.error.message.zh).toContain("X-Chat-User");
      expect(r.data.error.message.en).toContain("X-Chat-User");
    }
    const code = await invite("李四");
    for (const body of [
      { inviteCode: code },
      { inviteCode: code, platform: "wecom" },
      { inviteCode: code, telegramUserId: 5, platform: "wecom", externalId: "x" },
      { inviteCode: code, platform: "telegram", externalId: "abc" },
    ]) {
      const r = await s.call("POST", "/v1/staff/link", { token: service, body });
      expect(r.status, JSON.stringify(body)).toBe(422);
    }
    // Still unused: it links now.
    const ok = await s.call("POST", "/v1/staff/link", {
      token: service,
      body: { inviteCode: code, platform: "dingtalk", externalId: "manager4421" },
    });
    expect(ok.status).toBe(200);
  });

  it("keeps Telegram by both headers, one principal, one idempotency namespace", async () => {
    const code = await invite("王五");
    const link = await s.call("POST", "/v1/staff/link", {
      token: service,
      body: { inviteCode: code, telegramUserId: 7002 },
    });
    expect(link.status).toBe(200);
    const body = { receivedOn: "2025-05-07", applicantType: "naturalPerson", channel: "online" };
    const first = await s.call("POST", `/v1/agencies/${CODE}/applications`, {
      token: service,
      body,
      headers: { "X-Telegram-User-Id": "7002", "Idempotency-Key": "k-7002" },
    });
    const second = await s.call("POST", `/v1/agencies/${CODE}/applications`, {
      token: service,
      body,
      headers: { "X-Chat-User": "telegram:7002", "Idempotency-Key": "k-7002" },
    });
    expect(first.status).toBe(201);
    expect(second.data.id).toBe(first.data.id);
  });

  it("lists WeCom-only staff in the reminders, with where to reach them", async () => {
    const r = await s.call("GET", "/v1/reminders/due?date=2025-06-03", { token: service });
    expect(r.status).toBe(200);
    // The day's reminders name their chat users; one with no open application may have none.
    for (const x of r.data.reminders) expect(Array.isArray(x.chatUsers)).toBe(true);
    const zhang = r.data.reminders.find((x: { chatUsers: string[] }) =>
      x.chatUsers.includes("wecom:ZhangSan"),
    );
    expect(zhang, JSON.stringify(r.data)).toBeDefined();
    expect(zhang.telegramUserId).toBe(0);
  });
});
