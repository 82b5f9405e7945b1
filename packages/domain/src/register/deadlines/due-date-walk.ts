// The state of the walk that computes a reply deadline (due-date.ts), with the steps the events
// and the days share: the count stopping and resuming, a restart, the stopped clocks that end by
// themselves at their statutory end, and the holidays gathered into one line of the trace.
import type { Bilingual } from "../../report/catalog.ts";
import type { IsoDate, PlainEvent } from "../schema.ts";
import type { DueDateResult, LapsedPeriod } from "./due-date-types.ts";
import { addDays, withWeekday, yearOf } from "./iso-dates.ts";
import {
  CONSULTATION_WORKING_DAYS,
  FEE_PAYMENT_WORKING_DAYS,
  REPLY_WORKING_DAYS,
} from "./statutory-periods.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/** "12-01" within the year of `from`, else the whole date. */
export const md = (date: IsoDate, from: IsoDate) =>
  yearOf(date) === yearOf(from) ? date.slice(5) : date;

/** A 补正 or fee period that lapsed, and the day the decision is due. */
export type Lapse = LapsedPeriod & { decideBy: IsoDate };

/** The walk over the calendar for one application: what is counted, stopped and pending. */
export class DeadlineWalk {
  readonly trace: Bilingual[];
  start: IsoDate;
  limit = REPLY_WORKING_DAYS;
  count = 0;
  extended = false;
  /** 第三十五条: a reasonable later date, and the day it was set. */
  reasonable: { dueOn: IsoDate; set: IsoDate } | null = null;
  correctionRequests = 0;
  /** 补正 requested, corrected application not yet received. */
  waiting = false;
  /** The last day of the 补正 period, if one was set. */
  waitingEndsOn: IsoDate | null = null;
  readonly consultations: { date: IsoDate; party: "thirdParty" | "agency"; endsOn: IsoDate }[] = [];
  readonly fees: { date: IsoDate; dueOn: IsoDate }[] = [];
  /** Consultations that ended by themselves: a reply recorded later no longer moves anything. */
  endedByThemselves = 0;
  lapsed: Lapse | null = null;
  concludedOn: IsoDate | null = null;
  stoppedSince: IsoDate | null = null;
  holidayRun: { from: IsoDate; to: IsoDate; names: string[]; namesEn: string[] } | null = null;
  readonly provisionalYears = new Set<number>();

  readonly calendar: WorkingCalendar;
  readonly result: DueDateResult;
  readonly receipt: PlainEvent;
  /** Whether a statutory end on `end` applies on the day the result is for (asOf). */
  readonly takesEffect: (end: IsoDate) => boolean;

  constructor(
    calendar: WorkingCalendar,
    result: DueDateResult,
    receipt: PlainEvent,
    takesEffect: (end: IsoDate) => boolean,
  ) {
    this.calendar = calendar;
    this.result = result;
    this.receipt = receipt;
    this.takesEffect = takesEffect;
    this.start = receipt.date;
    this.trace = result.trace;
  }

  note(zh: string, en: string) {
    this.trace.push({ zh, en });
  }

  running() {
    return (
      !this.waiting &&
      this.consultations.length === 0 &&
      this.fees.length === 0 &&
      this.lapsed === null
    );
  }

  left() {
    return this.limit - this.count;
  }

  lapse(kind: LapsedPeriod["kind"], on: IsoDate) {
    const outcome = kind === "feePayment" ? "otherFeeUnpaid" : "otherNoCorrection";
    const decideBy = this.calendar.addWorkingDays(on, 1);
    if (this.lapsed === null) this.lapsed = { kind, on, outcome, decideBy };
    this.note(
      kind === "feePayment"
        ? `缴费期限（收到收费通知次日起 ${FEE_PAYMENT_WORKING_DAYS} 个工作日）至 ${withWeekday(on).zh} 届满，未缴费：视为放弃申请，应于 ${withWeekday(decideBy).zh}前按“（六）2.逾期未缴费”办结（信息处理费管理办法）`
        : `补正期限至 ${withWeekday(on).zh} 届满，未收到补正：视为放弃申请，应于 ${withWeekday(decideBy).zh}前按“（六）1.逾期不补正”办结（第三十条）`,
      kind === "feePayment"
        ? `The ${FEE_PAYMENT_WORKING_DAYS} working days to pay (from the day after the notice was received) ended ${withWeekday(on).en} without payment: the application is deemed abandoned and is to be closed as (6)2 fee unpaid by ${withWeekday(decideBy).en} (fee measures)`
        : `The correction period ended ${withWeekday(on).en} without the corrected application: the application is deemed abandoned and is to be closed as (6)1 no correction by ${withWeekday(decideBy).en} (Art. 30)`,
    );
  }

  /** Stopped clocks whose statutory end is day d or earlier end now (at the end of that day). */
  endByThemselves(d: IsoDate) {
    for (const c of [...this.consultations]) {
      if (c.endsOn > d || !this.takesEffect(c.endsOn)) continue;
      this.consultations.splice(this.consultations.indexOf(c), 1);
      this.endedByThemselves++;
      this.note(
        c.party === "thirdParty"
          ? `第三方答复期限（收到征求意见之日起 ${CONSULTATION_WORKING_DAYS} 个工作日）至 ${withWeekday(c.endsOn).zh} 届满，未记录答复：不再等待，恢复计算；第三方逾期未提出意见的，由行政机关依照条例决定是否公开（第三十二条）`
          : `被征求意见机关答复期限（收到征求意见之日起 ${CONSULTATION_WORKING_DAYS} 个工作日）至 ${withWeekday(c.endsOn).zh} 届满，未记录答复：视为同意公开，恢复计算（第三十四条）`,
        c.party === "thirdParty"
          ? `The third party's ${CONSULTATION_WORKING_DAYS} working days (from receiving the request) ended ${withWeekday(c.endsOn).en} with no answer recorded: the count runs again; without an answer the agency decides under the Regulations (Art. 32)`
          : `The consulted agency's ${CONSULTATION_WORKING_DAYS} working days (from receiving the request) ended ${withWeekday(c.endsOn).en} with no answer recorded: taken as consent, the count runs again (Art. 34)`,
      );
      this.resuming(c.endsOn);
    }
    for (const f of [...this.fees]) {
      if (f.dueOn > d || !this.takesEffect(f.dueOn)) continue;
      this.fees.splice(this.fees.indexOf(f), 1);
      this.lapse("feePayment", f.dueOn);
    }
    if (
      this.waiting &&
      this.waitingEndsOn !== null &&
      this.waitingEndsOn <= d &&
      this.takesEffect(this.waitingEndsOn)
    ) {
      this.waiting = false;
      this.lapse("correctionPeriod", this.waitingEndsOn);
    }
  }

  /** Whether a stopped clock is still to end by itself. */
  endsPending() {
    return (
      this.lapsed !== null ||
      this.consultations.some((c) => this.takesEffect(c.endsOn)) ||
      this.fees.some((f) => this.takesEffect(f.dueOn)) ||
      (this.waiting && this.waitingEndsOn !== null && this.takesEffect(this.waitingEndsOn))
    );
  }

  /** The holidays gathered so far, as one line of the trace. */
  flushHolidays() {
    if (!this.holidayRun) return;
    const { from, to, names, namesEn } = this.holidayRun;
    const span = from === to ? from : `${from} 至 ${md(to, from)}`;
    const spanEn = from === to ? from : `${from} to ${md(to, from)}`;
    this.note(
      `${names.join("、")} ${span} 放假，不计`,
      `${namesEn.join(", ")} ${spanEn}: holiday, not counted`,
    );
    this.holidayRun = null;
  }

  stopping(date: IsoDate, wasRunning: boolean) {
    if (wasRunning && !this.running()) {
      this.stoppedSince = date;
      if (this.waiting) return;
      this.note(
        `此前已用 ${this.count} 个工作日，尚余 ${this.left()} 个`,
        `${this.count} working days used so far, ${this.left()} left`,
      );
    }
  }

  resuming(date: IsoDate) {
    if (this.running() && this.stoppedSince !== null) {
      const since = this.stoppedSince;
      const n = this.calendar.workingDaysBetween(since, date);
      this.note(
        `恢复计算：${addDays(since, 1)} 至 ${md(date, since)} 共 ${n} 个工作日不计，尚余 ${this.left()} 个工作日`,
        `The count resumes: ${addDays(since, 1)} to ${md(date, since)}, ${n} working days not counted; ${this.left()} working days left`,
      );
      this.stoppedSince = null;
    }
  }

  restart(date: IsoDate, zh: string, en: string) {
    this.flushHolidays();
    this.start = date;
    this.count = 0;
    this.limit = REPLY_WORKING_DAYS;
    this.extended = false;
    this.waiting = false;
    this.waitingEndsOn = null;
    this.lapsed = null;
    this.stoppedSince = null;
    this.result.countingFrom = date;
    this.note(
      `${zh} ${withWeekday(date).zh}：答复期限重新计算，当日不计，自次一工作日起 ${REPLY_WORKING_DAYS} 个工作日（第三十三条）`,
      `${en} ${withWeekday(date).en}: the reply deadline starts again; that day is not counted, ${REPLY_WORKING_DAYS} working days from the next working day (Art. 33)`,
    );
  }
}
