// The bot's output on WeCom's AI bot (智能机器人) long connection, through the official SDK:
// - the first reply to a user's message answers its frame (`aibot_respond_msg`): text as a
//   finished stream (WeCom takes no plain text or markdown reply to a message), buttons as a
//   template card; anything further, and everything without a message to answer (a card click,
//   a reminder), is pushed (`aibot_send_msg`, markdown or card);
// - buttons: `button_interaction` cards of at most 6 buttons, each button's key the bot's signed
//   callback data (≤ 64 bytes; WeCom takes 1024);
// - an edit after a click on that card, within WeCom's 5 s, replaces the card
//   (`aibot_respond_update_msg`); otherwise the new text comes as a new message;
// - a document: uploaded in chunks over the connection, then sent as a file.
// While the connection is down, a send waits for it to come back (then pushes), so a reply is not
// lost to a dropped connection.
import { randomBytes } from "node:crypto";
import type { TemplateCard, WSClient, WsFrame } from "@wecom/aibot-node-sdk";
import type { Logger } from "../../context.ts";
import type { Outbox, OutDocument, OutMessage, Target } from "../bridge/core.ts";
import { htmlToMarkdown, htmlToText } from "../bridge/markdown.ts";

/** The incoming frame a reply answers. */
export type WecomInbound = {
  frame: WsFrame;
  kind: "message" | "click";
  /** When it arrived (the 5 s window of a card update). */
  at: number;
  /** A click: the card's task id. */
  taskId?: string;
  /** The message's one reply was made (its frame takes one stream and one card). */
  replied?: boolean;
  /** The click's one card update was made. */
  updated?: boolean;
};

/** A message's cards: the first (updated on an edit) and all (each click names the message). */
export type WecomRef = { taskId?: string; taskIds?: string[] };

/** Cards have at most 6 buttons; WeCom shows about 112 characters under a card's title. */
const MAX_BUTTONS = 6;
const CARD_TEXT = 112;
/** Updates after 5 s are refused; a margin for the way there. */
const UPDATE_WINDOW_MS = 4_000;

const taskId = () => `ogi_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;

export class WecomOutbox implements Outbox<WecomInbound, WecomRef> {
  private readonly client: () => WSClient;
  private readonly logger: Logger;
  private readonly waitMs: number;

  constructor(client: () => WSClient, logger: Logger, options: { reconnectWaitMs?: number } = {}) {
    this.client = client;
    this.logger = logger;
    this.waitMs = options.reconnectWaitMs ?? 60_000;
  }

  /** Resolves when the connection is up (at once if it is), or fails after `waitMs`. */
  private async connected() {
    const c = this.client();
    if (c.isConnected) return c;
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => {
        c.off("authenticated", done);
        fail(new Error("WeCom: the long connection did not come back in time"));
      }, this.waitMs);
      const done = () => {
        clearTimeout(timer);
        ok();
      };
      c.once("authenticated", done);
    });
    return c;
  }

  /** A reply to the frame while it can be made; after a drop, pushed once reconnected. */
  private async deliver(
    to: Target<WecomInbound>,
    reply: ((c: WSClient, frame: WsFrame) => Promise<unknown>) | undefined,
    push: (c: WSClient) => Promise<unknown>,
  ) {
    const inbound = to.inbound;
    const c = this.client();
    if (reply && inbound && inbound.kind === "message" && !inbound.replied && c.isConnected) {
      inbound.replied = true;
      try {
        await reply(c, inbound.frame);
        return;
      } catch (err) {
        // The frame's connection is gone: its req_id is no use on the next one.
        this.logger.warn({ err: errText(err) }, "WeCom: a reply failed, pushing it instead");
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await push(await this.connected());
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        this.logger.warn({ err: errText(err), attempt }, "WeCom: a push failed, trying again");
      }
    }
  }

  private cards(m: OutMessage): { intro?: string; cards: TemplateCard[] } {
    const buttons = m.buttons.flat();
    const text = htmlToText(m.html).trim();
    const [first = "", ...rest] = text.split("\n");
    const body = rest.join("\n").trim();
    const fits = first.length <= 36 && body.length <= CARD_TEXT;
    const cards: TemplateCard[] = [];
    for (let i = 0; i < buttons.length; i += MAX_BUTTONS) {
      const chunk = buttons.slice(i, i + MAX_BUTTONS);
      const head = i === 0 && fits;
      cards.push({
        card_type: "button_interaction",
        main_title: { title: head ? first || "请选择 / Choose" : "请选择 / Choose" },
        ...(head && body ? { sub_title_text: body } : {}),
        button_list: chunk.map((b) => ({ text: b.text, style: 1, key: b.data })),
        task_id: taskId(),
      });
    }
    return fits ? { cards } : { intro: htmlToMarkdown(m.html), cards };
  }

  private async markdown(to: Target<WecomInbound>, content: string) {
    await this.deliver(
      to,
      (c, frame) => c.replyStream(frame, taskId(), content, true),
      (c) => c.sendMessage(to.user.externalId, { msgtype: "markdown", markdown: { content } }),
    );
  }

  private async card(to: Target<WecomInbound>, card: TemplateCard) {
    await this.deliver(
      to,
      (c, frame) => c.replyTemplateCard(frame, card),
      (c) => c.sendMessage(to.user.externalId, { msgtype: "template_card", template_card: card }),
    );
  }

  async send(to: Target<WecomInbound>, m: OutMessage): Promise<WecomRef> {
    if (m.buttons.length === 0) {
      await this.markdown(to, htmlToMarkdown(m.html));
      return {};
    }
    const { intro, cards } = this.cards(m);
    if (intro) await this.markdown(to, intro);
    for (const card of cards) await this.card(to, card);
    const taskIds = cards.flatMap((c) => (c.task_id ? [c.task_id] : []));
    return taskIds[0] ? { taskId: taskIds[0], taskIds } : {};
  }

  async edit(to: Target<WecomInbound>, ref: WecomRef, m: OutMessage): Promise<boolean> {
    const inbound = to.inbound;
    if (
      inbound?.kind !== "click" ||
      inbound.updated ||
      !ref.taskId ||
      inbound.taskId !== ref.taskId ||
      Date.now() - inbound.at > UPDATE_WINDOW_MS ||
      m.buttons.length === 0
    )
      return false;
    const { intro, cards } = this.cards(m);
    if (intro || cards.length !== 1) return false;
    const c = this.client();
    if (!c.isConnected) return false;
    inbound.updated = true;
    try {
      // The card keeps its task id: a later click still names this message.
      await c.updateTemplateCard(inbound.frame, { ...cards[0]!, task_id: ref.taskId }, [
        to.user.externalId,
      ]);
      return true;
    } catch (err) {
      this.logger.warn({ err: errText(err) }, "WeCom: a card update failed, sending anew");
      return false;
    }
  }

  async sendDocument(to: Target<WecomInbound>, doc: OutDocument) {
    if (doc.caption) await this.markdown(to, htmlToMarkdown(doc.caption));
    const c = await this.connected();
    const { media_id } = await c.uploadMedia(Buffer.from(doc.bytes), {
      type: "file",
      filename: doc.filename,
    });
    await this.deliver(
      to,
      (cl, frame) => cl.replyMedia(frame, "file", media_id),
      (cl) => cl.sendMediaMessage(to.user.externalId, "file", media_id),
    );
  }
}

export const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));
