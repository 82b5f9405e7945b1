// The register's writes: registering applications (each with its `received` event) and appending
// events. Each is one statement, atomic on its own, that also writes the counts and, when given,
// the audit entry and the Idempotency-Key answer. What to write is decided by the caller (the
// API's use cases, with the domain's rules) and arrives here as plain rows.
import type {
  Application,
  ApplicationEvent,
  ApplicationRowState,
  CountDelta,
  DatedCountDelta,
  PlainEvent,
} from "@ogi/domain";
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import {
  agencies,
  applicationEvents,
  applications,
  auditLog,
  idempotencyKeys,
  requestCounts,
} from "../schema.ts";
import { newId } from "../secrets.ts";
import type { AuditEntry, IdempotentAnswer } from "./audit.ts";
import type { ApplicationRow, CountShards, Recorder } from "./common.ts";
import { dailyInsert, sortedCounts, sortedDaily } from "./counts.ts";

/** What the events derive, cached on the row for queries (the domain's applicationRowState). */
export type ApplicationState = ApplicationRowState;

/** The row's derived columns for a state (the received year is kept for the year filters). */
export const derivedColumns = (s: ApplicationState) => ({
  ...s,
  receivedYear: Number(s.receivedOn.slice(0, 4)),
});

/** A write refused because a year it changes is published and locked (see createApplication). */
export class YearLockedError extends Error {
  readonly agencyCode: string;
  readonly years: readonly number[];
  constructor(agencyCode: string, years: readonly number[]) {
    super(`a year of ${years.join(", ")} is locked for ${agencyCode}`);
    this.agencyCode = agencyCode;
    this.years = years;
  }
}

/**
 * What a single-statement write records besides the change (see appendEvents): its audit entry
 * and, with an Idempotency-Key, the answer to give a replay.
 */
export type EventTail = {
  audit: AuditEntry & { at: Date };
  idempotency?: IdempotentAnswer | undefined;
};

/**
 * One registration, decided by the caller: its application (number to be taken), its `received`
 * event, what that derives and adds to the counts, and what the statement records besides.
 */
export type NewApplication = {
  received: Extract<PlainEvent, { type: "received" }>;
  subject?: string | undefined;
  applicant?: { name?: string | undefined; contact?: string | undefined } | undefined;
  id?: string;
  /**
   * Events recorded after `received` in the same statement (an import's conclusion), already
   * decided; `state`, `deltas` and `dailyDeltas` are then those of all its events.
   */
  later?: readonly PlainEvent[] | undefined;
  /** The row's derived state with `received` alone (its due date included). */
  state: ApplicationState;
  /** What it adds to the counts (the contribution of the application with `received` alone). */
  deltas: readonly CountDelta[];
  /** The same by day (the domain's datedContributionDelta). */
  dailyDeltas: readonly DatedCountDelta[];
  by: Recorder;
  /** The audit entry and the Idempotency-Key answer, whose `number` the statement fills in. */
  tail?: EventTail | undefined;
};

/** Registers an application; takes the agency's next number (see createApplications). */
export const createApplication = async (
  ex: Executor,
  input: NewApplication & { agencyCode: string },
  options: { unlessLocked?: readonly number[] | undefined } & CountShards = {},
): Promise<{ row: ApplicationRow; application: Application }> =>
  (await createApplications(ex, input.agencyCode, [input], options))[0]!;

/**
 * Registers applications of one agency, in order, with their `received` events: one statement
 * takes as many running numbers as there are applications, and writes the rows, the events,
 * the counts and (with a tail) the audit entries and Idempotency-Key answers, whose `number`
 * the statement fills in. With `unlessLocked`, nothing is written (YearLockedError) when one
 * of those years of the agency is locked. With `first`, the numbers were taken before (see
 * takeNumbers): the applications get `first`, `first + 1`, … and the agency's row is left
 * alone (updated by each of many statements in one transaction, its row versions would pile
 * up for every foreign-key check to walk).
 */
export const createApplications = async (
  ex: Executor,
  agency: string,
  inputs: readonly NewApplication[],
  options: {
    unlessLocked?: readonly number[] | undefined;
    first?: number | undefined;
  } & CountShards = {},
): Promise<{ row: ApplicationRow; application: Application }[]> => {
  const made = inputs.map((input, ord) => {
    const id = input.id ?? newId();
    const draft: Application = {
      id,
      number: 0,
      ...(input.subject ? { subject: input.subject } : {}),
      events: [input.received, ...(input.later ?? [])],
    };
    const row: ApplicationRow = {
      id,
      agencyCode: agency,
      number: 0,
      subject: input.subject ?? null,
      applicant: (input.applicant as ApplicationRow["applicant"]) ?? null,
      ...derivedColumns(input.state),
      createdAt: input.by.now,
    };
    return { ord, input, draft, row };
  });
  const at = (d: Date) => d.toISOString();
  const rows = made.map(({ ord, row }) => ({ ...row, ord, created_at: at(row.createdAt) }));
  const events = made.flatMap(({ row, input }) =>
    [input.received, ...(input.later ?? [])].map((e) => ({
      application_id: row.id,
      event_id: e.id,
      type: e.type,
      date: e.date,
      payload: e,
      recorded_by: input.by.actor,
      channel: input.by.channel,
      recorded_at: at(input.by.now),
    })),
  );
  const counts = sortedCounts(
    made.map(({ row, input }) => ({
      agencyCode: agency,
      applicationId: row.id,
      deltas: input.deltas,
    })),
    options.countShards,
  );
  const daily = sortedDaily(
    made.map(({ row, input }) => ({
      agencyCode: agency,
      applicationId: row.id,
      deltas: input.dailyDeltas,
    })),
    options.countShards,
  );
  const tails = made.flatMap(({ ord, input }) => (input.tail ? [{ ord, t: input.tail }] : []));
  const audits = tails.map(({ t }) => auditRow(t));
  const keys = tails.flatMap(({ ord, t }) =>
    t.idempotency ? [{ ord, ...keyRow(t, t.idempotency) }] : [],
  );
  // On the agency's row, which this statement updates: a publication holding the row (see
  // holdAgencyForPublishing) makes it wait, and the condition is checked again on the row as
  // the publication left it.
  const locked = options.unlessLocked
    ? sql`and not (locked_years && ${sql.param([...options.unlessLocked])}::int[])`
    : sql``;
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  const taken =
    options.first === undefined
      ? sql`update ${agencies} set next_number = next_number + ${made.length} where code = ${agency} ${locked}
      returning next_number - ${made.length} as first`
      : sql`select ${options.first}::int as first`;
  const [counter] = await queryRows<{ first: number }>(
    ex,
    sql`with counter as (${taken}), inserted as (
      insert into ${applications} (id, agency_code, number, subject, applicant, received_on,
        received_year, applicant_type, channel, status, concluded_on, outcome, due_date, created_at)
      select x.id, ${agency}, counter.first + x.ord, x.subject, x.applicant, x."receivedOn",
        x."receivedYear", x."applicantType", x.channel, x.status, x."concludedOn", x.outcome,
        x."dueDate", x.created_at
      from counter, jsonb_to_recordset(${json(rows)}) as x(ord int, id text, subject text,
        applicant jsonb, "receivedOn" text, "receivedYear" int, "applicantType" text,
        channel text, status text, "concludedOn" text, outcome text, "dueDate" text,
        created_at timestamptz)
    ), recorded as (
      insert into ${applicationEvents} (application_id, event_id, type, date, payload, recorded_by, channel, recorded_at)
      select x.application_id, x.event_id, x.type, x.date, x.payload, x.recorded_by, x.channel, x.recorded_at
      from counter, jsonb_to_recordset(${json(events)}) as x(application_id text, event_id text,
        type text, date text, payload jsonb, recorded_by text, channel text, recorded_at timestamptz)
    ), counted as (
      insert into ${requestCounts} (agency_code, year, row, col, shard, n)
      select x.agency_code, x.year, x.row, x.col, x.shard, x.n
      from counter, jsonb_to_recordset(${json(counts)}) as x(agency_code text, year int,
        row text, col text, shard int, n int)
      on conflict (agency_code, year, row, col, shard) do update set n = ${requestCounts}.n + excluded.n
    ), counted_daily as (${dailyInsert(sql`counter,`, daily)}
    ), audited as (
      insert into ${auditLog} (at, actor, channel, action, target, detail)
      select x.at, x.actor, x.channel, x.action, x.target, x.detail
      from counter, jsonb_to_recordset(${json(audits)}) as x(at timestamptz, actor text,
        channel text, action text, target text, detail jsonb)
    ), remembered as (
      insert into ${idempotencyKeys} (principal, key, route, body_hash, status, response, created_at)
      select x.principal, x.key, x.route, x.body_hash, x.status,
        jsonb_set(x.response, '{number}', to_jsonb(counter.first + x.ord)), x.created_at
      from counter, jsonb_to_recordset(${json(keys)}) as x(ord int, principal text, key text,
        route text, body_hash text, status int, response jsonb, created_at timestamptz)
    )
    select first from counter`,
  );
  if (!counter) {
    if (options.unlessLocked) throw new YearLockedError(agency, options.unlessLocked);
    throw new Error(`unknown agency ${agency}`);
  }
  const first = Number(counter.first);
  return made.map(({ ord, row, draft }) => ({
    row: { ...row, number: first + ord },
    application: { ...draft, number: first + ord },
  }));
};

const auditRow = (t: EventTail) => ({
  at: t.audit.at.toISOString(),
  actor: t.audit.actor,
  channel: t.audit.channel,
  action: t.audit.action,
  target: t.audit.target ?? null,
  detail: t.audit.detail ?? null,
});

const keyRow = (t: EventTail, i: NonNullable<EventTail["idempotency"]>) => ({
  ...i,
  body_hash: i.bodyHash,
  created_at: t.audit.at.toISOString(),
});

/**
 * One event to append, decided by the caller (validated against the application, its new
 * derived state and count deltas computed): what appendEvents writes for it.
 */
export type EventAppend = {
  /** The application's row as the event leaves it (see derivedColumns). */
  row: ApplicationRow;
  event: ApplicationEvent;
  by: Recorder;
  /** What the event changes in the counts. */
  deltas: readonly CountDelta[];
  /** The same by day (the domain's datedContributionDelta). */
  dailyDeltas: readonly DatedCountDelta[];
  /**
   * The years that must not be locked for the event to be written (checked by the statement
   * under the agency row's lock); by default those of the deltas.
   */
  years?: readonly number[] | undefined;
  /**
   * The audit entry (and the Idempotency-Key answer) written by the same statement: outside a
   * transaction the statement is then the whole write, atomic on its own (a concurrent append
   * of the same event id fails on application_events_id_idx).
   */
  tail?: EventTail | undefined;
};

/** Appends one event (see appendEvents). */
export const appendEvent = (ex: Executor, item: EventAppend) => appendEvents(ex, [item]);

/**
 * Appends events to distinct applications in one statement, atomic on its own: the events,
 * the applications' derived columns, the count deltas (summed per counter row), and the audit
 * entries and Idempotency-Key answers of those with a tail. Rows travel as JSON documents, so
 * the statement's text is the same for one event or many.
 */
export const appendEvents = async (
  ex: Executor,
  items: readonly EventAppend[],
  options: CountShards = {},
) => {
  if (items.length === 0) return;
  const at = (d: Date) => d.toISOString();
  const events = items.map((i) => ({
    application_id: i.row.id,
    event_id: i.event.id,
    type: i.event.type,
    date: i.event.date,
    payload: i.event,
    recorded_by: i.by.actor,
    channel: i.by.channel,
    recorded_at: at(i.by.now),
  }));
  const countRows = sortedCounts(
    items.map((i) => ({
      agencyCode: i.row.agencyCode,
      applicationId: i.row.id,
      deltas: i.deltas,
    })),
    options.countShards,
  );
  const daily = sortedDaily(
    items.map((i) => ({
      agencyCode: i.row.agencyCode,
      applicationId: i.row.id,
      deltas: i.dailyDeltas,
    })),
    options.countShards,
  );
  const rows = items.map((i) => ({
    id: i.row.id,
    received_on: i.row.receivedOn,
    received_year: i.row.receivedYear,
    applicant_type: i.row.applicantType,
    channel: i.row.channel,
    status: i.row.status,
    concluded_on: i.row.concludedOn,
    outcome: i.row.outcome,
    due_date: i.row.dueDate,
  }));
  const tails = items.flatMap((i) => (i.tail ? [i.tail] : []));
  const audits = tails.map(auditRow);
  const keys = tails.flatMap((t) => (t.idempotency ? [keyRow(t, t.idempotency)] : []));
  const needed = new Map<string, Set<number>>();
  for (const i of items) {
    const years = needed.get(i.row.agencyCode) ?? new Set<number>();
    for (const y of i.years ?? i.deltas.map((d) => d.year)) years.add(y);
    needed.set(i.row.agencyCode, years);
  }
  const open = [...needed].map(([agency, years]) => ({ agency, years: [...years] }));
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  // `unlocked`: a row when none of the years is locked. The agencies' rows are held `for key share`
  // (no wait for registrations, which update them too) until the statement ends, so that a
  // publication (`for update`) waits for this write, or this write for the publication and
  // then sees the year locked (the lock re-reads the row as the publication left it). Every
  // part of the statement writes only with that row.
  const [result] = await queryRows<{ open: boolean }>(
    ex,
    sql`
    with needed as (
      select x.agency, array(select jsonb_array_elements_text(x.years)::int) as years
      from jsonb_to_recordset(${json(open)}) as x(agency text, years jsonb)
    ), held as (
      select a.code, a.locked_years from ${agencies} a
      where a.code = any(${sql.param([...needed.keys()])}::text[])
      order by a.code for key share
    ), unlocked as (
      select true as ok from held h join needed n on n.agency = h.code
      having count(*) = ${open.length} and not bool_or(h.locked_years && n.years)
    ), recorded as (
      insert into ${applicationEvents} (application_id, event_id, type, date, payload, recorded_by, channel, recorded_at)
      select application_id, event_id, type, date, payload, recorded_by, channel, recorded_at
      from unlocked, jsonb_to_recordset(${json(events)}) as x(application_id text, event_id text, type text,
        date text, payload jsonb, recorded_by text, channel text, recorded_at timestamptz)
    ), counted as (
      insert into ${requestCounts} (agency_code, year, row, col, shard, n)
      select agency_code, year, row, col, shard, n
      from unlocked, jsonb_to_recordset(${json(countRows)}) as x(agency_code text, year int,
        row text, col text, shard int, n int)
      on conflict (agency_code, year, row, col, shard) do update set n = ${requestCounts}.n + excluded.n
    ), counted_daily as (${dailyInsert(sql`unlocked,`, daily)}
    ), audited as (
      insert into ${auditLog} (at, actor, channel, action, target, detail)
      select at, actor, channel, action, target, detail
      from unlocked, jsonb_to_recordset(${json(audits)}) as x(at timestamptz, actor text, channel text,
        action text, target text, detail jsonb)
    ), remembered as (
      insert into ${idempotencyKeys} (principal, key, route, body_hash, status, response, created_at)
      select principal, key, route, body_hash, status, response, created_at
      from unlocked, jsonb_to_recordset(${json(keys)}) as x(principal text, key text, route text,
        body_hash text, status int, response jsonb, created_at timestamptz)
    ), updated as (
      update ${applications} a set received_on = x.received_on, received_year = x.received_year,
      applicant_type = x.applicant_type, channel = x.channel, status = x.status,
      concluded_on = x.concluded_on, outcome = x.outcome, due_date = x.due_date
    from jsonb_to_recordset(${json(rows)}) as x(id text, received_on text, received_year int,
      applicant_type text, channel text, status text, concluded_on text, outcome text, due_date text)
    where a.id = x.id and exists (select 1 from unlocked)
    )
    select exists (select 1 from unlocked) as open`,
  );
  if (!result?.open) {
    const agency = open.length === 1 ? open[0]! : undefined;
    throw new YearLockedError(agency?.agency ?? "", agency?.years ?? []);
  }
};
