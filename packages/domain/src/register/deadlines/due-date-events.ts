// What each standing event does to the walk of a reply deadline (due-date.ts): a 补正 stops the
// count until the corrected application restarts it; a consultation or a fee notice stops it
// until it ends (or ends by itself); one extension adds its working days; 第三十五条 sets a
// reasonable later date; a reopening restarts the count.
import type { Bilingual } from "../../report/catalog.ts";
import type { PlainEvent } from "../schema.ts";
import type { DeadlineWalk } from "./due-date-walk.ts";
import { withWeekday } from "./iso-dates.ts";
import {
  CONSULTATION_WORKING_DAYS,
  consultationEndsOn,
  correctionPeriodEndsOn,
  feePaymentDueOn,
  MAX_EXTENSION_WORKING_DAYS,
} from "./statutory-periods.ts";

const CONSULT: Record<"thirdParty" | "agency", Bilingual> = {
  thirdParty: { zh: "征求第三方意见（第三十二条）", en: "consulting a third party (Art. 32)" },
  agency: { zh: "征求其他机关意见（第三十四条）", en: "consulting another agency (Art. 34)" },
};

/** Applies one event (dated on the walk's current day) to the walk. */
export const applyEvent = (w: DeadlineWalk, e: PlainEvent): void => {
  const wasRunning = w.running();
  switch (e.type) {
    case "received":
      if (e !== w.receipt)
        w.note(
          `${e.date} 另有一条收到记录，不计（以 ${w.receipt.date} 为准）`,
          `Another receipt on ${e.date} is ignored (${w.receipt.date} stands)`,
        );
      return;
    case "correctionRequested":
      w.flushHolidays();
      w.note(
        `${withWeekday(e.date).zh}要求补正（第三十条）${e.periodWorkingDays ? `，补正期限 ${e.periodWorkingDays} 个工作日` : ""}：等待申请人补正，收到补正后答复期限重新计算`,
        `${withWeekday(e.date).en} correction requested (Art. 30)${e.periodWorkingDays ? `, ${e.periodWorkingDays} working days to correct` : ""}: waiting for the applicant; the deadline starts again when the corrected application arrives`,
      );
      {
        const limit7 = w.calendar.addWorkingDays(w.receipt.date, 7);
        if (e.date > limit7)
          w.note(
            `注意：补正要求晚于收到申请后 7 个工作日（应不晚于 ${limit7}，第三十条）`,
            `Note: the correction was requested after the 7 working days from receipt (by ${limit7}, Art. 30)`,
          );
        if (w.correctionRequests++ > 0)
          w.note(
            "注意：第三十条要求一次性告知补正，此为再次要求",
            "Note: Art. 30 asks for all corrections at once; this is a second request",
          );
      }
      w.waiting = true;
      w.waitingEndsOn = correctionPeriodEndsOn(e, w.calendar);
      w.stopping(e.date, wasRunning);
      return;
    case "correctionReceived":
      if (!w.waiting)
        w.note(
          `${e.date} 收到补正，但此前没有补正要求记录`,
          `${e.date} correction received without a recorded request`,
        );
      w.restart(e.date, "收到补正后的申请", "Corrected application received");
      return;
    case "consultationStarted":
      w.flushHolidays();
      {
        const endsOn = consultationEndsOn(e, w.calendar);
        w.consultations.push({ date: e.date, party: e.party, endsOn });
        w.note(
          `${withWeekday(e.date).zh}起${CONSULT[e.party].zh}，所需时间不计入答复期限；被征求意见方应于 ${withWeekday(endsOn).zh}前答复`,
          `${withWeekday(e.date).en} ${CONSULT[e.party].en} begins: the time it takes is not counted; the consulted party answers by ${withWeekday(endsOn).en}`,
        );
      }
      w.stopping(e.date, wasRunning);
      return;
    case "consultationEnded":
      if (w.consultations.length === 0 && w.endedByThemselves > 0) {
        w.endedByThemselves--;
        w.note(
          `${e.date} 收到答复，晚于 ${CONSULTATION_WORKING_DAYS} 个工作日的答复期限，期限不再顺延`,
          `${e.date} answer received after the ${CONSULTATION_WORKING_DAYS} working days: it moves nothing`,
        );
        return;
      }
      if (w.consultations.length === 0) {
        w.note(
          `${e.date} 征求意见结束，但没有进行中的征求意见，不计`,
          `${e.date} consultation ended without one open: ignored`,
        );
        return;
      }
      w.consultations.shift();
      w.note(
        `${withWeekday(e.date).zh}征求意见结束`,
        `${withWeekday(e.date).en} consultation ends`,
      );
      w.resuming(e.date);
      return;
    case "feeNoticeIssued":
      w.flushHolidays();
      {
        const dueOn = feePaymentDueOn(e, w.calendar);
        w.fees.push({ date: e.date, dueOn });
        w.note(
          `${withWeekday(e.date).zh}发出收费通知（信息处理费），至缴费之日不计入答复期限；${e.deliveredOn ? `申请人 ${e.deliveredOn} 收到通知` : "未记录申请人收到通知的日期，按发出当日计"}，应于 ${withWeekday(dueOn).zh}前缴费`,
          `${withWeekday(e.date).en} fee notice issued: the time until payment is not counted; ${e.deliveredOn ? `the applicant received it ${e.deliveredOn}` : "the day the applicant received it is not recorded, the issue date is used"}, payment due by ${withWeekday(dueOn).en}`,
        );
      }
      w.stopping(e.date, wasRunning);
      return;
    case "feePaid":
      if (w.fees.length === 0 && w.lapsed?.kind === "feePayment") {
        // The agency accepted a late payment: the count runs again from the payment.
        w.lapsed = null;
        w.note(
          `${withWeekday(e.date).zh}申请人逾期缴费，行政机关继续办理`,
          `${withWeekday(e.date).en} fee paid late; the agency goes on handling the application`,
        );
        w.resuming(e.date);
        return;
      }
      if (w.fees.length === 0) {
        w.note(
          `${e.date} 缴费，但没有待缴的收费通知，不计`,
          `${e.date} fee paid without an open notice: ignored`,
        );
        return;
      }
      w.fees.shift();
      w.note(`${withWeekday(e.date).zh}申请人缴费`, `${withWeekday(e.date).en} fee paid`);
      w.resuming(e.date);
      return;
    case "extended":
      if (w.extended) {
        w.note(
          `${e.date} 再次延长，不计（第三十三条第二款只允许延长一次）`,
          `${e.date} second extension ignored (Art. 33(2) allows one)`,
        );
        return;
      }
      w.extended = true;
      w.limit += Math.min(e.workingDays, MAX_EXTENSION_WORKING_DAYS);
      w.note(
        `${withWeekday(e.date).zh}延长答复期限 ${Math.min(e.workingDays, MAX_EXTENSION_WORKING_DAYS)} 个工作日（第三十三条第二款），期限共 ${w.limit} 个工作日`,
        `${withWeekday(e.date).en} deadline extended by ${Math.min(e.workingDays, MAX_EXTENSION_WORKING_DAYS)} working days (Art. 33(2)): ${w.limit} working days in all`,
      );
      return;
    case "reasonableDateSet":
      w.reasonable = { dueOn: e.dueOn, set: e.date };
      w.note(
        `${withWeekday(e.date).zh}确定合理期限至 ${withWeekday(e.dueOn).zh}（第三十五条：申请数量、频次明显超过合理范围，理由合理但无法在期限内答复）`,
        `${withWeekday(e.date).en} a reasonable date is set: ${withWeekday(e.dueOn).en} (Art. 35: the applications clearly exceed a reasonable range; the reasons are reasonable but the deadline can't be met)`,
      );
      return;
    case "concluded":
      w.concludedOn = e.date;
      return;
    case "reopened":
      if (w.concludedOn === null) {
        w.note(
          `${e.date} 重新办理，但尚未办结，不计`,
          `${e.date} reopened while not concluded: ignored`,
        );
        return;
      }
      w.concludedOn = null;
      w.restart(e.date, "重新办理", "Reopened");
      return;
  }
};
