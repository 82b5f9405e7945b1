// The shapes of a reply deadline's computation (due-date.ts): the result with its trace, a
// period the applicant let lapse, and the day the result is for.
import type { Bilingual } from "../../report/catalog.ts";
import type { IsoDate } from "../schema.ts";

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
