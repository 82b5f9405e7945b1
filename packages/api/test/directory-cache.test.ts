// On PostgreSQL each API process caches who a token is and what it may do while it hears the
// database's notifications of changes to tokens, staff, agencies and holiday files (migration
// 0003), from any writer. Two API processes' worth of servers on one database, and plain SQL
// standing for `ogi admin`.
import { createDb, createToken, type Database, freshPostgres, sql } from "@ogi/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "../src/server.ts";
import { ADMIN_TOKEN } from "./helpers.ts";

const pgUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!pgUrl)("directory cache on PostgreSQL (notifications)", () => {
  let fresh: Awaited<ReturnType<typeof freshPostgres>>;
  let one: Database;
  let other: Database;
  const serve = (database: Database) =>
    createApiServer(database, {
      clock: { now: () => new Date() },
      logger: pino({ level: "silent" }),
      config: { adminToken: ADMIN_TOKEN },
    }).app;
  beforeAll(async () => {
    fresh = await freshPostgres();
    one = await createDb({ databaseUrl: fresh.url });
    other = await createDb({ databaseUrl: fresh.url });
  });
  afterAll(async () => {
    await one?.close();
    await other?.close();
    await fresh?.drop();
  });

  const me = (app: ReturnType<typeof serve>, token: string) =>
    app.request("/v1/me", { headers: { authorization: `Bearer ${token}` } });
  /** The status `app` answers once the notification had time to arrive (at most 2 s). */
  const settle = async (app: ReturnType<typeof serve>, token: string, want: number) => {
    for (let i = 0; i < 40; i++) {
      const status = (await me(app, token)).status;
      if (status === want) return status;
      await new Promise((r) => setTimeout(r, 50));
    }
    return (await me(app, token)).status;
  };

  it("a token revoked by another writer stops working in this process", async () => {
    const app = serve(one);
    // Wait until this process listens (the tier is off until then; both answers are right).
    await new Promise((r) => setTimeout(r, 300));
    const { id, token } = await createToken(other.db, { kind: "admin", label: "x" }, new Date());
    expect((await me(app, token)).status).toBe(200);
    expect((await me(app, token)).status).toBe(200);
    await other.db.execute(sql`update api_tokens set revoked_at = now() where id = ${id}`);
    expect(await settle(app, token, 401)).toBe(401);
  });

  it("a lost LISTEN connection turns the cache off", async () => {
    const app = serve(one);
    await new Promise((r) => setTimeout(r, 300));
    const { id, token } = await createToken(other.db, { kind: "admin", label: "y" }, new Date());
    // After the token's own notification, so that the answer stays cached.
    await new Promise((r) => setTimeout(r, 200));
    expect((await me(app, token)).status).toBe(200);
    // Cut this process's LISTEN connections, then revoke without notifying (triggers off):
    // the process must not answer from what it cached while it listened.
    await other.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query like 'LISTEN%'`,
    );
    await new Promise((r) => setTimeout(r, 200));
    await other.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update api_tokens set revoked_at = now() where id = ${id}`);
    });
    expect((await me(app, token)).status).toBe(401);
  });
});
