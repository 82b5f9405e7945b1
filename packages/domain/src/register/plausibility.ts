// Outcome plausibility (issue 19): an outcome the recorded events do not support is a warning,
// never a refusal (a register may be imported without its intermediate events).
//   逾期不补正 (otherNoCorrection, 第三十条): a 补正 was requested, its period ended, no correction;
//   逾期未缴费 (otherFeeUnpaid, 信息处理费管理办法): a fee notice, its 20 working days ended, unpaid;
//   补正后仍不明确 (unableStillUnclear, 第三十条): a corrected application was received.
import type { Bilingual } from "../report/catalog.ts";
import type { Finding } from "../report/findings.ts";
import { correctionPeriodEndsOn, feePaymentDueOn } from "./deadlines/statutory-periods.ts";
import type { WorkingCalendar } from "./deadlines/working-calendar.ts";
import { effectiveEvents } from "./effective-events.ts";
import type { Application, PlainEvent } from "./schema.ts";
import { applicationState } from "./state.ts";

const warn = (zh: string, en: string): Finding => ({
  code: "register.outcomeImplausible",
  severity: "warning",
  cells: [],
  message: { zh, en } satisfies Bilingual,
});

/** Warnings on the outcome in force of `app`, from its effective events up to the conclusion. */
export const outcomeWarnings = (app: Application, calendar: WorkingCalendar): Finding[] => {
  const state = applicationState(app);
  if (state.outcome === null || state.concludedOn === null) return [];
  const on = state.concludedOn;
  const before: PlainEvent[] = effectiveEvents(app).filter(
    (e) => e.date <= on && e.type !== "concluded",
  );
  const last = <T extends PlainEvent["type"]>(type: T) =>
    before.filter((e): e is Extract<PlainEvent, { type: T }> => e.type === type).at(-1);
  const out: Finding[] = [];
  switch (state.outcome) {
    case "otherNoCorrection": {
      const request = last("correctionRequested");
      if (!request) {
        out.push(
          warn(
            "办理结果为“申请人无正当理由逾期不补正”，但没有登记补正要求（第三十条）。",
            "Closed as no correction, but no correction request is recorded (Art. 30).",
          ),
        );
        break;
      }
      if (before.some((e) => e.type === "correctionReceived" && e.date >= request.date))
        out.push(
          warn(
            "办理结果为“逾期不补正”，但已登记收到补正。",
            "Closed as no correction, but a corrected application is recorded.",
          ),
        );
      const ends = correctionPeriodEndsOn(request, calendar);
      if (ends !== null && on <= ends)
        out.push(
          warn(
            `办理结果为“逾期不补正”，但补正期限至 ${ends} 才届满（办结于 ${on}）（第三十条）。`,
            `Closed as no correction on ${on}, before the correction period ended on ${ends} (Art. 30).`,
          ),
        );
      break;
    }
    case "otherFeeUnpaid": {
      const notice = last("feeNoticeIssued");
      if (!notice) {
        out.push(
          warn(
            "办理结果为“逾期未按收费通知要求缴纳费用”，但没有登记收费通知（信息处理费管理办法）。",
            "Closed as fee unpaid, but no fee notice is recorded (fee measures).",
          ),
        );
        break;
      }
      if (before.some((e) => e.type === "feePaid" && e.date >= notice.date))
        out.push(
          warn(
            "办理结果为“逾期未缴费”，但已登记缴费。",
            "Closed as fee unpaid, but a payment is recorded.",
          ),
        );
      const due = feePaymentDueOn(notice, calendar);
      if (on <= due)
        out.push(
          warn(
            `办理结果为“逾期未缴费”，但缴费期限至 ${due} 才届满（办结于 ${on}）（信息处理费管理办法）。`,
            `Closed as fee unpaid on ${on}, before the time to pay ended on ${due} (fee measures).`,
          ),
        );
      break;
    }
    case "unableStillUnclear":
      if (!before.some((e) => e.type === "correctionReceived"))
        out.push(
          warn(
            "办理结果为“补正后申请内容仍不明确”，但没有登记收到补正（第三十条）。",
            "Closed as still unclear after correction, but no corrected application is recorded (Art. 30).",
          ),
        );
      break;
    default:
      break;
  }
  return out;
};
