// The register's rules: which event may be recorded next on an application. The API answers
// 409 with the refusal's message; the fold never relies on them (it stays balanced on any
// history), they keep the register truthful.
import type { Bilingual } from "../report/catalog.ts";
import { amendableIds, effectiveEvents } from "./effective-events.ts";
import type { AmendedEvent, Application, ApplicationEvent, PlainEvent } from "./schema.ts";
import { applicationState } from "./state.ts";

/** Why the register refuses an event. */
export type TransitionCode =
  | "duplicateId"
  | "notReceived"
  | "alreadyReceived"
  | "beforeReceipt"
  | "beforeLastStatusChange"
  | "alreadyConcluded"
  | "notConcluded"
  | "concluded"
  | "alreadyExtended"
  | "reasonableDateNotLater"
  | "noCorrectionRequested"
  | "noConsultation"
  | "noFeeNotice"
  | "unknownEvent"
  | "alreadySuperseded"
  | "replacementTypeMismatch"
  | "replacementOfAmendment"
  | "amendmentBreaksHistory"
  | "receiptWithdrawn";

/** Whether an event may be recorded next, and if not, why (in both languages). */
export type TransitionResult =
  | { ok: true }
  | { ok: false; code: TransitionCode; message: Bilingual };

const refuse = (code: TransitionCode, zh: string, en: string): TransitionResult => ({
  ok: false,
  code,
  message: { zh, en },
});

const EVENT_NAMES: Record<PlainEvent["type"] | "amended", Bilingual> = {
  received: { zh: "收到申请", en: "received" },
  correctionRequested: { zh: "要求补正", en: "correction requested" },
  correctionReceived: { zh: "收到补正", en: "correction received" },
  consultationStarted: { zh: "开始征求意见", en: "consultation started" },
  consultationEnded: { zh: "征求意见结束", en: "consultation ended" },
  extended: { zh: "延长答复期限", en: "extended" },
  reasonableDateSet: { zh: "确定合理期限（第三十五条）", en: "reasonable date set (Art. 35)" },
  feeNoticeIssued: { zh: "发出收费通知", en: "fee notice issued" },
  feePaid: { zh: "缴纳费用", en: "fee paid" },
  concluded: { zh: "办结", en: "concluded" },
  reopened: { zh: "重新办理", en: "reopened" },
  amended: { zh: "更正", en: "amendment" },
};

/** Whether `next` may follow the plain events `before` (already effective, recorded order). */
const checkNext = (before: readonly PlainEvent[], next: PlainEvent): TransitionResult => {
  const app: Application = { id: "_", events: before as PlainEvent[] };
  const s = applicationState(app);
  const name = EVENT_NAMES[next.type];
  if (next.type === "received")
    return s.received
      ? refuse(
          "alreadyReceived",
          "该申请已登记收到，不能再次登记。",
          "The application is already received.",
        )
      : { ok: true };
  if (!s.received || s.receivedOn === null)
    return refuse(
      "notReceived",
      `申请尚未登记收到，不能登记“${name.zh}”。`,
      `The application has no receipt; "${name.en}" cannot be recorded.`,
    );
  if (next.date < s.receivedOn)
    return refuse(
      "beforeReceipt",
      `“${name.zh}”的日期（${next.date}）早于收到申请之日（${s.receivedOn}）。`,
      `The date of "${name.en}" (${next.date}) is before the application was received (${s.receivedOn}).`,
    );
  if (
    (next.type === "concluded" || next.type === "reopened") &&
    s.lastStatusChangeOn !== null &&
    next.date < s.lastStatusChangeOn
  )
    return refuse(
      "beforeLastStatusChange",
      `“${name.zh}”的日期（${next.date}）早于上一次办结或重新办理（${s.lastStatusChangeOn}）。`,
      `The date of "${name.en}" (${next.date}) is before the last conclusion or reopening (${s.lastStatusChangeOn}).`,
    );
  switch (next.type) {
    case "concluded":
      return s.open
        ? { ok: true }
        : refuse(
            "alreadyConcluded",
            `该申请已于 ${s.concludedOn} 办结，不能再次办结（需要时先登记重新办理）。`,
            `The application was concluded on ${s.concludedOn}; it cannot be concluded again (reopen it first).`,
          );
    case "reopened":
      return s.open
        ? refuse(
            "notConcluded",
            "该申请仍在办理中，不能重新办理。",
            "The application is still open; it cannot be reopened.",
          )
        : { ok: true };
    default:
      break;
  }
  if (!s.open)
    return refuse(
      "concluded",
      `该申请已于 ${s.concludedOn} 办结，不能再登记“${name.zh}”。`,
      `The application was concluded on ${s.concludedOn}; "${name.en}" cannot be recorded.`,
    );
  switch (next.type) {
    case "extended":
      return s.extended
        ? refuse(
            "alreadyExtended",
            "答复期限只能延长一次（条例第三十三条）。",
            "The reply period can be extended only once (Art. 33).",
          )
        : { ok: true };
    case "correctionReceived":
      return s.awaitingCorrection
        ? { ok: true }
        : refuse(
            "noCorrectionRequested",
            "没有待补正的要求，不能登记收到补正。",
            "No correction was requested; a correction cannot be received.",
          );
    case "reasonableDateSet":
      return next.dueOn > next.date
        ? { ok: true }
        : refuse(
            "reasonableDateNotLater",
            `第三十五条的合理期限（${next.dueOn}）应晚于确定之日（${next.date}）。`,
            `The reasonable date under Art. 35 (${next.dueOn}) must be after the day it is set (${next.date}).`,
          );
    case "consultationEnded":
      return s.inConsultation
        ? { ok: true }
        : refuse(
            "noConsultation",
            "没有正在进行的征求意见，不能登记征求意见结束。",
            "No consultation is in progress; it cannot end.",
          );
    case "feePaid":
      return s.awaitingFee
        ? { ok: true }
        : refuse(
            "noFeeNotice",
            "没有未缴的收费通知，不能登记缴费。",
            "No fee notice is outstanding; a payment cannot be recorded.",
          );
    default:
      return { ok: true };
  }
};

/** The first event of an effective history that could not have been recorded after the others. */
const historyProblem = (events: readonly PlainEvent[]): TransitionResult => {
  for (let i = 0; i < events.length; i++) {
    const r = checkNext(events.slice(0, i), events[i]!);
    if (!r.ok) return r;
  }
  return { ok: true };
};

/**
 * Whether `next` may be recorded on `app` now. The API answers 409 with `message` when not.
 * Refused: a duplicate id; a second receipt; any event before receipt or on an application
 * without one; a conclusion on a concluded application, a reopening on an open one, either
 * dated before the last conclusion/reopening; other events on a concluded application; a
 * second extension; correctionReceived without a pending correction request; consultationEnded
 * without one started; feePaid without an outstanding notice. An amendment is refused when it
 * names an unknown or already superseded event, when its replacement is of another type (or it
 * replaces an amendment, which can only be withdrawn), when it leaves no receipt, or when the
 * history it leaves would break one of the rules above.
 */
export const validateTransition = (app: Application, next: ApplicationEvent): TransitionResult => {
  const used = new Set<string>();
  for (const e of app.events) {
    used.add(e.id);
    if (e.type === "amended" && e.replacement) used.add(e.replacement.id);
  }
  if (used.has(next.id))
    return refuse(
      "duplicateId",
      `事件编号 ${next.id} 已被使用。`,
      `The event id ${next.id} is already used.`,
    );
  if (next.type !== "amended") return checkNext(effectiveEvents(app), next);
  return validateAmendment(app, next, used);
};

const validateAmendment = (
  app: Application,
  next: AmendedEvent,
  used: Set<string>,
): TransitionResult => {
  if (next.replacement && used.has(next.replacement.id))
    return refuse(
      "duplicateId",
      `更正后事件的编号 ${next.replacement.id} 已被使用。`,
      `The replacement's id ${next.replacement.id} is already used.`,
    );
  const exists = used.has(next.supersedes);
  const target = amendableIds(app).get(next.supersedes);
  if (!target)
    return exists
      ? refuse(
          "alreadySuperseded",
          `事件 ${next.supersedes} 已被更正或撤销，只能更正其现行版本。`,
          `The event ${next.supersedes} is already superseded; amend its current version.`,
        )
      : refuse(
          "unknownEvent",
          `该申请没有编号为 ${next.supersedes} 的事件。`,
          `The application has no event ${next.supersedes}.`,
        );
  if (next.replacement && target.type === "amended")
    return refuse(
      "replacementOfAmendment",
      "更正记录只能撤销，不能替换。",
      "An amendment can only be withdrawn, not replaced.",
    );
  if (next.replacement && next.replacement.type !== target.type)
    return refuse(
      "replacementTypeMismatch",
      `更正后的事件类型（${EVENT_NAMES[next.replacement.type].zh}）与原事件（${EVENT_NAMES[target.type].zh}）不同。`,
      `The replacement (${EVENT_NAMES[next.replacement.type].en}) is not of the type of the event it replaces (${EVENT_NAMES[target.type].en}).`,
    );
  const after = effectiveEvents({ ...app, events: [...app.events, next] });
  // An application is its receipt: withdrawing it (or the amendment that put it in place)
  // would leave a row with nothing to count.
  if (!after.some((e) => e.type === "received"))
    return refuse(
      "receiptWithdrawn",
      "不能撤销申请的收到登记：申请必须有收到记录。如登记有误，请更正收到日期等内容。",
      "The receipt of an application can't be withdrawn: an application must have one. If it was recorded wrongly, amend it instead.",
    );
  const problem = historyProblem(after);
  if (!problem.ok)
    return {
      ok: false,
      code: "amendmentBreaksHistory",
      message: {
        zh: `更正后记录前后矛盾：${problem.message.zh}`,
        en: `After this amendment the history is inconsistent: ${problem.message.en}`,
      },
    };
  return { ok: true };
};
