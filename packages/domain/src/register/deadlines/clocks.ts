// The other clocks of an application (the 7 working days to ask for a 补正, the applicant's
// 补正 period, 15 working days for a consulted party, 20 for paying a fee) and its status on
// a given day. Every period counts from the day after its starting day, like the reply.
import type { Bilingual } from "../../report/catalog.ts";
import { effectiveEvents } from "../effective-events.ts";
import type { Application, IsoDate } from "../schema.ts";
import { type DueDateResult, dueDate } from "./due-date.ts";
import { assertIsoDate, yearOf } from "./iso-dates.ts";
import {
  CONSULTATION_WORKING_DAYS,
  CORRECTION_REQUEST_WORKING_DAYS,
  consultationFrom,
  correctionPeriodEndsOn,
  FEE_PAYMENT_WORKING_DAYS,
  feeNoticeFrom,
} from "./statutory-periods.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/** The clocks other than the reply's: asking for a 补正, the applicant's 补正 period, a consultation, paying a fee. */
export type ClockKind = "correctionRequest" | "correctionPeriod" | "consultation" | "feePayment";

/** One running or finished clock of an application: its kind, start, due date and state. */
export interface Clock {
  kind: ClockKind;
  /** For a consultation: who was consulted. */
  party?: "thirdParty" | "agency";
  /** The day the period starts from (not counted itself). */
  from: IsoDate;
  workingDays: number;
  dueDate: IsoDate;
  provisional: boolean;
  /** What the period is and the article behind it. */
  basis: Bilingual;
  /** The day it was met (request sent, correction received, reply received, fee paid). */
  metOn: IsoDate | null;
  /** Whether it was met by the due date; null while open. */
  onTime: boolean | null;
}

const clock = (
  calendar: WorkingCalendar,
  kind: ClockKind,
  from: IsoDate,
  workingDays: number,
  basis: Bilingual,
  metOn: IsoDate | null,
  party?: "thirdParty" | "agency",
): Clock => {
  const due = calendar.addWorkingDays(from, workingDays);
  const provisional = calendar.isProvisional(yearOf(from)) || calendar.isProvisional(yearOf(due));
  return {
    kind,
    ...(party ? { party } : {}),
    from,
    workingDays,
    dueDate: due,
    provisional,
    basis,
    metOn,
    onTime: metOn === null ? null : metOn <= due,
  };
};

const sorted = (app: Application) =>
  effectiveEvents(app)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map((x) => x.e);

/** 第三十条: a 补正 must be asked for within 7 working days of receipt. Null without receipt. */
export const correctionRequestDeadline = (
  app: Application,
  calendar: WorkingCalendar,
): Clock | null => {
  const events = sorted(app);
  const receipt = events.find((e) => e.type === "received");
  if (!receipt) return null;
  const request = events.find((e) => e.type === "correctionRequested" && e.date >= receipt.date);
  return clock(
    calendar,
    "correctionRequest",
    receipt.date,
    CORRECTION_REQUEST_WORKING_DAYS,
    { zh: "要求补正的期限（第三十条）", en: "time to ask for a correction (Art. 30)" },
    request?.date ?? null,
  );
};

/** The period the 补正 notice gave the applicant, when it states one in working days. */
export const correctionPeriodDeadline = (
  app: Application,
  calendar: WorkingCalendar,
): Clock | null => {
  const events = sorted(app);
  let last: Clock | null = null;
  events.forEach((e, i) => {
    if (e.type !== "correctionRequested") return;
    const ends = correctionPeriodEndsOn(e, calendar);
    if (ends === null) return;
    const answer = events.slice(i + 1).find((x) => x.type === "correctionReceived");
    last = clock(
      calendar,
      "correctionPeriod",
      e.date,
      e.periodWorkingDays ?? calendar.workingDaysBetween(e.date, ends),
      { zh: "申请人补正期限（第三十条）", en: "the applicant's time to correct (Art. 30)" },
      answer?.date ?? null,
    );
  });
  return last;
};

/** 第三十二条 / 第三十四条: a consulted third party or agency has 15 working days. */
export const consultationDeadlines = (app: Application, calendar: WorkingCalendar): Clock[] => {
  const open: Clock[] = [];
  const all: Clock[] = [];
  for (const e of sorted(app)) {
    if (e.type === "consultationStarted") {
      const c = clock(
        calendar,
        "consultation",
        consultationFrom(e),
        CONSULTATION_WORKING_DAYS,
        e.party === "thirdParty"
          ? { zh: "第三方答复期限（第三十二条）", en: "the third party's time to answer (Art. 32)" }
          : {
              zh: "被征求意见机关答复期限（第三十四条）",
              en: "the consulted agency's time to answer (Art. 34)",
            },
        null,
        e.party,
      );
      open.push(c);
      all.push(c);
    } else if (e.type === "consultationEnded") {
      const c = open.shift();
      if (c) {
        c.metOn = e.date;
        c.onTime = e.date <= c.dueDate;
      }
    }
  }
  return all;
};

/**
 * 信息处理费管理办法: the fee is paid within 20 working days counted from the day after the
 * applicant received the notice (`deliveredOn`; the issue date when it is not recorded).
 */
export const feePaymentDeadlines = (app: Application, calendar: WorkingCalendar): Clock[] => {
  const open: Clock[] = [];
  const all: Clock[] = [];
  for (const e of sorted(app)) {
    if (e.type === "feeNoticeIssued") {
      const c = clock(
        calendar,
        "feePayment",
        feeNoticeFrom(e),
        FEE_PAYMENT_WORKING_DAYS,
        { zh: "缴费期限（信息处理费管理办法）", en: "time to pay the fee (fee measures)" },
        null,
      );
      open.push(c);
      all.push(c);
    } else if (e.type === "feePaid") {
      const c = open.shift();
      if (c) {
        c.metOn = e.date;
        c.onTime = e.date <= c.dueDate;
      }
    }
  }
  return all;
};

/** All the clocks other than the reply deadline, in date order of their start. */
export const otherClocks = (app: Application, calendar: WorkingCalendar): Clock[] =>
  [
    correctionRequestDeadline(app, calendar),
    correctionPeriodDeadline(app, calendar),
    ...consultationDeadlines(app, calendar),
    ...feePaymentDeadlines(app, calendar),
  ]
    .filter((c): c is Clock => c !== null)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

/**
 * Where an application stands on a day: on time, due soon, overdue, waiting for the applicant,
 * paused or concluded.
 */
export type StatusKind =
  | "onTime"
  | "dueSoon"
  | "overdue"
  | "waitingForApplicant"
  | "paused"
  | "concluded";

/**
 * An application's status on a day (`applicationStatus`), with the due date and its full
 * computation.
 */
export interface ApplicationStatus {
  status: StatusKind;
  dueDate: IsoDate | null;
  provisional: boolean;
  /**
   * Working days after today up to the due date (0 = due today); while stopped, the days left
   * on the count; negative when overdue (at least −1 once the due date has passed); null when
   * concluded or without a receipt.
   */
  workingDaysLeft: number | null;
  /**
   * While the clock stands: the due date if the pause ends at its statutory end with nothing
   * more recorded (a consultation's 15 working days, a fee's or a 补正's period); else null.
   * Otherwise equal to `dueDate`.
   */
  projectedDueDate: IsoDate | null;
  /** A period given to the applicant lapsed: the outcome the application is to be closed with. */
  decisionDue: DueDateResult["lapsed"];
  /** The full computation, with its trace, as of `today`. */
  due: DueDateResult;
}

/**
 * Where an application stands on `today`, from the events dated on or before it:
 * dueSoon when at most `soonWorkingDays` working days are left.
 */
export const applicationStatus = (
  app: Application,
  today: IsoDate,
  calendar: WorkingCalendar,
  options: { soonWorkingDays?: number } = {},
): ApplicationStatus => {
  assertIsoDate(today, "today");
  const soon = options.soonWorkingDays ?? 5;
  const asOf: Application = { ...app, events: app.events.filter((e) => e.date <= today) };
  // Stopped clocks end by themselves only when their statutory end is before today.
  const due = dueDate(asOf, calendar, { asOf: today });
  const projectedDueDate =
    due.dueDate === null && due.concludedOn === null
      ? dueDate(asOf, calendar).dueDate
      : due.dueDate;
  const base = {
    dueDate: due.dueDate,
    provisional: due.provisional,
    projectedDueDate,
    decisionDue: due.lapsed,
    due,
  };
  if (due.concludedOn !== null) return { ...base, status: "concluded", workingDaysLeft: null };
  if (due.waitingForApplicant)
    return { ...base, status: "waitingForApplicant", workingDaysLeft: due.workingDaysLeft };
  if (due.paused) return { ...base, status: "paused", workingDaysLeft: due.workingDaysLeft };
  if (due.dueDate === null) return { ...base, status: "onTime", workingDaysLeft: null };
  if (today > due.dueDate)
    return {
      ...base,
      status: "overdue",
      workingDaysLeft: -Math.max(1, calendar.workingDaysBetween(due.dueDate, today)),
    };
  const left = calendar.workingDaysBetween(today, due.dueDate);
  return { ...base, status: left <= soon ? "dueSoon" : "onTime", workingDaysLeft: left };
};
