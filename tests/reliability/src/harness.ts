// The API in process (createApp on a fresh database, a settable clock) and a digest of every
// table, so that a test can prove a refused request wrote nothing.
import { resolve } from "node:path";
import { createApp } from "@ogi/api";
import { createTestDb, type Database, type Engine, type Executor, queryRows } from "@ogi/db";
import { sql } from "drizzle-orm";
import pino from "pino";

export const repoRoot = resolve(import.meta.dirname, "../../..");
export const sharedDir = resolve(repoRoot, "../shared");

export const ADMIN_TOKEN = "reliability-admin-token-0123456789";

export type Answer = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
  data: any;
  text: string;
  headers: Headers;
};

export type CallOptions = {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
};

export const settableClock = (iso: string) => {
  let now = new Date(iso);
  return {
    now: () => now,
    set: (s: string) => {
      now = new Date(s);
    },
  };
};

export const startInProcess = async (engine: Engine, now = "2025-12-20T02:00:00Z") => {
  const database: Database = await createTestDb(engine);
  const clock = settableClock(now);
  const app = createApp({
    db: database.db,
    clock,
    logger: pino({ level: "silent" }),
    config: { adminToken: ADMIN_TOKEN },
    ...(database.dump ? { backup: database.dump } : {}),
  });
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (
      o.body !== undefined &&
      !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")
    )
      headers["content-type"] = "application/json";
    const res = await app.request(path, {
      method,
      headers,
      ...(o.body !== undefined
        ? {
            body:
              typeof o.body === "string" || o.body instanceof Uint8Array
                ? (o.body as string)
                : JSON.stringify(o.body),
          }
        : {}),
    });
    const text = await res.text();
    let data: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json"))
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    return { status: res.status, data, text, headers: res.headers };
  };
  return { app, database, clock, call, close: () => database.close() };
};
export type InProcess = Awaited<ReturnType<typeof startInProcess>>;

/** A digest of every row of every table of the public schema: equal digests, nothing written. */
export const dbDigest = async (ex: Executor): Promise<string> => {
  const tables = await queryRows<{ name: string }>(
    ex,
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(
      ex,
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`,
      ),
    );
    parts.push(`${name}:${row?.n}:${row?.h}`);
  }
  return parts.join("\n");
};
