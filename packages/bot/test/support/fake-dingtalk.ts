// A fake DingTalk Stream gateway and robot API on loopback (real HTTP and WebSocket servers):
// POST /v1.0/gateway/connections/open (client id and secret checked, a single-use ticket), the
// WebSocket at the endpoint (SYSTEM ping, CALLBACK /v1.0/im/bot/messages/get with the robot
// message, each acknowledgement recorded), the session webhooks, /v1.0/oauth2/accessToken,
// /v1.0/robot/oToMessages/batchSend and /media/upload (multipart). Frames and fields as in
// DingTalk's "Stream 模式协议" and robot documents, summarised in ../shared/research/messengers.md.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export type DingtalkShown = {
  kind: "text" | "card" | "file";
  text: string;
  /** A card's buttons: the text each sends back when clicked. */
  buttons: { text: string; sends: string }[];
  filename?: string;
  bytes?: Buffer;
  via: "webhook" | "robot";
};

type Frame = { type: string; headers: Record<string, unknown>; data?: string };

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((ok) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => ok(Buffer.concat(parts)));
  });

export class FakeDingtalk {
  readonly clientId = "dingtestclient";
  readonly clientSecret = "dingtalk-secret-0123456789";
  private http!: Server;
  private wss!: WebSocketServer;
  private tickets = new Set<string>();
  private sockets = new Set<WebSocket>();
  private webhooks = new Map<string, string>();
  private token = `tok-${randomUUID()}`;
  private media = new Map<string, { filename: string; bytes: Buffer }>();
  readonly shown = new Map<string, DingtalkShown[]>();
  /** messageIds the client acknowledged, in order. */
  readonly acks: string[] = [];
  readonly pongs: string[] = [];
  opens = 0;
  /** Sent to the bot, to deliver again. */
  readonly sent: Frame[] = [];

  get url() {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  async start() {
    this.wss = new WebSocketServer({ noServer: true });
    this.http = createServer((req, res) => void this.route(req, res));
    this.http.on("upgrade", (req, socket, head) => {
      const ticket = new URL(req.url ?? "/", "http://x").searchParams.get("ticket") ?? "";
      if (!this.tickets.delete(ticket)) {
        socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.add(ws);
        ws.on("close", () => this.sockets.delete(ws));
        ws.on("message", (raw) => {
          const f = JSON.parse(String(raw)) as { headers?: Record<string, unknown> };
          const id = String(f.headers?.messageId ?? "");
          if (f.headers?.topic === "ping") this.pongs.push(id);
          else this.acks.push(id);
        });
      });
    });
    await new Promise<void>((ok) => this.http.listen(0, "127.0.0.1", () => ok()));
    return this;
  }

  async close() {
    for (const ws of this.sockets) ws.terminate();
    this.http.closeAllConnections();
    await new Promise<void>((ok) => this.http.close(() => ok()));
  }

  drop() {
    for (const ws of this.sockets) ws.terminate();
  }

  get connected() {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** Told of each item shown (benchmarks wait on it). */
  onShow?: (user: string, item: DingtalkShown) => void;

  private show(user: string, item: DingtalkShown) {
    const list = this.shown.get(user) ?? [];
    list.push(item);
    this.shown.set(user, list);
    this.onShow?.(user, item);
  }

  private itemOf(msgtype: string, p: Record<string, unknown>, via: DingtalkShown["via"]) {
    if (msgtype === "markdown" || msgtype === "sampleMarkdown") {
      const m = (p.markdown ?? p) as { text: string };
      return { kind: "text" as const, text: m.text, buttons: [], via };
    }
    if (msgtype === "actionCard") {
      const c = p.actionCard as { text: string; btns: { title: string; actionURL: string }[] };
      return {
        kind: "card" as const,
        text: c.text,
        buttons: c.btns.map((b) => ({
          text: b.title,
          sends: decodeURIComponent(new URL(b.actionURL).searchParams.get("content") ?? ""),
        })),
        via,
      };
    }
    if (msgtype === "sampleFile") {
      const m = this.media.get(String(p.mediaId));
      return {
        kind: "file" as const,
        text: String(p.fileName),
        buttons: [],
        ...(m ? { filename: m.filename, bytes: m.bytes } : {}),
        via,
      };
    }
    return undefined;
  }

  private async route(req: IncomingMessage, res: import("node:http").ServerResponse) {
    const url = new URL(req.url ?? "/", this.url);
    const raw = await readBody(req);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const body = () => JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    if (url.pathname === "/v1.0/gateway/connections/open") {
      const b = body();
      if (b.clientId !== this.clientId || b.clientSecret !== this.clientSecret)
        return json(401, { code: "authFailed", message: "clientId or clientSecret is invalid" });
      const ticket = randomUUID();
      this.tickets.add(ticket);
      this.opens++;
      return json(200, { endpoint: `${this.url.replace("http", "ws")}/connect`, ticket });
    }
    if (url.pathname === "/v1.0/oauth2/accessToken") {
      const b = body();
      if (b.appKey !== this.clientId || b.appSecret !== this.clientSecret)
        return json(400, { code: "invalidClientSecret" });
      return json(200, { accessToken: this.token, expireIn: 7200 });
    }
    if (url.pathname === "/v1.0/robot/oToMessages/batchSend") {
      if (req.headers["x-acs-dingtalk-access-token"] !== this.token)
        return json(401, { code: "InvalidAuthentication" });
      const b = body();
      const item = this.itemOf(String(b.msgKey), JSON.parse(String(b.msgParam)), "robot");
      for (const u of b.userIds as string[]) if (item) this.show(u, item);
      return json(200, { processQueryKey: randomUUID() });
    }
    if (url.pathname === "/media/upload") {
      if (url.searchParams.get("access_token") !== this.token)
        return json(200, { errcode: 40014, errmsg: "invalid access_token" });
      const form = await new Response(new Uint8Array(raw), {
        headers: { "content-type": String(req.headers["content-type"]) },
      }).formData();
      const file = form.get("media") as File;
      const media = `@media${randomUUID()}`;
      this.media.set(media, { filename: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
      return json(200, { errcode: 0, errmsg: "ok", type: "file", media_id: media });
    }
    if (url.pathname.startsWith("/session/")) {
      const user = this.webhooks.get(url.pathname);
      if (!user) return json(200, { errcode: 300001, errmsg: "session expired" });
      const b = body();
      const item = this.itemOf(String(b.msgtype), b, "webhook");
      if (item) this.show(user, item);
      return json(200, { errcode: 0, errmsg: "ok" });
    }
    json(404, { code: "notFound" });
  }

  private push(frame: Frame) {
    const open = [...this.sockets].filter((s) => s.readyState === s.OPEN);
    if (open.length === 0) throw new Error("fake DingTalk: no client connected");
    open[open.length - 1]!.send(JSON.stringify(frame));
  }

  /** A robot message of a single chat from the user with this staffId. */
  message(staffId: string, content: string, options: { webhookExpired?: boolean } = {}) {
    const path = `/session/${randomUUID()}`;
    this.webhooks.set(path, staffId);
    const messageId = randomUUID();
    const frame: Frame = {
      type: "CALLBACK",
      headers: {
        appId: "app",
        connectionId: "conn",
        contentType: "application/json",
        messageId,
        time: String(Date.now()),
        topic: "/v1.0/im/bot/messages/get",
      },
      data: JSON.stringify({
        conversationId: `cid${staffId}`,
        chatbotCorpId: "corp",
        chatbotUserId: "bot",
        msgId: `msg${randomUUID()}`,
        senderNick: staffId,
        isAdmin: false,
        senderStaffId: staffId,
        sessionWebhookExpiredTime: Date.now() + (options.webhookExpired ? -1000 : 3_600_000),
        createAt: Date.now(),
        senderCorpId: "corp",
        conversationType: "1",
        senderId: `$:LWCP_v1:$${staffId}`,
        sessionWebhook: `${this.url}${path}`,
        text: { content },
        robotCode: this.clientId,
        msgtype: "text",
      }),
    };
    this.sent.push(frame);
    this.push(frame);
    return frame;
  }

  /** The same callback again (a redelivery: same messageId and msgId). */
  redeliver(frame: Frame) {
    this.push(frame);
  }

  /** A SYSTEM ping; the client echoes it. */
  ping() {
    const messageId = randomUUID();
    this.push({
      type: "SYSTEM",
      headers: {
        contentType: "application/json",
        messageId,
        topic: "ping",
        time: String(Date.now()),
      },
      data: JSON.stringify({ opaque: messageId }),
    });
    return messageId;
  }
}
