// A conversation with the bot without Telegram: synthetic, realistic updates go in through
// `bot.handleUpdate`, the bot's outgoing calls are answered locally and kept as the chat's
// messages (edits replace them), and buttons can be pressed by their text or number. The
// terminal transport and the tests both drive the bot through this.
import type { Bot } from "grammy";
import type { InlineKeyboardMarkup, Message, Update, User } from "grammy/types";
import type { BotContext } from "../context.ts";
import { answerLocally, type OutgoingCall } from "./local.ts";

export type ChatMessage = {
  messageId: number;
  text: string;
  buttons: { text: string; data: string }[][];
  document?: { filename: string; caption?: string; bytes?: Uint8Array };
};

export type Reply =
  | { kind: "message"; message: ChatMessage; edited: boolean }
  | { kind: "alert"; text: string }
  | { kind: "document"; message: ChatMessage };

const buttonsOf = (markup: unknown): ChatMessage["buttons"] =>
  ((markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).map((row) =>
    row.map((b) => ({ text: b.text, data: "callback_data" in b ? (b.callback_data ?? "") : "" })),
  );

/** Shared by every session of one bot: update ids are unique across its chats. */
let nextUpdateId = 1;

export class ChatSession {
  readonly bot: Bot<BotContext>;
  readonly user: User;
  readonly messages = new Map<number, ChatMessage>();
  /** Replies since the last `send`/`press`. */
  replies: Reply[] = [];
  /** Every outgoing call, in order (for tests). */
  readonly calls: OutgoingCall[] = [];
  private nextMessageId = 1_000_000;

  static startUpdateIdsAt(n: number) {
    nextUpdateId = n;
  }

  constructor(bot: Bot<BotContext>, user: User, options: { install?: boolean } = {}) {
    this.bot = bot;
    this.user = user;
    if (options.install !== false) ChatSession.install(bot);
    ChatSession.sessions(bot).set(user.id, this);
  }

  private static installed = new WeakSet<object>();
  private static byBot = new WeakMap<object, Map<number, ChatSession>>();
  static sessions(bot: Bot<BotContext>) {
    let m = ChatSession.byBot.get(bot);
    if (!m) {
      m = new Map();
      ChatSession.byBot.set(bot, m);
    }
    return m;
  }
  /** Routes the bot's outgoing calls to the session of the chat they address. */
  static install(bot: Bot<BotContext>) {
    if (ChatSession.installed.has(bot)) return;
    ChatSession.installed.add(bot);
    answerLocally(bot, (call) => {
      const chatId = Number(call.payload.chat_id);
      const session = ChatSession.sessions(bot).get(chatId);
      session?.record(call);
      if (call.method === "answerCallbackQuery") {
        for (const s of ChatSession.sessions(bot).values()) s.recordAlert(call);
      }
    });
  }

  private pendingAlerts = new Set<string>();

  private recordAlert(call: OutgoingCall) {
    const id = String(call.payload.callback_query_id);
    if (!this.pendingAlerts.has(id)) return;
    this.pendingAlerts.delete(id);
    this.calls.push(call);
    if (typeof call.payload.text === "string" && call.payload.text !== "")
      this.replies.push({ kind: "alert", text: call.payload.text });
  }

  private record(call: OutgoingCall) {
    this.calls.push(call);
    const p = call.payload;
    const result = call.result as Message | undefined;
    if (call.method === "sendMessage" && result) {
      const message: ChatMessage = {
        messageId: result.message_id,
        text: String(p.text),
        buttons: buttonsOf(p.reply_markup),
      };
      this.messages.set(message.messageId, message);
      this.replies.push({ kind: "message", message, edited: false });
    } else if (call.method === "editMessageText") {
      const message: ChatMessage = {
        messageId: Number(p.message_id),
        text: String(p.text),
        buttons: buttonsOf(p.reply_markup),
      };
      this.messages.set(message.messageId, message);
      this.replies.push({ kind: "message", message, edited: true });
    } else if (call.method === "editMessageReplyMarkup") {
      const m = this.messages.get(Number(p.message_id));
      if (m) m.buttons = buttonsOf(p.reply_markup);
    } else if (call.method === "sendDocument" && result) {
      const doc = p.document as { filename?: string; fileData?: unknown } | undefined;
      const message: ChatMessage = {
        messageId: result.message_id,
        text: typeof p.caption === "string" ? p.caption : "",
        buttons: buttonsOf(p.reply_markup),
        document: {
          filename: doc?.filename ?? "document",
          ...(typeof p.caption === "string" ? { caption: p.caption } : {}),
          ...(doc?.fileData instanceof Uint8Array ? { bytes: doc.fileData } : {}),
        },
      };
      this.messages.set(message.messageId, message);
      this.replies.push({ kind: "document", message });
    }
  }

  private get chat() {
    return { id: this.user.id, type: "private" as const, first_name: this.user.first_name };
  }

  /** Delivers an update as Telegram would; `updateId` repeats one to test de-duplication. */
  async deliver(update: Omit<Update, "update_id">, updateId = nextUpdateId++) {
    this.replies = [];
    await this.bot.handleUpdate({ update_id: updateId, ...update } as Update);
    return this.replies;
  }

  /** Sends a text message (commands carry their bot_command entity, as Telegram's do). */
  send(text: string) {
    const command = /^\/[A-Za-z0-9_@]+/.exec(text);
    return this.deliver({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.user,
        text,
        ...(command
          ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] }
          : {}),
      } as Update["message"],
    });
  }

  /** The latest message that still shows buttons. */
  lastKeyboard(): ChatMessage | undefined {
    return [...this.messages.values()].reverse().find((m) => m.buttons.length > 0);
  }

  /** Presses a button by its text (exact, else the only one containing it) or 1-based number. */
  press(which: string | number, on?: ChatMessage) {
    const message = on ?? this.lastKeyboard();
    if (!message) throw new Error("no message with buttons");
    const all = message.buttons.flat();
    const button =
      typeof which === "number"
        ? all[which - 1]
        : (all.find((b) => b.text === which) ??
          (all.filter((b) => b.text.includes(which)).length === 1
            ? all.find((b) => b.text.includes(which))
            : undefined));
    if (!button)
      throw new Error(
        `no button ${JSON.stringify(which)} among ${all.map((b) => b.text).join(" | ")}`,
      );
    return this.pressData(button.data, message.messageId);
  }

  /** Presses a button with this callback data on that message (stale or forged data too). */
  pressData(data: string, messageId: number, updateId?: number) {
    const id = `cq${nextUpdateId}`;
    this.pendingAlerts.add(id);
    const m = this.messages.get(messageId);
    return this.deliver(
      {
        callback_query: {
          id,
          from: this.user,
          chat_instance: `ci${this.user.id}`,
          data,
          message: {
            message_id: messageId,
            date: Math.floor(Date.now() / 1000),
            chat: this.chat,
            from: {
              id: this.bot.botInfo.id,
              is_bot: true,
              first_name: this.bot.botInfo.first_name,
            },
            text: m?.text ?? "",
          } as Message.TextMessage,
        },
      },
      updateId,
    );
  }
}

/** The text a person reads: tags dropped, entities decoded. */
export const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
