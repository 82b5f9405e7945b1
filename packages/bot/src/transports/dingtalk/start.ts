// The DingTalk bridge as a service: the bot behind DingTalk's Stream mode (an internal app's
// robot; no public URL). One instance holds the stream (a lease in Redis when several run).
// Robot messages of single chats go to the bot; 【label】 sent by a card's button is the press of
// that button (its signed data kept per chat when the card was sent).
import { type BridgeDeps, bridgedBot } from "../bridge/bridged-bot.ts";
import { chatUserId } from "../bridge/chat-users.ts";
import type { Bridge } from "../bridge/core.ts";
import { holdLease } from "../bridge/lease.ts";
import {
  type DingtalkInbound,
  DingtalkOutbox,
  type DingtalkRef,
  type Offered,
  offeredKey,
} from "./outbox.ts";
import { BOT_MESSAGE_TOPIC, DingtalkStream } from "./stream.ts";

export type DingtalkConfig = {
  clientId: string;
  clientSecret: string;
  /** Default https://api.dingtalk.com: the gateway and the robot API. */
  gatewayUrl?: string;
  /** Default https://oapi.dingtalk.com, or the gateway's address when that is not DingTalk's. */
  oapiUrl?: string;
  robotCode?: string;
  minBackoffMs?: number;
  silenceMs?: number;
};

export type DingtalkDeps = BridgeDeps;

export type RunningDingtalk = {
  bridge: Bridge<DingtalkInbound, DingtalkRef>;
  stream: DingtalkStream;
  stop(): Promise<void>;
};

type RobotMessage = {
  msgId?: string;
  msgtype?: string;
  conversationType?: string;
  senderStaffId?: string;
  senderNick?: string;
  text?: { content?: string };
  sessionWebhook?: string;
  sessionWebhookExpiredTime?: number;
};

const DEFAULT_GATEWAY = "https://api.dingtalk.com";

export const startDingtalk = async (
  config: DingtalkConfig,
  deps: DingtalkDeps,
): Promise<RunningDingtalk> => {
  const { logger } = deps;
  const gateway = (config.gatewayUrl ?? DEFAULT_GATEWAY).replace(/\/+$/, "");
  const outbox = new DingtalkOutbox(
    {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      robotCode: config.robotCode ?? config.clientId,
      apiUrl: gateway,
      oapiUrl: (
        config.oapiUrl ?? (gateway === DEFAULT_GATEWAY ? "https://oapi.dingtalk.com" : gateway)
      ).replace(/\/+$/, ""),
    },
    deps.storage,
    logger,
  );
  const theBridge = bridgedBot(
    "dingtalk",
    { account: config.clientId, secret: config.clientSecret },
    outbox,
    deps,
  );

  const onMessage = async (m: RobotMessage) => {
    const staffId = m.senderStaffId;
    if (!staffId || !m.msgId) return;
    if (m.conversationType && m.conversationType !== "1") {
      logger.info(
        { platform: "dingtalk" },
        "a group message ignored (the bot works in single chats)",
      );
      return;
    }
    const text = (m.text?.content ?? "").trim();
    const inbound: DingtalkInbound = {
      ...(m.sessionWebhook ? { sessionWebhook: m.sessionWebhook } : {}),
      ...(m.sessionWebhookExpiredTime ? { expiresAt: m.sessionWebhookExpiredTime } : {}),
    };
    const base = {
      externalId: staffId,
      ...(m.senderNick ? { name: m.senderNick } : {}),
      messageId: m.msgId,
      inbound,
    };
    // 【label】: a button of a card sent to this chat.
    const choice = /^【(.+)】$/s.exec(text)?.[1];
    if (choice) {
      const offered = await deps.storage.get<Offered[]>(
        offeredKey(chatUserId("dingtalk", staffId)),
      );
      const o = offered?.findLast((x) => x.label === choice);
      if (o) {
        await theBridge.receive({
          ...base,
          data: o.data,
          ...(o.messageId !== undefined ? { botMessageId: o.messageId } : {}),
        });
        return;
      }
    }
    await theBridge.receive({ ...base, text });
  };

  const stream = new DingtalkStream({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    gatewayUrl: gateway,
    logger,
    ...(config.minBackoffMs !== undefined ? { minBackoffMs: config.minBackoffMs } : {}),
    ...(config.silenceMs !== undefined ? { silenceMs: config.silenceMs } : {}),
    onCallback: (topic, data) => {
      if (topic !== BOT_MESSAGE_TOPIC) return;
      void onMessage(data as RobotMessage).catch(() => {});
    },
  });

  const lease = holdLease({
    ...(deps.redis ? { redis: deps.redis } : {}),
    key: `lease:dingtalk:${config.clientId}`,
    logger,
    onLost: () => stream.pause(),
    onRegained: () => {
      void stream
        .start()
        .catch((err: Error) =>
          logger.error({ platform: "dingtalk", err: err.message }, "DingTalk reconnection failed"),
        );
    },
  });
  if (!deps.redis) await stream.start();
  else {
    const first = await Promise.race([
      lease.acquired.then(() => true),
      new Promise<false>((ok) => setTimeout(() => ok(false), 1500)),
    ]);
    if (first) await stream.start();
    else
      void lease.acquired
        .then(() => stream.start())
        .catch((err: Error) =>
          logger.error({ platform: "dingtalk", err: err.message }, "DingTalk standby failed"),
        );
  }
  return {
    bridge: theBridge,
    stream,
    async stop() {
      stream.stop();
      await lease.release();
    },
  };
};
