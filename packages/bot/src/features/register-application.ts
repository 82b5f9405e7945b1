// /new, 登记, 新收: applicant type (six buttons) → channel (optional) → receipt date → card →
// the application's number and due date. The date is asked as the channel's rule (第三十一条:
// a letter's is the day the agency signs for it, an online or fax application's the day both
// sides confirm it), and the card of such a channel says the rule again beside the date, which
// can be changed there. Text shortcuts fill in what they name and ask the rest; the subject
// (申请内容) and the applicant come with the message or are typed on the card.
import {
  type ApplicantType,
  type Channel,
  escapeHtml,
  type IsoDate,
  receiptDateRule,
} from "@ogi/domain";
import { Composer, type InlineKeyboard } from "grammy";
import type { BotContext } from "../context.ts";
import { type NewState, newFlow } from "../flows/index.ts";
import {
  applicationTitle,
  type Particulars,
  readApplicant,
  readSubject,
} from "../text/particulars.ts";
import type { NewRequest } from "../text/shortcuts.ts";
import {
  applicantLabel,
  applicantTypeKeyboard,
  channelKeyboard,
  channelLabel,
  newCardKeyboard,
  newDateKeyboard,
} from "../ui.ts";
import {
  awaitAnswer,
  call,
  clearAwaiting,
  dueDateText,
  errorsText,
  me,
  readDateAnswer,
  readingNote,
  rememberIds,
  rememberLast,
  say,
  show,
  userId,
  writeKey,
} from "./common.ts";
import { readDraft, saveDraft } from "./drafts.ts";
import { onAnswer, onCommand, onPress } from "./routing.ts";

export const registerApplication = new Composer<BotContext>();

type Reply = (ctx: BotContext, html: string, keyboard?: InlineKeyboard) => Promise<unknown>;

/** The receipt date, asked as the rule of the channel (null: skipped, the plain question). */
const askDate = async (
  ctx: BotContext,
  s: { type: ApplicantType; p: string | null; channel: Channel | null },
  reply: Reply = show,
) => {
  await awaitAnswer(ctx, { kind: "newDate", type: s.type, p: s.p, channel: s.channel });
  const type = applicantLabel(s.type, ctx.lang);
  const rule = s.channel ? receiptDateRule(s.channel) : undefined;
  await reply(
    ctx,
    rule && s.channel
      ? ctx.t("new-ask-date-rule", {
          type,
          channel: channelLabel(s.channel, ctx.lang),
          question: escapeHtml(rule.question[ctx.lang]),
          basis: escapeHtml(rule.basis[ctx.lang]),
        })
      : ctx.t("new-ask-date", { type }),
    newDateKeyboard(ctx, s.type, s.p, s.channel),
  );
};

/** The channel: to the card when the date is known, else to the date asked as its rule. */
const askChannel = (
  ctx: BotContext,
  s: { type: ApplicantType; date?: IsoDate | undefined; p: string | null },
  reply: Reply = show,
) =>
  reply(
    ctx,
    s.date
      ? ctx.t("new-ask-channel", { type: applicantLabel(s.type, ctx.lang), date: s.date })
      : ctx.t("new-ask-channel-first", { type: applicantLabel(s.type, ctx.lang) }),
    channelKeyboard(ctx, s.type, s.date, s.p),
  );

/** The draft's lines of the card (or "未填写"); undefined when the draft is gone. */
const particularLines = (ctx: BotContext, d: Particulars) => ({
  subject: d.subject ? escapeHtml(d.subject) : ctx.t("channel-none"),
  applicant:
    d.applicantName || d.contact
      ? escapeHtml([d.applicantName, d.contact].filter(Boolean).join(" "))
      : ctx.t("channel-none"),
});

const draftGone = (ctx: BotContext) => show(ctx, ctx.t("new-draft-gone"));

const card = async (ctx: BotContext, s: NewState) => {
  const d = await readDraft(ctx, s.p);
  if (!d) return draftGone(ctx);
  // Another date typed while the card is shown replaces the date.
  await awaitAnswer(ctx, { kind: "newCardDate", state: s });
  // A letter, an online or fax application: the day that counts, beside the date.
  const rule = s.channel ? receiptDateRule(s.channel) : undefined;
  const note = rule?.notTheDaySent
    ? `\n${ctx.t("new-card-rule", { basis: escapeHtml(rule.basis[ctx.lang]) })}`
    : "";
  await show(
    ctx,
    `${readingNote(ctx)}${ctx.t("new-card", {
      agency: escapeHtml(me(ctx).agencyName),
      type: applicantLabel(s.type, ctx.lang),
      date: s.date,
      channel: s.channel ? channelLabel(s.channel, ctx.lang) : ctx.t("channel-none"),
      ...particularLines(ctx, d),
    })}${note}`,
    newCardKeyboard(ctx, s),
  );
};

const start = async (ctx: BotContext, req: NewRequest) => {
  await clearAwaiting(ctx);
  if (req.errors.length > 0) await say(ctx, errorsText(ctx, req.errors));
  const particulars = {
    ...(req.subject ? { subject: req.subject } : {}),
    ...(req.applicantName ? { applicantName: req.applicantName } : {}),
    ...(req.contact ? { contact: req.contact } : {}),
  };
  const type = req.type;
  if (type?.kind !== "one") {
    // The type is asked first; the date and channel named wait in the draft.
    const p = await saveDraft(ctx, {
      ...particulars,
      ...(req.date ? { date: req.date } : {}),
      ...(req.channel ? { channel: req.channel } : {}),
    });
    const only = type?.kind === "choices" ? type.values : undefined;
    await say(
      ctx,
      `${readingNote(ctx)}${ctx.t("new-ask-type")}`,
      applicantTypeKeyboard(ctx, only, p),
    );
    return;
  }
  // A channel named before the date is asked waits in the draft too.
  const p = await saveDraft(ctx, {
    ...particulars,
    ...(req.channel && !req.date ? { channel: req.channel } : {}),
  });
  return afterType(ctx, { type: type.value, p, date: req.date, channel: req.channel }, say);
};

/**
 * The type known: the card when the date and the channel are; else the channel, then the date
 * asked as the channel's rule (a letter named without its date: the day it was signed for).
 */
const afterType = async (
  ctx: BotContext,
  s: {
    type: ApplicantType;
    p: string | null;
    date?: IsoDate | undefined;
    channel?: Channel | undefined;
  },
  reply: Reply = show,
) => {
  if (s.date && s.channel)
    return card(ctx, { type: s.type, date: s.date, channel: s.channel, p: s.p });
  if (s.channel) return askDate(ctx, { type: s.type, p: s.p, channel: s.channel }, reply);
  await askChannel(ctx, { type: s.type, date: s.date, p: s.p }, reply);
};

registerApplication.use(onCommand("new", start));

registerApplication.use(
  onPress(newFlow.type, (ctx, s) => afterType(ctx, { type: s.type, p: null })),
  onPress(newFlow.typeDrafted, async (ctx, s) => {
    const d = await readDraft(ctx, s.p);
    if (!d) return draftGone(ctx);
    return afterType(ctx, { ...s, date: d.date, channel: d.channel });
  }),
);

// The channel chosen or skipped first: the date, asked as its rule.
registerApplication.use(
  onPress(newFlow.channel, (ctx, s) => askDate(ctx, { ...s, p: null })),
  onPress(newFlow.channelDrafted, async (ctx, s) => {
    if (!(await readDraft(ctx, s.p))) return draftGone(ctx);
    return askDate(ctx, s);
  }),
);

/** The date chosen before the channel (an earlier version's buttons): the channel, or the card. */
const dated = async (
  ctx: BotContext,
  s: { type: ApplicantType; date: IsoDate; p: string | null },
) => {
  const d = await readDraft(ctx, s.p);
  if (!d) return draftGone(ctx);
  if (d.channel) return card(ctx, { ...s, channel: d.channel });
  await askChannel(ctx, s, ctx.callbackQuery ? show : say);
};

// A typed receipt date while the date buttons are shown.
registerApplication.use(
  onAnswer("newDate", async (ctx, a, text) => {
    const p = a.p ?? null;
    const d = readDateAnswer(ctx, text);
    if (!d.ok) {
      await say(
        ctx,
        `${errorsText(ctx, [d.error])}\n${ctx.t("awaiting-hint")}`,
        newDateKeyboard(ctx, a.type, p, a.channel),
      );
      return;
    }
    await clearAwaiting(ctx);
    if (a.channel !== undefined)
      return card(ctx, { type: a.type, date: d.date, channel: a.channel, p });
    await dated(ctx, { type: a.type, date: d.date, p });
  }),
  // Another date typed on the card.
  onAnswer("newCardDate", async (ctx, a, text) => {
    const d = readDateAnswer(ctx, text);
    if (!d.ok) return say(ctx, `${errorsText(ctx, [d.error])}\n${ctx.t("awaiting-hint")}`);
    await card(ctx, { ...a.state, date: d.date });
  }),
);

registerApplication.use(
  onPress(newFlow.date, async (ctx, s) => {
    await clearAwaiting(ctx);
    await askChannel(ctx, { ...s, p: null });
  }),
  onPress(newFlow.dateDrafted, async (ctx, s) => {
    await clearAwaiting(ctx);
    await dated(ctx, s);
  }),
);

registerApplication.use(
  onPress(newFlow.card, (ctx, s) => card(ctx, { ...s, p: null })),
  onPress(newFlow.cardDrafted, card),
);

// On the card: type the subject or the applicant; the card comes back with it.
registerApplication.use(
  onPress(newFlow.edit, async (ctx, s) => {
    const { field, ...state } = s;
    await awaitAnswer(ctx, { kind: "newParticular", state, field });
    await show(ctx, ctx.t(field === "subject" ? "ask-subject" : "ask-applicant"));
  }),
);

registerApplication.use(
  onAnswer("newParticular", async (ctx, a, text) => {
    const was = await readDraft(ctx, a.state.p);
    if (!was) return draftGone(ctx);
    const typed = a.field === "subject" ? { subject: readSubject(text) } : readApplicant(text);
    const next = { ...was };
    for (const [k, v] of Object.entries(typed)) if (v) next[k as keyof Particulars] = v;
    const p = await saveDraft(ctx, next);
    await card(ctx, { ...a.state, p });
  }),
);

const confirm = async (ctx: BotContext, s: NewState) => {
  await clearAwaiting(ctx);
  const d = await readDraft(ctx, s.p);
  if (!d) return draftGone(ctx);
  const applicant = {
    ...(d.applicantName ? { name: d.applicantName } : {}),
    ...(d.contact ? { contact: d.contact } : {}),
  };
  const created = await call(ctx, () =>
    ctx.services.api.register(
      userId(ctx),
      me(ctx).agencyCode,
      {
        receivedOn: s.date,
        applicantType: s.type,
        ...(s.channel ? { channel: s.channel } : {}),
        ...(d.subject ? { subject: d.subject } : {}),
        ...(Object.keys(applicant).length > 0 ? { applicant } : {}),
      },
      writeKey(ctx),
    ),
  );
  if (!created) return;
  rememberIds(ctx, [created]);
  const title = (lang: "zh" | "en") => applicationTitle(created, lang);
  if (created.receivedEventId)
    await rememberLast(ctx, {
      applicationId: created.id,
      number: created.number,
      eventId: created.receivedEventId,
      type: "received",
      label: {
        zh: `登记${title("zh")}（${applicantLabel(s.type, "zh")}，${s.date} 收到）`,
        en: `registration of ${title("en")} (${applicantLabel(s.type, "en")}, received ${s.date})`,
      },
    });
  // The rule the API applied (第三十一条), for a channel whose day is not the day sent.
  const rule =
    s.channel && receiptDateRule(s.channel).notTheDaySent && created.receiptRule
      ? `\n${ctx.t("new-done-rule", { rule: escapeHtml(created.receiptRule[ctx.lang]) })}`
      : "";
  await show(
    ctx,
    `${ctx.t("new-done", {
      title: escapeHtml(title(ctx.lang)),
      type: applicantLabel(s.type, ctx.lang),
      date: s.date,
      dueDate: dueDateText(ctx, created),
    })}${rule}`,
  );
};

registerApplication.use(
  onPress(newFlow.confirm, (ctx, s) => confirm(ctx, { ...s, p: null })),
  onPress(newFlow.confirmDrafted, confirm),
);
