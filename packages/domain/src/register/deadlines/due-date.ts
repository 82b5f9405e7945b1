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
import { applyEvent } from "./due-date-events.ts";
import type { DueDateOptions, DueDateResult } from "./due-date-types.ts";
import { DeadlineWalk } from "./due-date-walk.ts";
import { addDays, withWeekday, yearOf } from "./iso-dates.ts";
import { REPLY_WORKING_DAYS } from "./statutory-periods.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

export type { DueDateOptions, DueDateResult, LapsedPeriod } from "./due-date-types.ts";

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

  const w = new DeadlineWalk(calendar, result, receipt, takesEffect);
  result.countingFrom = w.start;
  note(
    `收到申请 ${withWeekday(w.start).zh}，当日不计，自次一工作日起 ${REPLY_WORKING_DAYS} 个工作日（第三十一条、第三十三条）`,
    `Application received ${withWeekday(w.start).en}; that day is not counted: ${REPLY_WORKING_DAYS} working days from the next working day (Arts. 31, 33)`,
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

  let d = w.start;
  let lastCounted: IsoDate | null = null;
  for (let guard = 0; guard < 40_000; guard++) {
    while (next < pending.length && pending[next]!.date <= d) applyEvent(w, pending[next++]!);
    w.endByThemselves(d);
    const current = w.lapsed;
    const decisionDue = current !== null && d >= current.decideBy;
    if (decisionDue || (w.running() && w.count >= w.limit && calendar.isWorkingDay(d))) {
      w.flushHolidays();
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
      if (w.concludedOn !== null) concludedNote(w.concludedOn, d);
      for (const e of pending.slice(next, reopen)) {
        if (e.type === "concluded") {
          w.concludedOn = e.date;
          concludedNote(e.date, d);
        } else afterDue(e);
      }
      next = reopen;
      d = pending[reopen]!.date;
      result.dueDate = null;
      continue;
    }
    if (!w.running() && next >= pending.length && !w.endsPending()) break;
    d = addDays(d, 1);
    if (!w.running() || w.count >= w.limit) continue;
    const day = calendar.describe(d);
    if (day.provisional) w.provisionalYears.add(yearOf(d));
    if (day.kind === "holiday") {
      const name = day.name ?? { zh: "", en: "" };
      if (w.holidayRun === null || addDays(w.holidayRun.to, 1) !== d) {
        w.flushHolidays();
        w.holidayRun = { from: d, to: d, names: [], namesEn: [] };
      } else w.holidayRun.to = d;
      if (!w.holidayRun.names.includes(name.zh)) {
        w.holidayRun.names.push(name.zh);
        w.holidayRun.namesEn.push(name.en);
      }
      continue;
    }
    if (day.kind === "weekend") continue;
    w.flushHolidays();
    w.count++;
    if (w.count === w.limit) lastCounted = d;
    if (w.count === 1 && day.kind !== "makeUpWorkday")
      note(`第 1 个工作日：${withWeekday(d).zh}`, `Working day 1: ${withWeekday(d).en}`);
    if (day.kind === "makeUpWorkday")
      note(
        `${withWeekday(d).zh}${day.festival?.zh ?? ""}调休上班，计入（第 ${w.count} 个工作日）`,
        `${withWeekday(d).en} is a make-up working day (${day.festival?.en ?? ""}): counted (working day ${w.count})`,
      );
  }
  w.flushHolidays();

  // 第三十五条: a reasonable later date set before the reply was due replaces it.
  let byReasonableDate = false;
  const later = w.reasonable as { dueOn: IsoDate; set: IsoDate } | null;
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
  result.limitWorkingDays = w.limit;
  result.paused = stopped && (w.consultations.length > 0 || w.fees.length > 0);
  result.waitingForApplicant = stopped && (w.waiting || w.fees.length > 0);
  const lapsedNow = w.lapsed;
  if (!stopped && lapsedNow !== null)
    result.lapsed = { kind: lapsedNow.kind, on: lapsedNow.on, outcome: lapsedNow.outcome };
  if (stopped) {
    result.workingDaysUsed = w.count;
    result.workingDaysLeft = w.waiting ? REPLY_WORKING_DAYS : w.left();
    if (w.waiting)
      note(
        `等待申请人补正：收到补正后的申请之日起重新计算 ${REPLY_WORKING_DAYS} 个工作日`,
        `Waiting for the applicant's correction: ${REPLY_WORKING_DAYS} working days start again from the day it arrives`,
      );
    else
      note(
        `${w.fees.length > 0 ? "等待申请人缴费" : "征求意见尚未结束"}：已用 ${w.count} 个工作日，尚余 ${w.left()} 个，恢复后继续计算`,
        `${w.fees.length > 0 ? "Waiting for the fee to be paid" : "Consultation still open"}: ${w.count} working days used, ${w.left()} left; counting resumes when it ends`,
      );
  } else {
    const due = result.dueDate!;
    if (byReasonableDate) {
      // said above
    } else if (lapsedNow !== null)
      note(`应作出处理之日：${withWeekday(due).zh}`, `The decision is due ${withWeekday(due).en}`);
    else if (due === lastCounted)
      note(
        `第 ${w.limit} 个工作日为 ${withWeekday(due).zh}：答复期限`,
        `Working day ${w.limit} is ${withWeekday(due).en}: the reply is due`,
      );
    else
      note(
        `恢复计算时已无剩余工作日：答复期限为其后第一个工作日 ${withWeekday(due).zh}（民法典第二百零三条）`,
        `No working day was left when the count resumed: the reply is due on the first working day from then, ${withWeekday(due).en} (Civil Code Art. 203)`,
      );
  }
  for (const y of [...w.provisionalYears].sort())
    note(
      `${y} 年放假安排尚未公布：按《全国年节及纪念日放假办法》推算法定节假日（不含调休），期限为暂定`,
      `The ${y} holiday arrangement is not published yet: statutory holidays computed under the national holidays regulation (no make-up working days); the date is provisional`,
    );
  result.provisional = w.provisionalYears.size > 0;

  // Whatever is dated after the due date no longer moves it.
  for (const e of pending.slice(next)) {
    if (e.type === "concluded") {
      if (w.concludedOn === null) w.concludedOn = e.date;
    } else if (e.type !== "reopened") afterDue(e);
  }
  if (w.concludedOn !== null) {
    const on: IsoDate = w.concludedOn;
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
