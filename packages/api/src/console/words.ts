// The words of the console's tables: applicant types, outcome groups, statuses, event types
// (the catalog's labels where the official format has one).
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_LABELS,
  type Lang,
  OUTCOME_GROUP_CATALOG,
  OUTCOMES,
  type Outcome,
  type OutcomeGroup,
  outcomeCore,
} from "@ogi/domain";
import { tb } from "./html.ts";

export { APPLICANT_TYPES, OUTCOMES };

export const applicantTypeLabel = (lang: Lang, type: string) =>
  (APPLICANT_TYPES as readonly string[]).includes(type)
    ? tb(lang, APPLICANT_TYPE_LABELS[type as ApplicantType])
    : type;

export const outcomeLabel = (lang: Lang, outcome: string | null) =>
  outcome && (OUTCOMES as readonly string[]).includes(outcome)
    ? tb(lang, outcomeCore(outcome as Outcome))
    : (outcome ?? "");

export const OUTCOME_GROUPS_SHORT = OUTCOME_GROUP_CATALOG.map((g) => ({
  key: g.key as OutcomeGroup,
  label: g.label,
  short: g.short,
}));

const STATUS: Record<string, { zh: string; en: string }> = {
  open: { zh: "办理中", en: "Open" },
  concluded: { zh: "已办结", en: "Concluded" },
};
export const statusLabel = (lang: Lang, s: string) => (STATUS[s] ? tb(lang, STATUS[s]) : s);

const EVENTS: Record<string, { zh: string; en: string }> = {
  received: { zh: "收到申请", en: "Received" },
  concluded: { zh: "办结", en: "Concluded" },
  amended: { zh: "更正", en: "Amended" },
  withdrawn: { zh: "撤回登记", en: "Withdrawn" },
  extended: { zh: "延期答复", en: "Extended" },
  correctionRequested: { zh: "告知补正", en: "Correction requested" },
  correctionReceived: { zh: "收到补正", en: "Correction received" },
  consultationStarted: { zh: "征求第三方意见", en: "Consultation started" },
  consultationEnded: { zh: "第三方意见结束", en: "Consultation ended" },
  feeNoticeIssued: { zh: "发出收费通知", en: "Fee notice issued" },
  feePaid: { zh: "缴纳费用", en: "Fee paid" },
  reopened: { zh: "重新办理", en: "Reopened" },
};
export const eventLabel = (lang: Lang, type: string) =>
  EVENTS[type] ? tb(lang, EVENTS[type]) : type;

const DEADLINE: Record<string, { zh: string; en: string; tone: string }> = {
  onTime: { zh: "按期", en: "On time", tone: "ok" },
  dueSoon: { zh: "即将到期", en: "Due soon", tone: "warn" },
  overdue: { zh: "已逾期", en: "Overdue", tone: "bad" },
  waitingForApplicant: { zh: "等待申请人", en: "Waiting for the applicant", tone: "muted" },
  paused: { zh: "计时中止", en: "Clock stopped", tone: "muted" },
  concluded: { zh: "已办结", en: "Concluded", tone: "muted" },
};
export const deadlineTag = (lang: Lang, s: string) => {
  const d = DEADLINE[s];
  return d ? { text: tb(lang, d), tone: d.tone } : { text: s, tone: "muted" };
};

export const channelLabel = (lang: Lang, channel: string) =>
  channel in CHANNEL_LABELS
    ? tb(lang, CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS])
    : channel;

/** Working days left; overdue ones as how many days late. */
export const daysLeft = (lang: Lang, n: number | null) =>
  n === null ? "—" : n >= 0 ? String(n) : lang === "en" ? `${-n} late` : `逾期 ${-n}`;
