// Reading the register (routes/applications.ts): filters, the look-up by running number, and
// the register → report guarantee (a register built through the API gives the fold's report).
import { loadRegister, testEngines } from "@ogi/db";
import {
  APPLICANT_TYPES,
  deriveRequests,
  emptyRequestsTable,
  OUTCOMES,
  registerSchema,
  summarize,
} from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { B, GOV, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  sharedApiFixture(engine, (f) => {
    ({ s } = f);
  });

  describe("register", () => {
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
      // Before today, from the flows by day: the fold's figures on every day of the register.
      const last = Date.parse("2025-12-19T00:00:00Z");
      for (let t = Date.parse("2022-01-01T00:00:00Z"); t <= last; t += 86_400_000) {
        const asOf = new Date(t).toISOString().slice(0, 10);
        const past = await s.call("GET", `/v1/agencies/${code}/summary?asOf=${asOf}`, admin);
        const { asOf: _, ...expected } = summarize(register, asOf);
        expect(past.data, asOf).toMatchObject({ ...expected, asOf });
      }
    });
  });
});
