// One engine, several transports. A bridge hands a platform's incoming message or card click to
// the same grammY bot as a Telegram update (`bot.handleUpdate`), and answers the bot's outgoing
// Bot API calls with the platform's (a grammY API transformer): text as Markdown, buttons as the
// platform's cards or choices, an edit in place where the platform allows it now and a new
// message where it does not, documents as uploads. Per chat, updates run one after another, so
// the replies to a message know which message they answer (WeCom replies by its frame).
import { createHash } from "node:crypto";
import { escapeHtml } from "@ogi/domain";
import type { Bot, Transformer } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import type { BotContext, Logger } from "../../context.ts";
import type { KeyValueStore } from "../../storage.ts";
import { type BridgePlatform, type ChatUser, ChatUsers } from "./chat-users.ts";
import { type Button, buttonsOf } from "./markdown.ts";

export type OutMessage = { html: string; buttons: Button[][] };
export type OutDocument = { filename: string; bytes: Uint8Array; caption?: string };

/** Where a reply goes: the chat's user, and the incoming message or click it answers, if any. */
export type Target<In> = { chatId: number; user: ChatUser; inbound?: In };

/** What a platform does with the bot's output. `Ref` names a message sent (to edit it). */
export type Outbox<In, Ref> = {
  /** A new message; `messageId` is the bot's id of it (the one a click on it names). */
  send(to: Target<In>, m: OutMessage, messageId: number): Promise<Ref>;
  /** Replaces the message in place if the platform allows it now; false: it does not. */
  edit(to: Target<In>, ref: Ref, m: OutMessage): Promise<boolean>;
  sendDocument(to: Target<In>, doc: OutDocument): Promise<void>;
};

export type IncomingMessage<In> = {
  externalId: string;
  name?: string;
  /** The platform's own id of the message or click: a repeated delivery runs once. */
  messageId: string;
  inbound: In;
  /** What the platform needs to reach the user later (DingTalk: nothing; kept with the user). */
  reach?: Record<string, unknown>;
} & ({ text: string } | { data: string; botMessageId?: number });

const SENT_TTL_MS = 7 * 24 * 3600_000;

/**
 * A platform message id as a Telegram update id: a repeat maps to the same one, and the range
 * (2^50 + 48 bits) is far above Telegram's own ids, with which it shares the de-duplication.
 */
export const updateIdOf = (platform: string, messageId: string) =>
  2 ** 50 + createHash("sha256").update(`${platform}:${messageId}`).digest().readUIntBE(0, 6);

export const bridgeBotInfo = (platform: BridgePlatform): UserFromGetMe =>
  ({
    id: platform === "wecom" ? 1_000_101 : 1_000_102,
    is_bot: true,
    first_name: "OGI",
    username: `ogi_${platform}_bot`,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  }) as UserFromGetMe;

export class Bridge<In, Ref> {
  readonly platform: BridgePlatform;
  readonly users: ChatUsers;
  private readonly bot: Bot<BotContext>;
  private readonly outbox: Outbox<In, Ref>;
  private readonly store: KeyValueStore;
  private readonly logger: Logger;
  /** The incoming message or click each chat's update answers, while it runs. */
  private readonly current = new Map<number, In>();
  /** The chat of each click being handled (answerCallbackQuery names only the click). */
  private readonly pressedChat = new Map<string, number>();
  /** Per chat, the updates in order. */
  private readonly queues = new Map<string, Promise<void>>();
  private nextMessageId = 1;

  constructor(options: {
    platform: BridgePlatform;
    bot: Bot<BotContext>;
    outbox: Outbox<In, Ref>;
    store: KeyValueStore;
    logger: Logger;
    users?: ChatUsers;
  }) {
    this.platform = options.platform;
    this.bot = options.bot;
    this.outbox = options.outbox;
    this.store = options.store;
    this.logger = options.logger;
    this.users = options.users ?? new ChatUsers(options.store);
    // Message ids unique across restarts and instances (a card's id is kept with its clicks).
    this.nextMessageId = Math.floor(Date.now() / 1000) * 1000 + Math.floor(Math.random() * 1000);
    this.bot.api.config.use(this.transformer());
  }

  /** An incoming message or click: to the bot, after the chat's earlier ones. */
  receive(input: IncomingMessage<In>): Promise<void> {
    const run = async () => {
      const chatId = await this.users.register(this.platform, input.externalId, input.reach);
      const user = { id: chatId, is_bot: false, first_name: input.name ?? input.externalId };
      const chat = { id: chatId, type: "private" as const, first_name: user.first_name };
      const date = Math.floor(Date.now() / 1000);
      const update_id = updateIdOf(this.platform, input.messageId);
      let update: Update;
      if ("text" in input) {
        const text = input.text.trim();
        const command = /^\/[A-Za-z0-9_@]+/.exec(text);
        update = {
          update_id,
          message: {
            message_id: update_id,
            date,
            chat,
            from: user,
            text,
            ...(command
              ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] }
              : {}),
          } as Update["message"],
        };
      } else {
        const shown = input.botMessageId ? await this.shown(input.botMessageId) : undefined;
        update = {
          update_id,
          callback_query: {
            id: `${this.platform}:${input.messageId}`,
            from: user,
            chat_instance: `${this.platform}:${chatId}`,
            data: input.data,
            message: {
              // Unknown (sent long ago, or by an older version): the click's own number, so two
              // writes never share a key.
              message_id: input.botMessageId ?? update_id,
              date,
              chat,
              from: { id: this.bot.botInfo.id, is_bot: true, first_name: "OGI" },
              text: shown?.html ?? "",
            } as Message.TextMessage,
          },
        };
      }
      const pressed = update.callback_query?.id;
      this.current.set(chatId, input.inbound);
      if (pressed) this.pressedChat.set(pressed, chatId);
      try {
        await this.bot.handleUpdate(update);
      } finally {
        this.current.delete(chatId);
        if (pressed) this.pressedChat.delete(pressed);
      }
    };
    const key = input.externalId;
    const before = this.queues.get(key) ?? Promise.resolve();
    const mine = before.then(run, run);
    const settled = mine.catch((err: unknown) => {
      this.logger.error({ err, platform: this.platform }, "bridge: an update failed");
    });
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return mine;
  }

  /** Resolves when every chat's updates so far were handled (tests, a clean stop). */
  async idle() {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  /** Sends the bot's text to a user without an incoming message (reminders). */
  async push(chatId: number, text: string) {
    await this.bot.api.sendMessage(chatId, text);
  }

  private async target(chatId: number): Promise<Target<In>> {
    const user = await this.users.lookup(chatId);
    if (!user) throw new Error(`bridge: no ${this.platform} user is known for chat ${chatId}`);
    const inbound = this.current.get(chatId);
    return { chatId, user, ...(inbound !== undefined ? { inbound } : {}) };
  }

  private async remember(id: number, chatId: number, ref: Ref, m: OutMessage) {
    await this.store.set(`bm:${this.platform}:${id}`, { chatId, ref, html: m.html }, SENT_TTL_MS);
  }

  private shown(id: number) {
    return this.store.get<{ chatId: number; ref: Ref; html: string }>(`bm:${this.platform}:${id}`);
  }

  /** Which bot message a platform reference (a WeCom card's task id) belongs to. */
  async messageOfRef(refKey: string) {
    return this.store.get<number>(`bref:${this.platform}:${refKey}`);
  }

  private transformer(): Transformer {
    const date = () => Math.floor(Date.now() / 1000);
    const message = (id: number, chatId: number, p: Record<string, unknown>): Message =>
      ({
        message_id: id,
        date: date(),
        chat: { id: chatId, type: "private", first_name: "Staff" },
        from: { id: this.bot.botInfo.id, is_bot: true, first_name: "OGI" },
        ...(typeof p.text === "string" ? { text: p.text } : {}),
      }) as Message;
    const out = (p: Record<string, unknown>): OutMessage => ({
      // Text sent without parse_mode is plain: as HTML, its < and & are escaped.
      html: p.parse_mode === "HTML" ? String(p.text ?? "") : escapeHtml(String(p.text ?? "")),
      buttons: buttonsOf(p.reply_markup),
    });
    const sendNew = async (chatId: number, m: OutMessage, id = this.nextMessageId++) => {
      const ref = await this.outbox.send(await this.target(chatId), m, id);
      await this.remember(id, chatId, ref, m);
      for (const key of refKeysOf(ref))
        await this.store.set(`bref:${this.platform}:${key}`, id, SENT_TTL_MS);
      return id;
    };
    const edit = async (chatId: number, id: number, m: OutMessage) => {
      const before = await this.shown(id);
      if (before && before.chatId === chatId) {
        if (await this.outbox.edit(await this.target(chatId), before.ref, m)) {
          await this.remember(id, chatId, before.ref, m);
          return;
        }
      }
      // Not editable now (WeCom's window passed, DingTalk): the new text as a new message, under
      // the same id, so a later edit finds it.
      await sendNew(chatId, m, id);
    };

    // biome-ignore lint/suspicious/noExplicitAny: a transformer answers each method's own type.
    return (async (prev: any, method: string, payload: unknown, signal: unknown) => {
      const p = (payload ?? {}) as Record<string, unknown>;
      const chatId = Number(p.chat_id);
      let result: unknown = true;
      switch (method) {
        case "getMe":
          result = this.bot.botInfo;
          break;
        case "sendMessage":
          result = message(await sendNew(chatId, out(p)), chatId, p);
          break;
        case "editMessageText": {
          const id = Number(p.message_id);
          await edit(chatId, id, out(p));
          result = message(id, chatId, p);
          break;
        }
        case "editMessageReplyMarkup": {
          const id = Number(p.message_id);
          const before = await this.shown(id);
          if (before)
            await edit(chatId, id, { html: before.html, buttons: buttonsOf(p.reply_markup) });
          break;
        }
        case "answerCallbackQuery": {
          // No toast on these platforms: a refusal or warning is told as a message.
          const text = typeof p.text === "string" ? p.text : "";
          const chat = this.pressedChat.get(String(p.callback_query_id));
          if (text && chat !== undefined) await sendNew(chat, { html: `⚠️ ${text}`, buttons: [] });
          break;
        }
        case "sendDocument": {
          const doc = p.document as { filename?: string; fileData?: unknown } | undefined;
          const bytes =
            doc?.fileData instanceof Uint8Array
              ? doc.fileData
              : typeof doc?.fileData === "string"
                ? new TextEncoder().encode(doc.fileData)
                : undefined;
          if (!bytes) throw new Error("bridge: only documents given as bytes can be uploaded");
          await this.outbox.sendDocument(await this.target(chatId), {
            filename: doc?.filename ?? "document",
            bytes,
            ...(typeof p.caption === "string" ? { caption: p.caption } : {}),
          });
          result = message(this.nextMessageId++, chatId, p);
          break;
        }
        case "setMyCommands":
        case "deleteWebhook":
        case "setWebhook":
        case "sendChatAction":
          break;
        default:
          this.logger.warn({ method, platform: this.platform }, "bridge: a call it does not map");
          void prev;
          void signal;
      }
      return { ok: true, result };
    }) as Transformer;
  }
}

/** The keys a click names a message by (WeCom: its cards' task ids). */
const refKeysOf = (ref: unknown): string[] => {
  const ids = (ref as { taskIds?: unknown } | undefined)?.taskIds;
  return Array.isArray(ids) ? ids.filter((t): t is string => typeof t === "string") : [];
};
