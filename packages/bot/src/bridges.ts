// startBridges(env): the WeCom and DingTalk bridges the environment names, as a service beside the
// API (`pnpm start`) or the Telegram bot. They share the bot's store with Telegram (its Redis
// under BOT_STORAGE_URL, else .data/bot-state.json): a person's language, last record and where
// they were seen last are one, whatever the messenger; the reminders go where they were seen.
import { resolve } from "node:path";
import type { Api } from "grammy";
import type { Redis } from "ioredis";
import pino from "pino";
import { type BridgesEnv, parseBridgesEnv } from "./bridges-env.ts";
import type { Logger } from "./context.ts";
import { EnvError } from "./env.ts";
import { createHttpApi } from "./http-api.ts";
import { type RunningReminders, startReminders } from "./reminders/start.ts";
import { fileStore, type KeyValueStore, REDIS_PREFIX, redisStore } from "./storage.ts";
import { chatReminderSender, type ReminderBridge } from "./transports/bridge/reminders.ts";
import { startDingtalk } from "./transports/dingtalk/start.ts";
import { DingtalkStartError } from "./transports/dingtalk/stream.ts";
import { startWecom, WecomStartError } from "./transports/wecom/start.ts";

export type StartedBridges = {
  /** "wecom", "dingtalk": those running. */
  names: string[];
  /** The store shared with the Telegram bot (pass it to startBot's `storage`). */
  storage: KeyValueStore;
  /** The reminders, on every messenger running here (Telegram's API when it runs too). */
  startReminders(telegram?: Api): void;
  stop(): Promise<void>;
};

export type BridgesOptions = {
  logger?: Logger;
  apiFetch?: typeof fetch;
};

/** A bridge's configuration was refused (a wrong secret, a gateway not reached): one line. */
export const isBridgeStartError = (e: unknown) =>
  e instanceof WecomStartError || e instanceof DingtalkStartError || e instanceof EnvError;

const repoRoot = resolve(import.meta.dirname, "../../..");

/** Starts the bridges named by the environment; undefined when none is. */
export const startBridges = async (
  env: Record<string, string | undefined>,
  options: BridgesOptions = {},
): Promise<StartedBridges | undefined> => {
  const config: BridgesEnv = parseBridgesEnv(env);
  if (!config.wecom && !config.dingtalk) return undefined;
  const apiUrl = (env.OGI_API_URL?.trim() || "http://127.0.0.1:3000").replace(/\/+$/, "");
  const serviceToken = env.OGI_BOT_SERVICE_TOKEN?.trim() ?? "";
  if (serviceToken.length < 16)
    throw new EnvError(
      "缺少机器人服务令牌 OGI_BOT_SERVICE_TOKEN / OGI_BOT_SERVICE_TOKEN is required (a bot service token from the API)",
    );
  const logger = options.logger ?? pino({ name: "ogi-bridges", level: env.LOG_LEVEL ?? "info" });
  const telegramId = env.TELEGRAM_BOT_TOKEN?.split(":")[0]?.trim();
  const redis = env.BOT_STORAGE_URL?.trim()
    ? redisStore(env.BOT_STORAGE_URL.trim(), {
        // The Telegram bot's prefix when it runs too: one store for both.
        prefix: `${REDIS_PREFIX}${telegramId || "bridges"}:`,
        logger,
      })
    : undefined;
  const dataDir = env.OGI_DATA_DIR ? resolve(env.OGI_DATA_DIR) : resolve(repoRoot, ".data");
  const storage = redis ?? fileStore(resolve(dataDir, "bot-state.json"));
  const api = (chatUserOf: (id: number) => string | undefined) =>
    createHttpApi({
      baseUrl: apiUrl,
      serviceToken,
      chatUserOf,
      ...(options.apiFetch ? { fetch: options.apiFetch } : {}),
    });
  const deps = {
    api,
    storage,
    logger,
    ...(redis ? { redis: redis.client as Redis } : {}),
  };
  const running: { name: string; bridge: ReminderBridge; stop(): Promise<void> }[] = [];
  let reminders: RunningReminders | undefined;
  const stop = async () => {
    await reminders?.stop();
    for (const r of running) await r.stop().catch(() => {});
    await redis?.close();
  };
  try {
    if (config.wecom) {
      const w = await startWecom(config.wecom, deps);
      running.push({ name: "wecom", bridge: w.bridge, stop: () => w.stop() });
    }
    if (config.dingtalk) {
      const d = await startDingtalk(config.dingtalk, deps);
      running.push({ name: "dingtalk", bridge: d.bridge, stop: () => d.stop() });
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    names: running.map((r) => r.name),
    storage,
    startReminders(telegram) {
      reminders = startReminders({
        ...(telegram ? { telegram } : {}),
        apiUrl,
        serviceToken,
        logger,
        store: storage,
        overrides: {
          sender: chatReminderSender({
            store: storage,
            bridges: running.map((r) => r.bridge),
            ...(telegram ? { telegram } : {}),
          }),
        },
      });
    },
    stop,
  };
};
