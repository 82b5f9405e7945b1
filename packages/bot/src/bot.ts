// The bot: one factory that wires the features behind the update de-duplication, the per-chat
// ordering, the language, the error boundary and the link gate. Every transport (long polling,
// webhook, the terminal, the tests) feeds updates to the bot this returns.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { type Lang, todayIn } from "@ogi/domain";
import { Bot, type BotError, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { ApiUnavailable, type Me, type OgiApi } from "./api.ts";
import type { BotContext, Logger, Services } from "./context.ts";
import { agency, agencyKey } from "./features/agency.ts";
import { amendParticulars } from "./features/amend-particulars.ts";
import { call, clearAwaiting, say, show } from "./features/common.ts";
import { help } from "./features/help.ts";
import { language } from "./features/language.ts";
import { link } from "./features/link.ts";
import { moreEvents } from "./features/more-events.ts";
import { pending } from "./features/pending.ts";
import { plainWords, readWords, rereadShortcut } from "./features/plain-words.ts";
import { recordOutcome } from "./features/record-outcome.ts";
import { registerApplication } from "./features/register-application.ts";
import { report } from "./features/report.ts";
import { pressedOn } from "./features/routing.ts";
import { summary } from "./features/summary.ts";
import { undo } from "./features/undo.ts";
import { unknown } from "./features/unknown.ts";
import { web } from "./features/web.ts";
import { buttonCodec, cancelStep } from "./flows/index.ts";
import { type KeyValueStore, memoryStore } from "./storage.ts";
import { parseMessage } from "./text/shortcuts.ts";

export type BotDeps = {
  token: string;
  /** Tests and the terminal inject it, so the bot never calls getMe. */
  botInfo?: UserFromGetMe;
  /** TELEGRAM_API_ROOT: a Bot API server other than Telegram's. */
  apiRoot?: string;
  api: OgiApi;
  logger?: Logger;
  storage?: KeyValueStore;
  now?: () => Date;
  /** The agencies' time zone, for "today". */
  timeZone?: string;
  /** Signs callback data; by default derived from the token, so every instance agrees. */
  callbackSecret?: string;
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

const SEEN_TTL_MS = 24 * 3600_000;

/** Told when an update fails before the bot knows the user's language (kept in the store). */
export const FAILURE_TEXT =
  "⚠️ 机器人暂时出错，本次操作未完成，问题已记录。请稍后再试。\n" +
  "⚠️ The bot failed just now; nothing was done. The problem has been logged; please try again later.";
const ME_TTL_MS = 60_000;

/** The key that signs callback data by default: every instance with the token agrees. */
export const callbackSecretOf = (token: string) =>
  createHash("sha256").update(`ogi-bot-callback:${token}`).digest("base64url");

export const createBot = (deps: BotDeps): Bot<BotContext> => {
  const store = deps.storage ?? memoryStore();
  const now = deps.now ?? (() => new Date());
  const timeZone = deps.timeZone ?? "Asia/Shanghai";
  const logger = deps.logger ?? silentLogger;
  const secret = deps.callbackSecret ?? callbackSecretOf(deps.token);
  const services: Services = {
    api: deps.api,
    store,
    codec: buttonCodec(secret, () => Math.floor(now().getTime() / 60_000)),
    logger,
    now,
    today: () => todayIn(now(), timeZone),
    applicationIds: new Map(),
    particulars: new Map(),
  };

  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    ...(deps.apiRoot ? { client: { apiRoot: deps.apiRoot } } : {}),
  });

  const i18n = new I18n<BotContext>({
    defaultLocale: "zh",
    directory: fileURLToPath(new URL("../locales", import.meta.url)),
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: async (ctx) =>
      (ctx.from ? await store.get<Lang>(`lang:${ctx.from.id}`) : undefined) ?? "zh",
  });

  // Updates of one chat are handled one after another, in order (so a
  // redelivered update also waits for the first delivery and is then recognised below).
  bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  // Everything after the ordering runs inside the error boundary, the store's reads too: a
  // failure is logged and told to the user whatever the transport (a webhook still answers 200,
  // so Telegram does not resend the update for hours).
  const handled = new Composer<BotContext>();
  // A redelivered update (webhook retry, restart before the offset was confirmed) runs once.
  handled.use(async (ctx, next) => {
    const key = `u:${ctx.update.update_id}`;
    if (await store.get(key)) {
      logger.info({ update_id: ctx.update.update_id }, "duplicate update skipped");
      return;
    }
    await store.set(key, 1, SEEN_TTL_MS);
    await next();
  });
  handled.use((ctx, next) => {
    ctx.services = services;
    return next();
  });
  handled.use(i18n);
  handled.use(async (ctx, next) => {
    ctx.lang = (await ctx.i18n.getLocale()) === "en" ? "en" : "zh";
    // Numbers go to Fluent as text: a year or an application number is never "2,026".
    const translate = ctx.t;
    ctx.t = ctx.translate = (key, vars) =>
      translate(
        key,
        vars &&
          (Object.fromEntries(
            Object.entries(vars).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]),
          ) as Parameters<typeof translate>[1]),
      );
    return next();
  });

  const onError = async (err: BotError<BotContext>) => {
    const ctx = err.ctx;
    const cause = err.error;
    logger.error(
      { err: cause, update_id: ctx.update.update_id, from: ctx.from?.id },
      "bot failed to handle an update",
    );
    const key = cause instanceof ApiUnavailable ? "error-api-down" : "error-internal";
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      // Before the language is known (the store failed: Redis unreachable), in both.
      if (ctx.chat) await ctx.reply(ctx.lang ? ctx.t(key) : FAILURE_TEXT);
    } catch (e) {
      logger.error({ err: e }, "could not tell the user about the failure");
    }
  };

  handled.use(features(services));
  bot.errorBoundary(onError, handled);
  return bot;
};

/** Where each staff member was seen last (a bridge's user or Telegram): reminders go there. */
const seenHere = new WeakMap<KeyValueStore, Map<string, number>>();
const lastSeen = async (store: KeyValueStore, m: Me, userId: number) => {
  let seen = seenHere.get(store);
  if (!seen) {
    seen = new Map();
    seenHere.set(store, seen);
  }
  for (const s of m.memberships.length > 0 ? m.memberships : [m]) {
    const key = `seen:${s.staffId}`;
    // Written when it changes (or once per process), not on every update.
    if (seen.get(key) === userId) continue;
    seen.set(key, userId);
    await store.set(key, userId, 400 * 24 * 3600_000);
  }
};

const features = (services: Services) => {
  const c = new Composer<BotContext>();

  // Read the message or the button once; features route on the result.
  c.use(async (ctx, next) => {
    const text = ctx.message?.text;
    if (text !== undefined) {
      ctx.parsed = parseMessage(text, services.today());
      // Plain text: the answer to a question, or the clerk's own words (plain-words.ts).
      if (ctx.parsed.kind === "text") return readWords(ctx, next);
      rereadShortcut(ctx, text);
      await clearAwaiting(ctx);
    }
    const data = ctx.callbackQuery?.data;
    if (data !== undefined) {
      const r = services.codec.decode(data);
      if (!r.ok) {
        await ctx.answerCallbackQuery({ text: ctx.t(`stale-${r.error}`), show_alert: true });
        return;
      }
      ctx.pressed = r.pressed;
      // Every press is answered, so the client stops its spinner.
      let answered = false;
      ctx.api.config.use((prev, method, payload, signal) => {
        if (method === "answerCallbackQuery") answered = true;
        return prev(method, payload, signal);
      });
      await next();
      if (!answered) await ctx.answerCallbackQuery().catch(() => {});
      return;
    }
    return next();
  });

  c.filter(
    (ctx) => ctx.parsed?.kind === "cancel" || pressedOn(ctx, cancelStep) !== undefined,
    async (ctx) => {
      await clearAwaiting(ctx);
      await show(ctx, ctx.t("cancelled"));
    },
  );

  // What anyone may do: link, read the help, choose the language.
  c.use(link, help, language);

  // The link gate: nothing else for a Telegram user who is not linked to a staff record.
  c.use(async (ctx, next) => {
    if (!ctx.from) return;
    const key = `me:${ctx.from.id}`;
    // The agency the user chose to act in (/agency, or the one they linked last).
    const chosen = await services.store.get<string>(agencyKey(ctx.from.id));
    let m = await services.store.get<Me>(key);
    // Asked again when another agency was chosen, or cached by a version without memberships.
    if (m && ((chosen && m.agencyCode !== chosen) || !m.memberships)) m = undefined;
    if (!m) {
      const found = await call(ctx, () => services.api.me(ctx.from!.id, chosen));
      // undefined: refused and told (an administrator's account); null: not linked.
      if (found === undefined) return;
      m = found ?? undefined;
      if (m) await services.store.set(key, m, ME_TTL_MS);
    }
    if (!m) {
      if (ctx.callbackQuery)
        await ctx.answerCallbackQuery({ text: ctx.t("not-linked-short"), show_alert: true });
      else await say(ctx, ctx.t("not-linked"));
      return;
    }
    ctx.staff = m;
    await lastSeen(services.store, m, ctx.from.id);
    return next();
  });

  c.use(
    plainWords,
    registerApplication,
    recordOutcome,
    moreEvents,
    amendParticulars,
    undo,
    summary,
    report,
    pending,
    agency,
    web,
    unknown,
  );
  return c;
};
