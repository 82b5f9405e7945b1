// `pnpm chat`: the staff bot in a terminal (@ogi/bot/terminal), always through the API: the one
// at OGI_API_URL with OGI_ADMIN_TOKEN; the running API that owns the embedded folder (its URL and
// per-run local admin token, from the folder's owner record); or else the API run in this
// process on the embedded database (or DATABASE_URL), with an admin token that never leaves it.
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { createApp, inProcessFetch } from "@ogi/api";
import { runTerminalChat } from "@ogi/bot/terminal";
import { createDb, DataDirInUseError, dataDirOwner } from "@ogi/db";
import pino from "pino";

const repoRoot = resolve(import.meta.dirname, "../../..");
const env = process.env;

const embedded = async (): Promise<number> => {
  // The folder's owner (`pnpm start`) is asked through its API, never around it.
  if (!env.DATABASE_URL) {
    const dataDir = resolve(env.OGI_DATA_DIR ?? resolve(repoRoot, ".data"));
    const owner = dataDirOwner(dataDir);
    if (owner?.apiUrl && owner.localAdminToken) {
      console.error(
        `通过正在运行的 API（进程 ${owner.pid}，${owner.apiUrl}）对话。/ Chatting through the running API (process ${owner.pid}, ${owner.apiUrl}).`,
      );
      return runTerminalChat({ baseUrl: owner.apiUrl, adminToken: owner.localAdminToken });
    }
    if (owner) {
      console.error(new DataDirInUseError(dataDir, owner).line());
      return 2;
    }
  }
  let database: Awaited<ReturnType<typeof createDb>>;
  try {
    database = await createDb({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.OGI_DATA_DIR ?? resolve(repoRoot, ".data"),
    });
  } catch (e) {
    // Another process took the folder between the look-up and the open.
    if (!(e instanceof DataDirInUseError)) throw e;
    console.error(e.line());
    return 2;
  }
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
