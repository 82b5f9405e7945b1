// /close, 办结: the application (a number, or the open ones as buttons) → the outcome in the
// table's own grouping → a card dated today (or another recent or typed date) → the conclusion
// and the updated year-to-date line.
import {
  escapeHtml,
  type IsoDate,
  OUTCOME_GROUP_CATALOG,
  type Outcome,
  outcomesInGroup,
} from "@ogi/domain";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { closeFlow } from "../flows/index.ts";
import type { CloseRequest } from "../text/shortcuts.ts";
import {
  applicationsKeyboard,
  closeCardKeyboard,
  outcomeGroupKeyboard,
  outcomeKeyboard,
  outcomeLabel,
} from "../ui.ts";
import {
  awaitAnswer,
  call,
  clearAwaiting,
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
  ytdLine,
} from "./common.ts";
import { byUrgency } from "./pending.ts";
import { onAnswer, onCommand, onPress } from "./routing.ts";

export const recordOutcome = new Composer<BotContext>();

const groups = async (ctx: BotContext, number: number, intro?: string) => {
  await clearAwaiting(ctx);
  await show(
    ctx,
    `${intro ? `${intro}\n` : ""}${ctx.t("close-ask-group", { number })}`,
    outcomeGroupKeyboard(ctx, number),
  );
};

/** What the clerk's words said beyond the outcome: a withdrawal, where the applicant is sent. */
const closeNote = (ctx: BotContext, req: CloseRequest) => {
  if (req.withdrawn) return ctx.t("close-note-withdrawn");
  if (req.referral !== undefined)
    return ctx.t("close-note-referral", {
      to: req.referral ? escapeHtml(req.referral) : ctx.t("close-referral-unnamed"),
    });
  return "";
};

const card = async (
  ctx: BotContext,
  s: { number: number; outcome: Outcome; date: IsoDate },
  note = "",
) => {
  await awaitAnswer(ctx, { kind: "closeDate", number: s.number, outcome: s.outcome });
  await show(
    ctx,
    `${readingNote(ctx)}${ctx.t("close-card", {
      agency: escapeHtml(me(ctx).agencyName),
      title: escapeHtml(titleOf(ctx, s.number)),
      outcome: escapeHtml(outcomeLabel(s.outcome, ctx.lang)),
      date: s.date,
    })}${note ? `\n${note}` : ""}`,
    closeCardKeyboard(ctx, s),
  );
};

/**
 * Without a number: the agency's open applications as buttons; with the outcome already read
 * ("信息不存在"), each goes straight to its card.
 */
const chooseApplication = async (ctx: BotContext, outcome?: Outcome) => {
  const open = await call(ctx, () =>
    ctx.services.api.applications(userId(ctx), me(ctx).agencyCode, { status: "open" }),
  );
  if (!open) return;
  if (open.length === 0) return say(ctx, ctx.t("close-none-open"));
  const shown = [...open].sort(byUrgency).slice(0, 30);
  await say(
    ctx,
    `${readingNote(ctx)}${ctx.t("close-ask-application", { count: open.length, shown: shown.length })}${
      outcome
        ? `\n${ctx.t("close-outcome-read", { outcome: escapeHtml(outcomeLabel(outcome, ctx.lang)) })}`
        : ""
    }`,
    applicationsKeyboard(
      ctx,
      shown,
      outcome ? (number) => closeFlow.outcome.data({ number, outcome }) : closeFlow.application,
    ),
  );
};

recordOutcome.use(
  onCommand("close", async (ctx, req) => {
    await clearAwaiting(ctx);
    if (req.errors.length > 0 && req.number === undefined)
      return say(ctx, `${errorsText(ctx, req.errors)}\n${ctx.t("close-usage")}`);
    if (req.number === undefined)
      return chooseApplication(ctx, req.outcome?.kind === "one" ? req.outcome.value : undefined);
    const app = await findOpenApplication(ctx, req.number);
    if (!app) return;
    const intro = req.errors.length > 0 ? errorsText(ctx, req.errors) : undefined;
    const outcome = req.outcome;
    if (outcome?.kind === "one")
      return card(
        ctx,
        { number: app.number, outcome: outcome.value, date: req.date ?? ctx.services.today() },
        closeNote(ctx, req),
      );
    if (outcome?.kind === "choices")
      return say(
        ctx,
        ctx.t("close-ambiguous", { number: app.number }),
        outcomeKeyboard(ctx, app.number, outcome.values),
      );
    if (outcome?.kind === "none") return groups(ctx, app.number, ctx.t("close-unknown-outcome"));
    return groups(ctx, app.number, intro);
  }),
);

recordOutcome.use(
  onPress(closeFlow.application, async (ctx, { number }) => {
    if (!(await findOpenApplication(ctx, number))) return;
    return groups(ctx, number);
  }),
);

recordOutcome.use(onPress(closeFlow.back, (ctx, { number }) => groups(ctx, number)));

recordOutcome.use(
  onPress(closeFlow.group, (ctx, s) => {
    const g = OUTCOME_GROUP_CATALOG.find((x) => x.key === s.group)!;
    return show(
      ctx,
      ctx.t("close-ask-outcome", { number: s.number, group: g.label[ctx.lang] }),
      outcomeKeyboard(ctx, s.number, outcomesInGroup(s.group), s.group),
    );
  }),
);

recordOutcome.use(
  onPress(closeFlow.outcome, (ctx, s) => card(ctx, { ...s, date: ctx.services.today() })),
);

recordOutcome.use(onPress(closeFlow.date, card));

// A typed conclusion date while the card is shown: a new card with that date.
recordOutcome.use(
  onAnswer("closeDate", async (ctx, a, text) => {
    const d = readDateAnswer(ctx, text);
    if (!d.ok) return say(ctx, `${errorsText(ctx, [d.error])}\n${ctx.t("awaiting-hint")}`);
    return card(ctx, { number: a.number, outcome: a.outcome, date: d.date });
  }),
);

recordOutcome.use(
  onPress(closeFlow.confirm, async (ctx, s) => {
    await clearAwaiting(ctx);
    // No look-up first: if it was concluded meanwhile, the API refuses (409) and says so. The
    // answer carries the year to date (one call, not two).
    const done = await recordOn(
      ctx,
      s.number,
      { type: "concluded", date: s.date, outcome: s.outcome },
      { yearToDate: true },
    );
    if (!done) return;
    await rememberLast(ctx, {
      applicationId: done.application.id,
      number: s.number,
      eventId: done.eventId,
      type: "concluded",
      label: {
        zh: `${titleOf(ctx, s.number, "zh")}办结（${outcomeLabel(s.outcome, "zh")}，${s.date}）`,
        en: `conclusion of ${titleOf(ctx, s.number, "en")} (${outcomeLabel(s.outcome, "en")}, ${s.date})`,
      },
    });
    const line = await ytdLine(ctx, ctx.services.today(), done.yearToDate);
    await show(
      ctx,
      `${ctx.t("close-done", {
        title: escapeHtml(titleOf(ctx, s.number)),
        outcome: escapeHtml(outcomeLabel(s.outcome, ctx.lang)),
        date: s.date,
      })}${line ? `\n${line}` : ""}\n${ctx.t("undo-hint")}`,
    );
  }),
);
