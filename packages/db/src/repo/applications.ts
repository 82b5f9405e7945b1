// Reading the register: applications with their events, by id, by number, by page, and the
// whole register of some agencies.
import type { Application, ApplicationEvent, OpeningBalance, RequestsTable } from "@ogi/domain";
import { and, asc, eq, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import {
  applicationEvents,
  applications,
  openingBalances,
  publishedReports,
  staff,
} from "../schema.ts";
import { type ApplicationRow, anyOf } from "./common.ts";

const toApplication = (row: ApplicationRow, events: { payload: unknown }[]): Application => ({
  id: row.id,
  number: row.number,
  ...(row.subject ? { subject: row.subject } : {}),
  events: events.map((e) => e.payload as ApplicationEvent),
});

export type StoredApplication = {
  row: ApplicationRow;
  application: Application;
  events: (typeof applicationEvents.$inferSelect)[];
};

export const getApplication = async (
  ex: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredApplication | undefined> =>
  (await loadApplication(ex, id, options.forUpdate ?? false))?.stored;

type EventJson = Omit<typeof applicationEvents.$inferSelect, "recordedAt"> & { recordedAt: string };

/**
 * The application with its events, and the locked years of its agency, in one query (the
 * path of every event; `forUpdate` locks the row until the transaction ends).
 */
export const loadApplication = async (
  ex: Executor,
  id: string,
  forUpdate: boolean,
): Promise<LoadedApplication | undefined> => (await loadApplications(ex, [id], forUpdate)).get(id);

export type LoadedApplication = { stored: StoredApplication; lockedYears: number[] };

/** loadApplication for several applications at once (one query), by id. */
export const loadApplications = async (
  ex: Executor,
  ids: readonly string[],
  forUpdate = false,
): Promise<Map<string, LoadedApplication>> => {
  const query = ex
    .select({
      row: applications,
      events: sql<EventJson[]>`coalesce((
        select json_agg(json_build_object('seq', e.seq, 'applicationId', e.application_id,
          'eventId', e.event_id, 'type', e.type, 'date', e.date, 'payload', e.payload,
          'recordedBy', e.recorded_by, 'channel', e.channel, 'recordedAt', e.recorded_at)
          order by e.seq)
        from ${applicationEvents} e where e.application_id = ${applications.id}), '[]'::json)`,
      locked: sql<number[] | null>`(
        select array_agg(distinct p.year) from ${publishedReports} p
        where p.agency_code = ${applications.agencyCode} and p.reopened_at is null)`,
    })
    .from(applications)
    .where(ids.length === 1 ? eq(applications.id, ids[0]!) : anyOf(applications.id, ids));
  const found = forUpdate ? await query.for("update", { of: applications }) : await query;
  const out = new Map<string, LoadedApplication>();
  for (const f of found) {
    const raw = typeof f.events === "string" ? (JSON.parse(f.events) as EventJson[]) : f.events;
    const events = raw.map((e) => ({
      ...e,
      seq: Number(e.seq),
      recordedAt: new Date(e.recordedAt),
    }));
    out.set(f.row.id, {
      stored: { row: f.row, application: toApplication(f.row, events), events },
      lockedYears: (f.locked ?? []).map(Number),
    });
  }
  return out;
};

export type ApplicationFilter = {
  number?: number | undefined;
  status?: "open" | "concluded" | undefined;
  year?: number | undefined;
  dueBy?: string | undefined;
  /** Open applications due before this day (YYYY-MM-DD), the soonest first (the console's 督办). */
  dueBefore?: string | undefined;
  applicantType?: string | undefined;
  /** Concluded with one of these outcomes. */
  outcomes?: readonly string[] | undefined;
  /** Received in this year (the year to date's "received"). */
  receivedYear?: number | undefined;
  /** Concluded in this year (the year to date's "concluded"). */
  concludedYear?: number | undefined;
  /** Received before this year and not concluded before it (the year's "carried over"). */
  carriedInto?: number | undefined;
  /** Text in the subject (case-insensitive). */
  text?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

const applicationsWhere = (agencyCode: string, filter: ApplicationFilter) =>
  and(
    eq(applications.agencyCode, agencyCode),
    filter.number !== undefined ? eq(applications.number, filter.number) : undefined,
    filter.status ? eq(applications.status, filter.status) : undefined,
    filter.year !== undefined
      ? or(
          eq(applications.receivedYear, filter.year),
          sql`left(${applications.concludedOn}, 4) = ${String(filter.year)}`,
        )
      : undefined,
    filter.dueBy ? lte(applications.dueDate, filter.dueBy) : undefined,
    filter.dueBefore
      ? and(eq(applications.status, "open"), lt(applications.dueDate, filter.dueBefore))
      : undefined,
    filter.applicantType ? eq(applications.applicantType, filter.applicantType) : undefined,
    filter.outcomes ? anyOf(applications.outcome, filter.outcomes) : undefined,
    filter.receivedYear !== undefined
      ? eq(applications.receivedYear, filter.receivedYear)
      : undefined,
    filter.concludedYear !== undefined
      ? sql`left(${applications.concludedOn}, 4) = ${String(filter.concludedYear)}`
      : undefined,
    filter.carriedInto !== undefined
      ? and(
          lt(applications.receivedYear, filter.carriedInto),
          or(
            eq(applications.status, "open"),
            sql`${applications.concludedOn} >= ${`${filter.carriedInto}-01-01`}`,
          ),
        )
      : undefined,
    filter.text
      ? sql`strpos(lower(coalesce(${applications.subject}, '')), lower(${filter.text})) > 0`
      : undefined,
  );

/** By number, or with dueBefore the soonest due first. */
const orderOf = (filter: ApplicationFilter) =>
  filter.dueBefore
    ? [asc(applications.dueDate), asc(applications.number)]
    : [asc(applications.number)];

export const listApplications = async (
  ex: Executor,
  agencyCode: string,
  filter: ApplicationFilter = {},
) =>
  ex
    .select()
    .from(applications)
    .where(applicationsWhere(agencyCode, filter))
    .orderBy(...orderOf(filter))
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0);

/**
 * Applications named by agency and running number, with their events, in one statement; a
 * number the agency has not given is absent. Keyed `${agencyCode}|${number}`.
 */
export const applicationsByNumber = async (
  ex: Executor,
  keys: readonly { agencyCode: string; number: number }[],
): Promise<Map<string, { row: ApplicationRow; application: Application }>> => {
  const out = new Map<string, { row: ApplicationRow; application: Application }>();
  if (keys.length === 0) return out;
  const found = await ex
    .select({ row: applications, events: eventsOf(applications.id) })
    .from(applications)
    .where(
      sql`(${applications.agencyCode}, ${applications.number}) in (select * from unnest(
        ${sql.param(keys.map((k) => k.agencyCode))}::text[], ${sql.param(keys.map((k) => k.number))}::int[]))`,
    );
  for (const f of found) out.set(`${f.row.agencyCode}|${f.row.number}`, withEvents(f));
  return out;
};

/** An application's events in order, as one JSON value (a correlated subquery). */
const eventsOf = (id: typeof applications.id) =>
  sql<ApplicationEvent[] | string>`(select coalesce(json_agg(e.payload order by e.seq), '[]'::json)
    from ${applicationEvents} e where e.application_id = ${id})`;

const withEvents = ({
  row,
  events,
}: {
  row: ApplicationRow;
  events: ApplicationEvent[] | string;
}) => ({
  row,
  application: {
    id: row.id,
    number: row.number,
    ...(row.subject ? { subject: row.subject } : {}),
    events: typeof events === "string" ? (JSON.parse(events) as ApplicationEvent[]) : events,
  } as Application,
});

/**
 * A page of the register with each application's events, in one statement (listApplications
 * and then applicationsOf would be two).
 */
export const listApplicationsWithEvents = async (
  ex: Executor,
  agencyCode: string,
  filter: ApplicationFilter = {},
): Promise<{ row: ApplicationRow; application: Application; registeredBy: string | null }[]> =>
  (
    await ex
      .select({
        row: applications,
        events: eventsOf(applications.id),
        registeredBy: registeredByOf(),
      })
      .from(applications)
      .where(applicationsWhere(agencyCode, filter))
      .orderBy(...orderOf(filter))
      .limit(filter.limit ?? 1000)
      .offset(filter.offset ?? 0)
  ).map((r) => ({ ...withEvents(r), registeredBy: r.registeredBy }));

/** Who recorded the application's first event (the staff member's name, else the recorder's id). */
// The outer column spelled with its table: drizzle writes a lone "id" here, which inside the
// subquery would be staff's.
const registeredByOf = () =>
  sql<string | null>`(select coalesce(s.name, e.recorded_by) from ${applicationEvents} e
    left join ${staff} s on s.id = e.recorded_by
    where e.application_id = ${applications}.id order by e.seq limit 1)`;

/** The register of some agencies, with their opening balances. */
export const loadRegister = async (
  ex: Executor,
  agencyCodes: readonly string[],
): Promise<{ applications: Application[]; openingBalances: OpeningBalance[] }> => {
  if (agencyCodes.length === 0) return { applications: [], openingBalances: [] };
  const rows = await ex
    .select()
    .from(applications)
    .where(anyOf(applications.agencyCode, agencyCodes))
    .orderBy(asc(applications.agencyCode), asc(applications.number));
  const events = await ex
    .select({ applicationId: applicationEvents.applicationId, payload: applicationEvents.payload })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(anyOf(applications.agencyCode, agencyCodes))
    .orderBy(asc(applicationEvents.seq));
  const byApp = new Map<string, { payload: unknown }[]>();
  for (const e of events) {
    const list = byApp.get(e.applicationId) ?? [];
    list.push(e);
    byApp.set(e.applicationId, list);
  }
  const balances = await ex
    .select()
    .from(openingBalances)
    .where(anyOf(openingBalances.agencyCode, agencyCodes));
  return {
    applications: rows.map((r) => toApplication(r, byApp.get(r.id) ?? [])),
    openingBalances: balances.map((b) => ({
      year: b.year,
      counts: b.counts as RequestsTable,
      ...(b.note ? { note: b.note } : {}),
    })),
  };
};
