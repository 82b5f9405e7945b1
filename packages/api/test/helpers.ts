import { createTestDb, type Database, type Engine } from "@ogi/db";
import pino, { type Logger } from "pino";
import { createApp } from "../src/app.ts";
import type { Clock } from "../src/context.ts";
import { createEventBatcher } from "../src/event-batcher.ts";
import { createNumberLookup } from "../src/number-lookup.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

/** A settable clock: tests move time explicitly, never read the real one. */
export const fixedClock = (iso: string) => {
  let now = new Date(iso);
  const clock: Clock & { set: (iso: string) => void } = {
    now: () => now,
    set: (s) => {
      now = new Date(s);
    },
  };
  return clock;
};

export const setup = async (
  engine: Engine,
  now = "2025-12-20T02:00:00Z",
  options: { logger?: Logger } = {},
) => {
  const database: Database = await createTestDb(engine);
  const clock = fixedClock(now);
  const logger = options.logger ?? pino({ level: "silent" });
  const events = createEventBatcher(database.db);
  const numbers = createNumberLookup(database.db);
  const app = createApp({
    db: database.db,
    clock,
    logger,
    config: { adminToken: ADMIN_TOKEN },
    events,
    numbers,
    ...(database.lend ? { lend: database.lend } : {}),
  });
  const call = async (
    method: string,
    path: string,
    options: { token?: string | undefined; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const res = await app.request(path, {
      method,
      headers,
      ...(options.body !== undefined
        ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }
        : {}),
    });
    const type = res.headers.get("content-type") ?? "";
    const data = type.includes("json") ? await res.json() : await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
    return { status: res.status, data: data as any, headers: res.headers };
  };
  return { app, database, clock, call, events, numbers, close: () => database.close() };
};
export type Setup = Awaited<ReturnType<typeof setup>>;

/** Agencies of region 411421 made by the admin (each answered 201). */
export const createAgencies = async (s: Setup, codes: readonly string[]) => {
  for (const code of codes) {
    const r = await s.call("POST", "/v1/agencies", {
      token: ADMIN_TOKEN,
      body: { code, name: `局${code}`, regionCode: "411421" },
    });
    if (r.status !== 201) throw new Error(`agency ${code}: ${r.status}`);
  }
};
