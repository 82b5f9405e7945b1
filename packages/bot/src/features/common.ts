// Shared steps of the flows: answering in HTML, editing the card a button sits on, calling the
// API with the user's refusals shown and the bot's own failures passed to the error boundary.
import { type Bilingual, escapeHtml, type IsoDate, readSlot } from "@ogi/domain";
import type { InlineKeyboard } from "grammy";
import {
  ApiError,
  type ApplicationInfo,
  type EventInput,
  type Me,
  type RecordOptions,
  type Summary,
} from "../api.ts";
import type { Awaiting, BotContext, LastRecord } from "../context.ts";
import { parseDate } from "../text/dates.ts";
import { applicationTitle } from "../text/particulars.ts";
import { markedDueDate } from "../ui.ts";

/** Telegram's limit is 4,096 characters a message; some room for the entities. */
export const MESSAGE_LIMIT = 4000;

/**
 * A long answer in several messages, cut between lines (each line is complete HTML; a <pre>
 * block is kept whole). Pure, for tests.
 */
export const splitMessage = (html: string, limit = MESSAGE_LIMIT): string[] => {
  // Telegram refuses a message with no visible text, whatever its length.
  if (html.trim() === "") return [];
  if (html.length <= limit) return [html];
  const segments = html.split(/(<pre>[\s\S]*?<\/pre>)/);
  const blocks = segments.flatMap((b, k) => {
    if (b.startsWith("<pre>")) return [b];
    const lines = b.split("\n");
    // The line breaks around a <pre> block separate blocks; they are not lines of their own.
    if (k > 0 && lines[0] === "") lines.shift();
    if (k < segments.length - 1 && lines.at(-1) === "") lines.pop();
    return lines;
  });
  const out: string[] = [];
  let current = "";
  for (const block of blocks) {
    // A single line over the limit is cut hard (it has no markup of ours worth keeping).
    const pieces =
      block.length > limit ? (block.match(new RegExp(`[\\s\\S]{1,${limit}}`, "g")) ?? []) : [block];
    for (const piece of pieces) {
      const next = current === "" ? piece : `${current}\n${piece}`;
      if (next.length > limit && current !== "") {
        out.push(current);
        current = piece;
      } else current = next;
    }
  }
  if (current.trim() !== "") out.push(current);
  return out;
};

export const say = async (ctx: BotContext, html: string, keyboard?: InlineKeyboard) => {
  const parts = splitMessage(html);
  let last: Awaited<ReturnType<BotContext["reply"]>> | undefined;
  for (const [i, part] of parts.entries())
    last = await ctx.reply(part, {
      parse_mode: "HTML",
      ...(keyboard && i === parts.length - 1 ? { reply_markup: keyboard } : {}),
      link_preview_options: { is_disabled: true },
    });
  return last!;
};

/** On a button press: replace the card's text and buttons; on a message: answer anew. */
export const show = async (ctx: BotContext, html: string, keyboard?: InlineKeyboard) => {
  if (ctx.callbackQuery?.message) {
    await ctx.answerCallbackQuery().catch(() => {});
    await ctx.editMessageText(html, {
      parse_mode: "HTML",
      ...(keyboard ? { reply_markup: keyboard } : {}),
      link_preview_options: { is_disabled: true },
    });
    return;
  }
  await say(ctx, html, keyboard);
};

export const me = (ctx: BotContext): Me => {
  if (!ctx.staff) throw new Error("staff is set by the link gate before any feature runs");
  return ctx.staff;
};

export const userId = (ctx: BotContext) => ctx.from!.id;

/** The API's refusal in the user's language; `undefined` means it was refused and told. */
export const call = async <T>(ctx: BotContext, fn: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) {
      const text = `⚠️ ${escapeHtml(e.messages[ctx.lang])}`;
      if (ctx.callbackQuery?.message) await show(ctx, text);
      else await say(ctx, text);
      return undefined;
    }
    throw e;
  }
};

/**
 * The Idempotency-Key of a confirmed write: the chat and the card's message. A redelivered update
 * and a second tap on the same card carry the same key, so the API records once.
 */
export const writeKey = (ctx: BotContext) => {
  const m = ctx.callbackQuery?.message;
  return m ? `tg-${m.chat.id}-${m.message_id}` : `tg-u${ctx.update.update_id}`;
};

const awaitKey = (ctx: BotContext) => `await:${ctx.chat?.id}:${ctx.from?.id}`;
export const awaitAnswer = (ctx: BotContext, a: Awaiting) =>
  // An hour: a question left unanswered must not catch the next day's first message.
  ctx.services.store.set(awaitKey(ctx), a, 3600_000);
export const clearAwaiting = (ctx: BotContext) => ctx.services.store.delete(awaitKey(ctx));
export const readAwaiting = (ctx: BotContext) => ctx.services.store.get<Awaiting>(awaitKey(ctx));

export const rememberLast = (ctx: BotContext, r: Omit<LastRecord, "at">) =>
  ctx.services.store.set(`last:${userId(ctx)}`, { ...r, at: ctx.services.now().getTime() });
export const lastRecord = (ctx: BotContext) =>
  ctx.services.store.get<LastRecord>(`last:${userId(ctx)}`);
export const forgetLast = (ctx: BotContext) => ctx.services.store.delete(`last:${userId(ctx)}`);

/** The application with this number in the user's agency, or a clear "no such number". */
const MAX_KNOWN_IDS = 100_000;

type Named = { id: string; number: number } & Partial<
  Pick<ApplicationInfo, "subject" | "applicant">
>;

/** Remembers the ids (and particulars) of applications the API named (see Services). */
export const rememberIds = (ctx: BotContext, apps: readonly Named[]) => {
  const { applicationIds: known, particulars } = ctx.services;
  if (known.size + apps.length > MAX_KNOWN_IDS) known.clear();
  if (particulars.size + apps.length > MAX_KNOWN_IDS) particulars.clear();
  for (const a of apps) {
    const key = `${me(ctx).agencyCode}|${a.number}`;
    known.set(key, a.id);
    if (a.subject !== undefined || a.applicant !== undefined) {
      const was = particulars.get(key) ?? {};
      particulars.set(key, {
        ...was,
        ...(a.subject !== undefined ? { subject: a.subject ?? undefined } : {}),
        ...(a.applicant !== undefined
          ? { applicantName: a.applicant?.name, contact: a.applicant?.contact }
          : {}),
      });
    }
  }
};

/** "第 12 号 · 张三 · 2025年预算…" of the user's agency's application, as far as it is known. */
export const titleOf = (ctx: BotContext, number: number, lang = ctx.lang) => {
  const p = ctx.services.particulars.get(`${me(ctx).agencyCode}|${number}`);
  return applicationTitle(
    {
      number,
      subject: p?.subject ?? null,
      applicant: p?.applicantName ? { name: p.applicantName } : null,
    },
    lang,
  );
};

/** The id of the user's agency's application `number`, if the API named it before. */
export const knownId = (ctx: BotContext, number: number) =>
  ctx.services.applicationIds.get(`${me(ctx).agencyCode}|${number}`);

export const findApplication = async (
  ctx: BotContext,
  number: number,
): Promise<ApplicationInfo | undefined> => {
  const found = await call(ctx, () =>
    ctx.services.api.applications(userId(ctx), me(ctx).agencyCode, { number }),
  );
  if (found === undefined) return undefined;
  rememberIds(ctx, found);
  const app = found.find((a) => a.number === number);
  if (!app) await show(ctx, ctx.t("no-such-application", { number }));
  return app;
};

/**
 * Records `event` on the user's agency's application `number`, confirmed by the user: by its id
 * when the API named it before, otherwise by its number (the API finds it as it writes: one
 * call). A number the agency has not given gets the same answer as a look-up; other refusals
 * are the API's (e.g. concluded already: 409). `undefined`: refused and told.
 */
export const recordOn = async (
  ctx: BotContext,
  number: number,
  event: EventInput,
  options?: RecordOptions,
) => {
  const id = knownId(ctx, number);
  const { api } = ctx.services;
  let missing = false;
  const done = await call(ctx, async () => {
    try {
      return id
        ? await api.addEvent(userId(ctx), id, event, writeKey(ctx), options)
        : await api.addEventByNumber(
            userId(ctx),
            me(ctx).agencyCode,
            number,
            event,
            writeKey(ctx),
            options,
          );
    } catch (e) {
      if (id || !(e instanceof ApiError) || e.status !== 404) throw e;
      missing = true;
      return undefined;
    }
  });
  if (missing) await show(ctx, ctx.t("no-such-application", { number }));
  if (done) rememberIds(ctx, [done.application]);
  return done;
};

/** /undo withdraws the user's own last record within this time. */
export const UNDO_WINDOW_MS = 24 * 3600_000;

/** Whether /undo would withdraw the conclusion of application `id` (the user's last record). */
export const undoWithdrawsConclusion = async (ctx: BotContext, id: string) => {
  const r = await lastRecord(ctx);
  return (
    r !== undefined &&
    r.applicationId === id &&
    r.type === "concluded" &&
    ctx.services.now().getTime() - r.at <= UNDO_WINDOW_MS
  );
};

export const findOpenApplication = async (ctx: BotContext, number: number) => {
  const app = await findApplication(ctx, number);
  if (app && app.status !== "open") {
    // The undo hint only when /undo would withdraw this very conclusion.
    const hint = (await undoWithdrawsConclusion(ctx, app.id))
      ? "application-concluded-undo"
      : "application-concluded-admin";
    await show(
      ctx,
      `${ctx.t("application-concluded", {
        title: escapeHtml(titleOf(ctx, number)),
        date: app.concludedOn ?? "",
      })}\n${ctx.t(hint)}`,
    );
    return undefined;
  }
  return app;
};

/**
 * The year-to-date line shown after a write: the figures the write answered with (`given`), or
 * else asked for; empty if they cannot be had (the write is done: a failure here must not read
 * as if it were not).
 */
export const ytdLine = async (ctx: BotContext, today: IsoDate, given?: Summary) => {
  let s: Summary;
  try {
    s = given ?? (await ctx.services.api.summary(userId(ctx), me(ctx).agencyCode, today));
  } catch (e) {
    ctx.services.logger.warn({ err: e }, "year-to-date line unavailable after a write");
    return "";
  }
  return ctx.t("ytd-line", {
    year: s.year,
    carriedOver: s.carriedOver,
    received: s.received,
    concluded: s.concluded,
    open: s.open,
    overdue: s.overdue,
  });
};

export const errorsText = (ctx: BotContext, errors: readonly Bilingual[]) =>
  errors.map((e) => `⚠️ ${escapeHtml(e[ctx.lang])}`).join("\n");

/**
 * The due date as the clerk should read it: marked 暂定 with why when the calendar of a year it
 * counts is not published yet; when there is none, why (the clock waits for the applicant or
 * stands during a consultation or until a fee is paid).
 */
export const dueDateText = (
  ctx: BotContext,
  a: Pick<ApplicationInfo, "dueDate" | "provisional" | "deadlineStatus">,
) => {
  if (a.dueDate) return markedDueDate(ctx.lang, a.dueDate, a.provisional, "card");
  if (a.deadlineStatus === "waitingForApplicant") return ctx.t("due-none-waiting");
  if (a.deadlineStatus === "paused") return ctx.t("due-none-paused");
  if (a.deadlineStatus === "concluded") return ctx.t("due-none-concluded");
  return ctx.t("due-none");
};

/** "您说：“…”，理解如下：" above a card the clerk's own words opened; "" otherwise. */
export const readingNote = (ctx: BotContext) =>
  ctx.heard ? `${ctx.t("reading-note", { text: escapeHtml(ctx.heard) })}\n` : "";

/**
 * A typed date answering the bot's question, read as clerks write dates (上周五, 12.1, 周三,
 * 二〇二五年十二月一日… by the language module); refused with the reason (a future date).
 */
export const readDateAnswer = (
  ctx: BotContext,
  text: string,
): { ok: true; date: IsoDate } | { ok: false; error: Bilingual } => {
  const today = ctx.services.today();
  const r = readSlot("date", text, { today, lang: ctx.lang });
  if (r.kind === "understood") return { ok: true, date: r.value };
  if (r.kind === "refused") return { ok: false, error: r.reason };
  return parseDate(text, today);
};
