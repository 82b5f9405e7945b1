// 第三十一条 (and 国办公开办函〔2015〕207号 on online applications): which day is the day an
// application is received, by channel. The register records that day (`received.date`); for
// anything but an application handed in person, the registration asks for the day of the
// signature or of the confirmation, and may keep the day it was sent (`submittedOn`).
import type { Bilingual, Channel } from "../report/catalog.ts";
import type { IsoDate } from "./schema.ts";

/** Which day counts as the receipt of an application sent by a channel (第三十一条, 国办公开办函〔2015〕207号), and the question to ask for it. */
export interface ReceiptDateRule {
  /** What the registration asks for, as a question to staff. */
  question: Bilingual;
  /** The rule and its article. */
  basis: Bilingual;
  /** Whether the day differs from the day the applicant sent it (ask for it separately). */
  notTheDaySent: boolean;
}

/** The receipt-date rule of each channel. */
export const RECEIPT_DATE_RULES: Record<Channel, ReceiptDateRule> = {
  inPerson: {
    question: { zh: "申请人当面提交的日期？", en: "On which day was it handed in?" },
    basis: {
      zh: "当面提交的，以提交之日为收到申请之日（第三十一条第一项）。",
      en: "Handed in person: the day it was handed in (Art. 31(1)).",
    },
    notTheDaySent: false,
  },
  post: {
    question: {
      zh: "本机关签收的日期？（平常信函等无需签收的，填与申请人确认之日）",
      en: "On which day did the agency sign for it? (an ordinary letter with no signature: the day receipt was confirmed with the applicant)",
    },
    basis: {
      zh: "以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的方式提交的，以双方确认之日为收到申请之日（第三十一条第二项）。",
      en: "By post: the day the agency signs for it; an ordinary letter with no signature: the day both sides confirm receipt (Art. 31(2)).",
    },
    notTheDaySent: true,
  },
  online: {
    question: {
      zh: "与申请人双方确认收到申请的日期？（不是申请人网上提交的日期）",
      en: "On which day did both sides confirm receipt? (not the day the applicant submitted it online)",
    },
    basis: {
      zh: "通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第三项；国办公开办函〔2015〕207号）。",
      en: "Online: the day both sides confirm it (Art. 31(3); State Council Office letter 〔2015〕207).",
    },
    notTheDaySent: true,
  },
  fax: {
    question: {
      zh: "与申请人双方确认收到传真的日期？",
      en: "On which day did both sides confirm the fax was received?",
    },
    basis: {
      zh: "通过传真提交的，以双方确认之日为收到申请之日（第三十一条第三项）。",
      en: "By fax: the day both sides confirm it (Art. 31(3)).",
    },
    notTheDaySent: true,
  },
  other: {
    question: { zh: "收到申请的日期？", en: "On which day was it received?" },
    basis: {
      zh: "按第三十一条确定收到申请之日：当面提交之日、签收之日或双方确认之日。",
      en: "Under Art. 31: the day it was handed in, signed for, or confirmed by both sides.",
    },
    notTheDaySent: false,
  },
};

/** The rule of 第三十一条 for a channel. */
export const receiptDateRule = (channel: Channel): ReceiptDateRule => RECEIPT_DATE_RULES[channel];

/**
 * What is wrong with a receipt day and a day sent (Chinese and English), or null: the day of
 * signature or confirmation can't come before the day the applicant sent it.
 */
export const receiptDateProblem = (
  channel: Channel,
  receivedOn: IsoDate,
  submittedOn: IsoDate | undefined,
): Bilingual | null => {
  if (submittedOn === undefined || submittedOn <= receivedOn) return null;
  return {
    zh: `收到申请之日（${receivedOn}）早于申请人提交之日（${submittedOn}）。${RECEIPT_DATE_RULES[channel].basis.zh}`,
    en: `The day of receipt (${receivedOn}) is before the day the applicant sent it (${submittedOn}). ${RECEIPT_DATE_RULES[channel].basis.en}`,
  };
};
