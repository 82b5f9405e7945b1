// The bot behind a messenger's bridge (WeCom, DingTalk): the same bot as on Telegram, whose API
// client asks the bridge which chat user a number stands for.
import type { Redis } from "ioredis";
import type { OgiApi } from "../../api.ts";
import { callbackSecretOf, createBot } from "../../bot.ts";
import type { Logger } from "../../context.ts";
import type { KeyValueStore } from "../../storage.ts";
import type { BridgePlatform } from "./chat-users.ts";
import { Bridge, bridgeBotInfo, type Outbox } from "./core.ts";

/** What a messenger's bridge is started with. */
export type BridgeDeps = {
  /** The API client of this bridge (its chat users known to it: `chatUserOf`). */
  api: (chatUserOf: (id: number) => string | undefined) => OgiApi;
  storage: KeyValueStore;
  logger: Logger;
  /** The Redis of BOT_STORAGE_URL: the lease of the connection. */
  redis?: Redis;
  now?: () => Date;
  timeZone?: string;
};

/**
 * The bridge of `platform` around a new bot. `account` (the bot id, the client id) names the
 * bot; with `secret` it seeds the signature of the bot's callback data.
 */
export const bridgedBot = <In, Ref>(
  platform: BridgePlatform,
  credentials: { account: string; secret: string },
  outbox: Outbox<In, Ref>,
  deps: BridgeDeps,
): Bridge<In, Ref> => {
  // Filled below; the bot's API client asks it who a number is.
  let bridge: Bridge<In, Ref> | undefined;
  const bot = createBot({
    token: `${platform}-${credentials.account}`,
    botInfo: bridgeBotInfo(platform),
    api: deps.api((id) => bridge?.users.header(id)),
    logger: deps.logger,
    storage: deps.storage,
    callbackSecret: callbackSecretOf(`${platform}:${credentials.account}:${credentials.secret}`),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
  });
  bridge = new Bridge({ platform, bot, outbox, store: deps.storage, logger: deps.logger });
  return bridge;
};
