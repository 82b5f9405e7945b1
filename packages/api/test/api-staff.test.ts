// Staff and tokens (routes/staff.ts): invite, link through the bot, act, revoke.
import { testEngines } from "@ogi/db";
import { describe, expect, it } from "vitest";
import { type ApiFixture, B, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  let serviceToken: string;
  let as: ApiFixture["as"];
  sharedApiFixture(engine, (f) => {
    ({ s, serviceToken, as } = f);
  });

  describe("staff", () => {
    it("invite, link through the bot, act, revoke", async () => {
      const invite = await s.call("POST", `/v1/agencies/${B}/staff`, {
        token: ADMIN_TOKEN,
        body: { name: "赵六", role: "manager" },
      });
      const botAs = { token: serviceToken, headers: { "X-Telegram-User-Id": "7002" } };
      const before = await s.call("GET", `/v1/agencies/${B}/summary`, botAs);
      expect(before.status).toBe(403);
      expect(before.data.error.code).toBe("notLinked");
      expect(
        (
          await s.call("POST", "/v1/staff/link", {
            token: serviceToken,
            body: { inviteCode: invite.data.inviteCode, telegramUserId: 7002 },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await s.call("POST", "/v1/staff/link", {
            token: serviceToken,
            body: { inviteCode: invite.data.inviteCode, telegramUserId: 7003 },
          })
        ).status,
      ).toBe(404);
      const me = await s.call("GET", "/v1/me", botAs);
      expect(me.data.memberships).toEqual([
        expect.objectContaining({ agencyCode: B, role: "manager", name: "赵六" }),
      ]);
      expect((await s.call("GET", `/v1/agencies/${B}/summary`, botAs)).status).toBe(200);
      const staff = await s.call("GET", `/v1/agencies/${B}/staff`, botAs);
      expect(staff.data.staff.map((x: { name: string }) => x.name)).toContain("赵六");
      // A personal token for oneself, then revoked with the staff member.
      const personal = await s.call("POST", "/v1/tokens", { ...botAs, body: { label: "laptop" } });
      expect(personal.status).toBe(201);
      expect(
        (await s.call("GET", "/v1/me", { token: personal.data.token })).data.memberships[0]
          .agencyCode,
      ).toBe(B);
      expect(
        (await s.call("POST", "/v1/tokens", { ...botAs, body: { kind: "admin" } })).status,
      ).toBe(403);
      expect(
        (await s.call("POST", `/v1/staff/${invite.data.id}/revoke`, as("clerkB"))).status,
      ).toBe(403);
      expect(
        (await s.call("POST", `/v1/staff/${invite.data.id}/revoke`, { token: ADMIN_TOKEN })).status,
      ).toBe(200);
      expect(
        (await s.call("POST", `/v1/staff/${invite.data.id}/revoke`, { token: ADMIN_TOKEN })).status,
      ).toBe(409);
      expect((await s.call("GET", "/v1/me", { token: personal.data.token })).status).toBe(401);
      expect((await s.call("GET", `/v1/agencies/${B}/summary`, botAs)).status).toBe(403);
    });
    it("tokens can be listed and revoked", async () => {
      const t = await s.call("POST", "/v1/tokens", {
        ...as("managerX"),
        body: { label: "script" },
      });
      const list = await s.call("GET", "/v1/tokens", as("managerX"));
      expect(list.data.tokens.map((x: { id: string }) => x.id)).toContain(t.data.id);
      expect(JSON.stringify(list.data)).not.toContain(t.data.token);
      expect((await s.call("POST", `/v1/tokens/${t.data.id}/revoke`, as("clerkA"))).status).toBe(
        404,
      );
      expect((await s.call("POST", `/v1/tokens/${t.data.id}/revoke`, as("managerX"))).status).toBe(
        200,
      );
      expect((await s.call("GET", "/v1/me", { token: t.data.token })).status).toBe(401);
    });
  });
});
