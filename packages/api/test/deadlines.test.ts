// Deadlines in the API (issue 4): every application carries its due date, trace and status;
// lists filter by overdue and due within N working days; holiday files (admin) recompute the
// open due dates; the reminder routes of the bot's scheduler. PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Today is Monday 2026-10-26, 10:00 in China.
import { auditEntries, testEngines } from "@ogi/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const GOV = "411421-gov";
const A = "411421-gxkj";
const X = "411422-other";
const TG_CLERK = 8001;
const TG_MANAGER = 8002;

// The 2026 arrangement without the 调休 Saturday 10-10 (and only 国庆 off): a file that
// replaces chinese-days' 2026, to see the open due dates move.
const file2026 = {
  holidays: Object.fromEntries(
    ["01", "02", "03", "04", "05", "06", "07"].map((d) => [
      `2026-10-${d}`,
      "National Day,国庆节,3",
    ]),
  ),
  workdays: {},
};

describe.each(testEngines())("deadlines in the API on %s", (engine) => {
  let s: Setup;
  const tokens: Record<string, string> = {};
  const staffIds: Record<string, string> = {};
  let service = "";
  const apps: Record<string, string> = {};
  const admin = { token: ADMIN_TOKEN };

  beforeAll(async () => {
    s = await setup(engine, "2026-10-26T02:00:00Z");
    for (const body of [
      { code: GOV, name: "民权县人民政府", regionCode: "411421" },
      { code: A, name: "民权县工业和信息化科技局", parentCode: GOV },
      { code: X, name: "睢县某局", regionCode: "411422" },
    ])
      expect((await s.call("POST", "/v1/agencies", { ...admin, body })).status).toBe(201);
    service = (await s.call("POST", "/v1/tokens", { ...admin, body: { kind: "service" } })).data
      .token;
    const people: [string, string, "clerk" | "manager", number | null][] = [
      ["clerkA", A, "clerk", TG_CLERK],
      ["managerGov", GOV, "manager", TG_MANAGER],
      ["clerkX", X, "clerk", null],
    ];
    for (const [who, code, role, tg] of people) {
      const r = await s.call("POST", `/v1/agencies/${code}/staff`, {
        ...admin,
        body: { name: who, role },
      });
      staffIds[who] = r.data.id;
      tokens[who] = (
        await s.call("POST", "/v1/tokens", {
          ...admin,
          body: { kind: "personal", staffId: r.data.id },
        })
      ).data.token;
      if (tg !== null)
        expect(
          (
            await s.call("POST", "/v1/staff/link", {
              token: service,
              body: { inviteCode: r.data.inviteCode, telegramUserId: tg },
            })
          ).status,
        ).toBe(200);
    }
    for (const [name, receivedOn] of [
      ["national", "2026-09-28"], // due 10-30: 09-29, 09-30, 10-08, 10-09, 10-10 (调休), …
      ["late", "2026-09-18"], // due 10-22: the worked example of docs/deadlines.md
      ["fresh", "2026-10-23"],
    ]) {
      const r = await s.call("POST", `/v1/agencies/${A}/applications`, {
        token: tokens.clerkA,
        body: { receivedOn, applicantType: "naturalPerson", channel: "online" },
      });
      expect(r.status).toBe(201);
      apps[name!] = r.data.id;
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  describe("due dates on every application", () => {
    it("carries dueDate, provisional, the bilingual trace and the status", async () => {
      const r = await s.call("GET", `/v1/applications/${apps.national}`, {
        token: tokens.clerkA,
      });
      expect(r.status).toBe(200);
      expect(r.data).toMatchObject({
        dueDate: "2026-10-30",
        provisional: false,
        deadlineStatus: "dueSoon",
        workingDaysLeft: 4,
      });
      const zh = r.data.trace.map((t: { zh: string }) => t.zh);
      expect(zh[0]).toContain("收到申请 2026-09-28（星期一）");
      expect(zh).toContain("2026-10-10（星期六）国庆节调休上班，计入（第 5 个工作日）");
      expect(r.data.trace.at(-1).en).toContain("2026-10-30 (Friday)");
    });

    it("lists carry the same fields and filter by overdue and due within N working days", async () => {
      const list = async (q: string) =>
        (
          await s.call("GET", `/v1/agencies/${A}/applications${q}`, { token: tokens.clerkA })
        ).data.applications.map((a: { id: string }) => a.id);
      expect(await list("?overdue=true")).toEqual([apps.late]);
      expect(await list("?dueWithin=3")).toEqual([]);
      expect(await list("?dueWithin=4")).toEqual([apps.national]);
      expect((await list("?overdue=false")).sort()).toEqual([apps.national, apps.fresh].sort());
      const all = await s.call("GET", `/v1/agencies/${A}/applications`, { token: tokens.clerkA });
      const late = all.data.applications.find((a: { id: string }) => a.id === apps.late);
      expect(late).toMatchObject({
        dueDate: "2026-10-22",
        overdue: true,
        deadlineStatus: "overdue",
        workingDaysLeft: -2,
        provisional: false,
      });
      expect(late.trace.length).toBeGreaterThan(3);
    });

    it("refuses a bad filter with a bilingual 400", async () => {
      const r = await s.call("GET", `/v1/agencies/${A}/applications?dueWithin=soon`, {
        token: tokens.clerkA,
      });
      expect(r.status).toBe(400);
      expect(r.data.error.message).toHaveProperty("zh");
    });
  });

  describe("the calendar", () => {
    it("GET /v1/calendar/{year}: the package's years, and the statutory fallback (provisional)", async () => {
      const y2026 = await s.call("GET", "/v1/calendar/2026");
      expect(y2026.status).toBe(200);
      expect(y2026.data).toMatchObject({ year: 2026, source: "package", provisional: false });
      expect(y2026.data.days).toContainEqual(
        expect.objectContaining({ date: "2026-10-10", kind: "makeUpWorkday" }),
      );
      const y2031 = await s.call("GET", "/v1/calendar/2031");
      expect(y2031.data).toMatchObject({ source: "statutory", provisional: true });
      expect((await s.call("GET", "/v1/calendar/1800")).status).toBe(400);
    });

    it("POST /v1/calendar/holidays is for administrators", async () => {
      expect((await s.call("POST", "/v1/calendar/holidays", { body: file2026 })).status).toBe(401);
      for (const token of [tokens.clerkA, tokens.managerGov, service])
        expect(
          (await s.call("POST", "/v1/calendar/holidays", { token, body: file2026 })).status,
        ).toBe(403);
    });

    it("refuses a bad file with a bilingual 422 naming each problem, and changes nothing", async () => {
      const r = await s.call("POST", "/v1/calendar/holidays", {
        ...admin,
        body: {
          holidays: { "2027-02-03": "Spring Festival,春节,4" },
          // Listed as a holiday too, and a Wednesday: neither can be a make-up working day.
          workdays: {
            "2027-02-03": "Spring Festival,春节,4",
            "2027-02-10": "Spring Festival,春节,4",
          },
        },
      });
      expect(r.status).toBe(422);
      expect(r.data.error.code).toBe("invalidHolidayFile");
      expect(r.data.error.message.zh).toContain("同时列为放假日和上班日");
      expect(r.data.error.message.en).toContain("is a weekday");
      expect(r.data.error.issues.map((i: { path: string }) => i.path)).toEqual([
        "workdays.2027-02-03",
        "workdays.2027-02-10",
      ]);
      const badKey = await s.call("POST", "/v1/calendar/holidays", {
        ...admin,
        body: { holidays: { "2027-13-01": "New Year's Day,元旦,1" }, workdays: {} },
      });
      expect(badKey.status).toBe(422);
      expect(badKey.data.error.issues[0].message).toContain("YYYY-MM-DD");
      const junk = await s.call("POST", "/v1/calendar/holidays", { ...admin, body: "{not json" });
      expect([400, 422]).toContain(junk.status);
      expect((await s.call("GET", "/v1/calendar/holidays", admin)).data.files).toEqual([]);
    });

    it("a loaded file recomputes the open due dates in the same transaction", async () => {
      const r = await s.call("POST", "/v1/calendar/holidays", { ...admin, body: file2026 });
      expect(r.status).toBe(201);
      expect(r.data.years).toEqual([2026]);
      // Without the 调休 Saturday 10-10, every open count that crossed it ends a day later.
      expect(r.data.recomputed).toContainEqual({
        id: apps.national,
        from: "2026-10-30",
        to: "2026-11-02",
      });
      const got = await s.call("GET", `/v1/applications/${apps.national}`, {
        token: tokens.clerkA,
      });
      expect(got.data.dueDate).toBe("2026-11-02");
      expect(
        (
          await s.call("GET", `/v1/agencies/${A}/applications?dueWithin=5`, {
            token: tokens.clerkA,
          })
        ).data.applications.map((a: { id: string }) => a.id),
      ).toEqual([apps.national]);
      expect((await s.call("GET", "/v1/calendar/2026")).data.source).toBe("file");
      const files = await s.call("GET", "/v1/calendar/holidays", { token: service });
      expect(files.data.files).toHaveLength(1);
      expect(files.data.files[0].file).toEqual(file2026);
      const audit = await auditEntries(s.database.db, 5);
      expect(audit.find((e) => e.action === "calendar.load")).toMatchObject({ channel: "api" });
    });
  });

  describe("the reminder routes", () => {
    it("are for the bot's service token and administrators", async () => {
      expect((await s.call("GET", "/v1/reminders/due?date=2026-10-26")).status).toBe(401);
      expect(
        (await s.call("GET", "/v1/reminders/due?date=2026-10-26", { token: tokens.managerGov }))
          .status,
      ).toBe(403);
      expect(
        (
          await s.call("POST", "/v1/reminders/2026-10-26.due.x/sent", {
            token: tokens.clerkA,
            body: { delivered: true, attempts: 1 },
          })
        ).status,
      ).toBe(403);
    });

    it("lists the day's reminders of the linked staff, and nothing on a weekend", async () => {
      const r = await s.call("GET", "/v1/reminders/due?date=2026-10-26", { token: service });
      expect(r.status).toBe(200);
      expect(r.data.workingDay).toBe(true);
      const byStaff = Object.fromEntries(
        r.data.reminders.map((x: { staffId: string }) => [x.staffId, x]),
      );
      expect(Object.keys(byStaff).sort()).toEqual([staffIds.clerkA, staffIds.managerGov].sort());
      expect(byStaff[staffIds.clerkA!]).toMatchObject({
        kind: "due",
        telegramUserId: TG_CLERK,
        sentAt: null,
        key: `2026-10-26.due.${staffIds.clerkA}`,
      });
      expect(byStaff[staffIds.clerkA!].text.zh).toContain("已逾期 1 件");
      expect(byStaff[staffIds.managerGov!]).toMatchObject({
        kind: "digest",
        telegramUserId: TG_MANAGER,
      });
      expect(byStaff[staffIds.managerGov!].text.zh).toContain("民权县工业和信息化科技局");
      const sunday = await s.call("GET", "/v1/reminders/due?date=2026-10-25", { token: service });
      expect(sunday.data).toEqual({ date: "2026-10-25", workingDay: false, reminders: [] });
      expect(
        (await s.call("GET", "/v1/reminders/due?date=2026-02-30", { token: service })).status,
      ).toBe(400);
    });

    it("records deliveries: attempts add up, and a delivered one shows its time", async () => {
      const key = `2026-10-26.due.${staffIds.clerkA}`;
      const failed = await s.call("POST", `/v1/reminders/${key}/sent`, {
        token: service,
        body: { delivered: false, attempts: 3, error: "ETIMEDOUT" },
      });
      expect(failed.data).toEqual({ key, sentAt: null, attempts: 3, lastError: "ETIMEDOUT" });
      const ok = await s.call("POST", `/v1/reminders/${key}/sent`, {
        token: service,
        body: { delivered: true, attempts: 1 },
      });
      expect(ok.data).toMatchObject({ key, sentAt: "2026-10-26T02:00:00.000Z", attempts: 4 });
      const again = await s.call("GET", "/v1/reminders/due?date=2026-10-26", { token: service });
      const mine = again.data.reminders.find((x: { key: string }) => x.key === key);
      expect(mine).toMatchObject({ sentAt: "2026-10-26T02:00:00.000Z", attempts: 4 });
      const bad = await s.call("POST", "/v1/reminders/not-a-key/sent", {
        token: service,
        body: { delivered: true, attempts: 1 },
      });
      expect(bad.status).toBe(400);
      expect(bad.data.error.message).toHaveProperty("zh");
      const badBody = await s.call("POST", `/v1/reminders/${key}/sent`, {
        token: service,
        body: { delivered: "yes" },
      });
      expect(badBody.status).toBe(422);
    });

    it("with the read cache on, a recorded delivery shows in the next list at once", async () => {
      const app = createApp({
        db: s.database.db,
        clock: s.clock,
        logger: pino({ level: "silent" }),
        config: { adminToken: ADMIN_TOKEN, cacheReads: true },
      });
      const auth = { authorization: `Bearer ${service}` };
      type Due = { reminders: { key: string; sentAt: string | null }[] };
      const due = async () => {
        const res = await app.request("/v1/reminders/due?date=2026-10-27", { headers: auth });
        return ((await res.json()) as Due).reminders;
      };
      const [first] = await due();
      expect(first!.sentAt).toBeNull();
      expect((await due())[0]!.sentAt).toBeNull();
      const posted = await app.request(`/v1/reminders/${first!.key}/sent`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ delivered: true, attempts: 1 }),
      });
      expect(posted.status).toBe(200);
      expect((await due()).find((r) => r.key === first!.key)!.sentAt).not.toBeNull();
    });

    it("reminds managers of last year's report in January, with the draft's findings", async () => {
      const r = await s.call("GET", "/v1/reminders/due?date=2026-01-05", { token: service });
      const annual = r.data.reminders.filter((x: { kind: string }) => x.kind === "annualReport");
      expect(annual.map((x: { staffId: string }) => x.staffId)).toEqual([staffIds.managerGov]);
      expect(annual[0].text.zh).toContain("2025 年政府信息公开工作年度报告应于 2026-01-31 前公布");
      expect(annual[0].text.zh).toContain("民权县人民政府：尚未公布");
    });
  });
});
