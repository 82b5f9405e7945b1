// Every route, every role against every route, and the register → report guarantee, on PGlite
// always and on PostgreSQL when TEST_DATABASE_URL is set.
import { loadRegister, queryRows, sql, testEngines } from "@ogi/db";
import {
  APPLICANT_TYPES,
  deriveRequests,
  emptyReport,
  emptyRequestsTable,
  OUTCOMES,
  type Report,
  registerSchema,
  summarize,
  sumReports,
} from "@ogi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNumberLookup } from "../src/number-lookup.ts";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const A = "411421-gxkj";
const B = "411421-zrzy";
const GOV = "411421-gov";
const X = "411422-other";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  const tokens: Record<string, string | undefined> = {};
  const staffIds: Record<string, string> = {};
  let serviceToken = "";
  let appA = "";
  const TG_CLERK_A = 7001;

  const as = (who: string) => {
    if (who === "anonymous") return {};
    if (who === "admin") return { token: ADMIN_TOKEN };
    if (who === "service") return { token: serviceToken };
    if (who === "botClerkA")
      return { token: serviceToken, headers: { "X-Telegram-User-Id": String(TG_CLERK_A) } };
    return { token: tokens[who] };
  };

  beforeAll(async () => {
    s = await setup(engine);
    const admin = { token: ADMIN_TOKEN };
    for (const body of [
      { code: GOV, name: "民权县人民政府", regionCode: "411421" },
      { code: A, name: "民权县工业和信息化科技局", parentCode: GOV },
      { code: B, name: "民权县自然资源局", parentCode: GOV },
      { code: X, name: "睢县某局", regionCode: "411422" },
    ])
      expect((await s.call("POST", "/v1/agencies", { ...admin, body })).status).toBe(201);
    const people: [string, string, "clerk" | "manager"][] = [
      ["clerkA", A, "clerk"],
      ["managerA", A, "manager"],
      ["clerkB", B, "clerk"],
      ["managerGov", GOV, "manager"],
      ["managerX", X, "manager"],
    ];
    for (const [who, code, role] of people) {
      const r = await s.call("POST", `/v1/agencies/${code}/staff`, {
        ...admin,
        body: { name: who, role },
      });
      expect(r.status).toBe(201);
      staffIds[who] = r.data.id;
      const t = await s.call("POST", "/v1/tokens", {
        ...admin,
        body: { kind: "personal", staffId: r.data.id, label: who },
      });
      expect(t.status).toBe(201);
      tokens[who] = t.data.token;
      if (who === "clerkA") {
        const svc = await s.call("POST", "/v1/tokens", {
          ...admin,
          body: { kind: "service", label: "bot" },
        });
        serviceToken = svc.data.token;
        const link = await s.call("POST", "/v1/staff/link", {
          token: serviceToken,
          body: { inviteCode: r.data.inviteCode, telegramUserId: TG_CLERK_A },
        });
        expect(link.status).toBe(200);
        expect(link.data).toMatchObject({ agencyCode: A, role: "clerk", linked: true });
      }
    }
    const created = await s.call("POST", `/v1/agencies/${A}/applications`, {
      token: tokens.clerkA,
      body: {
        receivedOn: "2025-03-03",
        applicantType: "naturalPerson",
        channel: "online",
        subject: "征收补偿方案",
        applicant: { name: "王某", contact: "13800000000" },
      },
    });
    expect(created.status).toBe(201);
    expect(created.data.number).toBe(1);
    appA = created.data.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  describe("meta", () => {
    it("/health, /openapi.json (3.1, every route) and /docs served offline", async () => {
      expect((await s.call("GET", "/health")).data).toEqual({ ok: true });
      const doc = await s.call("GET", "/openapi.json");
      expect(doc.data.openapi).toBe("3.1.0");
      const paths = Object.keys(doc.data.paths);
      for (const p of [
        "/v1/agencies",
        "/v1/agencies/{code}",
        "/v1/agencies/{code}/staff",
        "/v1/staff/link",
        "/v1/agencies/{code}/applications",
        "/v1/applications/{id}",
        "/v1/applications/{id}/events",
        "/v1/agencies/{code}/reports/{year}",
        "/v1/agencies/{code}/reports/{year}/publish",
        "/v1/agencies/{code}/summary",
        "/v1/regions/{code}/reports/{year}",
        "/v1/regions/{code}/summary",
        "/v1/check",
        "/v1/parse",
      ])
        expect(paths).toContain(p);
      const docs = await s.call("GET", "/docs");
      expect(docs.status).toBe(200);
      // Every script comes from this server: no CDN.
      const srcs = [...String(docs.data).matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
      expect(srcs).toEqual(["/docs/standalone.js"]);
      const js = await s.app.request("/docs/standalone.js");
      expect(js.status).toBe(200);
      expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    });
  });

  describe("errors", () => {
    it("malformed JSON is a 400, a bad body a 422 with paths, both bilingual", async () => {
      const bad = await s.call("POST", "/v1/agencies", { token: ADMIN_TOKEN, body: "{oops" });
      expect(bad.status).toBe(400);
      expect(bad.data.error.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
      const invalid = await s.call("POST", `/v1/agencies/${A}/applications`, {
        token: ADMIN_TOKEN,
        body: { receivedOn: "2025-02-30", applicantType: "alien" },
      });
      expect(invalid.status).toBe(422);
      expect(invalid.data.error.code).toBe("invalid");
      expect(invalid.data.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        "applicantType",
        "receivedOn",
      ]);
      const badQuery = await s.call("GET", `/v1/agencies/${A}/applications?status=sleeping`, {
        token: ADMIN_TOKEN,
      });
      expect(badQuery.status).toBe(400);
      expect(badQuery.data.error.issues[0].path).toBe("query.status");
      const wrongType = await s.app.request("/v1/agencies", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/plain" },
        body: "x",
      });
      expect(wrongType.status).toBe(415);
    });
    it("unknown ids and routes are 404; a bad token is 401", async () => {
      const admin = { token: ADMIN_TOKEN };
      expect((await s.call("GET", "/v1/agencies/000000-none", admin)).status).toBe(404);
      expect((await s.call("GET", "/v1/applications/nope", admin)).status).toBe(404);
      expect(
        (
          await s.call("POST", "/v1/applications/nope/events", {
            ...admin,
            body: { type: "extended", date: "2025-03-04" },
          })
        ).status,
      ).toBe(404);
      expect((await s.call("GET", "/v1/nothing-here", admin)).status).toBe(404);
      const r = await s.call("GET", "/v1/agencies", { token: "not-a-token" });
      expect(r.status).toBe(401);
      expect(r.data.error.code).toBe("unauthorized");
      expect(
        (await s.call("GET", "/v1/agencies", { headers: { authorization: "Basic x" } })).status,
      ).toBe(401);
    });
    it("duplicates and unknown parents are refused", async () => {
      const admin = { token: ADMIN_TOKEN };
      expect(
        (await s.call("POST", "/v1/agencies", { ...admin, body: { code: A, name: "x" } })).status,
      ).toBe(409);
      const orphan = await s.call("POST", "/v1/agencies", {
        ...admin,
        body: { code: "411421-orphan", name: "x", parentCode: "411421-none" },
      });
      expect(orphan.status).toBe(422);
      expect(orphan.data.error.issues[0].path).toBe("parentCode");
    });
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

  describe("register", () => {
    it("ten conclusions of one application at once: one recorded, the others refused (409)", async () => {
      const admin = { token: ADMIN_TOKEN };
      const created = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-05-07", applicantType: "naturalPerson" },
      });
      const id = created.data.id;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          s.call("POST", `/v1/applications/${id}/events`, {
            ...admin,
            body: {
              type: "concluded",
              date: "2025-05-20",
              outcome: i % 2 ? "granted" : "partiallyGranted",
            },
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      for (const a of answers.filter((a) => a.status === 409))
        expect(a.data.error.code).toBe("alreadyConcluded");
      const detail = await s.call("GET", `/v1/applications/${id}`, admin);
      expect(detail.data.events.map((e: { type: string }) => e.type)).toEqual([
        "received",
        "concluded",
      ]);
    });

    it("events on many applications at once are written together, each with its own answer", async () => {
      const admin = { token: ADMIN_TOKEN };
      const code = "419900-batch";
      await s.call("POST", "/v1/agencies", { ...admin, body: { code, name: "成批办结局" } });
      const ids: string[] = [];
      for (let i = 0; i < 24; i++)
        ids.push(
          (
            await s.call("POST", `/v1/agencies/${code}/applications`, {
              ...admin,
              body: { receivedOn: "2025-06-02", applicantType: "naturalPerson" },
            })
          ).data.id,
        );
      const conclude = (id: string, key?: string, date = "2025-06-20") =>
        s.call("POST", `/v1/applications/${id}/events`, {
          ...admin,
          ...(key ? { headers: { "Idempotency-Key": key } } : {}),
          body: { type: "concluded", date, outcome: "granted" },
        });
      // In one turn: 20 conclusions (two of them sharing a key), one dated before receipt,
      // one of an unknown application, and the same application twice.
      const before = s.events.stats();
      const answers = await Promise.all([
        ...ids.slice(0, 18).map((id) => conclude(id)),
        conclude(ids[18]!, "shared-key"),
        conclude(ids[19]!, "shared-key"),
        conclude(ids[20]!, undefined, "2025-05-01"),
        conclude("no-such-application"),
        conclude(ids[21]!),
        conclude(ids[21]!),
      ]);
      const status = answers.map((a) => a.status);
      expect(status.slice(0, 18)).toEqual(Array(18).fill(201));
      // The key's second use (another application, so another route) is refused as reused.
      expect(status.slice(18, 20).sort()).toEqual([201, 422]);
      expect(status[20]).toBe(409);
      expect(status[21]).toBe(404);
      expect(status.slice(22).sort()).toEqual([201, 409]);
      // Each answer is its own application's.
      for (const [i, a] of answers.slice(0, 18).entries()) {
        expect(a.data.id).toBe(ids[i]);
        expect(a.data.status).toBe("concluded");
      }
      // What was written is exactly what was answered: the fold of the register agrees.
      const concluded = (
        await s.call("GET", `/v1/agencies/${code}/applications?status=concluded&limit=100`, admin)
      ).data.applications.map((a: { id: string }) => a.id);
      expect(concluded.sort()).toEqual(
        [...ids.slice(0, 18), answers[18]!.status === 201 ? ids[18] : ids[19], ids[21]].sort(),
      );
      const register = await loadRegister(s.database.db, [code]);
      const report = await s.call("GET", `/v1/agencies/${code}/reports/2025`, admin);
      expect(report.data.report.requests).toEqual(deriveRequests(register, 2025));
      expect(report.data.report.requests.granted.total).toBe(20);
      expect(s.events.stats().events - before.events).toBe(20);
    });

    it("refuses impossible transitions with 409 and writes nothing", async () => {
      const admin = { token: ADMIN_TOKEN };
      const created = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-05-06", applicantType: "legalServiceAgency" },
      });
      const id = created.data.id;
      const post = (body: unknown) =>
        s.call("POST", `/v1/applications/${id}/events`, { ...admin, body });
      const early = await post({ type: "concluded", date: "2025-05-01", outcome: "granted" });
      expect(early.status).toBe(409);
      expect(early.data.error.code).toBe("beforeReceipt");
      const future = await post({ type: "concluded", date: "2025-12-25", outcome: "granted" });
      expect(future.status).toBe(409);
      expect(future.data.error.code).toBe("futureDate");
      expect(
        (await post({ type: "concluded", date: "2025-05-20", outcome: "granted" })).status,
      ).toBe(201);
      const again = await post({ type: "concluded", date: "2025-05-21", outcome: "granted" });
      expect(again.status).toBe(409);
      expect(again.data.error.code).toBe("alreadyConcluded");
      expect(again.data.error.message.zh).toContain("办结");
      const missing = await post({ type: "concluded", date: "2025-05-21" });
      expect(missing.status).toBe(422);
      expect(missing.data.error.issues[0].path).toBe("outcome");
      // An amendment corrects the outcome, with a reason.
      const amended = await post({
        type: "amended",
        date: "2025-06-01",
        supersedes: "e2",
        reason: "录入错误",
        replacement: { type: "concluded", date: "2025-05-20", outcome: "partiallyGranted" },
      });
      expect(amended.status).toBe(201);
      expect(amended.data).toMatchObject({ status: "concluded", outcome: "partiallyGranted" });
      const detail = await s.call("GET", `/v1/applications/${id}`, admin);
      expect(detail.data.events.map((e: { type: string }) => e.type)).toEqual([
        "received",
        "concluded",
        "amended",
      ]);
    });

    it("lists with filters: open, concluded, year, overdue, due within N working days", async () => {
      const admin = { token: ADMIN_TOKEN };
      const open = await s.call("GET", `/v1/agencies/${B}/applications?status=open`, admin);
      const concluded = await s.call(
        "GET",
        `/v1/agencies/${B}/applications?status=concluded`,
        admin,
      );
      expect(
        concluded.data.applications.every((a: { status: string }) => a.status === "concluded"),
      ).toBe(true);
      expect(open.data.applications.every((a: { status: string }) => a.status === "open")).toBe(
        true,
      );
      const old = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-09-01", applicantType: "naturalPerson" },
      });
      expect(old.data.dueDate).toMatch(/^2025-09-\d\d$/);
      const overdue = await s.call("GET", `/v1/agencies/${B}/applications?overdue=true`, admin);
      expect(overdue.data.applications.map((a: { id: string }) => a.id)).toContain(old.data.id);
      expect(overdue.data.applications.every((a: { overdue: boolean }) => a.overdue)).toBe(true);
      const summary = await s.call("GET", `/v1/agencies/${B}/summary`, admin);
      expect(summary.data.overdue).toBe(overdue.data.applications.length);
      const fresh = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-12-18", applicantType: "naturalPerson" },
      });
      const soon = await s.call("GET", `/v1/agencies/${B}/applications?dueWithin=5`, admin);
      expect(soon.data.applications.map((a: { id: string }) => a.id)).not.toContain(fresh.data.id);
      const dueSoon = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-11-24", applicantType: "legalServiceAgency" },
      });
      const inFive = await s.call("GET", `/v1/agencies/${B}/applications?dueWithin=5`, admin);
      expect(inFive.data.applications.map((a: { id: string }) => a.id)).toContain(dueSoon.data.id);
      const counted = await s.call("GET", `/v1/agencies/${B}/summary`, admin);
      expect(counted.data.dueWithin5WorkingDays).toBe(inFive.data.applications.length);
      expect(counted.data.overdue).toBe(
        (await s.call("GET", `/v1/agencies/${B}/applications?overdue=true`, admin)).data
          .applications.length,
      );
      const later = await s.call("GET", `/v1/agencies/${B}/applications?dueWithin=30`, admin);
      expect(later.data.applications.map((a: { id: string }) => a.id)).toContain(fresh.data.id);
      const y2024 = await s.call("GET", `/v1/agencies/${B}/applications?year=2024`, admin);
      expect(y2024.data.applications).toEqual([]);
    });

    it("finds an application by its running number (exact, validated)", async () => {
      const admin = { token: ADMIN_TOKEN };
      const made = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-10-09", applicantType: "naturalPerson" },
      });
      expect(made.status).toBe(201);
      const n = made.data.number as number;
      const hit = await s.call("GET", `/v1/agencies/${B}/applications?number=${n}`, admin);
      expect(hit.status).toBe(200);
      expect(
        hit.data.applications.map((a: { id: string; number: number }) => [a.id, a.number]),
      ).toEqual([[made.data.id, n]]);
      // Combined with another filter it narrows further; a number not given yet finds nothing.
      const closed = await s.call(
        "GET",
        `/v1/agencies/${B}/applications?number=${n}&status=concluded`,
        admin,
      );
      expect(closed.data.applications).toEqual([]);
      const next = await s.call(
        "GET",
        `/v1/agencies/${B}/applications?number=${n}&offset=1`,
        admin,
      );
      expect(next.data.applications).toEqual([]);
      const none = await s.call("GET", `/v1/agencies/${B}/applications?number=${n + 1000}`, admin);
      expect(none.status).toBe(200);
      expect(none.data.applications).toEqual([]);
      for (const bad of ["0", "-1", "1.5", "abc", "99999999999"]) {
        const r = await s.call("GET", `/v1/agencies/${B}/applications?number=${bad}`, admin);
        expect(r.status, bad).toBe(400);
        expect(r.data.error.message.zh).toBeTruthy();
      }
    });

    it("records an event by the application's running number, looked up in groups", async () => {
      const admin = { token: ADMIN_TOKEN };
      const code = "419900-bynumber";
      await s.call("POST", "/v1/agencies", { ...admin, body: { code, name: "按号办结局" } });
      const made: { id: string; number: number }[] = [];
      for (let i = 0; i < 12; i++)
        made.push(
          (
            await s.call("POST", `/v1/agencies/${code}/applications`, {
              ...admin,
              body: { receivedOn: "2025-06-02", applicantType: "naturalPerson" },
            })
          ).data,
        );
      const conclude = (number: number | string, key?: string, agency = code) =>
        s.call("POST", `/v1/agencies/${agency}/applications/${number}/events`, {
          ...admin,
          ...(key ? { headers: { "Idempotency-Key": key } } : {}),
          body: { type: "concluded", date: "2025-06-20", outcome: "granted" },
        });
      const before = s.numbers.stats();
      const answers = await Promise.all([
        ...made.slice(0, 10).map((a) => conclude(a.number)),
        conclude(made[10]!.number, "by-number-key"),
        conclude(99),
      ]);
      expect(answers.map((a) => a.status)).toEqual([...Array(11).fill(201), 404]);
      for (const [i, a] of answers.slice(0, 11).entries()) {
        expect(a.data.id).toBe(made[i]!.id);
        expect(a.data.status).toBe("concluded");
      }
      expect(answers[11]!.data.error.message.zh).toContain("第 99 号");
      // The eleven numbers were given in this process: their ids are remembered, so only the
      // number it never gave (99) is looked up.
      const after = s.numbers.stats();
      expect(after.remembered - before.remembered).toBe(11);
      expect(after.lookups - before.lookups).toBe(1);
      expect(after.queries - before.queries).toBe(1);
      // A process that gave none of them (after a restart) looks them up, in groups: one
      // query on PGlite (one connection: the requests reach the look-up in one turn); on
      // PostgreSQL those asked for while one runs wait for the next, so a few.
      const fresh = createNumberLookup(s.database.db);
      const ids = await Promise.all([
        ...made.map((a) => fresh.idOf(code, a.number)),
        fresh.idOf(code, 99),
      ]);
      expect(ids).toEqual([...made.map((a) => a.id), undefined]);
      expect(fresh.stats().lookups).toBe(13);
      if (engine === "pglite") expect(fresh.stats().queries).toBe(1);
      else expect(fresh.stats().queries).toBeLessThanOrEqual(6);
      // Then it remembers those it found, and looks up again only what it did not find.
      expect(await fresh.idOf(code, made[3]!.number)).toBe(made[3]!.id);
      expect(await fresh.idOf(code, 99)).toBeUndefined();
      expect(fresh.stats()).toMatchObject({ lookups: 14, remembered: 1 });
      // Its memory is bounded: past the bound it starts again, and answers stay right.
      const small = createNumberLookup(s.database.db, { maxRemembered: 2 });
      small.remember(code, made.slice(0, 2));
      small.remember(code, made.slice(2, 3));
      expect(await small.idOf(code, made[2]!.number)).toBe(made[2]!.id);
      expect(await small.idOf(code, made[0]!.number)).toBe(made[0]!.id);
      expect(small.stats()).toMatchObject({ remembered: 1, lookups: 1 });
      // A replay answers the first answer; concluding again is refused (409), by number or id.
      const replay = await conclude(made[10]!.number, "by-number-key");
      expect(replay.status).toBe(201);
      expect(replay.data).toEqual(answers[10]!.data);
      // Without ?yearToDate the answer is the application alone; with it, also the agency's
      // year to date as GET …/summary has it (a replay too: figures of now, not stored).
      expect(answers[0]!.data.yearToDate).toBeUndefined();
      const withYtd = await s.call(
        "POST",
        `/v1/agencies/${code}/applications/${made[10]!.number}/events?yearToDate=true`,
        {
          ...admin,
          headers: { "Idempotency-Key": "by-number-key" },
          body: { type: "concluded", date: "2025-06-20", outcome: "granted" },
        },
      );
      expect(withYtd.status).toBe(201);
      const { yearToDate, ...application } = withYtd.data;
      expect(application).toEqual(answers[10]!.data);
      const summary = await s.call("GET", `/v1/agencies/${code}/summary`, admin);
      expect(yearToDate).toEqual(summary.data);
      expect(yearToDate.concludedTotal.total).toBe(11);
      // A value other than true or false is refused, and nothing is written.
      const odd = await s.call(
        "POST",
        `/v1/agencies/${code}/applications/${made[11]!.number}/events?yearToDate=yes`,
        { ...admin, body: { type: "concluded", date: "2025-06-20", outcome: "granted" } },
      );
      expect(odd.status).toBe(400);
      expect(odd.data.error.message.zh).toBeTruthy();
      expect((await conclude(made[0]!.number)).status).toBe(409);
      // The audit names the application by its id.
      const audit = await queryRows<{ target: string }>(
        s.database.db,
        sql`select target from audit_log where action = 'event.concluded' and target = ${made[0]!.id}`,
      );
      expect(audit).toHaveLength(1);
      // Bad numbers and unknown agencies are refused clearly; nothing is written.
      for (const bad of ["0", "-1", "1.5", "abc"]) {
        const r = await conclude(bad);
        expect(r.status, bad).toBe(400);
        expect(r.data.error.message.zh).toBeTruthy();
      }
      expect((await conclude(1, undefined, "419900-nosuch")).status).toBe(404);
      const register = await loadRegister(s.database.db, [code]);
      expect(deriveRequests(register, 2025).granted.total).toBe(11);
    });

    it("a register built through the API gives exactly the report the domain fold gives", async () => {
      const admin = { token: ADMIN_TOKEN };
      const code = "411421-fold";
      await s.call("POST", "/v1/agencies", {
        ...admin,
        body: { code, name: "折叠测试局", parentCode: GOV },
      });
      let seed = 42;
      const r = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const day = (from: string, max: number) =>
        new Date(Date.parse(`${from}T00:00:00Z`) + Math.floor(1 + r() * max) * 86_400_000)
          .toISOString()
          .slice(0, 10);
      for (let i = 0; i < 40; i++) {
        const receivedOn = day(pick(["2023-01-01", "2024-01-01", "2025-01-01"]), 330);
        const created = await s.call("POST", `/v1/agencies/${code}/applications`, {
          ...admin,
          body: { receivedOn, applicantType: pick(APPLICANT_TYPES) },
        });
        expect(created.status).toBe(201);
        const post = (body: unknown) =>
          s.call("POST", `/v1/applications/${created.data.id}/events`, { ...admin, body });
        const roll = r();
        if (roll < 0.85) {
          const concludedOn = day(receivedOn, 60);
          if (concludedOn > "2025-12-19") continue;
          expect(
            (await post({ type: "concluded", date: concludedOn, outcome: pick(OUTCOMES) })).status,
          ).toBe(201);
          if (roll < 0.1)
            expect(
              (
                await post({
                  type: "amended",
                  date: concludedOn,
                  supersedes: "e2",
                  reason: "撤回错误的办结",
                })
              ).status,
            ).toBe(201);
          else if (roll < 0.2 && concludedOn < "2025-10-01") {
            const reopenedOn = day(concludedOn, 40);
            expect(
              (await post({ type: "reopened", date: reopenedOn, reason: "复议决定" })).status,
            ).toBe(201);
          }
        }
      }
      const counts = emptyRequestsTable();
      counts.newReceived.naturalPerson = 2;
      counts.newReceived.total = 2;
      counts.granted.naturalPerson = 2;
      counts.granted.total = 2;
      counts.totalProcessed.naturalPerson = 2;
      counts.totalProcessed.total = 2;
      expect(
        (
          await s.call("PUT", `/v1/agencies/${code}/opening-balances/2023`, {
            ...admin,
            body: { counts, note: "2023 年报" },
          })
        ).status,
      ).toBe(200);
      // The register as the API shows it, application by application.
      const list = await s.call("GET", `/v1/agencies/${code}/applications?limit=1000`, admin);
      const applications = [];
      for (const a of list.data.applications) {
        const d = await s.call("GET", `/v1/applications/${a.id}`, admin);
        applications.push({
          id: a.id,
          number: a.number,
          events: d.data.events.map((e: { event: unknown }) => e.event),
        });
      }
      const register = registerSchema.parse({
        applications,
        openingBalances: [{ year: 2023, counts, note: "2023 年报" }],
      });
      expect(await loadRegister(s.database.db, [code])).toEqual(register);
      for (const year of [2022, 2023, 2024, 2025, 2026]) {
        const report = await s.call("GET", `/v1/agencies/${code}/reports/${year}`, admin);
        expect(report.status).toBe(200);
        expect(report.data.report.requests).toEqual(deriveRequests(register, year));
        expect(
          report.data.findings.filter((f: { code: string }) => f.code.startsWith("requests.")),
        ).toEqual([]);
      }
      const summary = await s.call("GET", `/v1/agencies/${code}/summary?asOf=2025-07-01`, admin);
      const ytd = summarize(register, "2025-07-01");
      expect(summary.data).toMatchObject({
        year: 2025,
        carriedOver: ytd.carriedOver,
        received: ytd.received,
        concluded: ytd.concluded,
        concludedTotal: ytd.concludedTotal,
        openNow: ytd.openNow,
        balanced: true,
      });
      expect(summary.data.overdue).toEqual(expect.any(Number));
      // From today on the summary reads the stored flows instead of folding: the same figures.
      for (const asOf of ["2025-12-20", "2025-12-31", "2026-03-01"]) {
        const now = await s.call("GET", `/v1/agencies/${code}/summary?asOf=${asOf}`, admin);
        const { asOf: _, ...expected } = summarize(register, asOf);
        expect(now.data).toMatchObject({ ...expected, asOf });
      }
    });
  });

  describe("reports", () => {
    it("renders md, html, txt and csv", async () => {
      for (const [format, type] of [
        ["md", "text/markdown"],
        ["html", "text/html"],
        ["txt", "text/plain"],
        ["csv", "text/csv"],
      ] as const) {
        const r = await s.app.request(`/v1/agencies/${A}/reports/2025?format=${format}&lang=en`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        expect(r.status).toBe(200);
        expect(r.headers.get("content-type")).toContain(type);
        expect((await r.text()).length).toBeGreaterThan(100);
      }
    });

    it("publish locks the year; an admin reopens it with a reason", async () => {
      const manager = as("managerA");
      const admin = { token: ADMIN_TOKEN };
      const draft = await s.call("GET", `/v1/agencies/${A}/reports/2024`, manager);
      expect(draft.data.status).toBe("draft");
      expect((await s.call("GET", `/v1/agencies/${A}/reports/2024`)).status).toBe(401);
      const pub = await s.call("POST", `/v1/agencies/${A}/reports/2024/publish`, manager);
      expect(pub.status).toBe(200);
      expect(pub.data.status).toBe("published");
      // Anyone can read a published report.
      const anon = await s.call("GET", `/v1/agencies/${A}/reports/2024`);
      expect(anon.status).toBe(200);
      expect(anon.data.report).toEqual(pub.data.report);
      expect((await s.call("POST", `/v1/agencies/${A}/reports/2024/publish`, manager)).status).toBe(
        409,
      );
      const register = async () =>
        (await s.call("GET", `/v1/agencies/${A}/applications?limit=1000`, admin)).data
          .applications as { number: number }[];
      const before = await register();
      const late = await s.call("POST", `/v1/agencies/${A}/applications`, {
        ...manager,
        headers: { "Idempotency-Key": "late-1" },
        body: { receivedOn: "2024-12-30", applicantType: "naturalPerson" },
      });
      expect(late.status).toBe(409);
      expect(late.data.error.code).toBe("yearLocked");
      expect(late.data.error.message.zh).toContain("2024");
      // Refused as a whole: no row, no number taken.
      expect(await register()).toEqual(before);
      const next = await s.call("POST", `/v1/agencies/${A}/applications`, {
        ...manager,
        body: { receivedOn: "2025-01-02", applicantType: "naturalPerson" },
      });
      expect(next.data.number).toBe(Math.max(0, ...before.map((a) => a.number)) + 1);
      const section = await s.call("PUT", `/v1/agencies/${A}/reports/2024/sections`, {
        ...manager,
        body: { problems: "改" },
      });
      expect(section.status).toBe(409);
      expect(
        (
          await s.call("POST", `/v1/agencies/${A}/reports/2024/reopen`, {
            ...manager,
            body: { reason: "x" },
          })
        ).status,
      ).toBe(403);
      expect(
        (await s.call("POST", `/v1/agencies/${A}/reports/2024/reopen`, { ...admin, body: {} }))
          .status,
      ).toBe(422);
      const reopened = await s.call("POST", `/v1/agencies/${A}/reports/2024/reopen`, {
        ...admin,
        body: { reason: "更正数据" },
      });
      expect(reopened.status).toBe(200);
      expect(reopened.data.status).toBe("draft");
      const now = await s.call("POST", `/v1/agencies/${A}/applications`, {
        ...manager,
        body: { receivedOn: "2024-12-30", applicantType: "naturalPerson" },
      });
      expect(now.status).toBe(201);
    });

    it("a report with errors can't be published", async () => {
      const manager = as("managerA");
      const bad = {
        review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 5 },
        litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
        litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      };
      expect(
        (
          await s.call("PUT", `/v1/agencies/${A}/reports/2023/sections/appeals`, {
            ...manager,
            body: bad,
          })
        ).status,
      ).toBe(200);
      const r = await s.call("POST", `/v1/agencies/${A}/reports/2023/publish`, manager);
      expect(r.status).toBe(409);
      expect(r.data.error.code).toBe("reportHasErrors");
      expect(r.data.error.issues[0].path).toContain("appeals.review");
      const wrong = await s.call("PUT", `/v1/agencies/${A}/reports/2023/sections/appeals`, {
        ...manager,
        body: { review: 1 },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.data.error.issues[0].path).toMatch(/^appeals\./);
    });

    it("a region sums its agencies", async () => {
      const admin = { token: ADMIN_TOKEN };
      const region = await s.call("GET", "/v1/regions/411421/reports/2025", admin);
      expect(region.status).toBe(200);
      const codes = (await s.call("GET", "/v1/agencies", admin)).data.agencies
        .map((a: { code: string }) => a.code)
        .filter((c: string) => c.startsWith("411421-"));
      const reports: Report[] = [];
      for (const code of codes)
        reports.push((await s.call("GET", `/v1/agencies/${code}/reports/2025`, admin)).data.report);
      const sum = sumReports(reports, { agency: { name: "x", code: "411421" }, year: 2025 });
      expect(region.data.report.requests).toEqual(sum.requests);
      expect(region.data.report.appeals).toEqual(sum.appeals);
      expect((await s.call("GET", "/v1/regions/999999/reports/2025", admin)).status).toBe(404);
      const summary = await s.call("GET", "/v1/regions/411421/summary?asOf=2025-12-01", admin);
      expect(summary.status).toBe(200);
      expect(summary.data.balanced).toBe(true);
    });
  });

  describe("idempotency and transactions", () => {
    it("a replay answers the first answer and writes nothing; another body is a 422", async () => {
      const headers = { "Idempotency-Key": "abc-1" };
      const body = { receivedOn: "2025-11-03", applicantType: "researchInstitution" };
      const first = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...as("clerkB"),
        headers,
        body,
      });
      expect(first.status).toBe(201);
      const before = (
        await s.call("GET", `/v1/agencies/${B}/applications?limit=1000`, as("clerkB"))
      ).data.applications.length;
      const again = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...as("clerkB"),
        headers,
        body,
      });
      expect(again.status).toBe(201);
      expect(again.data).toEqual(first.data);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      const after = (await s.call("GET", `/v1/agencies/${B}/applications?limit=1000`, as("clerkB")))
        .data.applications.length;
      expect(after).toBe(before);
      const other = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...as("clerkB"),
        headers,
        body: { ...body, applicantType: "naturalPerson" },
      });
      expect(other.status).toBe(422);
      expect(other.data.error.code).toBe("idempotencyKeyReused");
      // Keys belong to their token: another caller may use the same key.
      const mine = await s.call("POST", `/v1/agencies/${B}/applications`, {
        token: ADMIN_TOKEN,
        headers,
        body,
      });
      expect(mine.status).toBe(201);
      expect(mine.data.id).not.toBe(first.data.id);
    });
    it("a refused write leaves nothing: no event, no audit entry, no idempotency key", async () => {
      const headers = { "Idempotency-Key": "refused-1" };
      const id = appA;
      const before = await s.call("GET", `/v1/applications/${id}`, as("clerkA"));
      const bad = await s.call("POST", `/v1/applications/${id}/events`, {
        ...as("clerkA"),
        headers,
        body: { type: "consultationEnded", date: "2030-01-01" },
      });
      expect(bad.status).toBe(409);
      const after = await s.call("GET", `/v1/applications/${id}`, as("clerkA"));
      expect(after.data.events).toEqual(before.data.events);
      const ok = await s.call("POST", `/v1/applications/${id}/events`, {
        ...as("clerkA"),
        headers,
        body: { type: "consultationEnded", date: "2025-03-20" },
      });
      expect(ok.status).toBe(201);
    });
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

  describe("CSV import and export", () => {
    const csvCall = async (path: string, body: string, who = "managerA") =>
      s.app.request(path, {
        method: "POST",
        headers: { authorization: `Bearer ${as(who).token}`, "content-type": "text/csv" },
        body,
      });
    it("dry run lists every rejected row; commit is all or nothing; export escapes formulas", async () => {
      const code = "411421-csv";
      await s.call("POST", "/v1/agencies", {
        token: ADMIN_TOKEN,
        body: { code, name: "导入局", parentCode: GOV },
      });
      const mgr = await s.call("POST", `/v1/agencies/${code}/staff`, {
        token: ADMIN_TOKEN,
        body: { name: "导入员", role: "manager" },
      });
      tokens.csvManager = (
        await s.call("POST", "/v1/tokens", {
          token: ADMIN_TOKEN,
          body: { kind: "personal", staffId: mgr.data.id },
        })
      ).data.token;
      const csv = [
        "receivedOn,applicantType,channel,subject,applicantName,applicantContact,concludedOn,outcome",
        '2025-01-06,自然人,网络,=HYPERLINK("http://x"),张三,138,2025-01-20,予以公开',
        "2025-02-30,naturalPerson,,bad date,,,,",
        "2025-03-03,火星人,,unknown type,,,,",
        "2025-03-04,commercialEnterprise,post,no outcome,,,2025-03-10,",
        "2025-04-01,legalServiceAgency,,,,,2025-04-15,unableNotHeld",
      ].join("\n");
      const dry = await csvCall(`/v1/agencies/${code}/applications:import`, csv, "csvManager");
      expect(dry.status, await dry.clone().text()).toBe(200);
      const d = (await dry.json()) as {
        dryRun: boolean;
        accepted: number;
        rejected: { line: number; issues: { path: string }[] }[];
      };
      expect(d.dryRun).toBe(true);
      expect(d.accepted).toBe(2);
      expect(d.rejected.map((r) => [r.line, r.issues[0]!.path])).toEqual([
        [3, "receivedOn"],
        [4, "applicantType"],
        [5, "outcome"],
      ]);
      const refused = await csvCall(
        `/v1/agencies/${code}/applications:import?commit=true`,
        csv,
        "csvManager",
      );
      expect(refused.status).toBe(422);
      const none = await s.call("GET", `/v1/agencies/${code}/applications`, { token: ADMIN_TOKEN });
      expect(none.data.applications).toEqual([]);
      const clean = [csv.split("\n")[0], csv.split("\n")[1], csv.split("\n")[5]].join("\n");
      const ok = await csvCall(
        `/v1/agencies/${code}/applications/import?commit=true`,
        clean!,
        "csvManager",
      );
      expect(ok.status).toBe(200);
      const created = (await ok.json()) as { created: { number: number }[] };
      expect(created.created.map((c) => c.number)).toEqual([1, 2]);
      const report = await s.call("GET", `/v1/agencies/${code}/reports/2025`, {
        token: ADMIN_TOKEN,
      });
      expect(report.data.report.requests.granted.naturalPerson).toBe(1);
      expect(report.data.report.requests.unableNotHeld.legalServiceAgency).toBe(1);
      // Export: formulas escaped, personal data only for the agency's own staff.
      const own = await s.app.request(`/v1/agencies/${code}/applications:export`, {
        headers: { authorization: `Bearer ${tokens.csvManager}` },
      });
      expect(own.headers.get("content-type")).toContain("text/csv");
      const text = await own.text();
      expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
      expect(text).toContain("张三");
      const above = await s.app.request(`/v1/agencies/${code}/applications:export`, {
        headers: { authorization: `Bearer ${tokens.managerGov}` },
      });
      expect(await above.text()).not.toContain("张三");
      expect((await s.app.request(`/v1/agencies/${code}/applications:export`)).status).toBe(401);
      expect(
        (await csvCall(`/v1/agencies/${code}/applications:import`, clean!, "clerkA")).status,
      ).toBe(403);
      // Export → import into another agency gives the same register.
      const copy = "411421-csv2";
      await s.call("POST", "/v1/agencies", {
        token: ADMIN_TOKEN,
        body: { code: copy, name: "副本局" },
      });
      const again = await s.app.request(`/v1/agencies/${copy}/applications:import?commit=true`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
        body: text,
      });
      expect(again.status).toBe(200);
      const strip = (
        xs: {
          number: number;
          receivedOn: string;
          applicantType: string;
          subject: string | null;
          outcome: string | null;
          concludedOn: string | null;
        }[],
      ) =>
        xs.map(({ number, receivedOn, applicantType, subject, outcome, concludedOn }) => ({
          number,
          receivedOn,
          applicantType,
          subject,
          outcome,
          concludedOn,
        }));
      const a = await s.call("GET", `/v1/agencies/${code}/applications`, { token: ADMIN_TOKEN });
      const b = await s.call("GET", `/v1/agencies/${copy}/applications`, { token: ADMIN_TOKEN });
      expect(strip(b.data.applications)).toEqual(strip(a.data.applications));
    });
  });

  describe("public routes", () => {
    it("check returns findings pointing at cells", async () => {
      const report = emptyReport({ name: "x" }, 2025);
      report.requests.newReceived.naturalPerson = 1;
      const r = await s.call("POST", "/v1/check", { body: report });
      expect(r.status).toBe(200);
      expect(r.data.findings.map((f: { code: string }) => f.code)).toContain("requests.rowTotal");
      const bad = await s.call("POST", "/v1/check", { body: { formatVersion: "2021" } });
      expect(bad.status).toBe(422);
    });
    it("parse reads a text report; an oversized body is 413", async () => {
      const r = await s.app.request("/v1/parse", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "这不是年报",
      });
      expect(r.status).toBeLessThan(500);
      expect([200, 422]).toContain(r.status);
      const big = await s.app.request("/v1/check", {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(3 * 1024 * 1024) },
        body: "x".repeat(3 * 1024 * 1024),
      });
      expect(big.status).toBe(413);
      expect(((await big.json()) as { error: { code: string } }).error.code).toBe("tooLarge");
    });
  });
});
