// POST /v1/staff/{id}/telegram: an administrator links a staff member to a Telegram user
// without an invite (the terminal chat acts as a staff member this way), audited like every
// other write; a member already linked keeps their link.
import { queryRows, sql, testEngines } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const A = "411421-gxkj";

describe.each(testEngines())("staff linked by an admin on %s", (engine) => {
  let s: Setup;
  const admin = { token: ADMIN_TOKEN };
  let serviceToken = "";
  let managerToken = "";
  const invite = async (name: string) => {
    const r = await s.call("POST", `/v1/agencies/${A}/staff`, {
      ...admin,
      body: { name, role: "clerk" },
    });
    expect(r.status).toBe(201);
    return r.data as { id: string; inviteCode: string };
  };

  beforeAll(async () => {
    s = await setup(engine);
    expect(
      (await s.call("POST", "/v1/agencies", { ...admin, body: { code: A, name: "某局" } })).status,
    ).toBe(201);
    serviceToken = (
      await s.call("POST", "/v1/tokens", { ...admin, body: { kind: "service", label: "bot" } })
    ).data.token;
    const manager = await s.call("POST", `/v1/agencies/${A}/staff`, {
      ...admin,
      body: { name: "局长", role: "manager" },
    });
    managerToken = (
      await s.call("POST", "/v1/tokens", {
        ...admin,
        body: { kind: "personal", staffId: manager.data.id },
      })
    ).data.token;
  });
  afterAll(async () => {
    await s?.close();
  });

  it("links, audits, and the bot then acts as that staff member", async () => {
    const { id } = await invite("孙科员");
    const r = await s.call("POST", `/v1/staff/${id}/telegram`, {
      ...admin,
      body: { telegramUserId: 9_100_000_001 },
    });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ id, linked: true, telegramUserId: 9_100_000_001 });
    const audit = await queryRows<{ target: string; detail: { telegramUserId: number } }>(
      s.database.db,
      sql`select target, detail from audit_log where action = 'staff.linkTelegram'`,
    );
    expect(audit).toEqual([{ target: id, detail: { telegramUserId: 9_100_000_001 } }]);
    const me = await s.call("GET", "/v1/me", {
      token: serviceToken,
      headers: { "X-Telegram-User-Id": "9100000001" },
    });
    expect(me.data.memberships).toEqual([
      expect.objectContaining({ staffId: id, agencyCode: A, name: "孙科员" }),
    ]);
  });

  it("a member linked before keeps their link, and the invite is spent either way", async () => {
    const { id, inviteCode } = await invite("钱科员");
    const linked = await s.call("POST", "/v1/staff/link", {
      token: serviceToken,
      body: { inviteCode, telegramUserId: 7_777 },
    });
    expect(linked.status).toBe(200);
    const r = await s.call("POST", `/v1/staff/${id}/telegram`, {
      ...admin,
      body: { telegramUserId: 9_100_000_002 },
    });
    expect(r.status).toBe(200);
    expect(r.data.telegramUserId).toBe(7_777);
    const other = await invite("周科员");
    await s.call("POST", `/v1/staff/${other.id}/telegram`, {
      ...admin,
      body: { telegramUserId: 9_100_000_003 },
    });
    const reuse = await s.call("POST", "/v1/staff/link", {
      token: serviceToken,
      body: { inviteCode: other.inviteCode, telegramUserId: 8_888 },
    });
    expect(reuse.status).toBe(404);
  });

  it("only an administrator; unknown, revoked and bad bodies change nothing", async () => {
    const { id } = await invite("吴科员");
    const body = { telegramUserId: 9_100_000_004 };
    expect((await s.call("POST", `/v1/staff/${id}/telegram`, { body })).status).toBe(401);
    for (const token of [serviceToken, managerToken]) {
      const r = await s.call("POST", `/v1/staff/${id}/telegram`, { token, body });
      expect(r.status).toBe(403);
      expect(r.data.error.message.zh).toContain("仅限管理员");
    }
    expect((await s.call("POST", "/v1/staff/nobody/telegram", { ...admin, body })).status).toBe(
      404,
    );
    for (const bad of [{}, { telegramUserId: -1 }, { telegramUserId: 1, extra: true }])
      expect(
        (await s.call("POST", `/v1/staff/${id}/telegram`, { ...admin, body: bad })).status,
      ).toBe(422);
    expect((await s.call("POST", `/v1/staff/${id}/revoke`, admin)).status).toBe(200);
    const revoked = await s.call("POST", `/v1/staff/${id}/telegram`, { ...admin, body });
    expect(revoked.status).toBe(409);
    expect(revoked.data.error.message).toEqual({
      zh: "该工作人员已停用。",
      en: "This staff member is revoked.",
    });
    const audit = await queryRows<{ n: number }>(
      s.database.db,
      sql`select count(*)::int as n from audit_log where action = 'staff.linkTelegram' and target = ${id}`,
    );
    expect(audit[0]!.n).toBe(0);
  });
});
