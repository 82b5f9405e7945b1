// The clerk's own words (issue 15): a message that is no command is read by the domain's
// language module. Understood: the matching flow opens pre-filled and shows its card, with the
// words it read, before anything is written. Could mean several things: the question, each
// reading a button. Not understood: the module's hint. While the bot waits for an answer (a
// date, an amount), the answer is read as that slot; a whole new request instead (“3号件予以公开”
// while a date is asked) starts that request.
import { randomBytes } from "node:crypto";
import {
  escapeHtml,
  type Reading,
  readMessage,
  readSlot,
  type SlotKind,
  type Understood,
} from "@ogi/domain";
import { Composer, type MiddlewareFn } from "grammy";
import type { Awaiting, BotContext } from "../context.ts";
import { readingFlow } from "../flows/index.ts";
import { parsedOf } from "../text/intents.ts";
import { readingChoicesKeyboard } from "../ui.ts";
import { clearAwaiting, readAwaiting, say, show } from "./common.ts";
import { pressedOn } from "./routing.ts";

/** The slot a question of the bot waits for; free text (a subject, a name) has none. */
const SLOT_OF: Record<Awaiting["kind"], SlotKind | undefined> = {
  newDate: "date",
  newCardDate: "date",
  closeDate: "date",
  moreDate: "date",
  feeAmount: "amount",
  newParticular: undefined,
  editParticular: undefined,
};

const contextOf = (ctx: BotContext) => ({ today: ctx.services.today(), lang: ctx.lang });

const take = (ctx: BotContext, text: string, r: Reading) => {
  if (r.kind === "understood") {
    ctx.parsed = parsedOf(r);
    ctx.heard = text;
  } else if (r.kind === "ask") {
    ctx.asked = r;
    ctx.heard = text;
  } else ctx.hint = r.hint;
};

/**
 * Reads a plain text message (after the command parser found no command in it): the answer to
 * the question the bot asked, or the clerk's own words.
 */
export const readWords: MiddlewareFn<BotContext> = async (ctx, next) => {
  const parsed = ctx.parsed;
  if (parsed?.kind !== "text") return next();
  // As typed (the module normalizes what it reads itself; the card quotes the clerk exactly).
  const text = ctx.message?.text ?? parsed.text;
  const rc = contextOf(ctx);
  const awaiting = await readAwaiting(ctx);
  if (awaiting) {
    const slot = SLOT_OF[awaiting.kind];
    // Not the slot asked for, but a request of its own: that request.
    if (slot && readSlot(slot, text, rc).kind === "unknown") {
      const r = readMessage(text, rc);
      if (r.kind !== "unknown") {
        await clearAwaiting(ctx);
        take(ctx, text, r);
        return next();
      }
    }
    ctx.awaiting = awaiting;
    return next();
  }
  take(ctx, text, readMessage(text, rc));
  return next();
};

/**
 * A shortcut whose words the command parser could not place ("登记 张三 今天 要求公开…": no
 * type; "办结 3 信息不存在": no outcome of the catalog's words) is read again by the language
 * module, and its reading taken when it means the same command.
 */
export const rereadShortcut = (ctx: BotContext, text: string) => {
  const p = ctx.parsed;
  if (text.trimStart().startsWith("/") || !p) return;
  const unplaced =
    (p.kind === "new" && p.type?.kind === "none") ||
    (p.kind === "close" && p.outcome?.kind === "none");
  if (!unplaced) return;
  const r = readMessage(text, contextOf(ctx));
  // Taken only when it places what the parser could not (else the parser's own message stands).
  const placed =
    r.kind === "understood" &&
    ((r.intent === "new" &&
      p.kind === "new" &&
      Boolean(r.applicantType ?? r.applicantName ?? r.subject)) ||
      (r.intent === "close" && p.kind === "close" && r.outcome !== undefined));
  if (placed) {
    ctx.parsed = parsedOf(r);
    ctx.heard = text;
  }
};

export const plainWords = new Composer<BotContext>();

const ASKED_TTL_MS = 7 * 24 * 3600_000;
type Asked = { heard: string; choices: Understood[] };

// A choice pressed: its reading opens its flow, as if the clerk had typed it unambiguously.
plainWords.use(async (ctx, next) => {
  const s = pressedOn(ctx, readingFlow.choice);
  if (!s) return next();
  const asked = await ctx.services.store.get<Asked>(`asked:${s.ref}`);
  const choice = asked?.choices[s.index];
  if (!asked || !choice) return show(ctx, ctx.t("stale-expired"));
  ctx.pressed = undefined;
  ctx.parsed = parsedOf(choice);
  ctx.heard = asked.heard;
  return next();
});

// Several readings: asked back, never guessed.
plainWords.use(async (ctx, next) => {
  const a = ctx.asked;
  if (!a) return next();
  const ref = randomBytes(6).toString("base64url");
  await ctx.services.store.set(
    `asked:${ref}`,
    { heard: ctx.heard ?? "", choices: a.choices.map((c) => c.reading) },
    ASKED_TTL_MS,
  );
  await say(
    ctx,
    `${ctx.t("reading-note", { text: escapeHtml(ctx.heard ?? "") })}\n${escapeHtml(a.question[ctx.lang])}`,
    readingChoicesKeyboard(ctx, ref, a.choices),
  );
});
