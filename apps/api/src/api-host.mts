// The API host behind `pnpm start` (start.ts loads it once the data folder is known to be free):
// the API on the embedded database (or PostgreSQL with DATABASE_URL), with demo
// data when the embedded database is empty (OGI_DEMO: see demoWanted), and an admin token for the
// first log-in; the staff bot beside it when TELEGRAM_BOT_TOKEN is set. This host composes the
// packages; it holds no rule itself. On the embedded database it is the data folder's one owner,
// and records where it answers and a per-run local admin token for `pnpm ogi` and `pnpm chat`.

import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { createApiServer, demoWanted, inProcessFetch, parseEnv, seedDemo } from "@ogi/api";
import {
  isBridgeStartError,
  parseBridgesEnv,
  type StartedBot,
  type StartedBridges,
  startBot,
  startBridges,
} from "@ogi/bot";
import {
  countAdminTokens,
  createDb,
  createToken,
  type Database,
  DataDirInUseError,
  listAgencies,
} from "@ogi/db";
import pino from "pino";

const repoRoot = resolve(import.meta.dirname, "../../..");

/** What the bot and the bridges started beside the API are given; `lines` gather what to print. */
type Beside = {
  url: string;
  apiFetch: typeof fetch;
  db: Parameters<typeof createToken>[0];
  now: Date;
  lines: string[];
};

/** The token the bot or the bridges call the API with: the one given, or one made and shown. */
const serviceTokenFor = async (
  db: Parameters<typeof createToken>[0],
  label: string,
  now: Date,
  lines: string[],
  given = process.env.OGI_BOT_SERVICE_TOKEN,
): Promise<string> => {
  if (given) return given;
  const { token } = await createToken(db, { kind: "service", label }, now);
  lines.push(`机器人服务令牌 / bot service token (set OGI_BOT_SERVICE_TOKEN to reuse): ${token}`);
  return token;
};

/**
 * With TELEGRAM_BOT_TOKEN set, the staff bot runs in this process and talks to this API through
 * its typed client like any client, with the app called in process (no socket). Without
 * OGI_BOT_SERVICE_TOKEN a service token is made for it and shown.
 */
const startBotBeside = async (
  { url, apiFetch, db, now, lines }: Beside,
  bridges?: StartedBridges,
  bridgeToken?: string,
): Promise<StartedBot | undefined> => {
  if (!process.env.TELEGRAM_BOT_TOKEN) {
    if (!bridges)
      lines.push(
        "机器人 / bot: not started (set TELEGRAM_BOT_TOKEN, WECOM_BOT_ID or DINGTALK_CLIENT_ID; or try it offline: pnpm chat)",
      );
    return undefined;
  }
  const serviceToken = await serviceTokenFor(
    db,
    "bot (pnpm start)",
    now,
    lines,
    process.env.OGI_BOT_SERVICE_TOKEN || bridgeToken,
  );
  try {
    const bot = await startBot(
      { ...process.env, OGI_API_URL: url, OGI_BOT_SERVICE_TOKEN: serviceToken },
      // Beside the bridges: their store, and the reminders run once, for every messenger.
      { apiFetch, ...(bridges ? { storage: bridges.storage, reminders: false } : {}) },
    );
    lines.push(`机器人 / bot: running (${bot.mode})`);
    return bot;
  } catch (error) {
    // The API stays up: the register is reachable over HTTP even when Telegram is not.
    lines.push(`机器人未能启动 / the bot did not start: ${(error as Error).message}`);
    return undefined;
  }
};

/**
 * The WeCom and DingTalk bridges named by the environment (WECOM_BOT_ID, DINGTALK_CLIENT_ID):
 * a wrong or missing secret stops the start with one bilingual line (exit status 2).
 */
const startBridgesBeside = async ({
  url,
  apiFetch,
  db,
  now,
  lines,
}: Beside): Promise<{ bridges?: StartedBridges; serviceToken?: string }> => {
  let named: ReturnType<typeof parseBridgesEnv>;
  try {
    named = parseBridgesEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (!named.wecom && !named.dingtalk) return {};
  const serviceToken = await serviceTokenFor(db, "bridges (pnpm start)", now, lines);
  try {
    const bridges = await startBridges(
      { ...process.env, OGI_API_URL: url, OGI_BOT_SERVICE_TOKEN: serviceToken },
      { apiFetch },
    );
    if (bridges) lines.push(`企业微信/钉钉 / bridges: running (${bridges.names.join(", ")})`);
    return { ...(bridges ? { bridges } : {}), serviceToken };
  } catch (error) {
    if (!isBridgeStartError(error)) throw error;
    console.error((error as Error).message);
    process.exit(2);
  }
};

const main = async () => {
  let config: ReturnType<typeof parseEnv>;
  try {
    config = parseEnv(process.env, { dataDir: resolve(repoRoot, ".data") });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const logger = pino({ level: config.logLevel });
  let database: Database;
  try {
    database = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    console.error(error.line());
    process.exit(2);
  }
  const clock = { now: () => new Date() };
  const where = config.databaseUrl ? "PostgreSQL" : `PGlite (${config.dataDir})`;
  const lines: string[] = [];
  // Only the folder's owner can read it (mode 0600), and it lives as long as this run.
  if (database.dataDirLock) config.localAdminToken = randomBytes(32).toString("base64url");
  if (demoWanted(config) && (await listAgencies(database.db)).length === 0) {
    const demo = await seedDemo(database.db, clock.now());
    lines.push(
      `已载入演示数据 / demo data loaded: ${demo.agencies} agencies, ${demo.applications} applications, ${demo.events} events (region 411421)`,
    );
  }
  if (config.adminToken)
    lines.push("登录 / log in: Authorization: Bearer $OGI_ADMIN_TOKEN (admin)");
  else if ((await countAdminTokens(database.db)) === 0) {
    const { token } = await createToken(
      database.db,
      { kind: "admin", label: "first start" },
      clock.now(),
    );
    lines.push(
      `管理员令牌（只显示这一次）/ admin token (shown only this once):\n    ${token}`,
      `  登录 / log in: Authorization: Bearer ${token}`,
    );
  } else
    lines.push(
      "登录 / log in: the admin token printed on the first start, OGI_ADMIN_TOKEN, or `pnpm ogi admin token create` (Authorization: Bearer …)",
    );
  // The document writers load once listening, so that a first download does not wait for them.
  const { server, app } = createApiServer(
    database,
    { clock, logger, config },
    { warmDocuments: true },
  );
  const url = await new Promise<string>((ok) => {
    server.listen(config.port, config.host, () => {
      const info = server.address() as AddressInfo;
      ok(`http://${info.address.includes(":") ? `[${info.address}]` : info.address}:${info.port}`);
    });
  });
  // The address the CLI reaches it at: a wildcard listener answers on loopback.
  const apiUrl = url.replace("//0.0.0.0:", "//127.0.0.1:").replace("//[::]:", "//[::1]:");
  database.dataDirLock?.record({ apiUrl, localAdminToken: config.localAdminToken });
  const beside: Beside = {
    url,
    apiFetch: inProcessFetch(app),
    db: database.db,
    now: clock.now(),
    lines,
  };
  const { bridges, serviceToken } = await startBridgesBeside(beside);
  const bot = await startBotBeside(beside, bridges, serviceToken);
  bridges?.startReminders(bot?.api);
  console.log(
    [
      `OGI API · ${where}`,
      `  控制台 / console: ${url}/console`,
      `  API:   ${url}/v1`,
      `  文档 / docs: ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
      ...lines.map((l) => `  ${l}`),
      `  示例 / try: curl ${url}/v1/agencies/411421-gov/summary -H "Authorization: Bearer <token>"`,
    ].join("\n"),
  );
  const stop = () => {
    // Idle keep-alive connections would hold server.close() open for a minute.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
    server.close(async () => {
      await bot?.stop().catch(() => {});
      await bridges?.stop().catch(() => {});
      await database.close();
      process.exit(0);
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
};

await main();
