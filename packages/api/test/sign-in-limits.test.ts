// Failed sign-ins (issue 14, item 7) slow the one failing, never a valid user at the same
// address: per presented token and per client address, the address taken from X-Forwarded-For
// only with TRUST_PROXY. Over real HTTP on loopback (the limits need a client address).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { createTestDb, type Database } from "@ogi/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { DEFAULT_DOCUMENT_LIMITS, DEFAULT_RENDER_LIMITS } from "../src/documents/limits.ts";
import { parseEnv } from "../src/env.ts";
import { DEFAULT_AUTH_FAILURES } from "../src/guards.ts";
import { ADMIN_TOKEN, fixedClock } from "./helpers.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDb("pglite");
});
afterAll(async () => {
  await database.close();
});

const serve = async (trustProxy: boolean) => {
  const app = createApp({
    db: database.db,
    clock: fixedClock("2025-12-20T02:00:00Z"),
    logger: pino({ level: "silent" }),
    config: {
      adminToken: ADMIN_TOKEN,
      authFailures: { perToken: 3, perAddress: 8, delayMs: 200 },
      trustProxy,
    },
  });
  const server: Server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const me = async (token: string, from?: string) => {
    const started = performance.now();
    const res = await fetch(`${base}/v1/me`, {
      headers: {
        authorization: `Bearer ${token}`,
        ...(from ? { "x-forwarded-for": `198.51.100.1, ${from}` } : {}),
      },
    });
    const body = (await res.json()) as { error?: { code: string; message: { zh: string } } };
    return {
      status: res.status,
      code: body.error?.code,
      zh: body.error?.message.zh,
      retryAfter: res.headers.get("retry-after"),
      ms: performance.now() - started,
    };
  };
  return { me, close: () => new Promise((r) => server.close(r)) };
};

describe("failed sign-ins", () => {
  it("past the address's limit failures are 429, answered late; a valid token is still served", async () => {
    const s = await serve(false);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await s.me(`wrong-${i}`)).status);
      expect(statuses).toEqual(Array(8).fill(401));
      const over = await s.me("wrong-9");
      expect(over).toMatchObject({ status: 429, code: "tooManyRequests", retryAfter: "60" });
      expect(over.zh).toContain("身份验证失败过于频繁");
      expect(over.ms).toBeGreaterThanOrEqual(190);
      // The same address, a valid token: served at once, every time.
      for (let i = 0; i < 3; i++) {
        const right = await s.me(ADMIN_TOKEN);
        expect(right.status).toBe(200);
        expect(right.ms).toBeLessThan(190);
      }
    } finally {
      await s.close();
    }
  });

  it("a token that failed too often is refused before it is looked up, from any address", async () => {
    const s = await serve(true);
    try {
      for (let i = 0; i < 3; i++)
        expect((await s.me("ogi_revoked", `203.0.113.${i}`)).status).toBe(401);
      const fourth = await s.me("ogi_revoked", "203.0.113.50");
      expect(fourth).toMatchObject({ status: 429, code: "tooManyRequests" });
      // Other tokens from that address are not affected.
      expect((await s.me("ogi_other", "203.0.113.50")).status).toBe(401);
      expect((await s.me(ADMIN_TOKEN, "203.0.113.50")).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("with TRUST_PROXY the client's address is X-Forwarded-For's last entry; without, the socket's", async () => {
    const proxied = await serve(true);
    try {
      // Eight failures from one client behind the proxy put that client over its limit only.
      for (let i = 0; i < 8; i++) await proxied.me(`bad-${i}`, "203.0.113.7");
      expect((await proxied.me("bad-x", "203.0.113.7")).status).toBe(429);
      expect((await proxied.me("bad-y", "203.0.113.8")).status).toBe(401);
    } finally {
      await proxied.close();
    }
    const direct = await serve(false);
    try {
      // Without TRUST_PROXY the header is the client's say: all of these are one address.
      for (let i = 0; i < 8; i++) await direct.me(`bad-${i}`, `203.0.113.${i}`);
      expect((await direct.me("bad-x", "203.0.113.99")).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});

describe("the limits' configuration", () => {
  it("reads TRUST_PROXY, AUTH_* and PARSE_* with defaults, and explains bad values", () => {
    const defaults = parseEnv({}, { dataDir: "/d" });
    expect(defaults.trustProxy).toBe(false);
    expect(defaults.authFailures).toEqual(DEFAULT_AUTH_FAILURES);
    expect(defaults.documents).toEqual({ ...DEFAULT_DOCUMENT_LIMITS, ...DEFAULT_RENDER_LIMITS });
    const set = parseEnv(
      {
        TRUST_PROXY: "1",
        AUTH_FAILURES_PER_TOKEN: "7",
        AUTH_FAILURES_PER_ADDRESS: "70",
        AUTH_FAILURE_DELAY_MS: "0",
        PARSE_MAX_PAGES: "50",
        PARSE_TIMEOUT_MS: "5000",
        PARSE_WORKERS: "1",
        PARSE_QUEUE: "0",
      },
      { dataDir: "/d" },
    );
    expect(set.trustProxy).toBe(true);
    expect(set.authFailures).toEqual({ perToken: 7, perAddress: 70, delayMs: 0 });
    expect(set.documents).toMatchObject({ maxPages: 50, timeoutMs: 5000, workers: 1, queue: 0 });
    expect(() => parseEnv({ TRUST_PROXY: "maybe", PARSE_WORKERS: "0" }, { dataDir: "/d" })).toThrow(
      /PARSE_WORKERS[\s\S]*TRUST_PROXY|TRUST_PROXY[\s\S]*PARSE_WORKERS/,
    );
  });
});
