// Every role against every route (the access matrix), and who sees applicants' personal data.
import { testEngines } from "@ogi/db";
import { emptyReport, emptyRequestsTable } from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { A, type ApiFixture, sharedApiFixture } from "./api-fixture.ts";
import type { Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  let appA: string;
  let as: ApiFixture["as"];
  sharedApiFixture(engine, (f) => {
    ({ s, appA, as } = f);
  });

  describe("roles", () => {
    const everyone = [
      "anonymous",
      "admin",
      "service",
      "botClerkA",
      "clerkA",
      "managerA",
      "clerkB",
      "managerGov",
      "managerX",
    ];
    let n = 0;
    const today = "2025-12-19";
    type Case = { method: string; path: () => string; body?: () => unknown; allowed: string[] };
    const cases: Case[] = [
      {
        method: "POST",
        path: () => "/v1/agencies",
        body: () => ({ code: `411421-n${n++}`, name: "新机构" }),
        allowed: ["admin"],
      },
      {
        method: "GET",
        path: () => "/v1/agencies",
        allowed: ["admin", "botClerkA", "clerkA", "managerA", "clerkB", "managerGov", "managerX"],
      },
      {
        method: "GET",
        path: () => `/v1/agencies/${A}`,
        allowed: ["admin", "botClerkA", "clerkA", "managerA", "managerGov"],
      },
      {
        method: "POST",
        path: () => `/v1/agencies/${A}/staff`,
        body: () => ({ name: "新人", role: "clerk" }),
        allowed: ["admin", "managerA"],
      },
      { method: "GET", path: () => `/v1/agencies/${A}/staff`, allowed: ["admin", "managerA"] },
      {
        method: "POST",
        path: () => `/v1/agencies/${A}/applications`,
        body: () => ({ receivedOn: today, applicantType: "commercialEnterprise" }),
        allowed: ["admin", "botClerkA", "clerkA", "managerA"],
      },
      {
        method: "GET",
        path: () => `/v1/agencies/${A}/applications`,
        allowed: ["admin", "botClerkA", "clerkA", "managerA", "managerGov"],
      },
      {
        method: "GET",
        path: () => `/v1/applications/${appA}`,
        allowed: ["admin", "botClerkA", "clerkA", "managerA", "managerGov"],
      },
      {
        method: "POST",
        path: () => `/v1/applications/${appA}/events`,
        body: () => ({ type: "consultationStarted", date: "2025-03-05", party: "thirdParty" }),
        allowed: ["admin", "botClerkA", "clerkA", "managerA"],
      },
      {
        method: "POST",
        path: () => `/v1/applications/${appA}/particulars`,
        body: () => ({ subject: "征收补偿方案（更正）" }),
        allowed: ["admin", "botClerkA", "clerkA", "managerA"],
      },
      {
        method: "POST",
        path: () => `/v1/agencies/${A}/applications/1/events`,
        body: () => ({ type: "consultationStarted", date: "2025-03-05", party: "thirdParty" }),
        allowed: ["admin", "botClerkA", "clerkA", "managerA"],
      },
      {
        method: "GET",
        path: () => `/v1/agencies/${A}/reports/2025`,
        allowed: ["admin", "managerA", "managerGov"],
      },
      {
        method: "PUT",
        path: () => `/v1/agencies/${A}/reports/2025/sections`,
        body: () => ({ problems: "问题" }),
        allowed: ["admin", "managerA"],
      },
      {
        method: "PUT",
        path: () => `/v1/agencies/${A}/reports/2025/sections/otherMatters`,
        body: () => JSON.stringify("无"),
        allowed: ["admin", "managerA"],
      },
      {
        method: "GET",
        path: () => `/v1/agencies/${A}/opening-balances`,
        allowed: ["admin", "managerA", "managerGov"],
      },
      {
        method: "PUT",
        path: () => `/v1/agencies/${A}/opening-balances/2019`,
        body: () => ({ counts: emptyRequestsTable() }),
        allowed: ["admin", "managerA"],
      },
      {
        method: "GET",
        path: () => `/v1/agencies/${A}/summary?asOf=2025-06-30`,
        allowed: ["admin", "botClerkA", "clerkA", "managerA", "managerGov"],
      },
      {
        method: "GET",
        path: () => "/v1/regions/411421/reports/2025",
        allowed: ["admin", "managerGov"],
      },
      {
        method: "GET",
        path: () => "/v1/regions/411421/summary?asOf=2025-06-30",
        allowed: ["admin", "managerGov"],
      },
      {
        method: "GET",
        path: () => "/v1/me",
        allowed: [
          "admin",
          "service",
          "botClerkA",
          "clerkA",
          "managerA",
          "clerkB",
          "managerGov",
          "managerX",
        ],
      },
      {
        method: "GET",
        path: () => "/v1/tokens",
        allowed: ["admin", "botClerkA", "clerkA", "managerA", "clerkB", "managerGov", "managerX"],
      },
      {
        method: "POST",
        path: () => "/v1/staff/link",
        body: () => ({ inviteCode: "NOSUCHCODE", telegramUserId: 1 }),
        allowed: ["admin", "service"],
      },
      {
        method: "POST",
        path: () => "/v1/check",
        body: () => emptyReport({ name: "x" }, 2025),
        allowed: everyone,
      },
      {
        method: "POST",
        path: () => "/v1/agencies/411421-gxkj/reports/2025/reopen",
        body: () => ({ reason: "更正" }),
        allowed: ["admin"],
      },
    ];
    it.each(
      cases.map(
        (c) =>
          [
            `${c.method} ${c.path().replace(/\/v1\/applications\/[^/]*/, "/v1/applications/{id}")}`,
            c,
          ] as const,
      ),
    )("%s", async (_name, c) => {
      for (const who of everyone) {
        const r = await s.call(c.method, c.path(), {
          ...as(who),
          ...(c.body ? { body: c.body() } : {}),
        });
        const expected = c.allowed.includes(who) ? "allowed" : who === "anonymous" ? 401 : 403;
        if (expected === "allowed")
          expect(
            [401, 403],
            `${who}: ${r.status} ${JSON.stringify(r.data).slice(0, 300)}`,
          ).not.toContain(r.status);
        else expect(r.status, `${who}: ${JSON.stringify(r.data).slice(0, 300)}`).toBe(expected);
        if (expected === "allowed")
          expect(r.status, `${who}: ${JSON.stringify(r.data).slice(0, 300)}`).toBeLessThan(500);
      }
    });
    it("applicants' personal data is shown to the agency's own staff only", async () => {
      const own = await s.call("GET", `/v1/applications/${appA}`, as("clerkA"));
      expect(own.data.applicant).toEqual({ name: "王某", contact: "13800000000" });
      const bot = await s.call("GET", `/v1/applications/${appA}`, as("botClerkA"));
      expect(bot.data.applicant).toEqual({ name: "王某", contact: "13800000000" });
      for (const who of ["managerGov", "admin"]) {
        const r = await s.call("GET", `/v1/applications/${appA}`, as(who));
        expect(r.status).toBe(200);
        expect(r.data).not.toHaveProperty("applicant");
        const list = await s.call("GET", `/v1/agencies/${A}/applications`, as(who));
        expect(list.data.applications.every((a: object) => !("applicant" in a))).toBe(true);
      }
    });
  });
});
