// Through a real HTTP server on loopback with the typed client; restart with the data kept;
// the configuration; the demo data.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { auditEntries, createDb, freshPostgres, testEngines } from "@ogi/db";
import { checkReport, hasErrors } from "@ogi/domain";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGENCIES, DEMO_REGION, seedDemo } from "../src/demo.ts";
import {
  type Client,
  createApiServer,
  createApp,
  createClient,
  demoWanted,
  inProcessFetch,
  parseEnv,
} from "../src/index.ts";
import { ADMIN_TOKEN, fixedClock, type Setup, setup } from "./helpers.ts";

describe("over HTTP on loopback", () => {
  let s: Setup;
  let server: ReturnType<typeof serve>;
  let base = "";
  beforeAll(async () => {
    s = await setup("pglite");
    await new Promise<void>((resolve) => {
      server = serve(
        { fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" },
        (info: AddressInfo) => {
          base = `http://127.0.0.1:${info.port}`;
          resolve();
        },
      );
    });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await s.close();
  });

  /** Registers, concludes and reads back through the typed client `client` makes. */
  const roundTrip = async (client: (token?: string) => Client, code: string) => {
    const admin = client(ADMIN_TOKEN);
    const created = await admin.v1.agencies.$post({
      json: { code, name: "网络局" },
    });
    expect(created.status).toBe(201);
    const app = await admin.v1.agencies[":code"].applications.$post({
      param: { code: code },
      json: { receivedOn: "2025-10-09", applicantType: "naturalPerson", subject: "测试" },
    });
    expect(app.status).toBe(201);
    if (app.status !== 201) return;
    const { id, number, dueDate } = await app.json();
    expect(number).toBe(1);
    expect(dueDate).toMatch(/^2025-11-\d\d$/);
    const ev = await admin.v1.applications[":id"].events.$post({
      param: { id },
      query: { yearToDate: "true" },
      json: { type: "concluded", date: "2025-10-20", outcome: "granted" },
    });
    expect(ev.status).toBe(201);
    if (ev.status !== 201) return;
    // The answer carries the agency's year to date after the conclusion, as GET …/summary has it.
    const recorded = await ev.json();
    expect(recorded.status).toBe("concluded");
    expect(recorded.yearToDate?.concludedTotal.total).toBe(1);
    expect(recorded.yearToDate?.openNow.total).toBe(0);
    const summary = await admin.v1.agencies[":code"].summary.$get({ param: { code }, query: {} });
    expect(await summary.json()).toEqual(recorded.yearToDate);
    const report = await admin.v1.agencies[":code"].reports[":year"].$get({
      param: { code: code, year: "2025" },
      query: {},
    });
    expect(report.status).toBe(200);
    if (report.status === 200) {
      const body = (await report.json()) as {
        report: { requests: { granted: { total: number } } };
      };
      expect(body.report.requests.granted.total).toBe(1);
    }
    const anonymous = client();
    const denied = await anonymous.v1.agencies.$get();
    expect(denied.status).toBe(401);
  };

  it("the typed client registers, concludes and reads back", async () => {
    await roundTrip((token) => createClient(base, token), "411421-http");
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ ok: true });
    const docs = await fetch(`${base}/docs/standalone.js`);
    expect(docs.headers.get("content-type")).toContain("javascript");
    await docs.arrayBuffer();
  });

  it("and in process, without a socket (the bot beside the API under pnpm start)", async () => {
    const fetchInProcess = inProcessFetch(s.app);
    await roundTrip(
      (token) => createClient("http://in-process", token, { fetch: fetchInProcess }),
      "411421-local",
    );
  });
});

describe.each(testEngines())("restart on %s", (engine) => {
  it("keeps the register when the API is stopped and started again", async () => {
    let config: { dataDir?: string; databaseUrl?: string };
    let cleanup: () => Promise<void>;
    if (engine === "pglite") {
      const dir = mkdtempSync(join(tmpdir(), "ogi-api-"));
      config = { dataDir: dir };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const fresh = await freshPostgres();
      config = { databaseUrl: fresh.url };
      cleanup = fresh.drop;
    }
    const deps = (db: Awaited<ReturnType<typeof createDb>>) => ({
      db: db.db,
      clock: fixedClock("2025-06-01T00:00:00Z"),
      logger: pino({ level: "silent" }),
      config: { adminToken: ADMIN_TOKEN },
    });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };
    try {
      const first = await createDb(config);
      const app1 = createApp(deps(first));
      expect(
        (
          await app1.request("/v1/agencies", {
            method: "POST",
            headers: auth,
            body: JSON.stringify({ code: "411421-r", name: "重启局" }),
          })
        ).status,
      ).toBe(201);
      const created = await app1.request("/v1/agencies/411421-r/applications", {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ receivedOn: "2025-05-06", applicantType: "naturalPerson" }),
      });
      const { id } = (await created.json()) as { id: string };
      await first.close();
      const second = await createDb(config);
      const app2 = createApp(deps(second));
      const read = await app2.request(`/v1/applications/${id}`, { headers: auth });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { number: number }).number).toBe(1);
      const next = await app2.request("/v1/agencies/411421-r/applications", {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ receivedOn: "2025-05-07", applicantType: "naturalPerson" }),
      });
      expect(((await next.json()) as { number: number }).number).toBe(2);
      await second.close();
    } finally {
      await cleanup();
    }
  });
});

describe("configuration", () => {
  it("has defaults and explains what is wrong", () => {
    expect(parseEnv({}, { dataDir: "/x/.data" })).toMatchObject({
      port: 3000,
      dataDir: "/x/.data",
      databaseUrl: undefined,
    });
    expect(
      parseEnv(
        { PORT: "8080", OGI_DATA_DIR: "/d", DATABASE_URL: "postgres://u@h/db" },
        { dataDir: "" },
      ),
    ).toMatchObject({
      port: 8080,
      dataDir: "/d",
      databaseUrl: "postgres://u@h/db",
    });
    expect(() =>
      parseEnv(
        { PORT: "eighty", DATABASE_URL: "mysql://x", OGI_ADMIN_TOKEN: "short" },
        { dataDir: "" },
      ),
    ).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*OGI_ADMIN_TOKEN/);
  });

  it("bounds the document workers: reading and writing apart", () => {
    expect(parseEnv({}, { dataDir: "/d" }).documents).toMatchObject({
      workers: 2,
      renderWorkers: 2,
      renderQueue: 8,
    });
    expect(
      parseEnv({ RENDER_WORKERS: "4", RENDER_QUEUE: "0" }, { dataDir: "/d" }).documents,
    ).toMatchObject({ renderWorkers: 4, renderQueue: 0 });
    expect(() => parseEnv({ RENDER_WORKERS: "0" }, { dataDir: "/d" })).toThrow(/RENDER_WORKERS/);
  });

  it("loads demo data on the embedded default only, PostgreSQL with OGI_DEMO=1, never with 0", () => {
    const wanted = (env: Record<string, string>) => demoWanted(parseEnv(env, { dataDir: "/d" }));
    const pgUrl = "postgres://u@h/db";
    expect(wanted({})).toBe(true);
    expect(wanted({ DATABASE_URL: pgUrl })).toBe(false);
    expect(wanted({ DATABASE_URL: pgUrl, OGI_DEMO: "1" })).toBe(true);
    expect(wanted({ OGI_DEMO: "0" })).toBe(false);
    expect(wanted({ DATABASE_URL: pgUrl, OGI_DEMO: "0" })).toBe(false);
    expect(() => parseEnv({ OGI_DEMO: "yes" }, { dataDir: "" })).toThrow(/OGI_DEMO.*0 or 1/);
  });
});

describe("demo data", () => {
  it("loads a county and its departments with a balanced year", async () => {
    const s = await setup("pglite", "2026-03-10T02:00:00Z");
    try {
      const result = await seedDemo(s.database.db, new Date("2026-03-10T02:00:00Z"));
      expect(result.agencies).toBe(DEMO_AGENCIES.length);
      expect(result.applications).toBeGreaterThan(50);
      const region = await s.call("GET", `/v1/regions/${DEMO_REGION}/reports/2025`, {
        token: ADMIN_TOKEN,
      });
      expect(region.status).toBe(200);
      expect(region.data.report.requests.newReceived.total).toBeGreaterThan(40);
      const types = new Set<string>();
      for (const a of DEMO_AGENCIES) {
        const r = await s.call("GET", `/v1/agencies/${a.code}/reports/2025`, {
          token: ADMIN_TOKEN,
        });
        expect(hasErrors(checkReport(r.data.report)), JSON.stringify(r.data.findings)).toBe(false);
        const list = await s.call("GET", `/v1/agencies/${a.code}/applications?limit=1000`, {
          token: ADMIN_TOKEN,
        });
        for (const app of list.data.applications.slice(0, 30)) {
          const d = await s.call("GET", `/v1/applications/${app.id}`, { token: ADMIN_TOKEN });
          for (const e of d.data.events) types.add(e.type);
        }
      }
      expect(types.size).toBeGreaterThanOrEqual(6);
    } finally {
      await s.close();
    }
  });
});

describe("read cache (PGlite: one writer)", () => {
  it("serves reads until the next write, then the new figures", async () => {
    const database = await createDb({ dataDir: "memory" });
    try {
      const app = createApp({
        db: database.db,
        clock: fixedClock("2025-06-01T00:00:00Z"),
        logger: pino({ level: "silent" }),
        config: { adminToken: ADMIN_TOKEN, cacheReads: true },
      });
      const headers = {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        "content-type": "application/json",
      };
      const post = (path: string, body: unknown) =>
        app.request(path, { method: "POST", headers, body: JSON.stringify(body) });
      await post("/v1/agencies", { code: "411421-cache", name: "缓存局" });
      const received = async () => {
        const r = await app.request("/v1/agencies/411421-cache/reports/2025", { headers });
        return ((await r.json()) as { report: { requests: { newReceived: { total: number } } } })
          .report.requests.newReceived.total;
      };
      const summary = async () => {
        const r = await app.request("/v1/agencies/411421-cache/summary?asOf=2025-06-01", {
          headers,
        });
        return ((await r.json()) as { received: { total: number } }).received.total;
      };
      expect(await received()).toBe(0);
      expect(await summary()).toBe(0);
      expect(
        (
          await post("/v1/agencies/411421-cache/applications", {
            receivedOn: "2025-05-06",
            applicantType: "naturalPerson",
          })
        ).status,
      ).toBe(201);
      expect(await received()).toBe(1);
      expect(await summary()).toBe(1);
      // Pages of the register, by status and by number, follow the writes too.
      const listed = async (query: string) => {
        const r = await app.request(`/v1/agencies/411421-cache/applications?${query}`, {
          headers,
        });
        return ((await r.json()) as { applications: { number: number; status: string }[] })
          .applications;
      };
      expect((await listed("status=open")).map((a) => a.number)).toEqual([1]);
      expect((await listed("number=1")).map((a) => a.status)).toEqual(["open"]);
      const made = (await (
        await post("/v1/agencies/411421-cache/applications", {
          receivedOn: "2025-05-07",
          applicantType: "naturalPerson",
        })
      ).json()) as { id: string };
      expect((await listed("status=open")).map((a) => a.number)).toEqual([1, 2]);
      expect(
        (
          await post(`/v1/applications/${made.id}/events`, {
            type: "concluded",
            date: "2025-05-20",
            outcome: "granted",
          })
        ).status,
      ).toBe(201);
      expect((await listed("status=open")).map((a) => a.number)).toEqual([1]);
      expect((await listed("number=2")).map((a) => a.status)).toEqual(["concluded"]);
      expect(await summary()).toBe(2);
      // A revoked token stops working at once, cache or not.
      const t = await post("/v1/tokens", { kind: "admin" });
      const { id, token } = (await t.json()) as { id: string; token: string };
      expect(
        (await app.request("/v1/me", { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(200);
      expect((await post(`/v1/tokens/${id}/revoke`, {})).status).toBe(200);
      expect(
        (await app.request("/v1/me", { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(401);
    } finally {
      await database.close();
    }
  });
});

describe("answers from the cache over HTTP", () => {
  it("a stored GET answer is served until a write, then the new one; per credentials", async () => {
    const { createServer } = await import("node:http");
    const { getRequestListener } = await import("@hono/node-server");
    const { cachedListener, createReadCache } = await import("../src/cache.ts");
    const database = await createDb({ dataDir: "memory" });
    const cache = createReadCache(true);
    const clock = fixedClock("2025-06-01T00:00:00Z");
    const app = createApp({
      db: database.db,
      clock,
      logger: pino({ level: "silent" }),
      config: { adminToken: ADMIN_TOKEN },
      cache,
    });
    const server = createServer(
      cachedListener(cache, () => "2025-06-01", getRequestListener(app.fetch)),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const headers = {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        "content-type": "application/json",
      };
      const post = (path: string, body: unknown) =>
        fetch(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
      expect((await post("/v1/agencies", { code: "411421-http2", name: "缓存局" })).status).toBe(
        201,
      );
      const total = async () => {
        const r = await fetch(`${base}/v1/agencies/411421-http2/summary?asOf=2025-06-01`, {
          headers,
        });
        return ((await r.json()) as { received: { total: number } }).received.total;
      };
      expect(await total()).toBe(0);
      expect(await total()).toBe(0);
      expect(
        (
          await post("/v1/agencies/411421-http2/applications", {
            receivedOn: "2025-05-06",
            applicantType: "naturalPerson",
          })
        ).status,
      ).toBe(201);
      expect(await total()).toBe(1);
      // Another credential does not get the admin's stored answer.
      const anonymous = await fetch(`${base}/v1/agencies/411421-http2/summary?asOf=2025-06-01`);
      expect(anonymous.status).toBe(401);
    } finally {
      await new Promise((r) => server.close(r));
      await database.close();
    }
  });
});

describe("read cache tiers", () => {
  it("register writes keep the directory tier (who a token is); other writes clear both", async () => {
    const { createReadCache, scopeOf } = await import("../src/cache.ts");
    const cache = createReadCache(true);
    let reads = 0;
    const read = (key: string, tier: "data" | "directory") =>
      cache.get(key, async () => ++reads, tier);
    expect(await read("p", "directory")).toBe(1);
    expect(await read("s", "data")).toBe(2);
    cache.invalidate(scopeOf("event.concluded"));
    expect(await read("p", "directory")).toBe(1);
    expect(await read("s", "data")).toBe(3);
    cache.invalidate(scopeOf("application.create"));
    expect(await read("p", "directory")).toBe(1);
    for (const action of ["staff.revoke", "token.revoke", "calendar.load", "agency.create"]) {
      const n = reads;
      cache.invalidate(scopeOf(action));
      expect(await read("p", "directory")).toBe(n + 1);
    }
  });
});

/** Reads of "summary" through `cache` that each count and wait until their gate is opened. */
const gatedReads = (cache: {
  get: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
  invalidate: (scope?: "register" | "all") => void;
}) => {
  let reads = 0;
  const gates: (() => void)[] = [];
  const read = () =>
    cache.get("summary", async () => {
      const n = ++reads;
      await new Promise<void>((go) => gates.push(go));
      return n;
    });
  return { read, gates, reads: () => reads };
};

/**
 * Two reads at once share one; a write commits while they run, so a third runs anew (it must
 * see the write) and is not answered from them.
 */
const sharedSinceTheLastWrite = async (cache: Parameters<typeof gatedReads>[0]) => {
  const reads = gatedReads(cache);
  const first = reads.read();
  const second = reads.read();
  cache.invalidate("register");
  const third = reads.read();
  for (const go of reads.gates) go();
  expect(await Promise.all([first, second, third])).toEqual([1, 1, 2]);
  return reads;
};

describe("read cache: reads in flight", () => {
  it("a read begun since the last write is shared; one begun before it is not", async () => {
    const { createReadCache } = await import("../src/cache.ts");
    const cache = createReadCache(true);
    const { reads } = await sharedSinceTheLastWrite(cache);
    expect(reads()).toBe(2);
    // Nothing stored from the read begun before the write; the third's is.
    expect(await cache.get("summary", async () => 99)).toBe(2);
    // A failed read is not kept: the next one computes anew.
    cache.invalidate("register");
    await expect(
      cache.get("summary", async () => Promise.reject(new Error("x"))),
    ).rejects.toThrow();
    expect(await cache.get("summary", async () => 3)).toBe(3);
  });

  it("with the data tier off (PostgreSQL), every read runs", async () => {
    const { createReadCache } = await import("../src/cache.ts");
    const cache = createReadCache(false);
    let reads = 0;
    const results = await Promise.all([1, 2, 3].map(() => cache.get("s", async () => ++reads)));
    expect(results.sort()).toEqual([1, 2, 3]);
  });

  it("off but coalescing (PostgreSQL under createApiServer): reads at once share one, none is kept", async () => {
    const { createReadCache } = await import("../src/cache.ts");
    const cache = createReadCache(false, { coalesce: true });
    const { read, gates, reads } = await sharedSinceTheLastWrite(cache);
    // Nothing is kept: the next read runs (another process may have written meanwhile).
    const fourth = read();
    gates.at(-1)!();
    expect(await fourth).toBe(3);
    // The directory tier is not coalesced while it is off.
    let n = reads();
    const dir = await Promise.all([1, 2].map(() => cache.get("d", async () => ++n, "directory")));
    expect(dir.sort()).toEqual([4, 5]);
  });
});

describe("the database is told of each write", () => {
  it("createApiServer passes every committed write to database.wrote (PGlite's statistics)", async () => {
    const database = await createDb({ dataDir: "memory" });
    const told: number[] = [];
    try {
      const { app } = createApiServer(
        { ...database, wrote: (rows) => told.push(rows) },
        {
          clock: fixedClock("2025-06-01T00:00:00Z"),
          logger: pino({ level: "silent" }),
          config: { adminToken: ADMIN_TOKEN },
        },
      );
      const headers = {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        "content-type": "application/json",
      };
      const post = (path: string, body: unknown) =>
        app.request(path, { method: "POST", headers, body: JSON.stringify(body) });
      expect((await post("/v1/agencies", { code: "411421-told", name: "告知局" })).status).toBe(
        201,
      );
      const made = await post("/v1/agencies/411421-told/applications", {
        receivedOn: "2025-05-06",
        applicantType: "naturalPerson",
      });
      const { id } = (await made.json()) as { id: string };
      await post(`/v1/applications/${id}/events`, {
        type: "concluded",
        date: "2025-05-20",
        outcome: "granted",
      });
      // A refused write is no write.
      await post(`/v1/applications/${id}/events`, {
        type: "concluded",
        date: "2025-05-21",
        outcome: "granted",
      });
      expect(told).toEqual([1, 1, 1]);
    } finally {
      await database.close();
    }
  });
});

describe("the data folder owner's local admin token and POST /v1/backup", () => {
  it("acts as the CLI (audited so), and takes a backup; without PGlite the backup is a 409", async () => {
    const database = await createDb({ dataDir: "memory" });
    const local = "local-admin-token-of-this-run-0123456789";
    const app = (backup: boolean) =>
      createApp({
        db: database.db,
        clock: fixedClock("2025-06-01T00:00:00Z"),
        logger: pino({ level: "silent" }),
        config: { adminToken: undefined, localAdminToken: local },
        ...(backup ? { backup: database.dump! } : {}),
      });
    try {
      const headers = { authorization: `Bearer ${local}`, "content-type": "application/json" };
      const created = await app(true).request("/v1/agencies", {
        method: "POST",
        headers,
        body: JSON.stringify({ code: "411421-local", name: "本地局" }),
      });
      expect(created.status).toBe(201);
      const [entry] = await auditEntries(database.db, 1);
      expect(entry).toMatchObject({ action: "agency.create", actor: "cli", channel: "cli" });
      // From another machine the local token is nobody's (a copy of the folder names it).
      const remote = (address: string) =>
        app(true).request(
          "/v1/backup",
          { method: "POST", headers },
          {
            incoming: {
              socket: { remoteAddress: address, remotePort: 40000, remoteFamily: "IPv4" },
            },
          },
        );
      expect((await remote("10.1.2.3")).status).toBe(401);
      expect((await remote("::ffff:127.0.0.1")).status).toBe(200);
      const wrong = await app(true).request("/v1/backup", {
        method: "POST",
        headers: { authorization: `Bearer ${local}x` },
      });
      expect(wrong.status).toBe(401);
      const backup = await app(true).request("/v1/backup", { method: "POST", headers });
      expect(backup.status).toBe(200);
      expect(backup.headers.get("content-type")).toBe("application/gzip");
      const bytes = new Uint8Array(await backup.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      const none = await app(false).request("/v1/backup", { method: "POST", headers });
      expect(none.status).toBe(409);
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
        "backupUnavailable",
      );
    } finally {
      await database.close();
    }
  });
});
