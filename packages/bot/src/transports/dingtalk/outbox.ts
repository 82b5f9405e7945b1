// The bot's output on DingTalk (an internal app's robot, Stream mode):
// - a reply goes to the message's session webhook while it is valid; otherwise (a reminder, a
//   late answer) through the robot API (`/v1.0/oauth2/accessToken`, then
//   `/v1.0/robot/oToMessages/batchSend` to the user's staffId);
// - text as Markdown; buttons as an ActionCard whose buttons, when clicked, send the user's
//   choice back as a message (`dtmd://dingtalkclient/sendMessage?content=【label】`): the bridge
//   reads 【label】 as a press of that button, with its signed data (kept per chat);
// - DingTalk's robot cannot edit a message it sent: an edit is a new message;
// - a document: uploaded (`/media/upload`), then sent as a file (`sampleFile`).
import type { Logger } from "../../context.ts";
import type { KeyValueStore } from "../../storage.ts";
import type { Outbox, OutDocument, OutMessage, Target } from "../bridge/core.ts";
import { type Button, htmlToMarkdown, htmlToText } from "../bridge/markdown.ts";

/** The robot message a reply answers. */
export type DingtalkInbound = { sessionWebhook?: string; expiresAt?: number };
export type DingtalkRef = Record<string, never>;

export type DingtalkApiOptions = {
  clientId: string;
  clientSecret: string;
  /** The robot's code (an internal app's robot: its client id). */
  robotCode: string;
  /** https://api.dingtalk.com, or the private deployment's / the tests' own. */
  apiUrl: string;
  /** https://oapi.dingtalk.com (the media upload), likewise. */
  oapiUrl: string;
  fetch?: typeof fetch;
};

/** What was offered in a chat: 【label】 back from the user is a press of that button. */
export type Offered = { label: string; data: string; messageId?: number };
const OFFERED_TTL_MS = 24 * 3600_000;
export const offeredKey = (chatId: number) => `dtkb:${chatId}`;

/** The text a button's click sends back. */
export const choiceText = (label: string) => `【${label}】`;

export class DingtalkOutbox implements Outbox<DingtalkInbound, DingtalkRef> {
  private readonly o: DingtalkApiOptions;
  private readonly store: KeyValueStore;
  private readonly logger: Logger;
  private token: { value: string; until: number } | undefined;

  constructor(options: DingtalkApiOptions, store: KeyValueStore, logger: Logger) {
    this.o = options;
    this.store = store;
    this.logger = logger;
  }

  private get fetch() {
    return this.o.fetch ?? fetch;
  }

  private async post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await this.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    const json = (text ? JSON.parse(text) : {}) as { errcode?: number; errmsg?: string };
    // Only the path is told: a URL may carry the access token.
    if (!res.ok || (json.errcode !== undefined && json.errcode !== 0))
      throw new Error(
        `DingTalk ${new URL(url).pathname} answered ${res.status} ${json.errmsg ?? ""}`,
      );
    return json as Record<string, unknown>;
  }

  /** The app's access token (kept until a minute before it expires). */
  private async accessToken() {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const r = await this.post(`${this.o.apiUrl}/v1.0/oauth2/accessToken`, {
      appKey: this.o.clientId,
      appSecret: this.o.clientSecret,
    });
    const value = String(r.accessToken ?? "");
    if (!value) throw new Error("DingTalk gave no access token");
    this.token = { value, until: Date.now() + (Number(r.expireIn ?? 7200) - 60) * 1000 };
    return value;
  }

  private async robotSend(staffId: string, msgKey: string, msgParam: unknown) {
    await this.post(
      `${this.o.apiUrl}/v1.0/robot/oToMessages/batchSend`,
      {
        robotCode: this.o.robotCode,
        userIds: [staffId],
        msgKey,
        msgParam: JSON.stringify(msgParam),
      },
      { "x-acs-dingtalk-access-token": await this.accessToken() },
    );
  }

  private webhookOf(to: Target<DingtalkInbound>) {
    const i = to.inbound;
    // A minute's margin: a webhook about to expire is not used.
    return i?.sessionWebhook && (i.expiresAt ?? 0) - 60_000 > Date.now()
      ? i.sessionWebhook
      : undefined;
  }

  async send(to: Target<DingtalkInbound>, m: OutMessage, messageId?: number): Promise<DingtalkRef> {
    const text = htmlToMarkdown(m.html);
    const title = htmlToText(m.html).trim().split("\n")[0]!.slice(0, 20) || "OGI";
    const buttons = m.buttons.flat();
    if (buttons.length > 0) await this.offer(to.chatId, buttons, messageId);
    const webhook = this.webhookOf(to);
    if (webhook) {
      const body =
        buttons.length > 0
          ? {
              msgtype: "actionCard",
              actionCard: {
                title,
                text,
                btnOrientation: "0",
                btns: buttons.map((b) => ({
                  title: b.text,
                  actionURL: `dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(choiceText(b.text))}`,
                })),
              },
            }
          : { msgtype: "markdown", markdown: { title, text } };
      try {
        await this.post(webhook, body);
        return {};
      } catch (err) {
        this.logger.warn(
          { platform: "dingtalk", err: (err as Error).message },
          "DingTalk: the session webhook failed, sending through the robot API",
        );
      }
    }
    // No card with its own buttons through the robot API here: the choices are listed to type.
    const listed =
      buttons.length > 0
        ? `${text}\n\n${buttons.map((b) => `- ${choiceText(b.text)}`).join("\n")}\n\n（回复方括号中的选项 / reply with an option in brackets）`
        : text;
    await this.robotSend(to.user.externalId, "sampleMarkdown", { title, text: listed });
    return {};
  }

  /** Remembers the chat's latest buttons (a later offer of the same label wins). */
  private async offer(chatId: number, buttons: Button[], messageId?: number) {
    const before = (await this.store.get<Offered[]>(offeredKey(chatId))) ?? [];
    const labels = new Set(buttons.map((b) => b.text));
    const kept = before.filter((o) => !labels.has(o.label)).slice(-40);
    await this.store.set(
      offeredKey(chatId),
      [
        ...kept,
        ...buttons.map((b) => ({
          label: b.text,
          data: b.data,
          ...(messageId !== undefined ? { messageId } : {}),
        })),
      ],
      OFFERED_TTL_MS,
    );
  }

  async edit(): Promise<boolean> {
    return false;
  }

  async sendDocument(to: Target<DingtalkInbound>, doc: OutDocument) {
    if (doc.caption) await this.send(to, { html: doc.caption, buttons: [] });
    const form = new FormData();
    form.append("media", new Blob([Buffer.from(doc.bytes)]), doc.filename);
    const url = `${this.o.oapiUrl}/media/upload?access_token=${encodeURIComponent(await this.accessToken())}&type=file`;
    const res = await this.fetch(url, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    const r = (await res.json().catch(() => ({}))) as { errcode?: number; media_id?: string };
    if (!res.ok || r.errcode || !r.media_id)
      throw new Error(`DingTalk /media/upload answered ${res.status} ${r.errcode ?? ""}`);
    const fileType = doc.filename.split(".").pop() ?? "file";
    await this.robotSend(to.user.externalId, "sampleFile", {
      mediaId: r.media_id,
      fileName: doc.filename,
      fileType,
    });
  }
}
