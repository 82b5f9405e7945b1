// A fake WeCom AI bot long-connection server: a real WebSocket server on loopback speaking the
// documented JSON frames ({cmd, headers: {req_id}, body}; answers echo req_id with errcode):
// aibot_subscribe (bot id and secret checked), ping, aibot_msg_callback and aibot_event_callback
// (template_card_event) sent to the bot, and the bot's aibot_respond_msg (stream, template_card,
// file), aibot_respond_update_msg, aibot_send_msg and the chunked media upload recorded per user.
// Sources: WeCom's documents 101463 (long connection), 101031 (replies), 101027 (callbacks), as
// summarised in ../shared/research/messengers.md.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export type WecomShown = {
  kind: "text" | "card" | "file";
  text: string;
  buttons: { text: string; key: string }[];
  taskId?: string;
  filename?: string;
  bytes?: Buffer;
  /** How it came: a reply to a message, a push, or an update of a card. */
  via: "reply" | "push" | "update";
  updated?: boolean;
};

type Frame = { cmd?: string; headers: { req_id: string }; body?: Record<string, unknown> };

export class FakeWecom {
  readonly botId: string;
  readonly secret: string;
  private server!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  /** Connections that subscribed with the right secret: messages go to the last of them. */
  private subscribed = new Set<WebSocket>();
  /** Everything the bot showed each user, in order. */
  readonly shown = new Map<string, WecomShown[]>();
  /** Frames the bot sent (for tests of the protocol). */
  readonly frames: Frame[] = [];
  subscriptions = 0;
  private reqUser = new Map<string, string>();
  private uploads = new Map<string, { filename: string; chunks: Buffer[] }>();
  private media = new Map<string, { filename: string; bytes: Buffer }>();
  /** Sent to the bot: kept to deliver one again. */
  readonly sent: Frame[] = [];
  /** When set, the next frame from the bot of this command makes the server drop the link. */
  dropOn?: string;

  constructor(botId = "aibot-test", secret = "wecom-secret-0123456789") {
    this.botId = botId;
    this.secret = secret;
  }

  get url() {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start() {
    this.server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((ok) => this.server.once("listening", () => ok()));
    this.server.on("connection", (ws) => {
      this.sockets.add(ws);
      ws.on("close", () => {
        this.sockets.delete(ws);
        this.subscribed.delete(ws);
      });
      ws.on("message", (raw) => this.onFrame(ws, JSON.parse(String(raw)) as Frame));
    });
    return this;
  }

  async close() {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  /** Drops every connection (the network failed). */
  drop() {
    for (const ws of this.sockets) ws.terminate();
  }

  get connected() {
    return [...this.subscribed].filter((s) => s.readyState === s.OPEN).length;
  }

  private answer(ws: WebSocket, req_id: string, errcode = 0, body?: unknown) {
    ws.send(
      JSON.stringify({ headers: { req_id }, errcode, errmsg: errcode ? "error" : "ok", body }),
    );
  }

  /** Told of each item shown (benchmarks wait on it). */
  onShow?: (user: string, item: WecomShown) => void;

  private show(user: string, item: WecomShown) {
    const list = this.shown.get(user) ?? [];
    list.push(item);
    this.shown.set(user, list);
    this.onShow?.(user, item);
  }

  private itemOf(body: Record<string, unknown>, via: WecomShown["via"]): WecomShown | undefined {
    const msgtype = body.msgtype as string | undefined;
    if (msgtype === "stream") {
      const s = body.stream as { content: string; finish?: boolean };
      return s.finish ? { kind: "text", text: s.content, buttons: [], via } : undefined;
    }
    if (msgtype === "markdown")
      return {
        kind: "text",
        text: (body.markdown as { content: string }).content,
        buttons: [],
        via,
      };
    if (msgtype === "template_card" || body.response_type === "update_template_card") {
      const card = body.template_card as {
        main_title?: { title?: string };
        sub_title_text?: string;
        button_list?: { text: string; key: string }[];
        task_id?: string;
      };
      return {
        kind: "card",
        text: [card.main_title?.title, card.sub_title_text].filter(Boolean).join("\n"),
        buttons: card.button_list ?? [],
        ...(card.task_id ? { taskId: card.task_id } : {}),
        via,
      };
    }
    if (msgtype === "file") {
      const m = this.media.get((body.file as { media_id: string }).media_id);
      return {
        kind: "file",
        text: m?.filename ?? "",
        buttons: [],
        ...(m ? { filename: m.filename, bytes: m.bytes } : {}),
        via,
      };
    }
    return undefined;
  }

  private onFrame(ws: WebSocket, f: Frame) {
    const id = f.headers.req_id;
    const body = f.body ?? {};
    if (f.cmd === "aibot_subscribe") {
      const ok = body.bot_id === this.botId && body.secret === this.secret;
      if (ok) {
        this.subscriptions++;
        this.subscribed.add(ws);
      }
      this.answer(ws, id, ok ? 0 : 40058);
      return;
    }
    if (f.cmd === "ping") return this.answer(ws, id);
    this.frames.push(f);
    if (this.dropOn && f.cmd === this.dropOn) {
      this.dropOn = undefined;
      ws.terminate();
      return;
    }
    switch (f.cmd) {
      case "aibot_respond_msg": {
        const user = this.reqUser.get(id);
        const item = this.itemOf(body, "reply");
        if (user && item) this.show(user, item);
        return this.answer(ws, id);
      }
      case "aibot_send_msg": {
        const item = this.itemOf(body, "push");
        if (item) this.show(String(body.chatid), item);
        return this.answer(ws, id);
      }
      case "aibot_respond_update_msg": {
        const user = this.reqUser.get(id);
        const item = this.itemOf(body, "update");
        const list = user ? this.shown.get(user) : undefined;
        const i = list?.findIndex((x) => x.taskId && x.taskId === item?.taskId) ?? -1;
        if (!list || !item || i < 0) return this.answer(ws, id, 40099);
        list.push({ ...item, updated: true });
        return this.answer(ws, id);
      }
      case "aibot_upload_media_init": {
        const upload = randomUUID();
        this.uploads.set(upload, { filename: String(body.filename), chunks: [] });
        return this.answer(ws, id, 0, { upload_id: upload });
      }
      case "aibot_upload_media_chunk": {
        const u = this.uploads.get(String(body.upload_id));
        if (!u) return this.answer(ws, id, 40100);
        u.chunks[Number(body.chunk_index)] = Buffer.from(String(body.base64_data), "base64");
        return this.answer(ws, id);
      }
      case "aibot_upload_media_finish": {
        const u = this.uploads.get(String(body.upload_id));
        if (!u) return this.answer(ws, id, 40100);
        const media = `media-${randomUUID()}`;
        this.media.set(media, { filename: u.filename, bytes: Buffer.concat(u.chunks) });
        return this.answer(ws, id, 0, { type: "file", media_id: media });
      }
      default:
        return this.answer(ws, id, 40001);
    }
  }

  private push(frame: Frame) {
    const open = [...this.subscribed].filter((s) => s.readyState === s.OPEN);
    if (open.length === 0) throw new Error("fake WeCom: no bot connected");
    open[open.length - 1]!.send(JSON.stringify(frame));
  }

  /** A user's text message to the bot; answers the frame (to deliver it again). */
  message(userid: string, content: string): Frame {
    const req_id = `req-${randomUUID()}`;
    this.reqUser.set(req_id, userid);
    const frame: Frame = {
      cmd: "aibot_msg_callback",
      headers: { req_id },
      body: {
        msgid: `msg-${randomUUID()}`,
        aibotid: this.botId,
        chattype: "single",
        from: { userid },
        msgtype: "text",
        text: { content },
      },
    };
    this.sent.push(frame);
    this.push(frame);
    return frame;
  }

  /** A click on a card's button (by its key), as WeCom's callback format nests it. */
  click(userid: string, taskId: string, key: string): Frame {
    const req_id = `req-${randomUUID()}`;
    this.reqUser.set(req_id, userid);
    const frame: Frame = {
      cmd: "aibot_event_callback",
      headers: { req_id },
      body: {
        msgid: `evt-${randomUUID()}`,
        aibotid: this.botId,
        chattype: "single",
        from: { userid },
        msgtype: "event",
        event: {
          eventtype: "template_card_event",
          template_card_event: { card_type: "button_interaction", event_key: key, task_id: taskId },
        },
      },
    };
    this.sent.push(frame);
    this.push(frame);
    return frame;
  }

  /** WeCom's disconnected_event to the connection (sent when another one took over). */
  kick() {
    this.push({
      cmd: "aibot_event_callback",
      headers: { req_id: `req-${randomUUID()}` },
      body: {
        msgid: `evt-${randomUUID()}`,
        aibotid: this.botId,
        msgtype: "event",
        event: { eventtype: "disconnected_event" },
      },
    });
  }

  /** The same frame again (WeCom may deliver a callback twice). */
  redeliver(frame: Frame) {
    this.push(frame);
  }
}
