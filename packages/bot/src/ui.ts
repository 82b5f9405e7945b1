// Keyboards and the small pieces of text the flows share. Labels of the official format come
// from the domain catalog, verbatim; the bot's own words come from the locale files.
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type IsoDate,
  type Lang,
  OUTCOME_GROUP_CATALOG,
  type Outcome,
  type OutcomeGroup,
  outcomesInGroup,
  rowInfo,
} from "@ogi/domain";
import { InlineKeyboard } from "grammy";
import type { ApplicationInfo } from "./api.ts";
import type { BotContext } from "./context.ts";
import { addDays } from "./text/dates.ts";
import type { FlowState, MoreEvent } from "./text/flow-data.ts";

export const applicantLabel = (t: ApplicantType, lang: Lang) => APPLICANT_TYPE_LABELS[t][lang];
export const channelLabel = (c: Channel, lang: Lang) => CHANNEL_LABELS[c][lang];
/** The outcome as the table names it: "（三）不予公开 · 1.属于国家秘密". */
export const outcomeLabel = (o: Outcome, lang: Lang) => {
  const row = rowInfo(o);
  const group = OUTCOME_GROUP_CATALOG.find((g) => g.key === row.group)!;
  const single = outcomesInGroup(group.key).length === 1;
  return single ? group.short[lang] : `${group.short[lang]} · ${row.label[lang]}`;
};

type Button = { text: string; state: FlowState };

const keyboard = (ctx: BotContext, rows: Button[][]) => {
  const data = rows
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => InlineKeyboard.text(b.text, ctx.services.codec.encode(b.state))));
  return InlineKeyboard.from(data);
};

const chunk = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

const cancel = (ctx: BotContext): Button => ({ text: ctx.t("btn-cancel"), state: { k: "x" } });

export const applicantTypeKeyboard = (ctx: BotContext, only?: readonly ApplicantType[]) =>
  keyboard(ctx, [
    ...chunk(
      (only ?? APPLICANT_TYPES).map((type) => ({
        text: applicantLabel(type, ctx.lang),
        state: { k: "nt", type } as const,
      })),
      2,
    ),
    [cancel(ctx)],
  ]);

/** 今天 / 昨天 / 前天: each button carries the date it means, fixed when it was shown. */
export const recentDates = (today: IsoDate) => [today, addDays(today, -1), addDays(today, -2)];

export const dateButtons = (ctx: BotContext, make: (date: IsoDate) => FlowState): Button[] => {
  const names = [ctx.t("day-today"), ctx.t("day-yesterday"), ctx.t("day-before-yesterday")];
  return recentDates(ctx.services.today()).map((date, i) => ({
    text: `${names[i]} ${date.slice(5)}`,
    state: make(date),
  }));
};

export const newDateKeyboard = (ctx: BotContext, type: ApplicantType) =>
  keyboard(ctx, [dateButtons(ctx, (date) => ({ k: "nd", type, date })), [cancel(ctx)]]);

export const channelKeyboard = (ctx: BotContext, type: ApplicantType, date: IsoDate) =>
  keyboard(ctx, [
    ...chunk(
      CHANNELS.map((channel) => ({
        text: channelLabel(channel, ctx.lang),
        state: { k: "nc", type, date, channel } as const,
      })),
      3,
    ),
    [{ text: ctx.t("btn-skip"), state: { k: "nc", type, date, channel: null } }, cancel(ctx)],
  ]);

export const newCardKeyboard = (
  ctx: BotContext,
  s: { type: ApplicantType; date: IsoDate; channel: Channel | null },
) => keyboard(ctx, [[{ text: ctx.t("btn-confirm-new"), state: { ...s, k: "nx" } }], [cancel(ctx)]]);

/** The six groups in the table's order; a group of one is chosen at once, others open (›). */
export const outcomeGroupKeyboard = (ctx: BotContext, number: number) =>
  keyboard(ctx, [
    ...chunk(
      OUTCOME_GROUP_CATALOG.map((g): Button => {
        const members = outcomesInGroup(g.key);
        return members.length === 1
          ? { text: g.short[ctx.lang], state: { k: "co", number, outcome: members[0]! } }
          : { text: `${g.short[ctx.lang]} ›`, state: { k: "cg", number, group: g.key } };
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
        state: { k: "co", number, outcome } as const,
      },
    ]),
    [{ text: ctx.t("btn-back"), state: { k: "cb", number } }, cancel(ctx)],
  ]);

/** The card for a conclusion: confirm, or pick another of the recent dates. */
export const closeCardKeyboard = (
  ctx: BotContext,
  s: { number: number; outcome: Outcome; date: IsoDate },
) =>
  keyboard(ctx, [
    [{ text: ctx.t("btn-confirm-close"), state: { ...s, k: "cx" } }],
    dateButtons(ctx, (date) => ({ k: "cd", number: s.number, outcome: s.outcome, date })).filter(
      (b) => b.state.k === "cd" && b.state.date !== s.date,
    ),
    [{ text: ctx.t("btn-back"), state: { k: "cb", number: s.number } }, cancel(ctx)],
  ]);

export const applicationButtonText = (a: ApplicationInfo, lang: Lang) =>
  `#${a.number} · ${applicantLabel(a.applicantType, lang)} · ${a.receivedOn.slice(5)}${
    a.dueDate ? ` → ${a.dueDate.slice(5)}` : ""
  }${a.overdue ? " ⚠" : ""}`;

export const applicationsKeyboard = (
  ctx: BotContext,
  apps: readonly ApplicationInfo[],
  next: (number: number) => FlowState,
) =>
  keyboard(ctx, [
    ...apps.map((a) => [{ text: applicationButtonText(a, ctx.lang), state: next(a.number) }]),
    [cancel(ctx)],
  ]);

export const moreEventLabel = (ctx: BotContext, e: MoreEvent) => ctx.t(`event-${e}`);

export const moreEventKeyboard = (ctx: BotContext, number: number, events: readonly MoreEvent[]) =>
  keyboard(ctx, [
    ...chunk(
      events.map((event) => ({
        text: moreEventLabel(ctx, event),
        state: { k: "me", number, event, fen: null } as const,
      })),
      2,
    ),
    [cancel(ctx)],
  ]);

export const moreCardKeyboard = (
  ctx: BotContext,
  s: { number: number; event: MoreEvent; date: IsoDate; fen: number | null },
) =>
  keyboard(ctx, [
    [{ text: ctx.t("btn-confirm-more"), state: { ...s, k: "mx" } }],
    dateButtons(ctx, (date) => ({ ...s, k: "md", date })).filter(
      (b) => b.state.k === "md" && b.state.date !== s.date,
    ),
    [cancel(ctx)],
  ]);

export const undoReasonKeyboard = (ctx: BotContext, ref: string) =>
  keyboard(ctx, [
    [{ text: ctx.t("undo-reason-mistake"), state: { k: "ur", reason: "mistake", ref } }],
    [{ text: ctx.t("undo-reason-duplicate"), state: { k: "ur", reason: "duplicate", ref } }],
    [
      {
        text: ctx.t("undo-reason-wrongApplication"),
        state: { k: "ur", reason: "wrongApplication", ref },
      },
    ],
    [cancel(ctx)],
  ]);

export const undoCardKeyboard = (
  ctx: BotContext,
  s: { reason: "mistake" | "duplicate" | "wrongApplication"; ref: string },
) =>
  keyboard(ctx, [[{ text: ctx.t("btn-confirm-undo"), state: { ...s, k: "ux" } }], [cancel(ctx)]]);

export const langKeyboard = (ctx: BotContext) =>
  keyboard(ctx, [
    [
      { text: "中文", state: { k: "l", lang: "zh" } },
      { text: "English", state: { k: "l", lang: "en" } },
    ],
  ]);

/** Amount in fen → "12.50". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
