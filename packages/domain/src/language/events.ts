// A conclusion (办结) and the other events (其他事项): the outcome read from clerks' words (a
// referral for 非本机关, a withdrawal for 撤回), the event, its amount or working days.
import { MAX_EXTENSION_WORKING_DAYS } from "../register/deadlines/statutory-periods.ts";
import type { Outcome } from "../report/catalog.ts";
import { describeIntent } from "./describe.ts";
import { takeWorkingDays } from "./numbers.ts";
import {
  dateFork,
  datesOf,
  distinct,
  type Fork,
  numberFork,
  QUESTIONS,
  type Read,
  sensesOf,
  settle,
  understood,
} from "./reading.ts";
import {
  type CloseIntent,
  type Intent,
  MORE_EVENT_KEYS,
  type MoreEventKey,
  type Reading,
} from "./types.ts";

// ── The outcome of a conclusion ───────────────────────────────────────────────────────────

const REFERRAL_TO =
  /(?:向|到|找|转)([\u4e00-\u9fffA-Za-z0-9()]{2,30}?)(?:申请|咨询|查询|办理|反映|索取|获取)/;

export const outcomeFork = (r: Read): Fork => {
  const exact = sensesOf(r, "outcome");
  const spans = sensesOf(r, "outcomes");
  let values: Outcome[] = distinct(exact.map((w) => w.sense.value));
  // 不予公开，涉及商业秘密: the row named inside its group is the one meant.
  if (values.length === 0) {
    const sets = spans.map((w) => w.sense.values);
    values = distinct(sets.flat()).filter((o) => sets.every((set) => set.includes(o)));
  }
  const variants = values.map((outcome): Partial<CloseIntent> => {
    const flags = exact.filter((w) => w.sense.value === outcome);
    const v: Partial<CloseIntent> = { outcome };
    if (flags.some((w) => w.sense.referral)) v.referral = REFERRAL_TO.exec(r.original)?.[1] ?? "";
    if (flags.some((w) => w.sense.withdrawn)) v.withdrawn = true;
    return v;
  });
  return { question: QUESTIONS.outcome, variants };
};

export const hasOutcome = (r: Read) =>
  sensesOf(r, "outcome").length + sensesOf(r, "outcomes").length > 0;

// ── Other events ──────────────────────────────────────────────────────────────────────────

export const eventsOf = (r: Read): MoreEventKey[][] => {
  const exact = distinct(sensesOf(r, "event").map((w) => w.sense.value));
  if (exact.length > 0) return exact.map((e) => [e]);
  // 收到…补正材料: the correction received.
  const received = sensesOf(r, "cue").some((w) => w.sense.value === "new");
  const spans = sensesOf(r, "events").map((w) =>
    received && w.sense.values.includes("correctionReceived")
      ? (["correctionReceived"] as MoreEventKey[])
      : [...w.sense.values],
  );
  if (spans.length > 0) return spans;
  return sensesOf(r, "feeName").length > 0 ? [["feeNoticeIssued"]] : [];
};

export const moreIntent = (r: Read, number?: number): Reading => {
  const { valid, errors } = datesOf(r);
  const events = eventsOf(r);
  const chosen = events.length === 1 ? events[0]! : distinct(events.flat());
  const base = { intent: "more", event: chosen[0]! } as Extract<Intent, { intent: "more" }>;
  if (number !== undefined) base.number = number;
  if (valid.length === 1) base.date = valid[0]!;
  if (chosen.includes("feeNoticeIssued") || chosen.includes("feePaid")) {
    if (r.amount !== undefined) base.amountYuan = r.amount;
  }
  if (chosen.includes("extended")) {
    const days = takeWorkingDays(r.rest);
    if (days !== undefined) {
      // 第三十三条第二款: at most 20 working days; more is refused, never cut down.
      if (days >= 1 && days <= MAX_EXTENSION_WORKING_DAYS) base.workingDays = days;
      else
        errors.push({
          zh: `延长答复期限最多 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（第三十三条第二款），不能延长 ${days} 天`,
          en: `An extension is at most ${MAX_EXTENSION_WORKING_DAYS} working days (Art. 33(2)), not ${days}`,
        });
    }
  } else if (chosen.includes("correctionRequested")) {
    // 要求10个工作日内补正: the period the notice gives (the register keeps 1 to 60).
    const days = takeWorkingDays(r.rest);
    if (days !== undefined) {
      if (days >= 1 && days <= 60) base.workingDays = days;
      else
        errors.push({
          zh: `补正期限应为 1 至 60 个工作日，不是 ${days} 天`,
          en: `A correction period is 1 to 60 working days, not ${days}`,
        });
    }
  }

  return settle(
    base,
    [
      number === undefined ? numberFork(r) : { question: QUESTIONS.number, variants: [] },
      { question: QUESTIONS.event, variants: chosen.map((event) => ({ event })) },
      dateFork(valid),
    ],
    errors,
  );
};

export const closeIntent = (r: Read, number?: number): Reading => {
  const { valid, errors } = datesOf(r);
  const base: CloseIntent = { intent: "close" };
  if (number !== undefined) base.number = number;
  if (valid.length === 1) base.date = valid[0]!;
  const outcomes = outcomeFork(r);
  if (outcomes.variants.length === 1) Object.assign(base, outcomes.variants[0]);
  return settle(base, [numberFork(r), outcomes, dateFork(valid)], errors);
};

/** 其他事项 3 with no event named: every event to choose from. */
export const moreChoices = (number: number | undefined): Reading => ({
  kind: "ask",
  question: QUESTIONS.event,
  choices: MORE_EVENT_KEYS.map((event) => {
    const reading = understood(
      number === undefined ? { intent: "more", event } : { intent: "more", event, number },
      [],
    );
    return { label: describeIntent(reading), reading };
  }),
});
