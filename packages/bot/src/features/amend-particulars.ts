// /edit, 更正, 补充: the subject (申请内容) or the applicant of an application added or corrected
// after registration, as an amendment through the API (it keeps the values before and after;
// nothing is deleted). The card shows what is recorded and what it becomes before anything is
// written. The applicant's personal data: the API lets only the agency's own staff change it.
import { escapeHtml } from "@ogi/domain";
import { Composer } from "grammy";
import type { ApplicationInfo } from "../api.ts";
import type { BotContext, ParticularField } from "../context.ts";
import { editFlow } from "../flows/index.ts";
import { type Particulars, readApplicant, readSubject } from "../text/particulars.ts";
import { editCardKeyboard, editFieldKeyboard } from "../ui.ts";
import {
  awaitAnswer,
  call,
  clearAwaiting,
  errorsText,
  findApplication,
  readingNote,
  rememberIds,
  say,
  show,
  titleOf,
  userId,
  writeKey,
} from "./common.ts";
import { isEmpty, readDraft, saveDraft } from "./drafts.ts";
import { onAnswer, onCommand, onPress } from "./routing.ts";

export const amendParticulars = new Composer<BotContext>();

const recorded = (a: ApplicationInfo): Particulars => ({
  ...(a.subject ? { subject: a.subject } : {}),
  ...(a.applicant?.name ? { applicantName: a.applicant.name } : {}),
  ...(a.applicant?.contact ? { contact: a.applicant.contact } : {}),
});

const applicantText = (ctx: BotContext, p: Particulars) =>
  p.applicantName || p.contact
    ? escapeHtml([p.applicantName, p.contact].filter(Boolean).join(" "))
    : ctx.t("channel-none");

/** The card: each particular as recorded → as it will be; confirm writes the change. */
const card = async (ctx: BotContext, app: ApplicationInfo, change: Particulars) => {
  await clearAwaiting(ctx);
  const was = recorded(app);
  const next = { ...was, ...change };
  const p = await saveDraft(ctx, change);
  if (!p) return;
  await show(
    ctx,
    `${readingNote(ctx)}${ctx.t("edit-card", {
      title: escapeHtml(titleOf(ctx, app.number)),
      subjectWas: was.subject ? escapeHtml(was.subject) : ctx.t("channel-none"),
      subject: next.subject ? escapeHtml(next.subject) : ctx.t("channel-none"),
      applicantWas: applicantText(ctx, was),
      applicant: applicantText(ctx, next),
    })}`,
    editCardKeyboard(ctx, app.number, p),
  );
};

const askField = async (ctx: BotContext, number: number, field: ParticularField) => {
  await awaitAnswer(ctx, { kind: "editParticular", number, field });
  await show(
    ctx,
    `${ctx.t("edit-ask", { title: escapeHtml(titleOf(ctx, number)) })}\n${ctx.t(
      field === "subject" ? "ask-subject" : "ask-applicant",
    )}`,
  );
};

amendParticulars.use(
  onCommand("edit", async (ctx, req) => {
    await clearAwaiting(ctx);
    if (req.number === undefined)
      return say(
        ctx,
        `${req.errors.length > 0 ? `${errorsText(ctx, req.errors)}\n` : ""}${ctx.t("edit-usage")}`,
      );
    const app = await findApplication(ctx, req.number);
    if (!app) return;
    const change: Particulars = {
      ...(req.subject ? { subject: req.subject } : {}),
      ...(req.applicantName ? { applicantName: req.applicantName } : {}),
      ...(req.contact ? { contact: req.contact } : {}),
    };
    if (!isEmpty(change)) return card(ctx, app, change);
    await say(
      ctx,
      ctx.t("edit-choose", { title: escapeHtml(titleOf(ctx, app.number)) }),
      editFieldKeyboard(ctx, app.number),
    );
  }),
);

amendParticulars.use(onPress(editFlow.field, (ctx, s) => askField(ctx, s.number, s.field)));

amendParticulars.use(
  onAnswer("editParticular", async (ctx, a, text) => {
    const typed: Particulars =
      a.field === "subject"
        ? (() => {
            const subject = readSubject(text);
            return subject ? { subject } : {};
          })()
        : readApplicant(text);
    if (isEmpty(typed)) return say(ctx, ctx.t("edit-empty"));
    const app = await findApplication(ctx, a.number);
    if (!app) return;
    await card(ctx, app, typed);
  }),
);

amendParticulars.use(
  onPress(editFlow.confirm, async (ctx, s) => {
    const change = await readDraft(ctx, s.p);
    if (!change) return show(ctx, ctx.t("new-draft-gone"));
    const app = await findApplication(ctx, s.number);
    if (!app) return;
    const applicant = {
      ...(change.applicantName ? { name: change.applicantName } : {}),
      ...(change.contact ? { contact: change.contact } : {}),
    };
    const done = await call(ctx, () =>
      ctx.services.api.amendParticulars(
        userId(ctx),
        app.id,
        {
          ...(change.subject ? { subject: change.subject } : {}),
          ...(Object.keys(applicant).length > 0 ? { applicant } : {}),
          reason: "机器人更正 / corrected in the bot",
        },
        writeKey(ctx),
      ),
    );
    if (!done) return;
    rememberIds(ctx, [done]);
    await show(ctx, ctx.t("edit-done", { title: escapeHtml(titleOf(ctx, s.number)) }));
  }),
);
