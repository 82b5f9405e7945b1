// The API's bodies and answers, built from the domain's schemas so the OpenAPI document and
// the validation say the same thing as the model.
import { z } from "@hono/zod-openapi";
import {
  AGENCY_CODE_PATTERN,
  APPLICANT_TYPE_WORDS,
  APPLICANT_TYPES,
  acceptedWords,
  amendedEvent,
  appealsSchema,
  applicantTypeOfWord,
  applicantTypeSchema,
  CHANNEL_WORDS,
  channelOfWord,
  channelSchema,
  concludedEvent,
  consultationEndedEvent,
  consultationStartedEvent,
  correctionReceivedEvent,
  correctionRequestedEvent,
  extendedEvent,
  feeNoticeIssuedEvent,
  feePaidEvent,
  feesSchema,
  findingSchema,
  isoDate,
  OUTCOME_GROUPS,
  OUTCOME_WORDS,
  OUTCOMES,
  outcomeOfWord,
  outcomeSchema,
  overviewSchema,
  proactiveSchema,
  REGION_CODE_PATTERN,
  reasonableDateSetEvent,
  receivedEvent,
  reopenedEvent,
  reportDraftSchema,
  requestsTableSchema,
  YEAR_MAX,
  YEAR_MIN,
} from "@ogi/domain";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

const errorResponse = (description: string) => ({
  content: { "application/json": { schema: errorSchema } },
  description,
});
export const errors = {
  400: errorResponse("Malformed request / 请求格式错误"),
  401: errorResponse("No or bad token / 缺少或无效的令牌"),
  403: errorResponse("Not allowed / 无权操作"),
  404: errorResponse("Not found / 不存在"),
  409: errorResponse("Conflict with the current state / 与当前状态冲突"),
  422: errorResponse("Invalid body / 内容有误"),
} as const;

/** The error answers a route can give, for its `responses`: `...errorsFor(400, 401, 404)`. */
export const errorsFor = <const K extends keyof typeof errors>(...codes: K[]) =>
  Object.fromEntries(codes.map((code) => [code, errors[code]])) as Pick<typeof errors, K>;

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
export const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

// ── Parameters ────────────────────────────────────────────────────────────────

export const agencyCodeSchema = z
  .string()
  .regex(
    AGENCY_CODE_PATTERN,
    "lower-case letters, digits and dashes, e.g. 411421-gxkj / 小写字母、数字和连字符",
  )
  .openapi({ example: "411421-gxkj" });
export const regionCodeSchema = z
  .string()
  .regex(REGION_CODE_PATTERN, "digits of an administrative division, e.g. 411421 / 行政区划代码")
  .openapi({ example: "411421" });
export const codeParam = z.object({
  code: agencyCodeSchema.openapi({ param: { name: "code", in: "path" } }),
});
export const regionParam = z.object({
  code: regionCodeSchema.openapi({ param: { name: "code", in: "path" } }),
});
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});
export const numberParam = z.object({
  code: agencyCodeSchema.openapi({ param: { name: "code", in: "path" } }),
  number: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .openapi({ param: { name: "number", in: "path" }, example: 12 }),
});
export const yearParam = z.coerce
  .number()
  .int()
  .min(YEAR_MIN)
  .max(YEAR_MAX)
  .openapi({ param: { name: "year", in: "path" }, example: 2025 });
export const codeYearParams = z.object({
  code: agencyCodeSchema.openapi({ param: { name: "code", in: "path" } }),
  year: yearParam,
});
export const regionYearParams = z.object({
  code: regionCodeSchema.openapi({ param: { name: "code", in: "path" } }),
  year: yearParam,
});

// ── Agencies, staff, tokens ───────────────────────────────────────────────────

/**
 * 第四十九条: a department (部门) publishes its annual report by 31 January; a county-level or
 * higher government (through its government information office) by 31 March.
 */
export const agencyKindSchema = z.enum(["department", "government"]).openapi({
  description: "department: report due 1-31; government: report due 3-31 (第四十九条)",
});
export const createAgencySchema = z
  .strictObject({
    code: agencyCodeSchema,
    name: z.string().trim().min(1).max(200),
    regionCode: regionCodeSchema.optional(),
    parentCode: agencyCodeSchema.optional(),
    kind: agencyKindSchema.optional(),
  })
  .openapi("CreateAgency");
export const updateAgencySchema = z
  .strictObject({ kind: agencyKindSchema })
  .openapi("UpdateAgency");
export const agencyOut = z
  .object({
    code: z.string(),
    name: z.string(),
    regionCode: z.string().nullable(),
    parentCode: z.string().nullable(),
    kind: agencyKindSchema,
  })
  .openapi("Agency");

export const createStaffSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    role: z.enum(["clerk", "manager", "admin"]),
  })
  .openapi("CreateStaff");
export const staffOut = z
  .object({
    id: z.string(),
    agencyCode: z.string(),
    name: z.string(),
    role: z.enum(["clerk", "manager", "admin"]),
    linked: z.boolean(),
    revoked: z.boolean(),
  })
  .openapi("Staff");
const telegramUserId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An invite used on Telegram (`telegramUserId`) or on another platform (`platform`, `externalId`). */
export const linkSchema = z
  .strictObject({
    inviteCode: z
      .string()
      .trim()
      .min(4, "邀请码无效：应为 4 到 32 个字符 / Not an invite code: 4 to 32 characters")
      .max(32, "邀请码无效：应为 4 到 32 个字符 / Not an invite code: 4 to 32 characters"),
    telegramUserId: telegramUserId.optional(),
    platform: z.enum(["telegram", "wecom", "dingtalk"]).optional(),
    /** The platform's user id (WeCom userid, DingTalk staffId): printable ASCII. */
    externalId: z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{1,128}$/, "1–128 printable ASCII characters / 1–128 个可打印 ASCII 字符")
      .optional(),
  })
  .openapi("LinkStaff");
/** An administrator links a staff member to a Telegram user without an invite (the terminal chat). */
export const staffTelegramSchema = z.strictObject({ telegramUserId }).openapi("StaffTelegram");
export const staffTelegramOut = staffOut
  .extend({
    /** The Telegram user the staff member acts as: the one linked before, if any. */
    telegramUserId: z.number(),
  })
  .openapi("StaffTelegramLink");
export const createTokenSchema = z
  .strictObject({
    label: z.string().max(100).optional(),
    /** personal (default): for the caller, or for `staffId` (admin); service and admin: admin only. */
    kind: z.enum(["personal", "service", "admin"]).default("personal"),
    staffId: z.string().optional(),
  })
  .openapi("CreateToken");
export const tokenOut = z
  .object({
    id: z.string(),
    kind: z.enum(["personal", "service", "admin"]),
    staffId: z.string().nullable(),
    label: z.string(),
    createdAt: z.string(),
    revoked: z.boolean(),
  })
  .openapi("Token");

// ── Applications and events ───────────────────────────────────────────────────

export const applicantSchema = z
  .strictObject({
    name: z.string().trim().max(200).optional(),
    contact: z.string().trim().max(200).optional(),
  })
  .openapi("Applicant");

/**
 * An enumeration by any of its words (the key, the catalog's Chinese or English label, the
 * words staff use: the domain's word lists, as the bot reads them); refused with the accepted
 * values in both languages.
 */
const byWord = <T extends string>(
  schema: z.ZodEnum<{ [K in T]: K }>,
  of: (word: string) => T | undefined,
  words: Record<T, readonly string[]>,
  name: { zh: string; en: string },
) => {
  const list = acceptedWords(words);
  // JSON is written by programs: a name is taken only as listed (the key, the catalog's Chinese
  // or English label, a listed word), never a lookalike (other case, spacing, invisible
  // characters). People's spellings are folded where people type: the bot and CSV files.
  const exact = new Map<string, T>();
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][])
    for (const w of list) if (of(w) === value) exact.set(w, value);
  const keys = schema.options as [T, ...T[]];
  return z
    .preprocess(
      (v) => (typeof v === "string" ? (exact.get(v) ?? v) : v),
      z.enum(keys, {
        error: () =>
          `${name.zh}无法识别，可用：${list.zh} / Unknown ${name.en}; accepted: ${list.en}`,
      }),
    )
    .openapi({
      // The document lists every accepted name, so that a client checking against it sends the
      // Chinese ones too; answers always carry the key.
      enum: [...keys, ...[...exact.keys()].filter((w) => !keys.includes(w as T))],
      description: `${name.zh}：键名或中文名（${list.zh}），回复中总是键名 / ${name.en}: the key or a listed name (${list.en}); answers carry the key`,
    });
};
export const applicantTypeWord = byWord(
  applicantTypeSchema,
  applicantTypeOfWord,
  APPLICANT_TYPE_WORDS,
  { zh: "申请人类型", en: "applicant type" },
);
export const channelWord = byWord(channelSchema, channelOfWord, CHANNEL_WORDS, {
  zh: "收件渠道",
  en: "channel",
});
export const outcomeWord = byWord(outcomeSchema, outcomeOfWord, OUTCOME_WORDS, {
  zh: "办理结果",
  en: "outcome",
});

export const createApplicationSchema = z
  .strictObject({
    receivedOn: isoDate,
    applicantType: applicantTypeWord,
    channel: channelWord.optional(),
    /**
     * By post, online or by fax: the day the applicant sent it. `receivedOn` is then the day
     * the agency signed for it or both sides confirmed it (第三十一条).
     */
    submittedOn: isoDate.optional(),
    subject: z.string().trim().max(500).optional(),
    applicant: applicantSchema.optional(),
  })
  .openapi("CreateApplication");
export type CreateApplicationBody = z.infer<typeof createApplicationSchema>;

/**
 * The particulars of an application added or corrected after registration: what is given
 * replaces what was recorded (the applicant's name and contact each on its own); nothing is
 * cleared, and the values before and after are kept in the audit log.
 */
export const amendParticularsSchema = z
  .strictObject({
    subject: z.string().trim().min(1).max(500).optional(),
    applicant: z
      .strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        contact: z.string().trim().min(1).max(200).optional(),
      })
      .optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine(
    (b) =>
      b.subject !== undefined ||
      b.applicant?.name !== undefined ||
      b.applicant?.contact !== undefined,
    {
      message:
        "申请内容、申请人姓名或联系方式至少填写一项 / give the subject, the applicant's name or contact",
    },
  )
  .openapi("AmendParticulars");
export type AmendParticularsBody = z.infer<typeof amendParticularsSchema>;

const noId = { id: true } as const;
const plainBodies = [
  receivedEvent
    .omit(noId)
    .extend({ applicantType: applicantTypeWord, channel: channelWord.default("other") }),
  correctionRequestedEvent.omit(noId),
  correctionReceivedEvent.omit(noId),
  consultationStartedEvent.omit(noId),
  consultationEndedEvent.omit(noId),
  extendedEvent.omit(noId),
  reasonableDateSetEvent.omit(noId),
  feeNoticeIssuedEvent.omit(noId),
  feePaidEvent.omit(noId),
  concludedEvent.omit(noId).extend({ outcome: outcomeWord }),
  reopenedEvent.omit(noId),
] as const;
export const plainEventBody = z.discriminatedUnion("type", [...plainBodies]);
/** An event as posted: the server gives it its id (and its replacement's). */
export const eventBodySchema = z
  .discriminatedUnion("type", [
    ...plainBodies,
    amendedEvent.omit(noId).extend({ replacement: plainEventBody.optional() }),
  ])
  .openapi("NewEvent");
export type EventBody = z.infer<typeof eventBodySchema>;

export const eventOut = z
  .object({
    id: z.string(),
    type: z.string(),
    date: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string().nullable(),
    channel: z.string(),
    event: z.record(z.string(), z.unknown()),
  })
  .openapi("RecordedEvent");

export const applicationOut = z
  .object({
    id: z.string(),
    agencyCode: z.string(),
    number: z.number(),
    subject: z.string().nullable(),
    applicant: applicantSchema.nullable().optional(),
    receivedOn: z.string(),
    applicantType: z.string(),
    channel: z.string(),
    status: z.enum(["open", "concluded"]),
    concludedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    /** Derived on read from the events and the working calendar (docs/deadlines.md). */
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    /** The due date depends on a year computed from the statutory holidays (not published). */
    provisional: z.boolean(),
    /** How the due date was counted, step by step. */
    trace: z.array(z.object({ zh: z.string(), en: z.string() })),
    /** applicationStatus as of today (dueSoon: at most 5 working days left). */
    deadlineStatus: z.enum([
      "onTime",
      "dueSoon",
      "overdue",
      "waitingForApplicant",
      "paused",
      "concluded",
    ]),
    /** Working days until the due date (0 = today; negative when overdue); null without one. */
    workingDaysLeft: z.number().nullable(),
    /** Who recorded its first event (a page of the register only). */
    registeredBy: z.string().nullable().optional(),
    /** While the clock stands (consultation, fee, 补正): the due date if it runs to its statutory end. */
    projectedDueDate: z.string().nullable(),
    /** The applicant let a 补正 or fee period lapse: to be closed as 逾期不补正 / 逾期未缴费. */
    decisionDue: z.enum(["otherNoCorrection", "otherFeeUnpaid"]).nullable(),
    /** The outcome is not supported by the recorded events (逾期不补正 without a 补正 request…). */
    outcomeWarnings: z.array(z.object({ zh: z.string(), en: z.string() })),
  })
  .openapi("Application");
export const applicationDetailOut = applicationOut
  .extend({ events: z.array(eventOut) })
  .openapi("ApplicationDetail");

export const listApplicationsQuery = z.object({
  /** The application with this running number (numbers run from 1 within an agency). */
  number: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  status: z.enum(["open", "concluded"]).optional(),
  year: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  /** Open applications due within this many working days (from today). */
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  // The figures of the year to date, application by application (the web console's links).
  applicantType: z.enum(APPLICANT_TYPES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  outcomeGroup: z.enum(OUTCOME_GROUPS).optional(),
  receivedYear: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  concludedYear: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  /** Received before this year and still open at its start (上年结转). */
  carriedInto: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional(),
  /** Text in the subject. */
  text: z.string().trim().min(1).max(100).optional(),
  /**
   * `due`: the open applications overdue or due within `dueWithin` working days (default 5),
   * the soonest due first (督办).
   */
  order: z.enum(["number", "due"]).default("number"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// ── Reports ───────────────────────────────────────────────────────────────────

export const reportQuery = z.object({
  format: z.enum(["json", "md", "html", "txt", "csv", "docx", "pdf", "xlsx"]).default("json"),
  lang: z.enum(["zh", "en"]).default("zh"),
  /** List the findings in a draft's rendering (never in a published report's). */
  findings: z.enum(["true", "false"]).default("false"),
});

export const reportOut = z
  .object({
    status: z.enum(["draft", "published"]),
    publishedAt: z.string().nullable(),
    report: reportDraftSchema,
    findings: z.array(findingSchema),
    suggestions: z
      .object({
        overviewRequests: z.object({ zh: z.string(), en: z.string() }),
        otherMattersFees: z.object({ zh: z.string(), en: z.string() }).optional(),
      })
      .optional()
      .openapi({
        description:
          "Drafting help for a draft (never written into the report): a paragraph for section 一（二）依申请公开 from the register / 草稿的写作建议（不会自动写入报告）",
      }),
  })
  .openapi("ReportWithFindings");

export const sectionsSchema = z
  .strictObject({
    overview: overviewSchema.optional(),
    proactive: proactiveSchema.optional(),
    appeals: appealsSchema.optional(),
    problems: z.string().max(100_000).optional(),
    otherMatters: z.string().max(100_000).optional(),
    fees: feesSchema.optional(),
  })
  .openapi("ReportSections");
export const SECTION_SCHEMAS = {
  overview: overviewSchema,
  proactive: proactiveSchema,
  appeals: appealsSchema,
  problems: z.string().max(100_000),
  otherMatters: z.string().max(100_000),
  fees: feesSchema,
} as const;
export const sectionParams = z.object({
  code: agencyCodeSchema.openapi({ param: { name: "code", in: "path" } }),
  year: yearParam,
  section: z
    .enum(["overview", "proactive", "appeals", "problems", "otherMatters", "fees"])
    .openapi({ param: { name: "section", in: "path" } }),
});

export const openingBalanceBody = z
  .strictObject({ counts: requestsTableSchema, note: z.string().max(500).optional() })
  .openapi("OpeningBalance");

export const reopenSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const summaryQuery = z.object({ asOf: isoDate.optional() });
const counts = z.record(z.string(), z.number());
export const summaryOut = z
  .object({
    agency: z.object({ code: z.string(), name: z.string() }),
    year: z.number(),
    asOf: z.string(),
    carriedOver: counts,
    received: counts,
    concluded: z.record(z.string(), counts),
    concludedByGroup: z.record(z.string(), counts),
    concludedTotal: counts,
    openNow: counts,
    overdue: z.number(),
    dueWithin5WorkingDays: z.number(),
    balanced: z.boolean(),
    dueDatesAvailable: z.boolean(),
  })
  .openapi("YearToDate");

/** `?yearToDate=true` on recording an event: the answer also carries the agency's year to date. */
export const eventQuery = z.object({ yearToDate: z.enum(["true", "false"]).optional() });
export const recordedOut = applicationDetailOut
  .extend({
    /**
     * With `?yearToDate=true`: the agency's year to date once the event is recorded (as GET
     * …/summary answers it today); absent if the caller may not read it or it could not be had
     * (the event is recorded all the same).
     */
    yearToDate: summaryOut.optional(),
  })
  .openapi("RecordedEvent");

export const checkOut = z.object({ findings: z.array(findingSchema) }).openapi("Findings");
export const parseOut = z
  .object({ report: reportDraftSchema, findings: z.array(findingSchema) })
  .openapi("ParseResult");
/** Several files at once (multipart): one entry per file, the hierarchy check, a summary. */
export const parseSetOut = z
  .object({
    entries: z.array(
      z.union([
        z.object({
          name: z.string(),
          ok: z.literal(true),
          report: reportDraftSchema,
          findings: z.array(findingSchema),
        }),
        z.object({
          name: z.string(),
          ok: z.literal(false),
          error: z.object({ code: z.string(), zh: z.string(), en: z.string() }),
        }),
      ]),
    ),
    hierarchy: z.array(findingSchema),
    summary: z.object({
      files: z.number().int(),
      read: z.number().int(),
      failed: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      county: z.string().nullable(),
      departments: z.number().int(),
      hierarchyMismatches: z.number().int(),
    }),
  })
  .openapi("ParseSetResult");

export { outcomeSchema };
