// The WeCom bridge as a service: the bot (the same features as on Telegram) behind WeCom's AI bot
// long connection (`wss://openws.work.weixin.qq.com`, or WECOM_WS_URL for a private deployment
// such as 政务微信, and for the tests). Needs no public URL. One instance holds the connection
// (a lease in Redis when several run); a lost connection is reconnected by the SDK with backoff
// and logged, never a crash; the bot's secret is never logged (the SDK's logger gets our own,
// which sees no secret: the SDK logs the frames it receives, not the subscription).
import { WSClient, type WsFrame } from "@wecom/aibot-node-sdk";
import type { Logger } from "../../context.ts";
import { type BridgeDeps, bridgedBot } from "../bridge/bridged-bot.ts";
import type { Bridge } from "../bridge/core.ts";
import { holdLease } from "../bridge/lease.ts";
import { errText, type WecomInbound, WecomOutbox, type WecomRef } from "./outbox.ts";

export type WecomConfig = {
  botId: string;
  secret: string;
  /** Default: WeCom's own address. */
  wsUrl?: string;
  /** Tests: faster reconnection and heartbeats. */
  reconnectIntervalMs?: number;
  heartbeatIntervalMs?: number;
  reconnectWaitMs?: number;
  /** How long the connection's lease lasts unrenewed (default 15 s). */
  leaseTtlMs?: number;
  /** The first wait before connecting again after WeCom closed us (default 5 s; doubles). */
  kickedCooldownMs?: number;
};

export type WecomDeps = BridgeDeps;

export type RunningWecom = {
  bridge: Bridge<WecomInbound, WecomRef>;
  /** Whether this instance holds the connection. */
  readonly holding: boolean;
  stop(): Promise<void>;
};

/** WeCom refused the bot id and secret, or could not be reached at the start. */
export class WecomStartError extends Error {
  override name = "WecomStartError";
}

/** The SDK's logger on ours: its debug lines (frames' contents) are dropped. */
const sdkLogger = (logger: Logger) => ({
  debug() {},
  info: (m: string) => logger.info({ platform: "wecom" }, m),
  warn: (m: string, ...a: unknown[]) =>
    logger.warn({ platform: "wecom", detail: a.map(String) }, m),
  error: (m: string, ...a: unknown[]) =>
    logger.error({ platform: "wecom", detail: a.map(String) }, m),
});

type Body = {
  msgid?: string;
  chattype?: string;
  from?: { userid?: string };
  msgtype?: string;
  text?: { content?: string };
  event?: {
    eventtype?: string;
    event_key?: string;
    task_id?: string;
    template_card_event?: { event_key?: string; task_id?: string };
  };
};

export const startWecom = async (config: WecomConfig, deps: WecomDeps): Promise<RunningWecom> => {
  const { logger } = deps;
  let client: WSClient | undefined;
  const outbox = new WecomOutbox(
    () => {
      if (!client) throw new Error("WeCom: not connected");
      return client;
    },
    logger,
    config.reconnectWaitMs !== undefined ? { reconnectWaitMs: config.reconnectWaitMs } : {},
  );
  const theBridge = bridgedBot(
    "wecom",
    { account: config.botId, secret: config.secret },
    outbox,
    deps,
  );

  const onFrame = (frame: WsFrame<Body>) => {
    const body = frame.body ?? {};
    const userid = body.from?.userid;
    if (!userid || !body.msgid) return;
    if (body.chattype && body.chattype !== "single") {
      logger.info({ platform: "wecom" }, "a group message ignored (the bot works in single chats)");
      return;
    }
    const at = Date.now();
    if (frame.cmd === "aibot_msg_callback" && body.msgtype === "text") {
      void theBridge
        .receive({
          externalId: userid,
          messageId: body.msgid,
          text: body.text?.content ?? "",
          inbound: { frame, kind: "message", at },
        })
        .catch(() => {});
      return;
    }
    if (frame.cmd === "aibot_event_callback" && body.event?.eventtype === "template_card_event") {
      // The official format nests the click; the SDK's README shows it flat: both are read.
      const e = body.event.template_card_event ?? body.event;
      if (!e.event_key) return;
      void (async () => {
        const botMessageId = e.task_id ? await theBridge.messageOfRef(e.task_id) : undefined;
        await theBridge.receive({
          externalId: userid,
          messageId: body.msgid!,
          data: e.event_key!,
          ...(botMessageId !== undefined ? { botMessageId } : {}),
          inbound: { frame, kind: "click", at, ...(e.task_id ? { taskId: e.task_id } : {}) },
        });
      })().catch(() => {});
    }
  };

  let kicks = 0;
  const connect = () =>
    new Promise<void>((ok, fail) => {
      const c = new WSClient({
        botId: config.botId,
        secret: config.secret,
        ...(config.wsUrl ? { wsUrl: config.wsUrl } : {}),
        // Never give up on a lost connection; a refused secret twice is a wrong secret.
        maxReconnectAttempts: -1,
        maxAuthFailureAttempts: 1,
        reconnectInterval: config.reconnectIntervalMs ?? 1000,
        heartbeatInterval: config.heartbeatIntervalMs ?? 30_000,
        logger: sdkLogger(logger),
      });
      client = c;
      let started = false;
      c.on("authenticated", () => {
        logger.info({ platform: "wecom" }, "WeCom long connection authenticated");
        if (!started) {
          started = true;
          ok();
        }
      });
      c.on("error", (err) => {
        const auth = /Authentication failed|auth failure/i.test(err.message);
        if (!started && auth) {
          started = true;
          c.disconnect();
          fail(
            new WecomStartError(
              "企业微信拒绝了 WECOM_BOT_ID / WECOM_BOT_SECRET，请在企业微信管理后台核对智能机器人的 Bot ID 与 Secret / WeCom refused WECOM_BOT_ID / WECOM_BOT_SECRET: check the AI bot's Bot ID and Secret in the WeCom admin console",
            ),
          );
          return;
        }
        logger.warn({ platform: "wecom", err: errText(err) }, "WeCom connection error");
      });
      c.on("disconnected", (reason) =>
        logger.warn({ platform: "wecom", reason }, "WeCom long connection lost; reconnecting"),
      );
      c.on("reconnecting", (attempt) =>
        logger.info({ platform: "wecom", attempt }, "WeCom reconnecting"),
      );
      c.on("event.disconnected_event", () => {
        // The SDK does not reconnect after this (a newer connection took over, it assumes),
        // but WeCom also sends it with no other connection (reported in WecomTeam's plugin,
        // issue 54): while this instance holds the lease it connects again, after a pause
        // that doubles while it keeps happening, so two holders never fight.
        const wait = Math.min(5 * 60_000, (config.kickedCooldownMs ?? 5000) * 2 ** kicks);
        kicks++;
        logger.error(
          { platform: "wecom", retryInMs: wait },
          "WeCom closed this connection (disconnected_event); connecting again if still the holder",
        );
        setTimeout(() => {
          if (client === c && lease.held) c.connect();
        }, wait).unref();
        setTimeout(() => {
          kicks = Math.max(0, kicks - 1);
        }, 10 * 60_000).unref();
      });
      c.on("message", (f) => onFrame(f as WsFrame<Body>));
      c.on("event", (f) => onFrame(f as WsFrame<Body>));
      c.connect();
    });

  let holding = false;
  const lease = holdLease({
    ...(deps.redis ? { redis: deps.redis } : {}),
    key: `lease:wecom:${config.botId}`,
    ...(config.leaseTtlMs ? { ttlMs: config.leaseTtlMs } : {}),
    logger,
    onLost: () => {
      client?.disconnect();
      client = undefined;
      holding = false;
    },
    onRegained: () => {
      void connect()
        .then(() => {
          holding = true;
        })
        .catch((err) =>
          logger.error({ platform: "wecom", err: errText(err) }, "WeCom reconnection failed"),
        );
    },
  });
  const begin = async () => {
    await lease.acquired;
    await connect();
    holding = true;
  };
  // The first holder checks the secret before the start returns; a standby waits in the back.
  if (!deps.redis) await begin();
  else {
    const first = await Promise.race([
      lease.acquired.then(() => true),
      new Promise<false>((ok) => setTimeout(() => ok(false), 1500)),
    ]);
    if (first) await begin();
    else
      void begin().catch((err) =>
        logger.error({ platform: "wecom", err: errText(err) }, "WeCom standby failed to connect"),
      );
  }
  return {
    bridge: theBridge,
    get holding() {
      return holding;
    },
    async stop() {
      client?.disconnect();
      client = undefined;
      await lease.release();
    },
  };
};
