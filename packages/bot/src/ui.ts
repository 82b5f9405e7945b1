// Keyboards and the small pieces of text the flows share. Labels of the official format come
// from the domain catalog, verbatim; the bot's own words come from the locale files.
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  type Bilingual,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type IsoDate,
  type Lang,
  MAX_EXTENSION_WORKING_DAYS,
  OUTCOME_GROUP_CATALOG,
  type Outcome,
  type OutcomeGroup,
  outcomesInGroup,
  rowInfo,
} from "@ogi/domain";
import { InlineKeyboard } from "grammy";
import type { ApplicationInfo } from "./api.ts";
import type { BotContext } from "./context.ts";
import {
  type ButtonData,
  cancelStep,
  closeFlow,
  editFlow,
  langStep,
  type MoreEvent,
  moreFlow,
  type NewState,
  newFlow,
  readingFlow,
  type Step,
  UNDO_REASONS,
  type UndoReason,
  undoFlow,
} from "./flows/index.ts";
import { addDays } from "./text/dates.ts";
import { SHORT_NAME, SHORT_SUBJECT, truncate } from "./text/particulars.ts";

export const applicantLabel = (t: ApplicantType, lang: Lang) => APPLICANT_TYPE_LABELS[t][lang];
export const channelLabel = (c: Channel, lang: Lang) => CHANNEL_LABELS[c][lang];
/** The outcome as the table names it: "（三）不予公开 · 1.属于国家秘密". */
export const outcomeLabel = (o: Outcome, lang: Lang) => {
  const row = rowInfo(o);
  const group = OUTCOME_GROUP_CATALOG.find((g) => g.key === row.group)!;
  const single = outcomesInGroup(group.key).length === 1;
  return single ? group.short[lang] : `${group.short[lang]} · ${row.label[lang]}`;
};

type Button = { text: string; data: ButtonData };

const keyboard = (ctx: BotContext, rows: Button[][]) => {
  const data = rows
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => InlineKeyboard.text(b.text, ctx.services.codec.encode(b.data))));
  return InlineKeyboard.from(data);
};

const chunk = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

const cancel = (ctx: BotContext): Button => ({
  text: ctx.t("btn-cancel"),
  data: cancelStep.data({}),
});

/** The /new steps of a registration with a draft of its particulars, or without one. */
const newTypeData = (type: ApplicantType, p: string | null) =>
  p ? newFlow.typeDrafted.data({ type, p }) : newFlow.type.data({ type });
const newDateData = (type: ApplicantType, date: IsoDate, p: string | null) =>
  p ? newFlow.dateDrafted.data({ type, date, p }) : newFlow.date.data({ type, date });
const newCardData = ({ p, ...s }: NewState) =>
  p ? newFlow.cardDrafted.data({ ...s, p }) : newFlow.card.data(s);
const newConfirmData = ({ p, ...s }: NewState) =>
  p ? newFlow.confirmDrafted.data({ ...s, p }) : newFlow.confirm.data(s);

export const applicantTypeKeyboard = (
  ctx: BotContext,
  only?: readonly ApplicantType[],
  p: string | null = null,
) =>
  keyboard(ctx, [
    ...chunk(
      (only ?? APPLICANT_TYPES).map((type) => ({
        text: applicantLabel(type, ctx.lang),
        data: newTypeData(type, p),
      })),
      2,
    ),
    [cancel(ctx)],
  ]);

/** 今天 / 昨天 / 前天: each button carries the date it means, fixed when it was shown. */
export const recentDates = (today: IsoDate) => [today, addDays(today, -1), addDays(today, -2)];

/** The recent dates as buttons, but `shown` (the date the card already has). */
export const dateButtons = (
  ctx: BotContext,
  make: (date: IsoDate) => ButtonData,
  shown?: IsoDate,
): Button[] => {
  const names = [ctx.t("day-today"), ctx.t("day-yesterday"), ctx.t("day-before-yesterday")];
  return recentDates(ctx.services.today()).flatMap((date, i) =>
    date === shown ? [] : [{ text: `${names[i]} ${date.slice(5)}`, data: make(date) }],
  );
};

/**
 * The receipt date's buttons: straight to the card once the channel is settled (`channel`,
 * null when skipped); without it (an earlier version's order), to the channel.
 */
export const newDateKeyboard = (
  ctx: BotContext,
  type: ApplicantType,
  p: string | null = null,
  channel?: Channel | null,
) =>
  keyboard(ctx, [
    dateButtons(ctx, (date) =>
      channel === undefined ? newDateData(type, date, p) : newCardData({ type, date, channel, p }),
    ),
    [cancel(ctx)],
  ]);

/** The channels: to the card when the date is known, else to the date asked as their rule. */
export const channelKeyboard = (
  ctx: BotContext,
  type: ApplicantType,
  date: IsoDate | undefined,
  p: string | null = null,
) => {
  const next = (channel: Channel | null) =>
    date !== undefined
      ? newCardData({ type, date, channel, p })
      : p
        ? newFlow.channelDrafted.data({ type, channel, p })
        : newFlow.channel.data({ type, channel });
  return keyboard(ctx, [
    ...chunk(
      CHANNELS.map((channel) => ({ text: channelLabel(channel, ctx.lang), data: next(channel) })),
      3,
    ),
    [{ text: ctx.t("btn-skip"), data: next(null) }, cancel(ctx)],
  ]);
};

/** The card: confirm, add or correct the subject and the applicant, or take another date. */
export const newCardKeyboard = (ctx: BotContext, s: NewState) =>
  keyboard(ctx, [
    [{ text: ctx.t("btn-confirm-new"), data: newConfirmData(s) }],
    [
      { text: ctx.t("btn-edit-subject"), data: newFlow.edit.data({ ...s, field: "subject" }) },
      { text: ctx.t("btn-edit-applicant"), data: newFlow.edit.data({ ...s, field: "applicant" }) },
    ],
    dateButtons(ctx, (date) => newCardData({ ...s, date }), s.date),
    [cancel(ctx)],
  ]);

/** The six groups in the table's order; a group of one is chosen at once, others open (›). */
export const outcomeGroupKeyboard = (ctx: BotContext, number: number) =>
  keyboard(ctx, [
    ...chunk(
      OUTCOME_GROUP_CATALOG.map((g): Button => {
        const members = outcomesInGroup(g.key);
        return members.length === 1
          ? {
              text: g.short[ctx.lang],
              data: closeFlow.outcome.data({ number, outcome: members[0]! }),
            }
          : {
              text: `${g.short[ctx.lang]} ›`,
              data: closeFlow.group.data({ number, group: g.key }),
            };
      }),
      2,
    ),
    [cancel(ctx)],
  ]);

/** The numbered sub-rows of one group, labels verbatim, one per line (they are long). */
export const outcomeKeyboard = (
  ctx: BotContext,
  number: number,
  outcomes: readonly Outcome[],
  group?: OutcomeGroup,
) =>
  keyboard(ctx, [
    ...outcomes.map((outcome) => [
      {
        text: group ? rowInfo(outcome).label[ctx.lang] : outcomeLabel(outcome, ctx.lang),
        data: closeFlow.outcome.data({ number, outcome }),
      },
    ]),
    [{ text: ctx.t("btn-back"), data: closeFlow.back.data({ number }) }, cancel(ctx)],
  ]);

/** The card for a conclusion: confirm, or pick another of the recent dates. */
export const closeCardKeyboard = (
  ctx: BotContext,
  s: { number: number; outcome: Outcome; date: IsoDate },
) =>
  keyboard(ctx, [
    [{ text: ctx.t("btn-confirm-close"), data: closeFlow.confirm.data(s) }],
    dateButtons(ctx, (date) => closeFlow.date.data({ ...s, date }), s.date),
    [{ text: ctx.t("btn-back"), data: closeFlow.back.data({ number: s.number }) }, cancel(ctx)],
  ]);

const PROVISIONAL_MARK: Bilingual = { zh: "（暂定）", en: " (provisional)" };
const PROVISIONAL_WHY: Bilingual = {
  zh: "（暂定：该年度节假日安排尚未公布，按法定节假日推算，公布后可能调整）",
  en: " (provisional: that year's holiday arrangement is not published yet; counted with the statutory holidays, it may change once published)",
};

/**
 * A due date as the bot shows it, marked 暂定 (provisional) when a year it counts over has no
 * published holiday arrangement: the one place the mark is drawn. `button`: short (in English
 * “?”); `list`: the mark (the list's note says why); `card`: the mark with why.
 */
export const markedDueDate = (
  lang: Lang,
  date: string,
  provisional: boolean | undefined,
  form: "button" | "list" | "card",
): string => {
  if (!provisional) return date;
  if (form === "card") return `${date}${PROVISIONAL_WHY[lang]}`;
  return `${date}${form === "button" && lang === "en" ? "?" : PROVISIONAL_MARK[lang]}`;
};

/** "#12 · 张三 · 2025年预算… · 11-20 → 12-15 ⚠": the type stands in for a name the API did not give. */
export const applicationButtonText = (a: ApplicationInfo, lang: Lang) => {
  const who = a.applicant?.name
    ? truncate(a.applicant.name, SHORT_NAME)
    : applicantLabel(a.applicantType, lang);
  const what = a.subject ? ` · ${truncate(a.subject, SHORT_SUBJECT)}` : "";
  return `#${a.number} · ${who}${what} · ${a.receivedOn.slice(5)}${
    a.dueDate ? ` → ${markedDueDate(lang, a.dueDate.slice(5), a.provisional, "button")}` : ""
  }${a.overdue ? " ⚠" : ""}`;
};

/** The applications as buttons, each the next step of a flow on its number (`next`). */
export const applicationsKeyboard = (
  ctx: BotContext,
  apps: readonly ApplicationInfo[],
  next: Step<{ number: number }> | ((number: number) => ButtonData),
) =>
  keyboard(ctx, [
    ...apps.map((a) => [
      {
        text: applicationButtonText(a, ctx.lang),
        data: typeof next === "function" ? next(a.number) : next.data({ number: a.number }),
      },
    ]),
    [cancel(ctx)],
  ]);

/** The event's name; an extension with its working days (20 unless the clerk said fewer). */
export const moreEventLabel = (ctx: BotContext, e: MoreEvent, days?: number | null) =>
  moreEventName(ctx, ctx.lang, e, days);

/** The event's name in `lang` (the undo label is kept in both). */
export const moreEventName = (
  ctx: BotContext,
  lang: Lang,
  e: MoreEvent,
  days?: number | null,
): string =>
  e === "extended"
    ? ctx.i18n.fluent.translate(lang, "event-extended-days", {
        days: days ?? MAX_EXTENSION_WORKING_DAYS,
      })
    : ctx.i18n.fluent.translate(lang, `event-${e}`);

export const moreEventKeyboard = (ctx: BotContext, number: number, events: readonly MoreEvent[]) =>
  keyboard(ctx, [
    ...chunk(
      events.map((event) => ({
        text: moreEventLabel(ctx, event),
        data: moreFlow.event.data({ number, event, fen: null }),
      })),
      2,
    ),
    [cancel(ctx)],
  ]);

export const moreCardKeyboard = (
  ctx: BotContext,
  {
    days,
    ...s
  }: { number: number; event: MoreEvent; date: IsoDate; fen: number | null; days: number | null },
) => {
  // An extension of the days said travels in its own steps; the others as they always did.
  const extension = s.event === "extended" && days !== null;
  const at = (date: IsoDate) =>
    extension
      ? moreFlow.extensionDate.data({ number: s.number, date, days })
      : moreFlow.date.data({ ...s, date });
  return keyboard(ctx, [
    [
      {
        text: ctx.t("btn-confirm-more"),
        data: extension
          ? moreFlow.extensionConfirm.data({ number: s.number, date: s.date, days })
          : moreFlow.confirm.data(s),
      },
    ],
    dateButtons(ctx, at, s.date),
    [cancel(ctx)],
  ]);
};

export const undoReasonKeyboard = (ctx: BotContext, ref: string) =>
  keyboard(ctx, [
    ...UNDO_REASONS.map((reason) => [
      { text: ctx.t(`undo-reason-${reason}`), data: undoFlow.reason.data({ reason, ref }) },
    ]),
    [cancel(ctx)],
  ]);

export const undoCardKeyboard = (ctx: BotContext, s: { reason: UndoReason; ref: string }) =>
  keyboard(ctx, [
    [{ text: ctx.t("btn-confirm-undo"), data: undoFlow.confirm.data(s) }],
    [cancel(ctx)],
  ]);

/** /edit: which particular to add or correct. */
export const editFieldKeyboard = (ctx: BotContext, number: number) =>
  keyboard(ctx, [
    [
      { text: ctx.t("btn-edit-subject"), data: editFlow.field.data({ number, field: "subject" }) },
      {
        text: ctx.t("btn-edit-applicant"),
        data: editFlow.field.data({ number, field: "applicant" }),
      },
    ],
    [cancel(ctx)],
  ]);

export const editCardKeyboard = (ctx: BotContext, number: number, p: string) =>
  keyboard(ctx, [
    [{ text: ctx.t("btn-confirm-edit"), data: editFlow.confirm.data({ number, p }) }],
    [
      { text: ctx.t("btn-edit-subject"), data: editFlow.field.data({ number, field: "subject" }) },
      {
        text: ctx.t("btn-edit-applicant"),
        data: editFlow.field.data({ number, field: "applicant" }),
      },
    ],
    [cancel(ctx)],
  ]);

/** The readings of an ambiguous message, one per line (their labels say what each would do). */
export const readingChoicesKeyboard = (
  ctx: BotContext,
  ref: string,
  choices: readonly { label: Bilingual }[],
) =>
  keyboard(ctx, [
    ...choices.map((c, index) => [
      { text: c.label[ctx.lang], data: readingFlow.choice.data({ ref, index }) },
    ]),
    [cancel(ctx)],
  ]);

export const langKeyboard = (ctx: BotContext) =>
  keyboard(ctx, [
    [
      { text: "中文", data: langStep.data({ lang: "zh" }) },
      { text: "English", data: langStep.data({ lang: "en" }) },
    ],
  ]);

/** Amount in fen → "12.50". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
