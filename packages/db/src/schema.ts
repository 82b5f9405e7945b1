// The tables of the register and of everything around it. Tables are unqualified (no pgSchema)
// so that a test can run the same migrations in a schema of its own through `search_path`.
// Events are append-only: nothing in this package updates or deletes a row of
// `application_events`; the `applications` row only caches what the events derive.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull();

export const agencies = pgTable(
  "agencies",
  {
    /** e.g. `411421-gxkj`: the administrative division code, a dash, the agency's short name. */
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    regionCode: text("region_code"),
    /** The agency that sums this one (a county government sums its departments). */
    parentCode: text("parent_code"),
    /**
     * 第四十九条: a department (部门) publishes its report by 31 January; a county-level or
     * higher government (its government information office) publishes the government's by 31 March.
     */
    kind: text("kind", { enum: ["department", "government"] })
      .notNull()
      .default("department"),
    /** The next running number of an application (a row lock serializes concurrent receipts). */
    nextNumber: integer("next_number").notNull().default(1),
    /**
     * The years whose report is published and not reopened (as in published_reports), kept on
     * the agency's row so that a write of the counts checks them under the row's lock: publishing
     * holds the row `for update`, each write takes it `for key share` in its own statement.
     */
    lockedYears: integer("locked_years").array().notNull().default(sql`'{}'::int[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index("agencies_parent_idx").on(t.parentCode),
    index("agencies_region_idx").on(t.regionCode),
  ],
);

export const staff = pgTable(
  "staff",
  {
    id: text("id").primaryKey(),
    agencyCode: text("agency_code")
      .notNull()
      .references(() => agencies.code),
    name: text("name").notNull(),
    role: text("role", { enum: ["clerk", "manager", "admin"] }).notNull(),
    telegramUserId: bigint("telegram_user_id", { mode: "number" }),
    /** sha256 of the one-time invite code; null once used. */
    inviteCodeHash: text("invite_code_hash"),
    linkedAt: timestamp("linked_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("staff_role_check", sql`${t.role} in ('clerk', 'manager', 'admin')`),
    uniqueIndex("staff_invite_idx").on(t.inviteCodeHash),
    index("staff_agency_idx").on(t.agencyCode),
    index("staff_telegram_idx").on(t.telegramUserId),
  ],
);

/**
 * Who a staff member is on each messenger: (platform, the platform's user id as text). A person
 * may be linked on several platforms, and one platform user may hold several staff records (one
 * per agency). Telegram links are also kept in `staff.telegram_user_id` (read by older code).
 */
export const staffIdentities = pgTable(
  "staff_identities",
  {
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    platform: text("platform", { enum: ["telegram", "wecom", "dingtalk"] }).notNull(),
    externalId: text("external_id").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.externalId, t.staffId] }),
    index("staff_identities_staff_idx").on(t.staffId),
    check(
      "staff_identities_platform_check",
      sql`${t.platform} in ('telegram', 'wecom', 'dingtalk')`,
    ),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    /** sha256 of the token; the token itself is shown once. */
    tokenHash: text("token_hash").notNull(),
    /** `personal`: acts as its staff member; `service`: the bot, acts for linked users; `admin`. */
    kind: text("kind", { enum: ["personal", "service", "admin"] }).notNull(),
    staffId: text("staff_id").references(() => staff.id),
    label: text("label").notNull().default(""),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_idx").on(t.tokenHash),
    check("api_tokens_kind_check", sql`${t.kind} in ('personal', 'service', 'admin')`),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey(),
    agencyCode: text("agency_code")
      .notNull()
      .references(() => agencies.code),
    /** The agency's running number. */
    number: integer("number").notNull(),
    subject: text("subject"),
    /** Personal data of the applicant ({ name, contact }): shown to the agency's staff only. */
    applicant: jsonb("applicant").$type<{ name?: string; contact?: string } | null>(),
    // Derived from the events (kept in the same transaction as each event) for queries.
    receivedOn: text("received_on").notNull(),
    receivedYear: integer("received_year").notNull(),
    applicantType: text("applicant_type").notNull(),
    channel: text("channel").notNull(),
    status: text("status", { enum: ["open", "concluded"] }).notNull(),
    concludedOn: text("concluded_on"),
    outcome: text("outcome"),
    dueDate: text("due_date"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("applications_number_idx").on(t.agencyCode, t.number),
    index("applications_year_idx").on(t.agencyCode, t.receivedYear),
    index("applications_status_idx").on(t.agencyCode, t.status),
    // The year to date counts the open applications overdue or falling due soon, and /pending
    // lists them by due date: a range of this index, not a scan of the agency's register.
    index("applications_open_due_idx").on(t.agencyCode, t.dueDate).where(sql`${t.status} = 'open'`),
  ],
);

export const applicationEvents = pgTable(
  "application_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    /** The domain event id (unique within its application). */
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    date: text("date").notNull(),
    /** The whole domain event, as validated by `applicationEventSchema`. */
    payload: jsonb("payload").notNull(),
    recordedBy: text("recorded_by"),
    channel: text("channel").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [uniqueIndex("application_events_id_idx").on(t.applicationId, t.eventId)],
);

/**
 * The register's flows per agency, year, row and column (rows newReceived, the outcomes and
 * totalProcessed), kept in the same transaction as each event so that a report reads a few
 * hundred rows instead of folding the whole register. The stocks (carriedOver, carriedForward)
 * follow from the balance. The fold of the domain is the reference in tests.
 */
export const requestCounts = pgTable(
  "request_counts",
  {
    agencyCode: text("agency_code").notNull(),
    year: integer("year").notNull(),
    row: text("row").notNull(),
    column: text("col").notNull(),
    /**
     * Concurrent events of one agency would all wait for the same few counter rows until each
     * commits; each application writes to one of COUNT_SHARDS rows per cell, and readers sum.
     */
    shard: integer("shard").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.year, t.row, t.column, t.shard] })],
);

export const COUNT_SHARDS = 16;

/**
 * The same flows by day (the domain's datedContribution): summed from 1 January to a day, the
 * year to date as of that day, without reading the register. Written by the statements that
 * write request_counts, with the same shards.
 */
export const requestCountsDaily = pgTable(
  "request_counts_daily",
  {
    agencyCode: text("agency_code").notNull(),
    /** YYYY-MM-DD. */
    day: text("day").notNull(),
    row: text("row").notNull(),
    column: text("col").notNull(),
    shard: integer("shard").notNull().default(0),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day, t.row, t.column, t.shard] })],
);

/**
 * Work a migration leaves to the API's start, done once: e.g. `backfill:request_counts_daily`
 * (the flows by day of the applications registered before that table existed).
 */
export const pendingTasks = pgTable("pending_tasks", {
  name: text("name").primaryKey(),
});

/** The sections a person writes: overview, proactive, appeals, problems, otherMatters, fees. */
export const reportSections = pgTable(
  "report_sections",
  {
    agencyCode: text("agency_code")
      .notNull()
      .references(() => agencies.code),
    year: integer("year").notNull(),
    section: text("section").notNull(),
    content: jsonb("content").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.year, t.section] })],
);

export const openingBalances = pgTable(
  "opening_balances",
  {
    agencyCode: text("agency_code")
      .notNull()
      .references(() => agencies.code),
    year: integer("year").notNull(),
    counts: jsonb("counts").notNull(),
    note: text("note"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.year] })],
);

/**
 * Last year's report as the agency published it before using the register, brought in as the
 * opening of its first year: its 结转下年度 is the next year's 上年结转 (the cross-year rules
 * read it as the previous year). It does not lock its year and adds to no count.
 */
export const broughtInReports = pgTable(
  "brought_in_reports",
  {
    agencyCode: text("agency_code")
      .notNull()
      .references(() => agencies.code),
    year: integer("year").notNull(),
    report: jsonb("report").notNull(),
    note: text("note"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.year] })],
);

/** Published reports: the snapshot is what the year says once locked; reopening keeps the row. */
export const publishedReports = pgTable(
  "published_reports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agencyCode: text("agency_code")
      .notNull()
      .references(() => agencies.code),
    year: integer("year").notNull(),
    report: jsonb("report").notNull(),
    findings: jsonb("findings").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }).notNull(),
    publishedBy: text("published_by"),
    reopenedAt: timestamp("reopened_at", { withTimezone: true, mode: "date" }),
    reopenedBy: text("reopened_by"),
    reopenReason: text("reopen_reason"),
  },
  (t) => [index("published_reports_idx").on(t.agencyCode, t.year)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** Who sent it (token id), so that two clients cannot collide on a key. */
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    route: text("route").notNull(),
    bodyHash: text("body_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] })],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actor: text("actor"),
    channel: text("channel", { enum: ["api", "bot", "cli", "import"] }).notNull(),
    action: text("action").notNull(),
    target: text("target"),
    detail: jsonb("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

/**
 * Holiday files an admin loaded (`POST /v1/calendar/holidays`, `ogi calendar load`): the State
 * Council's arrangement of a year the package does not know yet, in chinese-days' JSON shape,
 * kept as sent. The working calendar is the package's plus these, in load order (later wins).
 */
export const holidayFiles = pgTable("holiday_files", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** The file as it was loaded (validated by the domain's parseHolidayFile). */
  raw: text("raw").notNull(),
  /** The years the file covers. */
  years: integer("years").array().notNull(),
  loadedBy: text("loaded_by"),
  channel: text("channel", { enum: ["api", "bot", "cli", "import"] }).notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true, mode: "date" }).notNull(),
});

/**
 * Reminders the bot delivered (or tried to): the key names staff member, kind and day, so a
 * restart never sends one twice. `sentAt` is null while every attempt failed.
 */
export const sentReminders = pgTable(
  "sent_reminders",
  {
    key: text("key").primaryKey(),
    staffId: text("staff_id"),
    kind: text("kind").notNull(),
    date: text("date").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sent_reminders_date_idx").on(t.date)],
);

/**
 * Sessions of the web console (/console): the cookie holds a random id, this row its sha256.
 * `subject` says who signed in, re-read on every request so that a revoked token or staff
 * member ends the session: `token:<api_tokens.id>`, `admin:<hash prefix of the env admin
 * token>` or `telegram:<user id>` (signed in by the bot's one-time link).
 */
export const consoleSessions = pgTable(
  "console_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    subject: text("subject").notNull(),
    /** The token every form of the session carries (CSRF). */
    csrf: text("csrf").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("console_sessions_seen_idx").on(t.lastSeenAt)],
);

/** One-time sign-in links of the console the bot hands out (/web): sha256 of the code. */
export const consoleSignInLinks = pgTable("console_sign_in_links", {
  codeHash: text("code_hash").primaryKey(),
  subject: text("subject").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
});
