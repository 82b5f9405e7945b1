// The API's database for the commands that write to it directly (admin, calendar): the
// embedded PGlite folder (OGI_DATA_DIR, default .data/) or PostgreSQL with DATABASE_URL.
// @ogi/db is loaded only when such a command runs, so parse/check/render start fast.
import { resolve } from "node:path";
import { CliError } from "./errors.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");

export type DbLib = typeof import("@ogi/db");
export type Database = Awaited<ReturnType<DbLib["createDb"]>>;

/** Opens the database, runs `fn`, and closes it whatever happens. */
export const withDb = async <T>(fn: (database: Database, lib: DbLib) => Promise<T>): Promise<T> => {
  const lib = await import("@ogi/db");
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.OGI_DATA_DIR || resolve(repoRoot, ".data");
  let database: Database;
  try {
    database = await lib.createDb({ databaseUrl, dataDir });
  } catch (e) {
    throw new CliError(
      {
        zh: `无法打开数据库（${databaseUrl ? "PostgreSQL" : dataDir}）：${(e as Error).message}。使用内嵌数据库时请先停止 API。`,
        en: `Cannot open the database (${databaseUrl ? "PostgreSQL" : dataDir}): ${(e as Error).message}. With the embedded database, stop the API first.`,
      },
      { cause: e },
    );
  }
  try {
    return await fn(database, lib);
  } finally {
    await database.close();
  }
};
