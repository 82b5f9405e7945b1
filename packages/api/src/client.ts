// A typed client for other programs (the bot): every route, body and answer typed from the app.
// `@ogi/api/client`: AppType is a type-only import, so this loads hono/client and nothing else.
import { hc } from "hono/client";
import type { AppType } from "./app.ts";
import { CHAT_USER_HEADER, TELEGRAM_USER_HEADER } from "./identity.ts";

export {
  CHAT_PLATFORMS,
  CHAT_USER_HEADER,
  type ChatPlatform,
  IDEMPOTENCY_HEADER,
  TELEGRAM_USER_HEADER,
} from "./identity.ts";
export type { AppType };

export type ClientOptions = {
  /** The bot's service token acts for this linked Telegram user. */
  telegramUserId?: number;
  /** The same for a user of any platform: `wecom:zhangsan` (X-Chat-User). */
  chatUser?: string;
  fetch?: typeof fetch;
};

export const createClient = (baseUrl: string, token?: string, options: ClientOptions = {}) =>
  hc<AppType>(baseUrl, {
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.telegramUserId !== undefined
        ? { [TELEGRAM_USER_HEADER]: String(options.telegramUserId) }
        : {}),
      ...(options.chatUser !== undefined ? { [CHAT_USER_HEADER]: options.chatUser } : {}),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

export type Client = ReturnType<typeof createClient>;
