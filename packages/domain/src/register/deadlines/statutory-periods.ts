// The periods that end a stopped clock by themselves, shared by the reply deadline (due-date.ts)
// and the other clocks (clocks.ts). Each counts like the reply: its first day is not counted.
import type { IsoDate, PlainEvent } from "../schema.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/** The statutory reply period: 20 working days (第三十三条). */
export const REPLY_WORKING_DAYS = 20;
/** The longest extension the agency may take: 20 working days (第三十三条第二款). */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 第三十条: a 补正 is asked for within 7 working days of receipt. */
export const CORRECTION_REQUEST_WORKING_DAYS = 7;
/** 第三十二条 / 第三十四条: the consulted party answers within 15 working days of receiving the request. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 信息处理费管理办法: the applicant pays within 20 working days from the day after receiving the notice. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

type Of<T extends PlainEvent["type"]> = Extract<PlainEvent, { type: T }>;

const notBefore = (d: IsoDate | undefined, floor: IsoDate) =>
  d === undefined || d < floor ? floor : d;

/** The day the consulted party received the request (the start day when not recorded). */
export const consultationFrom = (e: Of<"consultationStarted">): IsoDate =>
  notBefore(e.partyReceivedOn, e.date);

/** The last day of the consulted party's 15 working days. */
export const consultationEndsOn = (e: Of<"consultationStarted">, calendar: WorkingCalendar) =>
  calendar.addWorkingDays(consultationFrom(e), CONSULTATION_WORKING_DAYS);

/** The day the applicant received the fee notice (the issue date when not recorded). */
export const feeNoticeFrom = (e: Of<"feeNoticeIssued">): IsoDate =>
  notBefore(e.deliveredOn, e.date);

/** The last day to pay: 20 working days from the day after the applicant received the notice. */
export const feePaymentDueOn = (e: Of<"feeNoticeIssued">, calendar: WorkingCalendar) =>
  calendar.addWorkingDays(feeNoticeFrom(e), FEE_PAYMENT_WORKING_DAYS);

/** The last day of the 补正 period the agency set, or null when the notice sets none. */
export const correctionPeriodEndsOn = (
  e: Of<"correctionRequested">,
  calendar: WorkingCalendar,
): IsoDate | null => {
  if (e.dueOn !== undefined) return notBefore(e.dueOn, e.date);
  if (e.periodWorkingDays !== undefined)
    return calendar.addWorkingDays(e.date, e.periodWorkingDays);
  return null;
};
