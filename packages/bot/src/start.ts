// startBot(env): the bot as a service, in long-polling mode (@grammyjs/runner) or in webhook
// mode (Hono). Used by `pnpm start` beside the API when TELEGRAM_BOT_TOKEN is set, and by
// `pnpm --filter @ogi/server bot` alone (apps/api/src/bot.ts).
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { run } from "@grammyjs/runner";
import { serve } from "@hono/node-server";
import type { Bot } from "grammy";
import pino from "pino";
import type { OgiApi } from "./api.ts";
import { createBot } from "./bot.ts";
import type { BotContext, Logger } from "./context.ts";
import { parseEnv } from "./env.ts";
import { createHttpApi } from "./http-api.ts";
import { startReminders } from "./reminders/start.ts";
import { fileStore, type KeyValueStore, REDIS_PREFIX, redisStore } from "./storage.ts";
import { webhookApp } from "./transports/webhook.ts";

export type StartedBot = {
  mode: "polling" | "webhook";
  /** Webhook mode: the URL given to Telegram and the port the server listens on. */
  url?: string;
  port?: number;
  /** Telegram's Bot API of this bot (the bridges' reminders reach Telegram users with it). */
  api?: Bot<BotContext>["api"];
  stop(): Promise<void>;
};

export type StartOptions = {
  logger?: Logger;
  /** Another way to reach the API than OGI_API_URL (e.g. in the same process). */
  api?: OgiApi;
  /** The fetch the API client uses (`pnpm start`: the API's app in this process, no socket). */
  apiFetch?: typeof fetch;
  storage?: KeyValueStore;
  /** Called with the bot before it starts (tests stub what a Bot API emulator lacks). */
  configure?: (bot: Bot<BotContext>) => void;
  /** The daily reminders (src/reminders, 09:00 Asia/Shanghai on working days); default on. */
  reminders?: boolean;
};

const repoRoot = resolve(import.meta.dirname, "../../..");

export const startBot = async (
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<StartedBot> => {
  const config = parseEnv(env);
  const logger = options.logger ?? pino({ name: "ogi-bot", level: env.LOG_LEVEL ?? "info" });
  const api =
    options.api ??
    createHttpApi({
      baseUrl: config.OGI_API_URL,
      serviceToken: config.OGI_BOT_SERVICE_TOKEN,
      consoleUrl: config.OGI_CONSOLE_URL,
      ...(options.apiFetch ? { fetch: options.apiFetch } : {}),
    });
  const dataDir = env.OGI_DATA_DIR ? resolve(env.OGI_DATA_DIR) : resolve(repoRoot, ".data");
  // BOT_STORAGE_URL: one Redis for every instance, so a flow may continue on any of them. The
  // keys carry the bot's id (the token's public part): two bots on one Redis never mix.
  const shared =
    options.storage || !config.BOT_STORAGE_URL
      ? undefined
      : redisStore(config.BOT_STORAGE_URL, {
          prefix: `${REDIS_PREFIX}${config.TELEGRAM_BOT_TOKEN.split(":")[0]}:`,
          logger,
        });
  const storage = options.storage ?? shared ?? fileStore(resolve(dataDir, "bot-state.json"));
  const bot = createBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    api,
    logger,
    storage,
  });
  options.configure?.(bot);
  try {
    await bot.init();
  } catch (e) {
    await shared?.close();
    throw e;
  }
  await bot.api
    .setMyCommands([
      { command: "new", description: "登记新申请 / Register an application" },
      { command: "close", description: "记录办理结果 / Record the outcome" },
      { command: "more", description: "补正、征求意见、延期、收费 / Other events" },
      { command: "undo", description: "撤销最后一条记录 / Withdraw your last record" },
      { command: "summary", description: "本年累计 / Year to date" },
      { command: "report", description: "年度报告 / Annual report" },
      { command: "pending", description: "在办申请 / Open applications" },
      { command: "agency", description: "切换机关 / Choose the agency" },
      { command: "web", description: "网页控制台登录链接 / Sign-in link to the web console" },
      { command: "help", description: "帮助 / Help" },
      { command: "lang", description: "语言 / Language" },
    ])
    .catch((e) => logger.warn({ err: e }, "setMyCommands failed"));

  const reminders =
    options.reminders === false
      ? undefined
      : startReminders({
          telegram: bot.api,
          apiUrl: config.OGI_API_URL,
          serviceToken: config.OGI_BOT_SERVICE_TOKEN,
          logger,
          store: storage,
        });

  if (config.BOT_MODE === "webhook") {
    const url = new URL(config.WEBHOOK_URL!);
    const app = webhookApp(bot, { path: url.pathname, secret: config.WEBHOOK_SECRET! });
    const server = await new Promise<ReturnType<typeof serve>>((ok) => {
      const s = serve(
        { fetch: app.fetch, port: config.WEBHOOK_PORT, hostname: config.WEBHOOK_HOST },
        () => ok(s),
      );
    });
    await bot.api.setWebhook(url.href, {
      secret_token: config.WEBHOOK_SECRET!,
      allowed_updates: ["message", "callback_query"],
    });
    const port = (server.address() as AddressInfo).port;
    logger.info({ url: url.href, port }, "bot webhook listening");
    return {
      mode: "webhook",
      api: bot.api,
      url: url.href,
      port,
      stop: async () => {
        await reminders?.stop();
        await new Promise<void>((ok) => server.close(() => ok()));
        await shared?.close();
      },
    };
  }

  await bot.api.deleteWebhook().catch((e) => logger.warn({ err: e }, "deleteWebhook failed"));
  const runner = run(bot, {
    runner: { fetch: { allowed_updates: ["message", "callback_query"] } },
  });
  logger.info({ username: bot.botInfo.username }, "bot polling");
  return {
    mode: "polling",
    api: bot.api,
    stop: async () => {
      await reminders?.stop();
      if (runner.isRunning()) await runner.stop();
      await shared?.close();
    },
  };
};
