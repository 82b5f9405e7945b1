// PostgreSQL lost and back while the API runs (through a proxy that is cut, and by
// pg_terminate_backend): requests in between get a clear 503, later ones succeed, a write retried
// with its Idempotency-Key is recorded once.
import { freshPostgres } from "@ogi/db";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { figuresTable, writeFigures } from "../src/figures.ts";
import { startProxy } from "../src/proxy.ts";
import { type ApiProcess, cleanup, SERVER_ADMIN_TOKEN, startApi } from "../src/server.ts";

afterAll(cleanup);

const auth = { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, "content-type": "application/json" };
const pgFigures = { sent: 0, acknowledged: 0, unavailable: 0, serverErrors: 0, duplicates: 0 };

describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL connection lost and restored", () => {
  it("503 while it is gone, success after, nothing written twice", async () => {
    const db = await freshPostgres();
    const target = new URL(db.url);
    const proxy = await startProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(db.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    let api: ApiProcess | undefined;
    try {
      api = await startApi({ databaseUrl: proxied.toString() });
      const code = "pg-lost";
      const call = async (key: string) => {
        pgFigures.sent++;
        const res = await fetch(`${api!.url}/v1/agencies/${code}/applications`, {
          method: "POST",
          headers: { ...auth, "Idempotency-Key": key },
          body: JSON.stringify({
            receivedOn: "2025-03-03",
            applicantType: "naturalPerson",
            subject: key,
          }),
        });
        const body = (await res.json()) as {
          error?: { code: string; message: { zh: string; en: string } };
        };
        if (res.status === 201) pgFigures.acknowledged++;
        if (res.status === 503) {
          pgFigures.unavailable++;
          expect(body.error?.code).toBe("databaseUnavailable");
          expect(body.error?.message.zh).toContain("数据库");
          expect(body.error?.message.en).toContain("database");
        }
        if (res.status >= 500 && res.status !== 503) pgFigures.serverErrors++;
        return res.status;
      };
      const made = await fetch(`${api.url}/v1/agencies`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ code, name: "断线测试局" }),
      });
      expect(made.status).toBe(201);
      const status = new Map<string, number>();
      for (let i = 0; i < 10; i++) status.set(`before-${i}`, await call(`before-${i}`));
      // Cut while 20 writes are in flight, then 10 more while it is down.
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        call(`during-${i}`).then((s) => status.set(`during-${i}`, s)),
      );
      await new Promise((r) => setTimeout(r, 5));
      await proxy.cut();
      await Promise.all(inFlight);
      for (let i = 0; i < 10; i++) {
        const s = await call(`down-${i}`);
        status.set(`down-${i}`, s);
        expect(s).toBe(503);
      }
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      await proxy.restore();
      // Later requests succeed; every write that failed is retried with its key.
      for (const [key, s] of status)
        for (let tries = 0, now = s; now !== 201 && tries < 5; tries++) {
          now = await call(key);
          status.set(key, now);
        }
      expect([...status.values()].every((s) => s === 201)).toBe(true);

      // pg_terminate_backend on every connection of the API: the same, without a proxy.
      const killer = new pg.Client({ connectionString: db.url });
      await killer.connect();
      try {
        await killer.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
      } finally {
        await killer.end();
      }
      for (let i = 0; i < 10; i++) {
        const key = `terminated-${i}`;
        let s = await call(key);
        for (let tries = 0; s !== 201 && tries < 5; tries++) s = await call(key);
        status.set(key, s);
        expect([201, 503]).toContain(s);
      }
      expect(status.get("terminated-9")).toBe(201);

      const list = (await (
        await fetch(`${api.url}/v1/agencies/${code}/applications?limit=1000`, { headers: auth })
      ).json()) as { applications: { subject: string }[] };
      const subjects = list.applications.map((a) => a.subject);
      pgFigures.duplicates = subjects.length - new Set(subjects).size;
      expect(pgFigures.duplicates).toBe(0);
      expect(new Set(subjects)).toEqual(new Set(status.keys()));
      expect(pgFigures.serverErrors).toBe(0);
      expect(pgFigures.unavailable).toBeGreaterThanOrEqual(10);
      console.info(`pg-connection: ${JSON.stringify(pgFigures)}`);
      if (process.env.OGI_SOAK)
        writeFigures(
          "pg-connection",
          `Last soak: ${new Date().toISOString().slice(0, 16)}Z (requests include the retries with the same Idempotency-Key).\n\n${figuresTable([pgFigures])}`,
        );
    } finally {
      await api?.stop();
      await proxy.close();
      await db.drop();
    }
  });
});
