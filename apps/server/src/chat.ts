// `pnpm chat`: the staff bot in a terminal (@ogi/bot/terminal), always through the API: the one
// at OGI_API_URL with OGI_ADMIN_TOKEN, or else the API run in this process on the embedded
// database (or DATABASE_URL), with an admin token that never leaves the process.
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { createApp, inProcessFetch } from "@ogi/api";
import { runTerminalChat } from "@ogi/bot/terminal";
import { createDb } from "@ogi/db";
import pino from "pino";

const repoRoot = resolve(import.meta.dirname, "../../..");
const env = process.env;

/** Whether `pnpm start` answers on its port: PGlite's folder must not be opened twice. */
const apiRunning = async () => {
  try {
    const res = await fetch(`http://127.0.0.1:${env.PORT ?? 3000}/health`, {
      signal: AbortSignal.timeout(500),
    });
    return res.ok;
  } catch {
    return false;
  }
};

const embedded = async (): Promise<number> => {
  // The usual case: `pnpm start` and `pnpm chat` both on the default `.data/`.
  if (!env.OGI_DATA_DIR && !env.DATABASE_URL && (await apiRunning())) {
    console.error(
      "`pnpm start` 正在使用同一个数据目录：请先停止它，或设置 OGI_API_URL 和 OGI_ADMIN_TOKEN 连接它。\n" +
        "The API (`pnpm start`) is running on the same data folder: stop it first, or set OGI_API_URL and OGI_ADMIN_TOKEN to talk to it.",
    );
    return 2;
  }
  const database = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.OGI_DATA_DIR ?? resolve(repoRoot, ".data"),
  });
  try {
    const adminToken = randomBytes(24).toString("base64url");
    const app = createApp({
      db: database.db,
      clock: { now: () => new Date() },
      logger: pino({ level: "silent" }),
      config: { adminToken },
    });
    return await runTerminalChat({
      baseUrl: "http://ogi.local",
      adminToken,
      fetch: inProcessFetch(app),
    });
  } finally {
    await database.close();
  }
};

process.exitCode =
  env.OGI_API_URL && env.OGI_ADMIN_TOKEN
    ? await runTerminalChat({ baseUrl: env.OGI_API_URL, adminToken: env.OGI_ADMIN_TOKEN })
    : await embedded();
