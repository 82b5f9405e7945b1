// A reading in words, both languages: the label of a choice when a message is asked back, and
// what the bot may show on its confirmation card ("办结 第 3 号：予以公开 · 2026-11-20").
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, OUTCOME_GROUP_CATALOG } from "../report/catalog.ts";
import { outcomeCore } from "../report/words.ts";
import type { Bilingual } from "../text.ts";
import type { Intent, MoreEventKey, SummaryMeasure } from "./types.ts";

export const MORE_EVENT_LABELS: Record<MoreEventKey, Bilingual> = {
  correctionRequested: { zh: "要求补正", en: "Correction requested" },
  correctionReceived: { zh: "收到补正", en: "Correction received" },
  consultationStartedThirdParty: {
    zh: "开始征求第三方意见",
    en: "Consultation of a third party started",
  },
  consultationStartedAgency: {
    zh: "开始征求其他机关意见",
    en: "Consultation of another agency started",
  },
  consultationEnded: { zh: "征求意见结束", en: "Consultation ended" },
  extended: { zh: "延期答复", en: "Reply period extended" },
  feeNoticeIssued: { zh: "发出收费通知", en: "Fee notice issued" },
  feePaid: { zh: "已缴费", en: "Fee paid" },
};

export const MEASURE_LABELS: Record<SummaryMeasure, Bilingual> = {
  received: { zh: "收到", en: "received" },
  concluded: { zh: "办结", en: "concluded" },
  open: { zh: "在办", en: "open" },
  overdue: { zh: "逾期", en: "overdue" },
};

const join = (parts: (Bilingual | undefined)[]): Bilingual => {
  const ps = parts.filter((p): p is Bilingual => p !== undefined);
  return { zh: ps.map((p) => p.zh).join(" · "), en: ps.map((p) => p.en).join(" · ") };
};
const same = (s: string): Bilingual => ({ zh: s, en: s });
const no = (n: number | undefined): Bilingual | undefined =>
  n === undefined ? undefined : { zh: `第 ${n} 号`, en: `No. ${n}` };

/** The reading in a line, both languages. */
export const describeIntent = (i: Intent): Bilingual => {
  switch (i.intent) {
    case "new":
      return join([
        { zh: "登记新申请", en: "Register an application" },
        i.date === undefined ? undefined : same(i.date),
        i.applicantType && APPLICANT_TYPE_LABELS[i.applicantType],
        i.applicantName === undefined ? undefined : same(i.applicantName),
        i.subject === undefined ? undefined : same(i.subject),
        i.channel && CHANNEL_LABELS[i.channel],
      ]);
    case "close":
      return join([
        { zh: "办结", en: "Conclude" },
        no(i.number),
        i.outcome && outcomeCore(i.outcome),
        i.withdrawn ? { zh: "申请人撤回", en: "withdrawn by the applicant" } : undefined,
        i.referral === undefined
          ? undefined
          : i.referral === ""
            ? { zh: "非本机关，告知申请人", en: "another body's: applicant told" }
            : { zh: `告知向${i.referral}申请`, en: `referred to ${i.referral}` },
        i.date === undefined ? undefined : same(i.date),
      ]);
    case "more":
      return join([
        MORE_EVENT_LABELS[i.event],
        no(i.number),
        i.amountYuan === undefined
          ? undefined
          : { zh: `${i.amountYuan} 元`, en: `¥${i.amountYuan}` },
        i.workingDays === undefined
          ? undefined
          : { zh: `${i.workingDays} 个工作日`, en: `${i.workingDays} working days` },
        i.date === undefined ? undefined : same(i.date),
      ]);
    case "summary": {
      const group = i.group && OUTCOME_GROUP_CATALOG.find((g) => g.key === i.group)!.short;
      const what = i.outcome ? outcomeCore(i.outcome) : group;
      return join([
        { zh: `${i.year} 年累计`, en: `${i.year} year to date` },
        i.measure ? MEASURE_LABELS[i.measure] : { zh: "统计", en: "summary" },
        what,
      ]);
    }
    case "report":
      return join([
        { zh: "年度报告", en: "Annual report" },
        i.year ? same(String(i.year)) : undefined,
      ]);
    case "pending":
      return i.overdue
        ? { zh: "逾期未办结的申请", en: "Overdue applications" }
        : { zh: "在办的申请", en: "Open applications" };
    case "undo":
      return { zh: "撤销上一条记录", en: "Undo the last record" };
    case "help":
      return { zh: "帮助", en: "Help" };
    case "cancel":
      return { zh: "取消", en: "Cancel" };
  }
};
