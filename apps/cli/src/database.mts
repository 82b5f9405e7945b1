// The API's database for the commands that change it (admin, calendar, backup): PostgreSQL with
// DATABASE_URL, else the embedded PGlite folder (OGI_DATA_DIR, default .data/). That folder has one
// owner process: when the API owns it, the commands go through the API's HTTP routes with the
// per-run local admin token it recorded (see ownerApi); with no owner they open it themselves,
// owning it while they run. @ogi/db is loaded only when such a command runs, so
// parse/check/render start fast.
import { resolve } from "node:path";
import { CliError } from "./errors.mts";
import type { Io } from "./io.mts";

const repoRoot = resolve(import.meta.dirname, "../../..");

export type DbLib = typeof import("@ogi/db");
export type Database = Awaited<ReturnType<DbLib["createDb"]>>;

export const databaseUrl = () => process.env.DATABASE_URL || undefined;
export const dataDir = () => resolve(process.env.OGI_DATA_DIR || resolve(repoRoot, ".data"));

/** The folder's owner, as one bilingual line (the error of a refused opener). */
const inUse = (e: unknown): CliError | undefined => {
  const { zh, message, name } = e as { zh?: string; message?: string; name?: string };
  return name === "DataDirInUseError" && zh && message
    ? new CliError({ zh, en: message }, { cause: e })
    : undefined;
};

/** Opens the database, runs `fn`, and closes it whatever happens. */
export const withDb = async <T,>(
  fn: (database: Database, lib: DbLib) => Promise<T>,
): Promise<T> => {
  const lib = await import("@ogi/db");
  const url = databaseUrl();
  const dir = dataDir();
  let database: Database;
  try {
    database = await lib.createDb({ databaseUrl: url, dataDir: dir });
  } catch (e) {
    throw (
      inUse(e) ??
      new CliError(
        {
          zh: `无法打开数据库（${url ? "PostgreSQL" : dir}）：${(e as Error).message}`,
          en: `Cannot open the database (${url ? "PostgreSQL" : dir}): ${(e as Error).message}`,
        },
        { cause: e },
      )
    );
  }
  try {
    return await fn(database, lib);
  } finally {
    await database.close();
  }
};

export type OwnerApi = { pid: number; url: string; token: string };

/**
 * The API that owns the embedded folder, if one runs (never with PostgreSQL, which any number
 * of processes share). Says on stderr, in one line, that the command goes through it.
 */
export const ownerApi = async (io: Io): Promise<OwnerApi | undefined> => {
  if (databaseUrl()) return undefined;
  const { dataDirOwner } = await import("@ogi/db/data-dir-lock");
  const owner = dataDirOwner(dataDir());
  if (!owner?.apiUrl || !owner.localAdminToken) return undefined;
  io.err(
    `经由运行中的 API（进程 ${owner.pid}，${owner.apiUrl}）/ through the running API (process ${owner.pid}, ${owner.apiUrl})\n`,
  );
  return { pid: owner.pid, url: owner.apiUrl, token: owner.localAdminToken };
};

/** A request to the owner API; its bilingual error becomes the CLI's one line. */
export const callApi = async (
  api: OwnerApi,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  contentType = "application/json",
): Promise<Response> => {
  let res: Response;
  try {
    res = await fetch(`${api.url}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.token}`,
        ...(body === undefined ? {} : { "content-type": contentType }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
  } catch (e) {
    throw new CliError(
      {
        zh: `无法连接运行中的 API（进程 ${api.pid}，${api.url}）：${(e as Error).message}`,
        en: `Cannot reach the running API (process ${api.pid}, ${api.url}): ${(e as Error).message}`,
      },
      { cause: e },
    );
  }
  if (res.ok) return res;
  const answer = (await res.json().catch(() => undefined)) as
    | {
        error?: {
          message?: { zh: string; en: string };
          issues?: { path: string; message: string }[];
        };
      }
    | undefined;
  const message = answer?.error?.message ?? {
    zh: `API 返回 ${res.status}`,
    en: `The API answered ${res.status}`,
  };
  const issues = (answer?.error?.issues ?? []).map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new CliError({
    zh: issues ? `${message.zh}（${issues}）` : message.zh,
    en: issues ? `${message.en} (${issues})` : message.en,
  });
};

export const apiJson = async <T,>(
  api: OwnerApi,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<T> => (await (await callApi(api, method, path, body, contentType)).json()) as T;
