// A bot wired to a real API, driven through `bot.handleUpdate` with its outgoing calls answered
// and captured locally.

import type { TestApi } from "@ogi/api/testing";
import type { User } from "grammy/types";
import { createBot } from "../../src/bot.ts";
import type { Logger } from "../../src/context.ts";
import { createHttpApi } from "../../src/http-api.ts";
import { type KeyValueStore, memoryStore } from "../../src/storage.ts";
import { TEST_BOT_INFO } from "../../src/transports/local.ts";
import { ChatSession } from "../../src/transports/session.ts";

export const TOKEN = "123456:TEST-token-for-the-bot-tests-000";

export const user = (id: number, first_name = "张三"): User => ({
  id,
  is_bot: false,
  first_name,
  language_code: "zh-hans",
});

export const makeBot = (
  api: TestApi,
  now: () => Date,
  options: {
    storage?: KeyValueStore;
    logger?: Logger;
    baseUrl?: string;
    /** What the bot's API client fetches with (to see its calls). */
    fetch?: typeof fetch;
  } = {},
) =>
  createBot({
    token: TOKEN,
    botInfo: TEST_BOT_INFO,
    api: createHttpApi({
      baseUrl: options.baseUrl ?? api.url,
      serviceToken: api.serviceToken,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
    now,
    storage: options.storage ?? memoryStore(() => now().getTime()),
    ...(options.logger ? { logger: options.logger } : {}),
  });

export const texts = (replies: Awaited<ReturnType<ChatSession["send"]>>) =>
  replies.map((r) => (r.kind === "alert" ? `[alert] ${r.text}` : r.message.text)).join("\n---\n");

export { ChatSession };
