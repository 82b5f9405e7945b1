// Repository functions of the deadlines (issue 4): loaded holiday files, the cached due dates
// of open applications, and the reminders the bot delivered.
import type { Application, ApplicationEvent } from "@ogi/domain";
import { and, asc, eq, inArray, isNotNull, isNull, max, or, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import type { Recorder } from "./repo.ts";
import {
  agencies,
  applicationEvents,
  applications,
  holidayFiles,
  sentReminders,
  staff,
  staffIdentities,
} from "./schema.ts";

export type HolidayFileRow = typeof holidayFiles.$inferSelect;
export type SentReminderRow = typeof sentReminders.$inferSelect;

// ── Holiday files ─────────────────────────────────────────────────────────────

/** Stores a holiday file (already validated) with who loaded it. */
export const addHolidayFile = async (
  ex: Executor,
  file: { raw: string; years: readonly number[] },
  by: Recorder,
): Promise<HolidayFileRow> => {
  const [row] = await ex
    .insert(holidayFiles)
    .values({
      raw: file.raw,
      years: [...file.years],
      loadedBy: by.actor,
      channel: by.channel,
      loadedAt: by.now,
    })
    .returning();
  return row!;
};

/** Every loaded holiday file, in load order (a later file wins for the years it covers). */
export const listHolidayFiles = async (ex: Executor): Promise<HolidayFileRow[]> =>
  ex.select().from(holidayFiles).orderBy(asc(holidayFiles.id));

/** The id of the last file loaded (0 for none): a cached calendar is current while it stays. */
export const holidayFilesVersion = async (ex: Executor): Promise<number> => {
  const [row] = await ex.select({ v: max(holidayFiles.id) }).from(holidayFiles);
  return Number(row?.v ?? 0);
};

// ── Cached due dates ──────────────────────────────────────────────────────────

/** The open applications (all agencies, or some) with their events, for deadlines. */
export const openApplications = async (
  ex: Executor,
  agencyCodes?: readonly string[],
): Promise<
  { agencyCode: string; subject: string | null; application: Application; dueDate: string | null }[]
> => {
  if (agencyCodes && agencyCodes.length === 0) return [];
  const where = and(
    eq(applications.status, "open"),
    agencyCodes ? inArray(applications.agencyCode, [...agencyCodes]) : undefined,
  );
  const rows = await ex
    .select()
    .from(applications)
    .where(where)
    .orderBy(asc(applications.agencyCode), asc(applications.number));
  const events = await ex
    .select({ applicationId: applicationEvents.applicationId, payload: applicationEvents.payload })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(where)
    .orderBy(asc(applicationEvents.seq));
  const byApp = new Map<string, ApplicationEvent[]>();
  for (const e of events) {
    const list = byApp.get(e.applicationId) ?? [];
    list.push(e.payload as ApplicationEvent);
    byApp.set(e.applicationId, list);
  }
  return rows.map((r) => ({
    agencyCode: r.agencyCode,
    subject: r.subject,
    dueDate: r.dueDate,
    application: {
      id: r.id,
      number: r.number,
      ...(r.subject ? { subject: r.subject } : {}),
      events: byApp.get(r.id) ?? [],
    },
  }));
};

/**
 * Recomputes the cached due date of every open application (after a holiday file changed the
 * calendar); run it in the transaction that stores the file. Returns the applications whose
 * due date moved.
 */
export const recomputeDueDates = async (
  ex: Executor,
  dueDate: (app: Application) => string | null,
): Promise<{ id: string; from: string | null; to: string | null }[]> => {
  const moved: { id: string; from: string | null; to: string | null }[] = [];
  for (const o of await openApplications(ex)) {
    const to = dueDate(o.application);
    if (to === o.dueDate) continue;
    await ex.update(applications).set({ dueDate: to }).where(eq(applications.id, o.application.id));
    moved.push({ id: o.application.id, from: o.dueDate, to });
  }
  return moved;
};

/** The applications of some rows with their events (in recorded order), by id: one query. */
export const applicationsOf = async (
  ex: Executor,
  rows: readonly { id: string; number: number; subject: string | null }[],
): Promise<Map<string, Application>> => {
  const out = new Map<string, Application>();
  if (rows.length === 0) return out;
  const events = await ex
    .select({ applicationId: applicationEvents.applicationId, payload: applicationEvents.payload })
    .from(applicationEvents)
    .where(
      inArray(
        applicationEvents.applicationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(applicationEvents.seq));
  for (const r of rows)
    out.set(r.id, {
      id: r.id,
      number: r.number,
      ...(r.subject ? { subject: r.subject } : {}),
      events: [],
    });
  for (const e of events) out.get(e.applicationId)?.events.push(e.payload as ApplicationEvent);
  return out;
};

// ── Reminders ─────────────────────────────────────────────────────────────────

/** Staff members who linked Telegram or another messenger and are not revoked, with their agency's place. */
export const linkedStaff = async (ex: Executor) =>
  ex
    .select({
      id: staff.id,
      role: staff.role,
      agencyCode: staff.agencyCode,
      telegramUserId: staff.telegramUserId,
      regionCode: agencies.regionCode,
      parentCode: agencies.parentCode,
    })
    .from(staff)
    .innerJoin(agencies, eq(agencies.code, staff.agencyCode))
    .where(
      and(
        // Linked on Telegram, or on another messenger (staff_identities).
        or(
          isNotNull(staff.telegramUserId),
          sql`exists (select 1 from ${staffIdentities} where ${staffIdentities.staffId} = ${staff.id})`,
        ),
        isNull(staff.revokedAt),
      ),
    )
    .orderBy(asc(staff.id));

export const reminderRecords = async (
  ex: Executor,
  keys: readonly string[],
): Promise<SentReminderRow[]> =>
  keys.length === 0
    ? []
    : ex
        .select()
        .from(sentReminders)
        .where(inArray(sentReminders.key, [...keys]));

/**
 * Records a delivery (or failed attempts) of a reminder: attempts add up, the first delivery
 * time stays, the last error is kept.
 */
export const recordReminder = async (
  ex: Executor,
  r: {
    key: string;
    staffId: string | null;
    kind: string;
    date: string;
    delivered: boolean;
    attempts: number;
    error?: string | null | undefined;
  },
  now: Date,
): Promise<SentReminderRow> => {
  const [row] = await ex
    .insert(sentReminders)
    .values({
      key: r.key,
      staffId: r.staffId,
      kind: r.kind,
      date: r.date,
      sentAt: r.delivered ? now : null,
      attempts: r.attempts,
      lastError: r.error ?? null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: sentReminders.key,
      set: {
        sentAt: r.delivered
          ? sql`coalesce(${sentReminders.sentAt}, excluded.sent_at)`
          : sql`${sentReminders.sentAt}`,
        attempts: sql`${sentReminders.attempts} + excluded.attempts`,
        lastError: r.error ? sql`excluded.last_error` : sql`${sentReminders.lastError}`,
        updatedAt: now,
      },
    })
    .returning();
  return row!;
};
