// 六 · fees: the fee statement is stated, and agrees with itself and with section 三.
import { FEES_LABELS, rowInfo, SECTION_TITLES } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { requestCellPath } from "../schema.ts";
import type { Values } from "./cells.ts";
import { fmt } from "./labels.ts";

export const checkFees = (values: Values, feesMissing: string[], findings: Finding[]) => {
  if (feesMissing.length > 0) {
    const names = feesMissing.map((p) => FEES_LABELS[p.slice(5) as keyof typeof FEES_LABELS]);
    findings.push({
      code: "fees.notStated",
      severity: "warning",
      cells: feesMissing,
      message: {
        zh: `${SECTION_TITLES.otherMatters.zh}未说明${names.map((n) => n.zh).join("、")}。`,
        en: `${SECTION_TITLES.otherMatters.en} does not state: ${names.map((n) => n.en).join(", ")}.`,
      },
    });
  }
  const collected = values.get("fees.amountCollectedYuan");
  const notified = values.get("fees.amountNotifiedYuan");
  if (collected !== undefined && notified !== undefined && collected > notified + 1e-9)
    findings.push({
      code: "fees.collectedExceedsNotified",
      severity: "warning",
      cells: ["fees.amountCollectedYuan", "fees.amountNotifiedYuan"],
      message: {
        zh: `实际收取的信息处理费（${fmt(collected)} 元）大于收费通知总金额（${fmt(notified)} 元）。`,
        en: `The fees collected (${fmt(collected)} yuan) exceed the amount notified (${fmt(notified)} yuan).`,
      },
    });
  const unpaid = values.get(requestCellPath("otherFeeUnpaid", "total"));
  const notices = values.get("fees.noticesIssued");
  if (notices === 0 && notified !== undefined && notified > 0)
    findings.push({
      code: "fees.amountWithoutNotice",
      severity: "warning",
      cells: ["fees.noticesIssued", "fees.amountNotifiedYuan"],
      message: {
        zh: `发出收费通知 0 件，收费通知总金额却为 ${fmt(notified)} 元。`,
        en: `No fee notice was issued, yet the amount notified is ${fmt(notified)} yuan.`,
      },
    });
  if (unpaid !== undefined && notices === 0 && unpaid > 0) {
    const l = rowInfo("otherFeeUnpaid").label;
    findings.push({
      code: "fees.unpaidWithoutNotice",
      severity: "warning",
      cells: [requestCellPath("otherFeeUnpaid", "total"), "fees.noticesIssued"],
      message: {
        zh: `三、“${l.zh}”总计为 ${unpaid}，但本年发出收费通知的件数为 0（上年发出的通知可以解释这一情况）。`,
        en: `Section 3, "${l.en}" totals ${unpaid} while no fee notice was issued this year (notices of the year before can explain it).`,
      },
    });
  }
};
