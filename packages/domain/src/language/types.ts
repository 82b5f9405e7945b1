// What a clerk's message means, as data: the public shapes of the language module. A message
// is read to exactly one Reading: understood (an intent with its slots), ask (it could mean
// several things: the question and the candidate readings, never a guess) or unknown. The
// intents carry the bot's own command names (new, close, more, undo, summary, report, pending,
// help, cancel) and the register's keys (ApplicantType, Channel, Outcome, event types), so a reading
// maps 1:1 onto the bot's existing flows.
import type { ApplicantType, Channel, Outcome, OutcomeGroup } from "../report/catalog.ts";
import type { Bilingual, Lang } from "../text.ts";

/** YYYY-MM-DD (a day in China). */
export type IsoDay = string;

/** What the reader needs besides the text: nothing is read from a clock. */
export type ReadContext = {
  /** The clerk's date in China (YYYY-MM-DD): 今天, 上周五, 12.1 are read against it. */
  today: IsoDay;
  /** The agency's first day (YYYY-MM-DD): dates before it are refused. */
  earliest?: IsoDay;
  /** The clerk's language. Reserved: every text of a reading is in both languages already. */
  lang?: Lang;
};

/**
 * The events besides receipt and conclusion, as the bot's /more flow names them (MORE_EVENTS
 * in packages/bot/src/flows/more.ts); a consultation names its party.
 */
export const MORE_EVENT_KEYS = [
  "correctionRequested",
  "correctionReceived",
  "consultationStartedThirdParty",
  "consultationStartedAgency",
  "consultationEnded",
  "extended",
  "feeNoticeIssued",
  "feePaid",
] as const;
/** One of the events other than receipt and conclusion that a clerk records by message. */
export type MoreEventKey = (typeof MORE_EVENT_KEYS)[number];

/** 登记: an application received. Slots not in the message are undefined (the bot asks them). */
export type NewIntent = {
  intent: "new";
  date?: IsoDay;
  /** Undefined when the message does not say (the bot asks with its six buttons). */
  applicantType?: ApplicantType;
  applicantName?: string;
  contact?: string;
  /** 申请内容: what is asked for ("2025年预算"). */
  subject?: string;
  channel?: Channel;
};

/** 办结: an application concluded with one of the 21 outcome rows. */
export type CloseIntent = {
  intent: "close";
  number?: number;
  outcome?: Outcome;
  date?: IsoDay;
  /**
   * 非本机关: the information is another body's; the outcome is unableNotHeld and the reply
   * names where to apply. The body named, or "" when the message names none.
   */
  referral?: string;
  /** 撤回: the applicant withdrew; recorded as outcome otherOther (（六）3 其他). */
  withdrawn?: true;
};

/** 其他事项: another event on an open application. */
export type MoreIntent = {
  intent: "more";
  number?: number;
  event: MoreEventKey;
  date?: IsoDay;
  /** feeNoticeIssued / feePaid: the amount in yuan, if the message states it. */
  amountYuan?: number;
  /**
   * extended: the working days given, if stated (the law allows at most 20);
   * correctionRequested: the period the notice gives (the register's periodWorkingDays).
   */
  workingDays?: number;
};

/** The year-to-date figure a question asks for; undefined: the whole summary (统计). */
export type SummaryMeasure = "received" | "concluded" | "open" | "overdue";

/** 统计 / a question: "今年收了多少件", "去年办结了几件", "今年予以公开几件". */
export type SummaryIntent = {
  intent: "summary";
  /** The year asked about (this year unless the message says 去年 or names one). */
  year: number;
  measure?: SummaryMeasure;
  /** Concluded with this outcome only ("今年予以公开了几件"). */
  outcome?: Outcome;
  /** Concluded within this group only ("今年不予公开几件"). */
  group?: OutcomeGroup;
};

/** What a message asks for, with the slots it gave (see readMessage). */
export type Intent =
  | NewIntent
  | CloseIntent
  | MoreIntent
  | { intent: "undo" }
  | SummaryIntent
  /** 年报: the annual report (of `year` if named). */
  | { intent: "report"; year?: number }
  /** 在办 list; `overdue`: only those past their due date (逾期的). */
  | { intent: "pending"; overdue: boolean }
  | { intent: "help" }
  | { intent: "cancel" };

/** The name of an intent (`new`, `close`, `more`, `summary`, …). */
export type IntentName = Intent["intent"];
/** Every intent, in the order the bot's help lists its commands. */
export const INTENT_NAMES = [
  "new",
  "close",
  "more",
  "undo",
  "summary",
  "report",
  "pending",
  "help",
  "cancel",
] as const satisfies readonly IntentName[];

/** The message means this. `errors`: slots it stated that are refused (a future date…). */
export type Understood = { kind: "understood"; errors: Bilingual[] } & Intent;

/** One candidate reading offered back as a choice. */
export type Choice = { label: Bilingual; reading: Understood };

/** The message could mean several things: the question and every candidate, never a guess. */
export type Ask = { kind: "ask"; question: Bilingual; choices: Choice[] };

/** Not understood: a short hint of what can be typed. */
export type Unknown = { kind: "unknown"; hint: Bilingual };

/** What readMessage made of a message: understood, asked back with choices, or not understood. */
export type Reading = Understood | Ask | Unknown;

/** The slots `readSlot` reads alone (the answer to a question the bot asked). */
export type SlotValues = {
  date: IsoDay;
  number: number;
  applicantType: ApplicantType;
  channel: Channel;
  outcome: Outcome;
  /** An amount in yuan ("50元", "五十元", "50"). */
  amount: number;
  year: number;
  event: MoreEventKey;
  /** A number of working days ("15个工作日", "15天", "十五"): an extension's, a period's. */
  workingDays: number;
};
/** A kind of slot readSlot reads alone (a date, a number, an outcome, …). */
export type SlotKind = keyof SlotValues;
/** Every slot kind readSlot takes. */
export const SLOT_KINDS = [
  "date",
  "number",
  "applicantType",
  "channel",
  "outcome",
  "amount",
  "year",
  "event",
  "workingDays",
] as const satisfies readonly SlotKind[];

/**
 * A fragment read as one slot: the value; several values it could be (ask); a value it
 * names but that is refused (a future date, a date before the agency existed); or nothing.
 */
export type SlotReading<T> =
  | { kind: "understood"; value: T }
  | { kind: "ask"; question: Bilingual; choices: { label: Bilingual; value: T }[] }
  | { kind: "refused"; reason: Bilingual }
  | { kind: "unknown"; hint: Bilingual };

/** readMessage(text, context): Reading — the signature of the reader (see read-message.ts). */
export type ReadMessage = (text: string, context: ReadContext) => Reading;
/** readSlot(kind, text, context) — see read-slot.ts. */
export type ReadSlot = <K extends SlotKind>(
  kind: K,
  text: string,
  context: ReadContext,
) => SlotReading<SlotValues[K]>;
