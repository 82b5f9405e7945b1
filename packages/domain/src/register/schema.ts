// The register (登记簿) of disclosure applications as plain data: an application is the
// list of what happened to it, in the order it was recorded. Events are never changed or
// removed; an `amended` event supersedes an earlier one (correcting or withdrawing it) and
// says why. Everything else (state, due date, the tables) is derived from the events.
import { z } from "zod";
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from "../report/catalog.ts";
import { requestsTableSchema, yearSchema } from "../report/schema.ts";
import { MAX_EXTENSION_WORKING_DAYS } from "./deadlines/statutory-periods.ts";

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD / 日期格式应为 YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date / 日期不存在")
  .refine((s) => s >= "2000-01-01" && s <= "2100-12-31", "date out of range / 日期超出范围");
/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/** The zod schema of an applicant type (the columns of section 三). */
export const applicantTypeSchema = z.enum(APPLICANT_TYPES);
/** The zod schema of the channel an application came by. */
export const channelSchema = z.enum(CHANNELS);
/** The zod schema of an outcome (the 21 outcome rows of section 三). */
export const outcomeSchema = z.enum(OUTCOMES);

const eventId = z.string().min(1).max(64);
const reason = z.string().trim().min(1).max(500);

const base = {
  id: eventId,
  /** The day it happened (not the day it was recorded). */
  date: isoDate,
};

/**
 * The zod schema of a `received` event: the application's receipt, its applicant type and channel.
 */
export const receivedEvent = z.strictObject({
  ...base,
  type: z.literal("received"),
  applicantType: applicantTypeSchema,
  channel: channelSchema.default("other"),
  /**
   * The day the applicant sent it (posted, submitted online, faxed), when it differs from the
   * day of receipt: 第三十一条 counts from the signature or the confirmation (`date`).
   */
  submittedOn: isoDate.optional(),
});
/** 第三十条: the agency asks for a correction (once, within 7 working days of receipt). */
export const correctionRequestedEvent = z.strictObject({
  ...base,
  type: z.literal("correctionRequested"),
  /** The period given to the applicant, in working days, if the notice states one. */
  periodWorkingDays: z.number().int().min(1).max(60).optional(),
  /** The last day the notice gives, when it names a date instead of a number of working days. */
  dueOn: isoDate.optional(),
});
/** The corrected application arrives: the reply deadline starts again from this day. */
export const correctionReceivedEvent = z.strictObject({
  ...base,
  type: z.literal("correctionReceived"),
});
/** 第三十二条 / 第三十四条: time spent consulting is not counted. */
export const consultationStartedEvent = z.strictObject({
  ...base,
  type: z.literal("consultationStarted"),
  party: z.enum(["thirdParty", "agency"]),
  /** The day the consulted party received the request (its 15 working days count from it). */
  partyReceivedOn: isoDate.optional(),
});
/** The zod schema of a `consultationEnded` event: the consultation is over. */
export const consultationEndedEvent = z.strictObject({
  ...base,
  type: z.literal("consultationEnded"),
});
/** 第三十三条: one extension of at most 20 working days. */
export const extendedEvent = z.strictObject({
  ...base,
  type: z.literal("extended"),
  workingDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_EXTENSION_WORKING_DAYS)
    .default(MAX_EXTENSION_WORKING_DAYS),
});
/**
 * 第三十五条: the number or frequency of the applications clearly exceeds a reasonable range;
 * the reasons given are reasonable but the deadline can't be met, so the agency sets a
 * reasonable later date and tells the applicant. The reply is due on `dueOn`.
 */
export const reasonableDateSetEvent = z.strictObject({
  ...base,
  type: z.literal("reasonableDateSet"),
  dueOn: isoDate,
  reason: reason.optional(),
});
/** 信息处理费: from the notice until payment the time is not counted. */
export const feeNoticeIssuedEvent = z.strictObject({
  ...base,
  type: z.literal("feeNoticeIssued"),
  amountYuan: z.number().nonnegative().max(1e9),
  /** The day the applicant received the notice: the 20 working days to pay count from it. */
  deliveredOn: isoDate.optional(),
});
/** The zod schema of a `feePaid` event: the applicant paid the notified fee. */
export const feePaidEvent = z.strictObject({
  ...base,
  type: z.literal("feePaid"),
  amountYuan: z.number().nonnegative().max(1e9).optional(),
});
/** The zod schema of a `concluded` event: the reply, with its outcome. */
export const concludedEvent = z.strictObject({
  ...base,
  type: z.literal("concluded"),
  outcome: outcomeSchema,
});
/** Handling starts again after a conclusion (e.g. a reconsideration decision orders it). */
export const reopenedEvent = z.strictObject({ ...base, type: z.literal("reopened"), reason });

/** Every event except an amendment: what an amendment may put in place of another. */
export const plainEventSchema = z.discriminatedUnion("type", [
  receivedEvent,
  correctionRequestedEvent,
  correctionReceivedEvent,
  consultationStartedEvent,
  consultationEndedEvent,
  extendedEvent,
  reasonableDateSetEvent,
  feeNoticeIssuedEvent,
  feePaidEvent,
  concludedEvent,
  reopenedEvent,
]);

/**
 * Supersedes the event `supersedes`: with a `replacement` it corrects it (same type), without
 * one it withdraws it. The `date` is the day the amendment was made.
 */
export const amendedEvent = z.strictObject({
  ...base,
  type: z.literal("amended"),
  supersedes: eventId,
  reason,
  replacement: plainEventSchema.optional(),
});

/** The zod schema of any event recorded on an application (including amendments). */
export const applicationEventSchema = z.discriminatedUnion("type", [
  receivedEvent,
  correctionRequestedEvent,
  correctionReceivedEvent,
  consultationStartedEvent,
  consultationEndedEvent,
  extendedEvent,
  reasonableDateSetEvent,
  feeNoticeIssuedEvent,
  feePaidEvent,
  concludedEvent,
  reopenedEvent,
  amendedEvent,
]);

/** The types of event an application can record. */
export const EVENT_TYPES = applicationEventSchema.options.map((o) => o.shape.type.value);

/** The zod schema of an application: its id, number, subject and events. */
export const applicationSchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** The agency's own running number, shown to staff ("第 12 号"). */
  number: z.number().int().positive().optional(),
  subject: z.string().max(500).optional(),
  /** Events in the order they were recorded; the first effective one is `received`. */
  events: z.array(applicationEventSchema).min(1),
});

/**
 * Counts from before the register for one year: the applications of that year that are not
 * recorded one by one (all of them concluded before the register began, so `carriedForward`
 * is 0). Its rows add to the derived table of that year.
 */
export const openingBalanceSchema = z.strictObject({
  year: yearSchema,
  counts: requestsTableSchema,
  note: z.string().max(500).optional(),
});

/** The zod schema of a register: the applications and the opening balances. */
export const registerSchema = z.strictObject({
  applications: z.array(applicationSchema),
  openingBalances: z.array(openingBalanceSchema).default([]),
});

/** A `received` event. */
export type ReceivedEvent = z.infer<typeof receivedEvent>;
/** A `concluded` event. */
export type ConcludedEvent = z.infer<typeof concludedEvent>;
/** An event other than an amendment. */
export type PlainEvent = z.infer<typeof plainEventSchema>;
/** An amendment: an earlier event withdrawn or replaced. */
export type AmendedEvent = z.infer<typeof amendedEvent>;
/** Any event recorded on an application. */
export type ApplicationEvent = z.infer<typeof applicationEventSchema>;
/** The type of an application event. */
export type ApplicationEventType = ApplicationEvent["type"];
/** One application for disclosure (依申请公开), as the events recorded on it. */
export type Application = z.infer<typeof applicationSchema>;
/** Counts of a year from before the register, added to the derived table. */
export type OpeningBalance = z.infer<typeof openingBalanceSchema>;
/** An agency's register: its applications and opening balances. */
export type Register = z.infer<typeof registerSchema>;
