// The API's meta routes (/health, /openapi.json, /docs), its errors (malformed bodies, unknown
// routes, bad tokens), and the public routes (check, parse).
import { testEngines } from "@ogi/db";
import { emptyReport } from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { A, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  sharedApiFixture(engine, (f) => {
    ({ s } = f);
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
      // The enumerations taken by their Chinese names list those names, as the API accepts them.
      const create = doc.data.components.schemas.CreateApplication.properties;
      expect(create.applicantType.enum).toEqual(
        expect.arrayContaining(["naturalPerson", "自然人", "律师事务所", "legalServiceAgency"]),
      );
      expect(create.channel.enum).toEqual(expect.arrayContaining(["post", "信函", "网络"]));
      expect(create.applicantType.description).toMatch(/自然人.*naturalPerson/);
      const byName = await s.call("POST", `/v1/agencies/${A}/applications`, {
        token: ADMIN_TOKEN,
        body: { receivedOn: "2025-03-03", applicantType: "律师事务所", channel: "信函" },
      });
      expect(byName.status).toBe(201);
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
