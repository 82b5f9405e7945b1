// Reports (routes/reports.ts): rendering, publication that locks a year, reopening, regions.
import { testEngines } from "@ogi/db";
import { type Report, sumReports } from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { A, type ApiFixture, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  let as: ApiFixture["as"];
  sharedApiFixture(engine, (f) => {
    ({ s, as } = f);
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
});
