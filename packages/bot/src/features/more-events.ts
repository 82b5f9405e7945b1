// /more <number>: the register's other events for an open application — correction requested
// and received, consultation started and ended, extension, fee notice and payment.
import {
  escapeHtml,
  type IsoDate,
  type Lang,
  MAX_EXTENSION_WORKING_DAYS,
  readSlot,
} from "@ogi/domain";
import { Composer } from "grammy";
import type { EventInput } from "../api.ts";
import type { BotContext } from "../context.ts";
import { MORE_EVENTS, type MoreEvent, moreFlow } from "../flows/index.ts";
import { toHalfWidth } from "../text/normalize.ts";
import {
  applicationsKeyboard,
  moreCardKeyboard,
  moreEventKeyboard,
  moreEventLabel,
  moreEventName,
  yuan,
} from "../ui.ts";
import {
  awaitAnswer,
  call,
  clearAwaiting,
  dueDateText,
  errorsText,
  findOpenApplication,
  me,
  readDateAnswer,
  readingNote,
  recordOn,
  rememberLast,
  say,
  show,
  titleOf,
  userId,
} from "./common.ts";
import { byUrgency } from "./pending.ts";
import { onAnswer, onCommand, onPress } from "./routing.ts";

export const moreEvents = new Composer<BotContext>();

/** `days`: an extension's working days as said or typed (null: 20, the most the law allows). */
type MoreState = {
  number: number;
  event: MoreEvent;
  date: IsoDate;
  fen: number | null;
  days: number | null;
};

export const toEventInput = (s: MoreState): EventInput => {
  switch (s.event) {
    case "correctionRequested":
      return { type: "correctionRequested", date: s.date };
    case "correctionReceived":
      return { type: "correctionReceived", date: s.date };
    case "consultationStartedThirdParty":
      return { type: "consultationStarted", date: s.date, party: "thirdParty" };
    case "consultationStartedAgency":
      return { type: "consultationStarted", date: s.date, party: "agency" };
    case "consultationEnded":
      return { type: "consultationEnded", date: s.date };
    case "extended":
      return { type: "extended", date: s.date, workingDays: s.days ?? MAX_EXTENSION_WORKING_DAYS };
    case "feeNoticeIssued":
      return { type: "feeNoticeIssued", date: s.date, amountYuan: (s.fen ?? 0) / 100 };
    case "feePaid":
      return s.fen === null
        ? { type: "feePaid", date: s.date }
        : { type: "feePaid", date: s.date, amountYuan: s.fen / 100 };
  }
};

const card = async (ctx: BotContext, s: MoreState) => {
  await awaitAnswer(ctx, {
    kind: "moreDate",
    number: s.number,
    event: s.event,
    fen: s.fen,
    days: s.days,
    date: s.date,
  });
  const extension =
    s.event === "extended"
      ? `\n${ctx.t("more-extension-hint", { max: MAX_EXTENSION_WORKING_DAYS })}`
      : "";
  await show(
    ctx,
    `${readingNote(ctx)}${ctx.t("more-card", {
      agency: escapeHtml(me(ctx).agencyName),
      title: escapeHtml(titleOf(ctx, s.number)),
      event: moreEventLabel(ctx, s.event, s.days),
      date: s.date,
      amount: s.fen === null ? "" : yuan(s.fen),
    })}${extension}`,
    moreCardKeyboard(ctx, s),
  );
};

moreEvents.use(
  onCommand("more", async (ctx, req) => {
    await clearAwaiting(ctx);
    if (req.errors.length > 0)
      return say(ctx, `${errorsText(ctx, req.errors)}\n${ctx.t("more-usage")}`);
    if (req.number === undefined) {
      const open = await call(ctx, () =>
        ctx.services.api.applications(userId(ctx), me(ctx).agencyCode, { status: "open" }),
      );
      if (!open) return;
      if (open.length === 0) return say(ctx, ctx.t("close-none-open"));
      const shown = [...open].sort(byUrgency).slice(0, 30);
      return say(
        ctx,
        ctx.t("more-ask-application", { count: open.length, shown: shown.length }),
        applicationsKeyboard(ctx, shown, moreFlow.application),
      );
    }
    const app = await findOpenApplication(ctx, req.number);
    if (!app) return;
    // The event named already (read from the clerk's words): straight to its card.
    if (req.event) {
      if (req.event === "feeNoticeIssued" && req.fen == null) {
        await awaitAnswer(ctx, { kind: "feeAmount", number: app.number });
        return say(ctx, ctx.t("more-ask-amount", { number: app.number }));
      }
      return card(ctx, {
        number: app.number,
        event: req.event,
        date: req.date ?? ctx.services.today(),
        fen: req.fen ?? null,
        days: req.event === "extended" ? (req.days ?? null) : null,
      });
    }
    await say(
      ctx,
      ctx.t("more-ask-event", { number: app.number }),
      moreEventKeyboard(ctx, app.number, MORE_EVENTS),
    );
  }),
);

moreEvents.use(
  onPress(moreFlow.application, async (ctx, { number }) => {
    if (!(await findOpenApplication(ctx, number))) return;
    await show(
      ctx,
      ctx.t("more-ask-event", { number }),
      moreEventKeyboard(ctx, number, MORE_EVENTS),
    );
  }),
);

moreEvents.use(
  onPress(moreFlow.event, async (ctx, s) => {
    if (s.event === "feeNoticeIssued" && s.fen === null) {
      await awaitAnswer(ctx, { kind: "feeAmount", number: s.number });
      return show(ctx, ctx.t("more-ask-amount", { number: s.number }));
    }
    return card(ctx, { ...s, date: ctx.services.today(), days: null });
  }),
);

/** "12.5", "12.50元", "１２" → fen; undefined if not an amount. */
export const parseYuan = (text: string): number | undefined => {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?\s*元?$/.exec(toHalfWidth(text).trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
};

moreEvents.use(
  onAnswer("feeAmount", async (ctx, a, text) => {
    // "50", "12.50元", and as clerks say it: "五十元" (the language module).
    const slot = readSlot("amount", text, { today: ctx.services.today(), lang: ctx.lang });
    const fen =
      parseYuan(text) ?? (slot.kind === "understood" ? Math.round(slot.value * 100) : undefined);
    if (fen === undefined)
      return say(
        ctx,
        `${ctx.t("more-bad-amount", { text: escapeHtml(text) })}\n${ctx.t("awaiting-hint")}`,
      );
    return card(ctx, {
      number: a.number,
      event: "feeNoticeIssued",
      fen,
      date: ctx.services.today(),
      days: null,
    });
  }),
);

moreEvents.use(
  onPress(moreFlow.date, (ctx, s) => card(ctx, { ...s, days: null })),
  onPress(moreFlow.extensionDate, (ctx, s) => card(ctx, { ...s, event: "extended", fen: null })),
);

/** 第三十三条第二款: more than 20 working days is refused with why, never cut down. */
const tooLong = (days: number) => ({
  zh: `延长答复期限最多 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（第三十三条第二款），不能延长 ${days} 个工作日`,
  en: `An extension is at most ${MAX_EXTENSION_WORKING_DAYS} working days (Art. 33(2)), not ${days}`,
});

moreEvents.use(
  onAnswer("moreDate", async (ctx, a, text) => {
    const s = { number: a.number, event: a.event, fen: a.fen, days: a.days ?? null };
    const d = readDateAnswer(ctx, text);
    if (d.ok) return card(ctx, { ...s, date: d.date });
    // On an extension's card, the working days typed ("15个工作日", "15天", "15").
    const slot =
      a.event === "extended"
        ? readSlot("workingDays", text, { today: ctx.services.today(), lang: ctx.lang })
        : undefined;
    if (slot?.kind === "understood") {
      if (slot.value > MAX_EXTENSION_WORKING_DAYS)
        return say(ctx, `${errorsText(ctx, [tooLong(slot.value)])}\n${ctx.t("awaiting-hint")}`);
      return card(ctx, { ...s, days: slot.value, date: a.date ?? ctx.services.today() });
    }
    return say(ctx, `${errorsText(ctx, [d.error])}\n${ctx.t("awaiting-hint")}`);
  }),
);

const confirm = async (ctx: BotContext, s: MoreState) => {
  await clearAwaiting(ctx);
  const done = await recordOn(ctx, s.number, toEventInput(s));
  if (!done) return;
  const name = (lang: Lang) => moreEventName(ctx, lang, s.event, s.days);
  await rememberLast(ctx, {
    applicationId: done.application.id,
    number: s.number,
    eventId: done.eventId,
    type: toEventInput(s).type,
    label: {
      zh: `${titleOf(ctx, s.number, "zh")}：${name("zh")}（${s.date}）`,
      en: `${titleOf(ctx, s.number, "en")}: ${name("en")} (${s.date})`,
    },
  });
  await show(
    ctx,
    `${ctx.t("more-done", {
      title: escapeHtml(titleOf(ctx, s.number)),
      event: moreEventLabel(ctx, s.event, s.days),
      date: s.date,
      dueDate: dueDateText(ctx, done.application),
    })}\n${ctx.t("undo-hint")}`,
  );
};

moreEvents.use(
  onPress(moreFlow.confirm, (ctx, s) => confirm(ctx, { ...s, days: null })),
  onPress(moreFlow.extensionConfirm, (ctx, s) =>
    confirm(ctx, { ...s, event: "extended", fen: null }),
  ),
);
