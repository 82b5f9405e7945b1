// Every role against every route of the OpenAPI document, with the exact status expected, and
// the applicant's personal data seen by nobody outside the agency. A route added to the API
// without a row here fails the first test: access must be decided, not inherited by accident.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  A,
  buildWorld,
  GOV,
  OWN_STAFF,
  REGION,
  ROLES,
  type Role,
  SECRET_CONTACT,
  SECRET_NAME,
  type World,
  X,
} from "../src/fixture.ts";
import { ADMIN_TOKEN, type InProcess, sharedDir, startInProcess } from "../src/harness.ts";

type Request = { path: string; body?: unknown; headers?: Record<string, string> };
type Case = {
  /** "METHOD /openapi/path" */
  route: string;
  name: string;
  build: (role: Role) => Promise<Request> | Request;
  expect: Record<Role, number>;
};

/** Statuses: `ok` for the roles listed, `deny` (403) for the others, 401 without a valid token. */
const only = (roles: readonly Role[], ok: number, extra: Partial<Record<Role, number>> = {}) =>
  Object.fromEntries(
    ROLES.map((r) => [
      r,
      extra[r] ?? (r === "none" || r === "revoked" ? 401 : roles.includes(r) ? ok : 403),
    ]),
  ) as Record<Role, number>;
const everyone = (ok: number, extra: Partial<Record<Role, number>> = {}) =>
  only(ROLES, ok, { none: ok, ...extra });

const IMPORT_HEADER =
  "number,receivedOn,applicantType,channel,subject,applicantName,applicantContact,concludedOn,outcome";
const FIXTURE = resolve(sharedDir, "fixtures/reports");

describe("access matrix (PGlite)", () => {
  let s: InProcess;
  let w: World;
  let n = 0;
  const fresh = () => ++n;
  // Years already over (today is 2025-12-20): publishing is refused before a year's 31 December
  // unless an admin forces it (issue 19).
  let past = 2008;
  const pastYear = () => ++past;
  /** Created by the admin, for a write that must find its target untouched. */
  const admin = async (method: string, path: string, body?: unknown) => {
    const r = await s.call(method, path, { token: ADMIN_TOKEN, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.data;
  };
  const registerInA = () =>
    admin("POST", `/v1/agencies/${A}/applications`, {
      receivedOn: "2025-05-06",
      applicantType: "naturalPerson",
      applicant: { name: SECRET_NAME, contact: SECRET_CONTACT },
    });
  const newApplication = async () => (await registerInA()).id as string;
  let parseBody = "";

  beforeAll(async () => {
    s = await startInProcess("pglite");
    w = await buildWorld(s);
    // A published year of agency B (its report is published: anyone may read it).
    const published = await s.call("POST", `/v1/agencies/${B_CODE}/reports/2024/publish`, w.admin);
    expect(published.status, published.text).toBe(200);
    const { readdirSync } = await import("node:fs");
    const txt = readdirSync(FIXTURE).find((f) => f.endsWith(".txt"));
    parseBody = txt ? readFileSync(resolve(FIXTURE, txt), "utf8") : "一、总体情况\n";
  });
  afterAll(async () => {
    await s?.close();
  });

  const B_CODE = "411421-zrzy";
  const cases = (): Case[] => [
    {
      route: "POST /v1/agencies",
      name: "create an agency",
      build: () => ({ path: "/v1/agencies", body: { code: `m-${fresh()}`, name: "新机构" } }),
      expect: only(["admin"], 201),
    },
    {
      route: "GET /v1/agencies",
      name: "list agencies",
      build: () => ({ path: "/v1/agencies" }),
      expect: only(
        ROLES.filter((r) => r !== "botService"),
        200,
      ),
    },
    {
      route: "GET /v1/agencies/{code}",
      name: "own agency",
      build: () => ({ path: `/v1/agencies/${A}` }),
      expect: only(["clerk", "manager", "regionManager", "admin", "botForClerk"], 200),
    },
    {
      route: "PATCH /v1/agencies/{code}",
      name: "A's kind (第四十九条)",
      build: () => ({ path: `/v1/agencies/${A}`, body: { kind: "department" } }),
      expect: only(["admin"], 200),
    },
    {
      route: "POST /v1/agencies/{code}/staff",
      name: "invite",
      build: () => ({ path: `/v1/agencies/${A}/staff`, body: { name: "新人", role: "clerk" } }),
      expect: only(["manager", "admin"], 201),
    },
    {
      route: "GET /v1/agencies/{code}/staff",
      name: "list staff",
      build: () => ({ path: `/v1/agencies/${A}/staff` }),
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "POST /v1/staff/link",
      name: "link with a fresh invite",
      build: async () => {
        const { inviteCode } = await admin("POST", `/v1/agencies/${A}/staff`, {
          name: "待绑定",
          role: "clerk",
        });
        return { path: "/v1/staff/link", body: { inviteCode, telegramUserId: 90_000 + fresh() } };
      },
      expect: only(["admin", "botService"], 200),
    },
    {
      route: "POST /v1/staff/{id}/telegram",
      name: "link a staff member of A without an invite",
      build: async () => {
        const { id } = await admin("POST", `/v1/agencies/${A}/staff`, {
          name: "终端用户",
          role: "clerk",
        });
        return { path: `/v1/staff/${id}/telegram`, body: { telegramUserId: 91_000 + fresh() } };
      },
      expect: only(["admin"], 200),
    },
    {
      route: "POST /v1/staff/{id}/revoke",
      name: "revoke a staff member of A",
      build: async () => {
        const { id } = await admin("POST", `/v1/agencies/${A}/staff`, {
          name: "要停用",
          role: "clerk",
        });
        return { path: `/v1/staff/${id}/revoke` };
      },
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "GET /v1/me",
      name: "who am I",
      build: () => ({ path: "/v1/me" }),
      expect: only(ROLES, 200),
    },
    {
      route: "POST /v1/tokens",
      name: "a personal token for oneself",
      build: () => ({ path: "/v1/tokens", body: { kind: "personal", label: "matrix" } }),
      // An admin must name the staff member (422); the bot's own token may not mint any (403).
      expect: only(
        ROLES.filter((r) => r !== "botService"),
        201,
        { admin: 422 },
      ),
    },
    {
      route: "POST /v1/tokens",
      name: "a service token",
      build: () => ({ path: "/v1/tokens", body: { kind: "service", label: "matrix" } }),
      expect: only(["admin"], 201),
    },
    {
      route: "GET /v1/tokens",
      name: "list tokens",
      build: () => ({ path: "/v1/tokens" }),
      expect: only(
        ROLES.filter((r) => r !== "botService"),
        200,
      ),
    },
    {
      route: "POST /v1/tokens/{id}/revoke",
      name: "revoke the clerk's token",
      build: async () => {
        const { id } = await admin("POST", "/v1/tokens", {
          kind: "personal",
          staffId: w.staffIds.clerk,
        });
        return { path: `/v1/tokens/${id}/revoke` };
      },
      // Someone else's token is not found (404), not confirmed to exist.
      expect: only(["clerk", "admin", "botForClerk"], 200, {
        manager: 404,
        regionManager: 404,
        otherAgency: 404,
      }),
    },
    {
      route: "POST /v1/agencies/{code}/applications",
      name: "register in A",
      build: () => ({
        path: `/v1/agencies/${A}/applications`,
        body: {
          receivedOn: "2025-06-02",
          applicantType: "naturalPerson",
          applicant: { name: SECRET_NAME, contact: SECRET_CONTACT },
        },
      }),
      expect: only(["clerk", "manager", "admin", "botForClerk"], 201),
    },
    {
      route: "GET /v1/agencies/{code}/applications",
      name: "A's register",
      build: () => ({ path: `/v1/agencies/${A}/applications` }),
      expect: only(["clerk", "manager", "regionManager", "admin", "botForClerk"], 200),
    },
    {
      route: "GET /v1/applications/{id}",
      name: "an application of A",
      build: () => ({ path: `/v1/applications/${w.appA}` }),
      expect: only(["clerk", "manager", "regionManager", "admin", "botForClerk"], 200),
    },
    {
      route: "GET /v1/applications/{id}",
      name: "an unknown application",
      build: () => ({ path: "/v1/applications/00000000-0000-4000-8000-000000000000" }),
      expect: only(ROLES, 404),
    },
    {
      route: "GET /v1/agencies/{code}/applications/export",
      name: "A's register as CSV",
      build: () => ({ path: `/v1/agencies/${A}/applications/export` }),
      expect: only(["clerk", "manager", "regionManager", "admin", "botForClerk"], 200),
    },
    {
      route: "POST /v1/agencies/{code}/applications/import",
      name: "a dry run of an import into A",
      build: () => ({
        path: `/v1/agencies/${A}/applications/import`,
        body: `${IMPORT_HEADER}\n,2025-04-01,naturalPerson,online,导入,,,,\n`,
        headers: { "content-type": "text/csv" },
      }),
      expect: only(["clerk", "manager", "admin", "botForClerk"], 200),
    },
    {
      route: "POST /v1/applications/{id}/events",
      name: "record on an application of A",
      build: async () => ({
        path: `/v1/applications/${await newApplication()}/events`,
        body: { type: "concluded", date: "2025-05-20", outcome: "granted" },
      }),
      expect: only(["clerk", "manager", "admin", "botForClerk"], 201),
    },
    {
      route: "POST /v1/applications/{id}/particulars",
      name: "correct the subject of an application of A",
      build: async () => ({
        path: `/v1/applications/${await newApplication()}/particulars`,
        body: { subject: "更正后的申请内容" },
      }),
      expect: only(["clerk", "manager", "admin", "botForClerk"], 200),
    },
    {
      route: "POST /v1/applications/{id}/particulars",
      name: "correct the applicant (personal data) of an application of A",
      build: async () => ({
        path: `/v1/applications/${await newApplication()}/particulars`,
        body: { applicant: { name: "更正后的姓名" } },
      }),
      // The administrator may record but does not see applicants' personal data: nor change it.
      expect: only(["clerk", "manager", "botForClerk"], 200),
    },
    {
      route: "POST /v1/agencies/{code}/applications/{number}/events",
      name: "record on an application of A by its number",
      build: async () => ({
        path: `/v1/agencies/${A}/applications/${(await registerInA()).number}/events`,
        body: { type: "concluded", date: "2025-05-20", outcome: "granted" },
      }),
      expect: only(["clerk", "manager", "admin", "botForClerk"], 201),
    },
    {
      route: "POST /v1/agencies/{code}/applications/{number}/events",
      name: "record on a number A has not given",
      build: () => ({
        path: `/v1/agencies/${A}/applications/999999/events`,
        body: { type: "concluded", date: "2025-05-20", outcome: "granted" },
      }),
      expect: only(["clerk", "manager", "admin", "botForClerk"], 404),
    },
    {
      route: "GET /v1/agencies/{code}/reports/{year}",
      name: "A's unpublished report",
      build: () => ({ path: `/v1/agencies/${A}/reports/2025` }),
      expect: only(["manager", "regionManager", "admin"], 200),
    },
    {
      route: "GET /v1/agencies/{code}/reports/{year}",
      name: "A's unpublished report as CSV",
      build: () => ({ path: `/v1/agencies/${A}/reports/2025?format=csv` }),
      expect: only(["manager", "regionManager", "admin"], 200),
    },
    {
      route: "GET /v1/agencies/{code}/reports/{year}",
      name: "B's published report",
      build: () => ({ path: `/v1/agencies/${B_CODE}/reports/2024` }),
      expect: everyone(200, { revoked: 401 }),
    },
    {
      route: "PUT /v1/agencies/{code}/reports/{year}/sections",
      name: "A's sections",
      build: () => ({
        path: `/v1/agencies/${A}/reports/2025/sections`,
        body: { problems: "无。" },
      }),
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "PUT /v1/agencies/{code}/reports/{year}/sections/{section}",
      name: "one section of A",
      build: () => ({
        path: `/v1/agencies/${A}/reports/2025/sections/otherMatters`,
        body: JSON.stringify("无。"),
      }),
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "POST /v1/agencies/{code}/reports/{year}/publish",
      name: "publish a year of A",
      build: () => ({ path: `/v1/agencies/${A}/reports/${pastYear()}/publish` }),
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "POST /v1/agencies/{code}/reports/{year}/reopen",
      name: "reopen B's published year",
      build: async () => {
        const year = 2010 + fresh();
        await admin("POST", `/v1/agencies/${B_CODE}/reports/${year}/publish`, {
          force: true,
          reason: "矩阵测试 / matrix test",
        });
        return {
          path: `/v1/agencies/${B_CODE}/reports/${year}/reopen`,
          body: { reason: "更正 / correction" },
        };
      },
      expect: only(["admin"], 200),
    },
    {
      route: "GET /v1/agencies/{code}/opening-balances",
      name: "A's opening balances",
      build: () => ({ path: `/v1/agencies/${A}/opening-balances` }),
      expect: only(["manager", "regionManager", "admin"], 200),
    },
    {
      route: "PUT /v1/agencies/{code}/opening-balances/{year}",
      name: "A's opening balance",
      build: async () => ({
        path: `/v1/agencies/${A}/opening-balances/2025`,
        body: { counts: await emptyCounts() },
      }),
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "GET /v1/agencies/{code}/brought-in-reports",
      name: "A's reports brought in",
      build: () => ({ path: `/v1/agencies/${A}/brought-in-reports` }),
      expect: only(["manager", "regionManager", "admin"], 200),
    },
    {
      route: "PUT /v1/agencies/{code}/brought-in-reports/{year}",
      name: "bring in a report of A",
      build: async () => ({
        // 2008: a year the publish row (from 2009) never locks; bringing it in again replaces it.
        path: `/v1/agencies/${A}/brought-in-reports/2008`,
        body: { report: (await import("@ogi/domain")).emptyReport({ name: "A" }, 2008) },
      }),
      expect: only(["manager", "admin"], 200),
    },
    {
      route: "GET /v1/agencies/{code}/summary",
      name: "A's year to date",
      build: () => ({ path: `/v1/agencies/${A}/summary` }),
      expect: only(["clerk", "manager", "regionManager", "admin", "botForClerk"], 200),
    },
    {
      route: "GET /v1/regions/{code}/reports/{year}",
      name: "the region's unpublished sum",
      build: () => ({ path: `/v1/regions/${REGION}/reports/2025` }),
      expect: only(["regionManager", "admin"], 200),
    },
    {
      route: "GET /v1/regions/{code}/summary",
      name: "the region's year to date",
      build: () => ({ path: `/v1/regions/${REGION}/summary` }),
      expect: only(["regionManager", "admin"], 200),
    },
    {
      route: "GET /v1/agencies/{code}/months",
      name: "A's flows by month (the console's chart)",
      build: () => ({ path: `/v1/agencies/${A}/months` }),
      expect: only(["clerk", "manager", "regionManager", "admin", "botForClerk"], 200),
    },
    {
      route: "GET /v1/regions/{code}/agencies",
      name: "the region's year to date, agency by agency",
      build: () => ({ path: `/v1/regions/${REGION}/agencies` }),
      expect: only(["regionManager", "admin"], 200),
    },
    {
      route: "POST /v1/sign-in-links",
      name: "a one-time sign-in link to the console, for oneself",
      build: () => ({ path: "/v1/sign-in-links" }),
      // The bot's own token acts for no one: it can't sign anyone in.
      expect: only(
        ROLES.filter((r) => r !== "botService"),
        201,
      ),
    },
    {
      route: "POST /v1/check",
      name: "check a report",
      build: async () => ({ path: "/v1/check", body: await emptyReportOf(2025) }),
      expect: everyone(200, { revoked: 401 }),
    },
    {
      route: "POST /v1/parse",
      name: "parse a published report",
      build: () => ({
        path: "/v1/parse",
        body: parseBody,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
      expect: everyone(200, { revoked: 401 }),
    },
    {
      route: "GET /v1/calendar/{year}",
      name: "a year's holidays (public)",
      build: () => ({ path: "/v1/calendar/2026" }),
      expect: everyone(200, { revoked: 401 }),
    },
    {
      route: "GET /v1/calendar/holidays",
      name: "the loaded holiday files",
      build: () => ({ path: "/v1/calendar/holidays" }),
      expect: only(ROLES, 200),
    },
    {
      route: "POST /v1/calendar/holidays",
      name: "load a holiday file",
      build: () => ({
        path: "/v1/calendar/holidays",
        body: { holidays: { "2031-01-01": "New Year's Day,元旦,1" }, workdays: {} },
      }),
      expect: only(["admin"], 201),
    },
    {
      route: "POST /v1/backup",
      name: "a backup of the embedded database",
      build: () => ({ path: "/v1/backup" }),
      expect: only(["admin"], 200),
    },
    {
      route: "GET /v1/reminders/due",
      name: "the day's reminders",
      build: () => ({ path: "/v1/reminders/due?date=2025-06-03" }),
      expect: only(["admin", "botService"], 200),
    },
    {
      route: "POST /v1/reminders/{key}/sent",
      name: "record a delivered reminder",
      build: () => ({
        path: `/v1/reminders/2025-06-03.due.matrix-${fresh()}/sent`,
        body: { delivered: true, attempts: 1 },
      }),
      expect: only(["admin", "botService"], 200),
    },
  ];

  const emptyCounts = async () => (await import("@ogi/domain")).emptyRequestsTable();
  const emptyReportOf = async (year: number) =>
    (await import("@ogi/domain")).emptyReport({ name: "某局" }, year);

  it("every route of the OpenAPI document has a row in the matrix", async () => {
    const doc = await s.call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    const documented = Object.entries(doc.data.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    const covered = new Set(cases().map((c) => c.route));
    const missing = documented.filter((r) => !covered.has(r));
    expect(missing, "routes without an access-matrix entry in tests/reliability").toEqual([]);
    const stale = [...covered].filter((r) => !documented.includes(r));
    expect(stale, "matrix entries for routes the API no longer has").toEqual([]);
  });

  const table = () => cases().flatMap((c) => ROLES.map((role) => [c, role] as const));
  it("each role gets exactly the expected status on each route", async () => {
    const wrong: string[] = [];
    for (const [c, role] of table()) {
      const req = await c.build(role);
      const o = w.as(role);
      const r = await s.call(c.route.split(" ")[0]!, req.path, {
        ...o,
        ...(req.body !== undefined ? { body: req.body } : {}),
        headers: { ...o.headers, ...req.headers },
      });
      if (r.status !== c.expect[role])
        wrong.push(
          `${c.route} (${c.name}) as ${role}: ${r.status}, expected ${c.expect[role]}: ${r.text.slice(0, 160)}`,
        );
      // Refusals carry the one error shape, bilingual.
      if (r.status >= 400) {
        expect(r.data?.error?.message?.zh, `${c.route} as ${role}`).toBeTruthy();
        expect(r.data?.error?.message?.en, `${c.route} as ${role}`).toBeTruthy();
      }
      const leaks = r.text.includes(SECRET_NAME) || r.text.includes(SECRET_CONTACT);
      if (leaks && !OWN_STAFF.includes(role))
        wrong.push(`${c.route} (${c.name}) as ${role}: applicant's personal data leaked`);
    }
    expect(wrong).toEqual([]);
  });

  it("the agency's own staff do see the applicant (the leak check can fail)", async () => {
    for (const role of OWN_STAFF) {
      const r = await s.call("GET", `/v1/applications/${w.appA}`, w.as(role));
      expect(r.status).toBe(200);
      expect(r.data.applicant).toEqual({ name: SECRET_NAME, contact: SECRET_CONTACT });
    }
    for (const role of ["admin", "regionManager"] as const) {
      const r = await s.call("GET", `/v1/agencies/${A}/applications`, w.as(role));
      expect(r.status).toBe(200);
      expect(r.data.applications.length).toBeGreaterThan(0);
      expect(r.text).not.toContain(SECRET_NAME);
    }
  });

  it("another agency's staff can't reach A through B, X or the region", async () => {
    for (const path of [
      `/v1/agencies/${GOV}/applications`,
      `/v1/agencies/${A}/applications?status=open`,
      `/v1/agencies/${A}/reports/2025?format=html`,
      `/v1/regions/411422/summary`,
    ]) {
      const r = await s.call("GET", path, w.as("otherAgency"));
      if (path.startsWith("/v1/regions/411422")) expect(r.status).toBe(200);
      else expect(r.status, path).toBe(403);
      expect(r.text).not.toContain(SECRET_NAME);
    }
    const r = await s.call("GET", `/v1/agencies/${X}/applications`, w.as("clerk"));
    expect(r.status).toBe(403);
  });
});
