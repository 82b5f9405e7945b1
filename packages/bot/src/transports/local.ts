// Answers the bot's outgoing Bot API calls in the process (a grammY transformer): the terminal
// transport and the tests run the real middleware with no token and no network. Every call is
// handed to `onCall`, and a plausible result goes back to the bot.
import type { Bot, Transformer } from "grammy";
import type { Message, UserFromGetMe } from "grammy/types";

export type OutgoingCall = { method: string; payload: Record<string, unknown>; result: unknown };

export const TEST_BOT_INFO: UserFromGetMe = {
  id: 1_000_001,
  is_bot: true,
  first_name: "OGI",
  username: "ogi_register_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

// One sequence for every bot in the process, as Telegram numbers a chat's messages whichever
// instance sends them: two instances never give one id to two cards (their writes' keys).
let nextMessageId = 1;

export const localTransformer = (
  onCall: (call: OutgoingCall) => void,
  botInfo: UserFromGetMe = TEST_BOT_INFO,
): Transformer => {
  const clock = () => Math.floor(Date.now() / 1000);
  const message = (payload: Record<string, unknown>, extra: Partial<Message> = {}): Message =>
    ({
      message_id: (payload.message_id as number | undefined) ?? nextMessageId++,
      date: clock(),
      chat: { id: payload.chat_id as number, type: "private", first_name: "Staff" },
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name },
      ...(typeof payload.text === "string" ? { text: payload.text } : {}),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
      ...extra,
    }) as Message;
  return async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    let result: unknown = true;
    switch (method) {
      case "getMe":
        result = botInfo;
        break;
      case "sendMessage":
        result = message(p);
        break;
      case "sendDocument":
        result = message(p, {
          document: { file_id: `doc${nextMessageId}`, file_unique_id: `u${nextMessageId}` },
        } as Partial<Message>);
        break;
      case "editMessageText":
        result = message(p);
        break;
      default:
        result = true;
    }
    onCall({ method, payload: p, result });
    // biome-ignore lint/suspicious/noExplicitAny: a transformer returns the method's own result type.
    return { ok: true, result } as any;
  };
};

/** Installs the local answers on a bot (before it handles anything). */
export const answerLocally = (
  bot: Bot<never> | Bot<import("../context.ts").BotContext>,
  onCall: (call: OutgoingCall) => void,
) => bot.api.config.use(localTransformer(onCall, bot.isInited() ? bot.botInfo : TEST_BOT_INFO));
