// The reply deadline of 第三十三条 for one application, computed from its standing events by
// walking the calendar day by day, with a trace of every step in Chinese and English.
//
// Conventions (docs/deadlines.md):
// - A period starting on day S counts from S+1 (民法典第二百零一条: the first day is not
//   counted); so the receipt day, a restart day and a pause's first day are days of the
//   period they end, and a pause from S to E keeps the working days S < d ≤ E out.
// - A pause or an extension dated on or before the due date moves it; one dated later does
//   not (the deadline had already passed).
// - When the count ends on a day that is not a working day (a pause ending on a weekend with
//   no day left), the due date is the next working day (民法典第二百零三条).
// - A stopped clock ends by itself at its statutory end (issue 19): a consultation after the
//   party's 15 working days (the count runs again), an unpaid fee notice after the 20 working
//   days to pay and a 补正 after the period the agency set (the application is then due for a
//   decision: 逾期未缴费 / 逾期不补正, on the first working day after the period).
import type { Bilingual } from "../../report/catalog.ts";
import { effectiveEvents } from "../effective-events.ts";
import type { Application, IsoDate, PlainEvent } from "../schema.ts";
import { addDays, withWeekday, yearOf } from "./iso-dates.ts";
import {
  CONSULTATION_WORKING_DAYS,
  consultationEndsOn,
  correctionPeriodEndsOn,
  FEE_PAYMENT_WORKING_DAYS,
  feePaymentDueOn,
  MAX_EXTENSION_WORKING_DAYS,
  REPLY_WORKING_DAYS,
} from "./statutory-periods.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/**
 * What `dueDate` computes: the due date, whether the clock runs, the days used and left, and the
 * trace that explains it in both languages.
 */
export interface DueDateResult {
  /** The last day to reply; null while the clock is stopped (open pause or 补正). */
  dueDate: IsoDate | null;
  /** Depends on a year whose holiday arrangement is not published (statutory fallback). */
  provisional: boolean;
  /** A consultation (第三十二条/第三十四条) or a fee notice is open: time is not counted. */
  paused: boolean;
  /** The applicant must act: a 补正 request without the corrected application, or an unpaid fee. */
  waitingForApplicant: boolean;
  /** The day the current count started from (receipt, corrected application, reopening). */
  countingFrom: IsoDate | null;
  /** 20, plus the extension. */
  limitWorkingDays: number;
  /** While stopped: working days already used and left on the current count; else null. */
  workingDaysUsed: number | null;
  workingDaysLeft: number | null;
  /** The conclusion this due date applied to, if concluded. */
  concludedOn: IsoDate | null;
  /** Whether it was concluded by the due date (true when concluded while the clock stood). */
  answeredOnTime: boolean | null;
  /**
   * A period the applicant was given lapsed without the corrected application or the payment:
   * the application is to be closed with `outcome` (（六）1 or 2), by the due date.
   */
  lapsed: LapsedPeriod | null;
  trace: Bilingual[];
}

/** A 补正 or fee period the applicant let lapse: the application is then due for a decision (逾期不补正 / 逾期未缴费). */
export interface LapsedPeriod {
  kind: "correctionPeriod" | "feePayment";
  /** The last day of the period. */
  on: IsoDate;
  outcome: "otherNoCorrection" | "otherFeeUnpaid";
}

/** What the due date is computed for besides the events: the day it is for (asOf). */
export interface DueDateOptions {
  /**
   * The day the result is for: a stopped clock ends by itself only when its statutory end is
   * before this day. Without it, every statutory end applies (the due date if nothing more is
   * recorded: what the register stores and the overdue lists compare).
   */
  asOf?: IsoDate;
}

const md = (date: IsoDate, from: IsoDate) => (yearOf(date) === yearOf(from) ? date.slice(5) : date);

const CONSULT: Record<"thirdParty" | "agency", Bilingual> = {
  thirdParty: { zh: "征求第三方意见（第三十二条）", en: "consulting a third party (Art. 32)" },
  agency: { zh: "征求其他机关意见（第三十四条）", en: "consulting another agency (Art. 34)" },
};

const byDate = (events: PlainEvent[]) =>
  events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map((x) => x.e);

/**
 * The reply deadline: 20 working days from receipt (day 1 is the next working day), restarted
 * by a corrected application, stopped by consultations and fee notices, plus one extension.
 */
export const dueDate = (
  app: Application,
  calendar: WorkingCalendar,
  options: DueDateOptions = {},
): DueDateResult => {
  const { asOf } = options;
  const takesEffect = (end: IsoDate) => asOf === undefined || end < asOf;
  const trace: Bilingual[] = [];
  const note = (zh: string, en: string) => trace.push({ zh, en });
  const events = byDate(effectiveEvents(app));
  const receipt = events.find((e) => e.type === "received");
  const result: DueDateResult = {
    dueDate: null,
    provisional: false,
    paused: false,
    waitingForApplicant: false,
    countingFrom: null,
    limitWorkingDays: REPLY_WORKING_DAYS,
    workingDaysUsed: null,
    workingDaysLeft: null,
    concludedOn: null,
    answeredOnTime: null,
    lapsed: null,
    trace,
  };
  if (!receipt) {
    note(
      "没有有效的收到申请记录，无法计算答复期限",
      "No standing receipt: no reply deadline can be computed",
    );
    return result;
  }

  let start = receipt.date;
  let limit = REPLY_WORKING_DAYS;
  let count = 0;
  let extended = false;
  let reasonable: { dueOn: IsoDate; set: IsoDate } | null = null; // 第三十五条
  let correctionRequests = 0;
  let waiting = false; // 补正 requested, corrected application not yet received
  let waitingEndsOn: IsoDate | null = null; // the last day of the 补正 period, if one was set
  const consultations: { date: IsoDate; party: "thirdParty" | "agency"; endsOn: IsoDate }[] = [];
  const fees: { date: IsoDate; dueOn: IsoDate }[] = [];
  // Consultations that ended by themselves: a reply recorded later no longer moves anything.
  let endedByThemselves = 0;
  type Lapse = LapsedPeriod & { decideBy: IsoDate };
  let lapsed: Lapse | null = null;
  // (set inside closures: read through this so that TypeScript does not narrow it to null)
  const lapse_ = (): Lapse | null => lapsed;
  let concludedOn: IsoDate | null = null;
  let stoppedSince: IsoDate | null = null;
  let holidayRun: { from: IsoDate; to: IsoDate; names: string[]; namesEn: string[] } | null = null;
  const provisionalYears = new Set<number>();

  const running = () =>
    !waiting && consultations.length === 0 && fees.length === 0 && lapsed === null;
  const lapse = (kind: LapsedPeriod["kind"], on: IsoDate) => {
    const outcome = kind === "feePayment" ? "otherFeeUnpaid" : "otherNoCorrection";
    const decideBy = calendar.addWorkingDays(on, 1);
    if (lapsed === null) lapsed = { kind, on, outcome, decideBy };
    note(
      kind === "feePayment"
        ? `缴费期限（收到收费通知次日起 ${FEE_PAYMENT_WORKING_DAYS} 个工作日）至 ${withWeekday(on).zh} 届满，未缴费：视为放弃申请，应于 ${withWeekday(decideBy).zh}前按“（六）2.逾期未缴费”办结（信息处理费管理办法）`
        : `补正期限至 ${withWeekday(on).zh} 届满，未收到补正：视为放弃申请，应于 ${withWeekday(decideBy).zh}前按“（六）1.逾期不补正”办结（第三十条）`,
      kind === "feePayment"
        ? `The ${FEE_PAYMENT_WORKING_DAYS} working days to pay (from the day after the notice was received) ended ${withWeekday(on).en} without payment: the application is deemed abandoned and is to be closed as (6)2 fee unpaid by ${withWeekday(decideBy).en} (fee measures)`
        : `The correction period ended ${withWeekday(on).en} without the corrected application: the application is deemed abandoned and is to be closed as (6)1 no correction by ${withWeekday(decideBy).en} (Art. 30)`,
    );
  };
  // Stopped clocks whose statutory end is day d or earlier end now (at the end of that day).
  const endByThemselves = (d: IsoDate) => {
    for (const c of [...consultations]) {
      if (c.endsOn > d || !takesEffect(c.endsOn)) continue;
      consultations.splice(consultations.indexOf(c), 1);
      endedByThemselves++;
      note(
        c.party === "thirdParty"
          ? `第三方答复期限（收到征求意见之日起 ${CONSULTATION_WORKING_DAYS} 个工作日）至 ${withWeekday(c.endsOn).zh} 届满，未记录答复：不再等待，恢复计算；第三方逾期未提出意见的，由行政机关依照条例决定是否公开（第三十二条）`
          : `被征求意见机关答复期限（收到征求意见之日起 ${CONSULTATION_WORKING_DAYS} 个工作日）至 ${withWeekday(c.endsOn).zh} 届满，未记录答复：视为同意公开，恢复计算（第三十四条）`,
        c.party === "thirdParty"
          ? `The third party's ${CONSULTATION_WORKING_DAYS} working days (from receiving the request) ended ${withWeekday(c.endsOn).en} with no answer recorded: the count runs again; without an answer the agency decides under the Regulations (Art. 32)`
          : `The consulted agency's ${CONSULTATION_WORKING_DAYS} working days (from receiving the request) ended ${withWeekday(c.endsOn).en} with no answer recorded: taken as consent, the count runs again (Art. 34)`,
      );
      resuming(c.endsOn);
    }
    for (const f of [...fees]) {
      if (f.dueOn > d || !takesEffect(f.dueOn)) continue;
      fees.splice(fees.indexOf(f), 1);
      lapse("feePayment", f.dueOn);
    }
    if (waiting && waitingEndsOn !== null && waitingEndsOn <= d && takesEffect(waitingEndsOn)) {
      waiting = false;
      lapse("correctionPeriod", waitingEndsOn);
    }
  };
  const endsPending = () =>
    lapsed !== null ||
    consultations.some((c) => takesEffect(c.endsOn)) ||
    fees.some((f) => takesEffect(f.dueOn)) ||
    (waiting && waitingEndsOn !== null && takesEffect(waitingEndsOn));
  const flushHolidays = () => {
    if (!holidayRun) return;
    const { from, to, names, namesEn } = holidayRun;
    const span = from === to ? from : `${from} 至 ${md(to, from)}`;
    const spanEn = from === to ? from : `${from} to ${md(to, from)}`;
    note(
      `${names.join("、")} ${span} 放假，不计`,
      `${namesEn.join(", ")} ${spanEn}: holiday, not counted`,
    );
    holidayRun = null;
  };
  const left = () => limit - count;
  const stopping = (date: IsoDate, wasRunning: boolean) => {
    if (wasRunning && !running()) {
      stoppedSince = date;
      if (waiting) return;
      note(
        `此前已用 ${count} 个工作日，尚余 ${left()} 个`,
        `${count} working days used so far, ${left()} left`,
      );
    }
  };
  const resuming = (date: IsoDate) => {
    if (running() && stoppedSince !== null) {
      const n = calendar.workingDaysBetween(stoppedSince, date);
      note(
        `恢复计算：${addDays(stoppedSince, 1)} 至 ${md(date, stoppedSince)} 共 ${n} 个工作日不计，尚余 ${left()} 个工作日`,
        `The count resumes: ${addDays(stoppedSince, 1)} to ${md(date, stoppedSince)}, ${n} working days not counted; ${left()} working days left`,
      );
      stoppedSince = null;
    }
  };
  const restart = (date: IsoDate, zh: string, en: string) => {
    flushHolidays();
    start = date;
    count = 0;
    limit = REPLY_WORKING_DAYS;
    extended = false;
    waiting = false;
    waitingEndsOn = null;
    lapsed = null;
    stoppedSince = null;
    result.countingFrom = date;
    note(
      `${zh} ${withWeekday(date).zh}：答复期限重新计算，当日不计，自次一工作日起 ${REPLY_WORKING_DAYS} 个工作日（第三十三条）`,
      `${en} ${withWeekday(date).en}: the reply deadline starts again; that day is not counted, ${REPLY_WORKING_DAYS} working days from the next working day (Art. 33)`,
    );
  };

  const apply = (e: PlainEvent) => {
    const wasRunning = running();
    switch (e.type) {
      case "received":
        if (e !== receipt)
          note(
            `${e.date} 另有一条收到记录，不计（以 ${receipt.date} 为准）`,
            `Another receipt on ${e.date} is ignored (${receipt.date} stands)`,
          );
        return;
      case "correctionRequested":
        flushHolidays();
        note(
          `${withWeekday(e.date).zh}要求补正（第三十条）${e.periodWorkingDays ? `，补正期限 ${e.periodWorkingDays} 个工作日` : ""}：等待申请人补正，收到补正后答复期限重新计算`,
          `${withWeekday(e.date).en} correction requested (Art. 30)${e.periodWorkingDays ? `, ${e.periodWorkingDays} working days to correct` : ""}: waiting for the applicant; the deadline starts again when the corrected application arrives`,
        );
        {
          const limit7 = calendar.addWorkingDays(receipt.date, 7);
          if (e.date > limit7)
            note(
              `注意：补正要求晚于收到申请后 7 个工作日（应不晚于 ${limit7}，第三十条）`,
              `Note: the correction was requested after the 7 working days from receipt (by ${limit7}, Art. 30)`,
            );
          if (correctionRequests++ > 0)
            note(
              "注意：第三十条要求一次性告知补正，此为再次要求",
              "Note: Art. 30 asks for all corrections at once; this is a second request",
            );
        }
        waiting = true;
        waitingEndsOn = correctionPeriodEndsOn(e, calendar);
        stopping(e.date, wasRunning);
        return;
      case "correctionReceived":
        if (!waiting)
          note(
            `${e.date} 收到补正，但此前没有补正要求记录`,
            `${e.date} correction received without a recorded request`,
          );
        restart(e.date, "收到补正后的申请", "Corrected application received");
        return;
      case "consultationStarted":
        flushHolidays();
        {
          const endsOn = consultationEndsOn(e, calendar);
          consultations.push({ date: e.date, party: e.party, endsOn });
          note(
            `${withWeekday(e.date).zh}起${CONSULT[e.party].zh}，所需时间不计入答复期限；被征求意见方应于 ${withWeekday(endsOn).zh}前答复`,
            `${withWeekday(e.date).en} ${CONSULT[e.party].en} begins: the time it takes is not counted; the consulted party answers by ${withWeekday(endsOn).en}`,
          );
        }
        stopping(e.date, wasRunning);
        return;
      case "consultationEnded":
        if (consultations.length === 0 && endedByThemselves > 0) {
          endedByThemselves--;
          note(
            `${e.date} 收到答复，晚于 ${CONSULTATION_WORKING_DAYS} 个工作日的答复期限，期限不再顺延`,
            `${e.date} answer received after the ${CONSULTATION_WORKING_DAYS} working days: it moves nothing`,
          );
          return;
        }
        if (consultations.length === 0) {
          note(
            `${e.date} 征求意见结束，但没有进行中的征求意见，不计`,
            `${e.date} consultation ended without one open: ignored`,
          );
          return;
        }
        consultations.shift();
        note(
          `${withWeekday(e.date).zh}征求意见结束`,
          `${withWeekday(e.date).en} consultation ends`,
        );
        resuming(e.date);
        return;
      case "feeNoticeIssued":
        flushHolidays();
        {
          const dueOn = feePaymentDueOn(e, calendar);
          fees.push({ date: e.date, dueOn });
          note(
            `${withWeekday(e.date).zh}发出收费通知（信息处理费），至缴费之日不计入答复期限；${e.deliveredOn ? `申请人 ${e.deliveredOn} 收到通知` : "未记录申请人收到通知的日期，按发出当日计"}，应于 ${withWeekday(dueOn).zh}前缴费`,
            `${withWeekday(e.date).en} fee notice issued: the time until payment is not counted; ${e.deliveredOn ? `the applicant received it ${e.deliveredOn}` : "the day the applicant received it is not recorded, the issue date is used"}, payment due by ${withWeekday(dueOn).en}`,
          );
        }
        stopping(e.date, wasRunning);
        return;
      case "feePaid":
        if (fees.length === 0 && lapsed?.kind === "feePayment") {
          // The agency accepted a late payment: the count runs again from the payment.
          lapsed = null;
          note(
            `${withWeekday(e.date).zh}申请人逾期缴费，行政机关继续办理`,
            `${withWeekday(e.date).en} fee paid late; the agency goes on handling the application`,
          );
          resuming(e.date);
          return;
        }
        if (fees.length === 0) {
          note(
            `${e.date} 缴费，但没有待缴的收费通知，不计`,
            `${e.date} fee paid without an open notice: ignored`,
          );
          return;
        }
        fees.shift();
        note(`${withWeekday(e.date).zh}申请人缴费`, `${withWeekday(e.date).en} fee paid`);
        resuming(e.date);
        return;
      case "extended":
        if (extended) {
          note(
            `${e.date} 再次延长，不计（第三十三条第二款只允许延长一次）`,
            `${e.date} second extension ignored (Art. 33(2) allows one)`,
          );
          return;
        }
        extended = true;
        limit += Math.min(e.workingDays, MAX_EXTENSION_WORKING_DAYS);
        note(
          `${withWeekday(e.date).zh}延长答复期限 ${Math.min(e.workingDays, MAX_EXTENSION_WORKING_DAYS)} 个工作日（第三十三条第二款），期限共 ${limit} 个工作日`,
          `${withWeekday(e.date).en} deadline extended by ${Math.min(e.workingDays, MAX_EXTENSION_WORKING_DAYS)} working days (Art. 33(2)): ${limit} working days in all`,
        );
        return;
      case "reasonableDateSet":
        reasonable = { dueOn: e.dueOn, set: e.date };
        note(
          `${withWeekday(e.date).zh}确定合理期限至 ${withWeekday(e.dueOn).zh}（第三十五条：申请数量、频次明显超过合理范围，理由合理但无法在期限内答复）`,
          `${withWeekday(e.date).en} a reasonable date is set: ${withWeekday(e.dueOn).en} (Art. 35: the applications clearly exceed a reasonable range; the reasons are reasonable but the deadline can't be met)`,
        );
        return;
      case "concluded":
        concludedOn = e.date;
        return;
      case "reopened":
        if (concludedOn === null) {
          note(
            `${e.date} 重新办理，但尚未办结，不计`,
            `${e.date} reopened while not concluded: ignored`,
          );
          return;
        }
        concludedOn = null;
        restart(e.date, "重新办理", "Reopened");
        return;
    }
  };

  result.countingFrom = start;
  note(
    `收到申请 ${withWeekday(start).zh}，当日不计，自次一工作日起 ${REPLY_WORKING_DAYS} 个工作日（第三十一条、第三十三条）`,
    `Application received ${withWeekday(start).en}; that day is not counted: ${REPLY_WORKING_DAYS} working days from the next working day (Arts. 31, 33)`,
  );
  const rest = events.filter((e) => e !== receipt);
  // As in fold.ts: a record dated before receipt counts as dated on the day of receipt.
  const pending = rest.map((e) => {
    if (e.date >= receipt.date) return e;
    note(
      `${e.type} 记录日期 ${e.date} 早于收到日期，按收到当日计`,
      `The ${e.type} record dated ${e.date} is before receipt: taken as on the day of receipt`,
    );
    return { ...e, date: receipt.date };
  });
  let next = 0;

  const concludedNote = (on: IsoDate, due: IsoDate) => {
    const late = Math.max(1, calendar.workingDaysBetween(due, on));
    note(
      on <= due
        ? `${withWeekday(on).zh}办结，在期限内`
        : `${withWeekday(on).zh}办结，逾期 ${late} 个工作日`,
      on <= due
        ? `Concluded ${withWeekday(on).en}: on time`
        : `Concluded ${withWeekday(on).en}: ${late} working day(s) late`,
    );
  };
  const afterDue = (e: PlainEvent) =>
    note(
      `${e.date} 的${e.type === "extended" ? "延长决定" : "记录"}晚于答复期限，不影响期限（${e.type}）`,
      `The ${e.type} of ${e.date} comes after the due date and does not move it`,
    );

  let d = start;
  let lastCounted: IsoDate | null = null;
  for (let guard = 0; guard < 40_000; guard++) {
    while (next < pending.length && pending[next]!.date <= d) apply(pending[next++]!);
    endByThemselves(d);
    const current = lapse_();
    const decisionDue = current !== null && d >= current.decideBy;
    if (decisionDue || (running() && count >= limit && calendar.isWorkingDay(d))) {
      flushHolidays();
      result.dueDate = d;
      // Handling reopened after this round (or a late correction or payment accepted): close
      // the round and count again from then.
      const resumes = (e: PlainEvent) =>
        e.type === "reopened" ||
        (current?.kind === "correctionPeriod" && e.type === "correctionReceived") ||
        (current?.kind === "feePayment" && e.type === "feePaid");
      const reopen = pending.findIndex((e, i) => i >= next && resumes(e));
      if (reopen < 0) break;
      note(
        `本轮答复期限为 ${withWeekday(d).zh}`,
        `This round's reply was due ${withWeekday(d).en}`,
      );
      if (concludedOn !== null) concludedNote(concludedOn, d);
      for (const e of pending.slice(next, reopen)) {
        if (e.type === "concluded") {
          concludedOn = e.date;
          concludedNote(e.date, d);
        } else afterDue(e);
      }
      next = reopen;
      d = pending[reopen]!.date;
      result.dueDate = null;
      continue;
    }
    if (!running() && next >= pending.length && !endsPending()) break;
    d = addDays(d, 1);
    if (!running() || count >= limit) continue;
    const day = calendar.describe(d);
    if (day.provisional) provisionalYears.add(yearOf(d));
    if (day.kind === "holiday") {
      const name = day.name ?? { zh: "", en: "" };
      if (holidayRun === null || addDays(holidayRun.to, 1) !== d) {
        flushHolidays();
        holidayRun = { from: d, to: d, names: [], namesEn: [] };
      } else holidayRun.to = d;
      if (!holidayRun.names.includes(name.zh)) {
        holidayRun.names.push(name.zh);
        holidayRun.namesEn.push(name.en);
      }
      continue;
    }
    if (day.kind === "weekend") continue;
    flushHolidays();
    count++;
    if (count === limit) lastCounted = d;
    if (count === 1 && day.kind !== "makeUpWorkday")
      note(`第 1 个工作日：${withWeekday(d).zh}`, `Working day 1: ${withWeekday(d).en}`);
    if (day.kind === "makeUpWorkday")
      note(
        `${withWeekday(d).zh}${day.festival?.zh ?? ""}调休上班，计入（第 ${count} 个工作日）`,
        `${withWeekday(d).en} is a make-up working day (${day.festival?.en ?? ""}): counted (working day ${count})`,
      );
  }
  flushHolidays();

  // 第三十五条: a reasonable later date set before the reply was due replaces it.
  let byReasonableDate = false;
  const later = reasonable as { dueOn: IsoDate; set: IsoDate } | null;
  if (result.dueDate !== null && later !== null && later.dueOn > result.dueDate) {
    let due = later.dueOn;
    while (!calendar.isWorkingDay(due)) due = addDays(due, 1);
    note(
      `按第三十五条确定的合理期限，答复期限为 ${withWeekday(due).zh}`,
      `Under the reasonable date of Art. 35, the reply is due ${withWeekday(due).en}`,
    );
    result.dueDate = due;
    byReasonableDate = true;
  }
  const stopped = result.dueDate === null;
  result.limitWorkingDays = limit;
  result.paused = stopped && (consultations.length > 0 || fees.length > 0);
  result.waitingForApplicant = stopped && (waiting || fees.length > 0);
  const lapsedNow = lapse_();
  if (!stopped && lapsedNow !== null)
    result.lapsed = { kind: lapsedNow.kind, on: lapsedNow.on, outcome: lapsedNow.outcome };
  if (stopped) {
    result.workingDaysUsed = count;
    result.workingDaysLeft = waiting ? REPLY_WORKING_DAYS : left();
    if (waiting)
      note(
        `等待申请人补正：收到补正后的申请之日起重新计算 ${REPLY_WORKING_DAYS} 个工作日`,
        `Waiting for the applicant's correction: ${REPLY_WORKING_DAYS} working days start again from the day it arrives`,
      );
    else
      note(
        `${fees.length > 0 ? "等待申请人缴费" : "征求意见尚未结束"}：已用 ${count} 个工作日，尚余 ${left()} 个，恢复后继续计算`,
        `${fees.length > 0 ? "Waiting for the fee to be paid" : "Consultation still open"}: ${count} working days used, ${left()} left; counting resumes when it ends`,
      );
  } else {
    const due = result.dueDate!;
    if (byReasonableDate) {
      // said above
    } else if (lapsedNow !== null)
      note(`应作出处理之日：${withWeekday(due).zh}`, `The decision is due ${withWeekday(due).en}`);
    else if (due === lastCounted)
      note(
        `第 ${limit} 个工作日为 ${withWeekday(due).zh}：答复期限`,
        `Working day ${limit} is ${withWeekday(due).en}: the reply is due`,
      );
    else
      note(
        `恢复计算时已无剩余工作日：答复期限为其后第一个工作日 ${withWeekday(due).zh}（民法典第二百零三条）`,
        `No working day was left when the count resumed: the reply is due on the first working day from then, ${withWeekday(due).en} (Civil Code Art. 203)`,
      );
  }
  for (const y of [...provisionalYears].sort())
    note(
      `${y} 年放假安排尚未公布：按《全国年节及纪念日放假办法》推算法定节假日（不含调休），期限为暂定`,
      `The ${y} holiday arrangement is not published yet: statutory holidays computed under the national holidays regulation (no make-up working days); the date is provisional`,
    );
  result.provisional = provisionalYears.size > 0;

  // Whatever is dated after the due date no longer moves it.
  for (const e of pending.slice(next)) {
    if (e.type === "concluded") {
      if (concludedOn === null) concludedOn = e.date;
    } else if (e.type !== "reopened") afterDue(e);
  }
  if (concludedOn !== null) {
    const on: IsoDate = concludedOn;
    result.concludedOn = on;
    if (result.dueDate === null) {
      result.answeredOnTime = true;
      note(
        `${withWeekday(on).zh}办结（计时停止期间，未逾期）`,
        `Concluded ${withWeekday(on).en} while the clock stood: on time`,
      );
    } else {
      result.answeredOnTime = on <= result.dueDate;
      concludedNote(on, result.dueDate);
    }
  }
  return result;
};
