// A small client of DingTalk's Stream mode (no public URL), written here rather than taken from
// the `dingtalk-stream` package, whose open reports are of dropped connections, leaked sockets
// and its client secret logged. The protocol ("Stream 模式协议"):
//   POST {gateway}/v1.0/gateway/connections/open {clientId, clientSecret, subscriptions, ua}
//     → {endpoint, ticket} (a wrong pair: 401 authFailed);
//   WebSocket to endpoint?ticket=… (single-use); server frames {specVersion, type: SYSTEM |
//   EVENT | CALLBACK, headers: {messageId, topic, …}, data: "<JSON>"};
//   SYSTEM ping → echoed; SYSTEM disconnect → a fresh open; each CALLBACK and EVENT acknowledged
//   at once ({code: 200, headers: {messageId, contentType}, message: "OK", data}).
// A lost connection (closed, or silent past the watchdog) is opened again with backoff, and
// logged; nothing here throws past `start`. The secret goes in the open request only.
import WebSocket from "ws";
import type { Logger } from "../../context.ts";

export const BOT_MESSAGE_TOPIC = "/v1.0/im/bot/messages/get";

export type StreamFrame = {
  specVersion?: string;
  type: "SYSTEM" | "EVENT" | "CALLBACK";
  headers: { messageId?: string; topic?: string; contentType?: string; [k: string]: unknown };
  data?: string;
};

export type DingtalkStreamOptions = {
  clientId: string;
  clientSecret: string;
  /** Default https://api.dingtalk.com (a private deployment or the tests give their own). */
  gatewayUrl?: string;
  logger: Logger;
  /** A callback (a robot message): already acknowledged when this is called. */
  onCallback: (topic: string, data: unknown, frame: StreamFrame) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** No frame nor pong for this long: the socket is taken for dead (default 60 s). */
  silenceMs?: number;
  fetch?: typeof fetch;
};

/** DingTalk refused the client id and secret, or its gateway could not be reached at the start. */
export class DingtalkStartError extends Error {
  override name = "DingtalkStartError";
}

export class DingtalkStream {
  private readonly o: DingtalkStreamOptions;
  private ws: WebSocket | undefined;
  private stopped = false;
  private attempts = 0;
  private timer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lastHeard = Date.now();
  /** Connections opened so far (tests, logs). */
  connections = 0;

  constructor(options: DingtalkStreamOptions) {
    this.o = options;
  }

  get gateway() {
    return (this.o.gatewayUrl ?? "https://api.dingtalk.com").replace(/\/+$/, "");
  }

  get connected() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Opens the first connection; a refused secret or an unreachable gateway throws. */
  async start() {
    this.stopped = false;
    await this.open(true);
  }

  /** Closes the connection until `start` (another instance took the lease). */
  pause() {
    this.stop();
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.ws?.removeAllListeners();
    this.ws?.on("error", () => {});
    this.ws?.terminate();
    this.ws = undefined;
  }

  private async ticket(): Promise<{ endpoint: string; ticket: string }> {
    const res = await (this.o.fetch ?? fetch)(`${this.gateway}/v1.0/gateway/connections/open`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        clientId: this.o.clientId,
        clientSecret: this.o.clientSecret,
        subscriptions: [
          { type: "CALLBACK", topic: BOT_MESSAGE_TOPIC },
          { type: "EVENT", topic: "*" },
        ],
        ua: "ogi-bridge/0.1",
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status === 401 || res.status === 403) {
      throw new DingtalkStartError(
        "钉钉拒绝了 DINGTALK_CLIENT_ID / DINGTALK_CLIENT_SECRET，请在钉钉开放平台核对应用的 Client ID 与 Client Secret / DingTalk refused DINGTALK_CLIENT_ID / DINGTALK_CLIENT_SECRET: check the app's Client ID and Client Secret in the DingTalk developer console",
      );
    }
    if (!res.ok) throw new Error(`DingTalk gateway answered ${res.status}`);
    const body = (await res.json()) as { endpoint?: string; ticket?: string };
    if (!body.endpoint || !body.ticket) throw new Error("DingTalk gateway gave no endpoint");
    return { endpoint: body.endpoint, ticket: body.ticket };
  }

  private async open(first = false) {
    let t: { endpoint: string; ticket: string };
    try {
      t = await this.ticket();
    } catch (err) {
      if (first && err instanceof DingtalkStartError) throw err;
      if (first)
        throw new DingtalkStartError(
          `无法连接钉钉 Stream 网关 ${this.gateway} / DingTalk's Stream gateway ${this.gateway} could not be reached: ${(err as Error).message}`,
        );
      this.o.logger.warn(
        { platform: "dingtalk", err: (err as Error).message },
        "DingTalk: open failed",
      );
      this.retry();
      return;
    }
    const url = new URL(t.endpoint);
    url.searchParams.set("ticket", t.ticket);
    const ws = new WebSocket(url);
    this.ws = ws;
    await new Promise<void>((ok, fail) => {
      ws.once("open", () => {
        this.connections++;
        this.attempts = 0;
        this.lastHeard = Date.now();
        this.o.logger.info({ platform: "dingtalk" }, "DingTalk Stream connected");
        this.keepAlive(ws);
        ok();
      });
      ws.once("error", (err) => {
        if (!first) return ok();
        this.ws = undefined;
        fail(
          new DingtalkStartError(
            `钉钉 Stream 连接失败 / DingTalk Stream connection failed: ${err.message}`,
          ),
        );
      });
      ws.on("message", (raw) => this.onFrame(ws, String(raw)));
      ws.on("pong", () => {
        this.lastHeard = Date.now();
      });
      ws.on("close", (code) => {
        if (this.ws !== ws || this.stopped) return;
        this.o.logger.warn({ platform: "dingtalk", code }, "DingTalk Stream closed; reconnecting");
        this.retry();
      });
      ws.on("error", (err) =>
        this.o.logger.warn({ platform: "dingtalk", err: err.message }, "DingTalk Stream error"),
      );
    });
  }

  /** Pings now and then; a socket silent past `silenceMs` is closed (and opened again). */
  private keepAlive(ws: WebSocket) {
    if (this.watchdog) clearInterval(this.watchdog);
    const silence = this.o.silenceMs ?? 60_000;
    this.watchdog = setInterval(
      () => {
        if (this.ws !== ws) return;
        if (Date.now() - this.lastHeard > silence) {
          this.o.logger.warn({ platform: "dingtalk" }, "DingTalk Stream silent; reconnecting");
          ws.terminate();
          return;
        }
        if (ws.readyState === WebSocket.OPEN) ws.ping();
      },
      Math.max(50, silence / 3),
    );
  }

  private retry() {
    if (this.stopped || this.timer) return;
    this.ws = undefined;
    const min = this.o.minBackoffMs ?? 1000;
    const max = this.o.maxBackoffMs ?? 30_000;
    const delay = Math.min(max, min * 2 ** this.attempts) * (0.75 + Math.random() / 2);
    this.attempts++;
    this.o.logger.info(
      { platform: "dingtalk", attempt: this.attempts, delayMs: Math.round(delay) },
      "DingTalk Stream reconnecting",
    );
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.stopped) void this.open();
    }, delay);
  }

  private onFrame(ws: WebSocket, raw: string) {
    this.lastHeard = Date.now();
    let frame: StreamFrame;
    try {
      frame = JSON.parse(raw) as StreamFrame;
    } catch {
      this.o.logger.warn({ platform: "dingtalk" }, "DingTalk: a frame that is not JSON ignored");
      return;
    }
    const topic = String(frame.headers?.topic ?? "");
    const ack = (data: unknown) =>
      ws.send(
        JSON.stringify({
          code: 200,
          headers: { ...frame.headers, contentType: "application/json" },
          message: "OK",
          data: JSON.stringify(data),
        }),
      );
    if (frame.type === "SYSTEM") {
      if (topic === "ping")
        ws.send(
          JSON.stringify({ code: 200, headers: frame.headers, message: "OK", data: frame.data }),
        );
      else if (topic === "disconnect") {
        this.o.logger.info({ platform: "dingtalk" }, "DingTalk asks to reconnect");
        ws.close();
      }
      return;
    }
    // Acknowledged before anything else: the handling runs after, on its own.
    if (frame.type === "EVENT") {
      ack({ status: "SUCCESS", message: "success" });
      return;
    }
    ack({ response: null });
    let data: unknown;
    try {
      data = frame.data ? JSON.parse(frame.data) : undefined;
    } catch {
      this.o.logger.warn(
        { platform: "dingtalk", topic },
        "DingTalk: a callback's data is not JSON",
      );
      return;
    }
    try {
      this.o.onCallback(topic, data, frame);
    } catch (err) {
      this.o.logger.error(
        { platform: "dingtalk", err: (err as Error).message },
        "DingTalk callback failed",
      );
    }
  }
}
