// The bot's principal is the Telegram user, however the header spells the number (issue 14,
// item 9): "7001" and "007001" are one user, so one idempotency namespace.
import { testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe.each(testEngines())("the bot's principal on %s", (engine) => {
  let s: Setup;
  let service = "";
  const CODE = "411421-gxkj";
  beforeAll(async () => {
    s = await setup(engine);
    const admin = { token: ADMIN_TOKEN };
    expect(
      (
        await s.call("POST", "/v1/agencies", {
          ...admin,
          body: { code: CODE, name: "民权县工业和信息化科技局", regionCode: "411421" },
        })
      ).status,
    ).toBe(201);
    const clerk = await s.call("POST", `/v1/agencies/${CODE}/staff`, {
      ...admin,
      body: { name: "张三", role: "clerk" },
    });
    service = (
      await s.call("POST", "/v1/tokens", { ...admin, body: { kind: "service", label: "bot" } })
    ).data.token;
    const link = await s.call("POST", "/v1/staff/link", {
      token: service,
      body: { inviteCode: clerk.data.inviteCode, telegramUserId: 7001 },
    });
    expect(link.status).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("one Idempotency-Key sent as 7001 and as 007001 registers one application", async () => {
    const body = { receivedOn: "2025-05-06", applicantType: "naturalPerson", channel: "online" };
    const send = (user: string) =>
      s.call("POST", `/v1/agencies/${CODE}/applications`, {
        token: service,
        body,
        headers: { "X-Telegram-User-Id": user, "Idempotency-Key": "bot-msg-42" },
      });
    const first = await send("7001");
    expect(first.status).toBe(201);
    const again = await send("007001");
    expect(again.status).toBe(201);
    expect(again.data.id).toBe(first.data.id);
    expect(again.data.number).toBe(first.data.number);
    const list = await s.call("GET", `/v1/agencies/${CODE}/applications`, { token: ADMIN_TOKEN });
    expect(list.data.applications).toHaveLength(1);
    // The same user by either spelling: the same staff member acts.
    const me = await s.call("GET", "/v1/me", {
      token: service,
      headers: { "X-Telegram-User-Id": "0007001" },
    });
    expect(me.status).toBe(200);
  });
});
