// For tests (this package's and the API's): a fresh database per call, PGlite in memory always,
// and PostgreSQL when TEST_DATABASE_URL is set, in a database of its own (created here and
// dropped on close) so that test files running in parallel never see each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Database, type DbConfig } from "./client.ts";

export type Engine = "pglite" | "postgres";

/** The engines to test on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testEngines = (): Engine[] =>
  process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A fresh, empty PostgreSQL database; `drop` removes it. */
export const freshPostgres = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `ogi_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(base, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
};

/** A migrated, empty database on `engine`; close() also drops a PostgreSQL test database. */
export const createTestDb = async (
  engine: Engine,
  config: Omit<DbConfig, "databaseUrl"> = {},
): Promise<Database> => {
  if (engine === "pglite") return createDb({ dataDir: config.dataDir ?? "memory" });
  const fresh = await freshPostgres();
  const database = await createDb({ ...config, databaseUrl: fresh.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
};
