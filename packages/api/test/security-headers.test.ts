// Security headers (issue 14, item 10): nosniff on every answer (errors and answers replayed by
// the read cache before the framework included), a strict Content-Security-Policy with
// frame-ancestors 'none' on HTML (a report rendered as HTML), and /docs's own policy, which
// lets Scalar load: its bundle and its one inline script (by hash), nothing that needs eval.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createTestDb, type Database } from "@ogi/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "../src/server.ts";
import { ADMIN_TOKEN, fixedClock } from "./helpers.ts";

let database: Database;
let base = "";
let close: () => Promise<unknown>;
const CODE = "411421-gxkj";
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  database = await createTestDb("pglite");
  const { server } = createApiServer(database, {
    clock: fixedClock("2025-12-20T02:00:00Z"),
    logger: pino({ level: "silent" }),
    config: { adminToken: ADMIN_TOKEN },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(r));
  const made = await fetch(`${base}/v1/agencies`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ code: CODE, name: "民权县工业和信息化科技局", regionCode: "411421" }),
  });
  expect(made.status).toBe(201);
});
afterAll(async () => {
  await close?.();
  await database?.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers });
  return { res, text: await res.text() };
};

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

describe("security headers", () => {
  it("nosniff on every answer: JSON, errors, 404, and reads the cache replays", async () => {
    const answers = [
      await get("/health"),
      await get("/openapi.json"),
      await get("/v1/nowhere"),
      await get(`/v1/agencies/${CODE}/applications`),
      await get(`/v1/agencies/${CODE}/applications`, auth),
      // The same read again and again: answered from the cache, before the framework.
      await get(`/v1/agencies/${CODE}/applications`, auth),
      await get(`/v1/agencies/${CODE}/applications`, auth),
      await get("/docs/standalone.js"),
    ];
    expect(answers.map((a) => a.res.status)).toEqual([200, 200, 404, 401, 200, 200, 200, 200]);
    for (const { res } of answers) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    const bad = await fetch(`${base}/v1/agencies`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("a report rendered as HTML: strict CSP, frame-ancestors 'none', and nothing it would block", async () => {
    for (let i = 0; i < 2; i++) {
      const { res, text } = await get(`/v1/agencies/${CODE}/reports/2025?format=html`, auth);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      // The page needs no script and nothing from elsewhere: the policy takes nothing from it.
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    }
  });

  it("/docs: its own policy, which allows every script the page has and no eval", async () => {
    const { res, text } = await get("/docs");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    // Every external script is from this origin, and served as JavaScript.
    const srcs = [...text.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(0);
    expect(scriptSrc).toContain("'self'");
    for (const src of srcs) {
      expect(src.startsWith("/")).toBe(true);
      const js = await get(src);
      expect(js.res.status).toBe(200);
      expect(js.res.headers.get("content-type")).toMatch(/javascript/);
      // What the policy would refuse in the bundle: code built from strings.
      expect(js.text).not.toMatch(/[^.\w$]eval\(|new Function\(/);
    }
    // Every inline script is allowed by its hash.
    const inline = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBe(1);
    for (const code of inline) expect(scriptSrc).toContain(sha256(code));
    // Scalar's default fonts would come from its CDN, which the policy refuses: they are off.
    expect(inline[0]).toContain("withDefaultFonts: false");
  });
});
