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
import type { Bilingual } from "../../report/catalog.ts";
import { effectiveEvents } from "../effective-events.ts";
import type { Application, IsoDate, PlainEvent } from "../schema.ts";
import { addDays, withWeekday, yearOf } from "./iso-dates.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/** The statutory reply period: 20 working days (第三十三条). */
export const REPLY_WORKING_DAYS = 20;
/** The longest extension the agency may take: 20 working days (第三十三条). */
export const MAX_EXTENSION_WORKING_DAYS = 20;

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
  trace: Bilingual[];
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
export const dueDate = (app: Application, calendar: WorkingCalendar): DueDateResult => {
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
  let correctionRequests = 0;
  let waiting = false; // 补正 requested, corrected application not yet received
  const consultations: { date: IsoDate; party: "thirdParty" | "agency" }[] = [];
  const fees: IsoDate[] = [];
  let concludedOn: IsoDate | null = null;
  let stoppedSince: IsoDate | null = null;
  let holidayRun: { from: IsoDate; to: IsoDate; names: string[]; namesEn: string[] } | null = null;
  const provisionalYears = new Set<number>();

  const running = () => !waiting && consultations.length === 0 && fees.length === 0;
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
        consultations.push({ date: e.date, party: e.party });
        note(
          `${withWeekday(e.date).zh}起${CONSULT[e.party].zh}，所需时间不计入答复期限`,
          `${withWeekday(e.date).en} ${CONSULT[e.party].en} begins: the time it takes is not counted`,
        );
        stopping(e.date, wasRunning);
        return;
      case "consultationEnded":
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
        fees.push(e.date);
        note(
          `${withWeekday(e.date).zh}发出收费通知（信息处理费），至缴费之日不计入答复期限`,
          `${withWeekday(e.date).en} fee notice issued: the time until payment is not counted`,
        );
        stopping(e.date, wasRunning);
        return;
      case "feePaid":
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
    if (running() && count >= limit && calendar.isWorkingDay(d)) {
      flushHolidays();
      result.dueDate = d;
      // Handling reopened after this round: close the round and count again from the reopening.
      const reopen = pending.findIndex((e, i) => i >= next && e.type === "reopened");
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
    if (!running() && next >= pending.length) break;
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

  const stopped = result.dueDate === null;
  result.limitWorkingDays = limit;
  result.paused = stopped && (consultations.length > 0 || fees.length > 0);
  result.waitingForApplicant = stopped && (waiting || fees.length > 0);
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
    if (due === lastCounted)
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
