// Section 六's fee statement from the register (issue 19): the fee notices issued in the year,
// the amount they notified and the amount collected in the year, from the applications'
// effective events. It changes only by recording events (a notice, a payment, an amendment).
import type { Bilingual } from "../report/catalog.ts";
import type { Fees } from "../report/schema.ts";
import { effectiveEvents } from "./effective-events.ts";
import type { Application } from "./schema.ts";
import { applicationState } from "./state.ts";

/** Section 六's fee figures derived from the register's fee events of a year, with the 逾期未缴费 conclusions they explain or not. */
export type RegisterFees = Fees & {
  /**
   * Applications concluded in the year as 逾期未缴费 (otherFeeUnpaid) with no fee notice
   * recorded at all: what no notice of any year explains.
   */
  unpaidWithoutAnyNotice: number;
  /** Those concluded as 逾期未缴费 in the year whose notice was issued in an earlier year. */
  unpaidFromEarlierNotices: number;
};

const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * The fee statement of `year`: notices dated in the year, the sum of their amounts, and the
 * payments dated in the year (a payment without an amount pays the oldest unpaid notice of
 * its application in full).
 */
export const feesFromRegister = (
  applications: readonly Application[],
  year: number,
): RegisterFees => {
  const y = String(year);
  let notices = 0;
  let notified = 0;
  let collected = 0;
  let unpaidWithoutAnyNotice = 0;
  let unpaidFromEarlierNotices = 0;
  for (const app of applications) {
    const events = effectiveEvents(app);
    const open: number[] = [];
    let noticeYears: string[] = [];
    for (const e of events) {
      if (e.type === "feeNoticeIssued") {
        open.push(fen(e.amountYuan));
        noticeYears = [...noticeYears, e.date.slice(0, 4)];
        if (e.date.startsWith(y)) {
          notices++;
          notified += fen(e.amountYuan);
        }
      } else if (e.type === "feePaid") {
        const due = open.shift() ?? 0;
        const paid = e.amountYuan === undefined ? due : fen(e.amountYuan);
        if (e.date.startsWith(y)) collected += paid;
      }
    }
    const state = applicationState(app);
    if (state.outcome === "otherFeeUnpaid" && state.concludedOn?.startsWith(y)) {
      if (noticeYears.length === 0) unpaidWithoutAnyNotice++;
      else if (noticeYears.every((n) => n < y)) unpaidFromEarlierNotices++;
    }
  }
  return {
    noticesIssued: notices,
    amountNotifiedYuan: notified / 100,
    amountCollectedYuan: collected / 100,
    unpaidWithoutAnyNotice,
    unpaidFromEarlierNotices,
  };
};

const yuan = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The sentence of section 六 on the information-processing fees (第四十二条, 信息处理费管理办法):
 * the notices issued with their total and the amount actually collected.
 */
export const feeStatementText = (fees: Fees): Bilingual => {
  const { noticesIssued: n, amountNotifiedYuan: notified, amountCollectedYuan: collected } = fees;
  if (n === 0 && notified === 0 && collected === 0)
    return {
      zh: "本年度未发出信息处理费收费通知，未收取信息处理费。",
      en: "No notice of information-processing fees was issued this year and no fee was collected.",
    };
  return {
    zh: `本年度发出信息处理费收费通知 ${n} 件，总金额 ${yuan(notified)} 元，实际收取信息处理费 ${yuan(collected)} 元。`,
    en: `${n} notice${n === 1 ? "" : "s"} of information-processing fees ${n === 1 ? "was" : "were"} issued this year for ${yuan(notified)} yuan in all; ${yuan(collected)} yuan ${collected === 1 ? "was" : "were"} collected.`,
  };
};
