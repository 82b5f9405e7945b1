// One way to open the database: PGlite (embedded, in a data folder or in memory) by default,
// PostgreSQL through node-postgres when a URL is given. Both get the same schema and the same
// migrations, applied on opening.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite, type QueryOptions, type Transaction } from "@electric-sql/pglite";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { createLending, RETRY } from "./lending.ts";
import * as schema from "./schema.ts";
import { COUNT_SHARDS } from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction. Pass the transaction down. */
export type Executor = Db | Tx;

export type DbConfig = {
  /** A PostgreSQL URL; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; `"memory"` (or undefined) keeps everything in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL (default 16: the API writes up to 8 batches of events at once). */
  poolSize?: number;
};

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  /**
   * PostgreSQL: LISTEN on `channel` on a connection of its own. `onNotify` runs for each
   * notification; `onLost` once if that connection fails (listen again to resume). Resolves
   * when listening; close() ends it. (PGlite has one process, which needs no notifications.)
   */
  listen?: (channel: string, onNotify: () => void, onLost: () => void) => Promise<void>;
  /**
   * PGlite: tells it that `rows` rows were written, so that it refreshes the planner's
   * statistics as the tables grow (see autoAnalyze). PostgreSQL's autovacuum does this itself.
   */
  wrote?: (rows: number) => void;
  /** Counter rows per cell its writers spread over (see CountShards). */
  countShards: number;
  /**
   * PGlite: inside a long transaction, serves the reads waiting about agencies other than
   * `closed` (see lending.ts); elsewhere it only yields to the event loop.
   */
  lend?: (closed: readonly string[]) => Promise<void>;
  /** PGlite in a folder: this process's hold on it (see data-dir-lock.ts). */
  dataDirLock?: DataDirLock;
  /**
   * PGlite: the data folder as a gzipped tar, taken between transactions (a consistent copy that
   * `restoreDataDir` opens again).
   */
  dump?: () => Promise<Blob>;
  /**
   * PGlite in a folder: opens the folder again after PGlite stopped (a failed log write on a
   * read-only disk or an I/O error stops it for good). The stopped instance is left, not
   * awaited (its close may never end); a new one recovers from the log, runs what opening runs
   * (migrations, analyze) and takes its place under the same `db`.
   */
  reopen?: () => Promise<void>;
  close: () => Promise<void>;
};

/** How long reopen() gives the stopped PGlite to close before leaving it. */
export const STOPPED_CLOSE_WAIT_MS = 1_000;

export const migrationsFolder = resolve(import.meta.dirname, "../drizzle");

export const createDb = async (config: DbConfig = {}): Promise<Database> => {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 16 });
    // A dropped connection must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    try {
      await migratePg(db as never, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    const listeners = new Set<pg.Client>();
    let closed = false;
    const listen = async (channel: string, onNotify: () => void, onLost: () => void) => {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (closed) throw Object.assign(new Error("the database is closed"), { closed: true });
      const client = new pg.Client({ connectionString: config.databaseUrl });
      let lost = false;
      const lose = () => {
        listeners.delete(client);
        if (lost) return;
        lost = true;
        onLost();
        client.end().catch(() => {});
      };
      client.on("error", lose);
      client.on("end", lose);
      client.on("notification", (n) => {
        if (n.channel === channel) onNotify();
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        lost = true;
        await client.end().catch(() => {});
        throw error;
      }
      if (closed) {
        await client.end().catch(() => {});
        throw Object.assign(new Error("the database is closed"), { closed: true });
      }
      listeners.add(client);
    };
    const close = async () => {
      closed = true;
      for (const client of listeners) {
        client.removeAllListeners("end");
        client.removeAllListeners("error");
        client.on("error", () => {});
        await client.end().catch(() => {});
      }
      listeners.clear();
      await pool.end();
    };
    return { db, engine: "postgres", listen, countShards: COUNT_SHARDS, close };
  }
  const dataDir =
    config.dataDir && config.dataDir !== "memory" ? resolve(config.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // One owner per folder, taken before PGlite touches it (throws DataDirInUseError).
  const dataDirLock = dataDir ? lockDataDir(dataDir) : undefined;
  // What opening runs, on a new instance before it serves: migrations (idempotent) and
  // statistics (PGlite runs no autovacuum: without statistics the planner scans whole tables
  // once they grow; analyze on opening, and as they grow: autoAnalyze, told of writes by the API).
  const start = async (fresh: PGlite) => {
    try {
      await migratePglite(drizzlePglite({ client: fresh, schema }) as never, { migrationsFolder });
      await fresh.exec("analyze");
    } catch (error) {
      await fresh.close().catch(() => {});
      throw error;
    }
  };
  let client: PGlite;
  try {
    client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    await start(client);
  } catch (error) {
    dataDirLock?.release();
    throw error;
  }
  // drizzle holds this stand-in, which forwards to the instance open now (see reopen); its
  // transactions may lend the connection to other agencies' reads (see lending.ts).
  const lending = createLending();
  const query = (sql: string, params?: unknown[], options?: QueryOptions) => {
    const lent = lending.divert(sql, params, options);
    if (!lent) return client.query(sql, params, options);
    return lent.catch((error: unknown) =>
      error === RETRY ? client.query(sql, params, options) : Promise.reject(error),
    );
  };
  const transaction = <T>(fn: (tx: Transaction) => Promise<T>) =>
    client.transaction((tx) => lending.hold(tx, () => fn(tx)));
  const current = new Proxy({} as PGlite, {
    get: (_target, key) => {
      if (key === "query") return query;
      if (key === "transaction") return transaction;
      const value = Reflect.get(client, key, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
  const db = drizzlePglite({ client: current, schema }) as unknown as Db;
  const newAnalyzer = () =>
    autoAnalyze(
      () => analyzeTables(client),
      async () => {
        const r = await client.query<{ n: number }>(
          "select coalesce(sum(greatest(reltuples, 0)), 0)::float8 as n from pg_class where relname in ('applications', 'application_events')",
        );
        return Number(r.rows[0]?.n ?? 0);
      },
    );
  // Renewed on reopen: a refresh begun on the stopped instance never ends.
  let analyzer = newAnalyzer();
  return {
    db,
    engine: "pglite",
    wrote: (rows) => analyzer.wrote(rows),
    lend: (closed) => lending.lend(closed),
    countShards: 1,
    ...(dataDirLock ? { dataDirLock } : {}),
    ...(dataDir
      ? {
          reopen: async () => {
            const stopped = client;
            await Promise.race([
              stopped.close().catch(() => {}),
              new Promise((done) => setTimeout(done, STOPPED_CLOSE_WAIT_MS).unref()),
            ]);
            // The folder stays this process's (dataDirLock is held throughout).
            const fresh = await PGlite.create(dataDir);
            await start(fresh);
            client = fresh;
            analyzer = newAnalyzer();
          },
        }
      : {}),
    // Inside a transaction of its own: no other transaction is half-way (PGlite runs one at a
    // time), and the checkpoint leaves the files whole without replaying the log.
    dump: () =>
      client.transaction(async (tx) => {
        await tx.exec("checkpoint");
        return client.dumpDataDir("gzip");
      }),
    close: async () => {
      await analyzer.idle();
      try {
        await client.close();
      } finally {
        dataDirLock?.release();
      }
    },
  };
};

/**
 * The statistics target of PGlite's refreshes as the tables grow (PostgreSQL's default, used on
 * opening, is 100): a sample of 6,000 rows a table instead of 30,000, for the row counts and a
 * coarser distribution (on opening the full one is taken again).
 */
export const AUTO_ANALYZE_TARGET = 20;

/**
 * PGlite: ANALYZE of the application's tables one at a time (AUTO_ANALYZE_TARGET), with a turn
 * of the event loop between them. One ANALYZE of the whole database ran on PGlite's thread, every
 * request waiting, for 0.5 to 0.8 s after a 20,000-row import into a data folder (of which
 * application_events 510 ms, applications 160 ms); so, the longest is some 60 ms.
 */
const analyzeTables = async (client: PGlite) => {
  const tables = await client.query<{ name: string }>(
    "select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname",
  );
  await client.exec(`set default_statistics_target = ${AUTO_ANALYZE_TARGET}`);
  try {
    for (const { name } of tables.rows) {
      await new Promise<void>((ok) => setImmediate(ok));
      await client.exec(`analyze "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.exec("reset default_statistics_target");
  }
};

/** Rows written before the first refresh of the statistics, and at least between two. */
export const ANALYZE_MIN_ROWS = 500;

/**
 * What autovacuum's analyze does for PostgreSQL, for PGlite, which has none: once the rows
 * written since the last ANALYZE reach a fifth of the register (at least ANALYZE_MIN_ROWS), it
 * runs one, in the background. Without it, the plans made while the tables were small stay: the
 * foreign-key checks, planned once per process, went on scanning a whole table on each insert.
 */
export const autoAnalyze = (exec: (sql: string) => Promise<void>, size: () => Promise<number>) => {
  let since = 0;
  let threshold = ANALYZE_MIN_ROWS;
  let running: Promise<void> | undefined;
  return {
    wrote: (rows: number) => {
      since += rows;
      if (running || since < threshold) return;
      since = 0;
      running = (async () => {
        try {
          await exec("analyze");
          threshold = Math.max(ANALYZE_MIN_ROWS, Math.round((await size()) / 5));
        } catch {
          // Statistics are an optimisation: a failed refresh is tried again after more writes.
        } finally {
          running = undefined;
        }
      })();
    },
    /** Resolves when no refresh is running (before closing). */
    idle: async () => {
      await running;
    },
  };
};

/** Rows of a raw SQL query (both drivers answer `{ rows }`). */
export const queryRows = async <T>(ex: Executor, query: SQL): Promise<T[]> =>
  ((await ex.execute(query)) as unknown as { rows: T[] }).rows;

/** Refreshes the planner's statistics (PGlite has no autovacuum to do it). */
export const analyze = async (ex: Executor) => {
  await ex.execute(sql`analyze`);
};
