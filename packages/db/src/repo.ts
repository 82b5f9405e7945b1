// Repository functions. Every function takes the executor first: inside a transaction, pass
// the transaction (PGlite has one connection; the outer handle would wait for the transaction
// that waits for it).
import {
  type Application,
  type ApplicationEvent,
  type ApplicationRowState as ApplicationState,
  addTables,
  type CountDelta,
  contributionDelta,
  type OpeningBalance,
  type PlainEvent,
  type RequestsTable,
  tableFromFlows,
} from "@ogi/domain";
import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Executor, queryRows } from "./client.ts";
import {
  agencies,
  apiTokens,
  applicationEvents,
  applications,
  auditLog,
  COUNT_SHARDS,
  idempotencyKeys,
  openingBalances,
  publishedReports,
  reportSections,
  requestCounts,
  staff,
} from "./schema.ts";
import { hashSecret, newId, newInviteCode, newToken } from "./secrets.ts";

export type Role = "clerk" | "manager" | "admin";
export type Channel = "api" | "bot" | "cli" | "import";
export type AgencyRow = typeof agencies.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

/** `column = any($1)` with the list as one array parameter (a thousand codes, one parameter). */
const anyOf = (column: AnyColumn, list: readonly string[]) =>
  sql`${column} = any(${sql.param([...list])}::text[])`;

// ── Agencies ──────────────────────────────────────────────────────────────────

export const insertAgency = async (
  ex: Executor,
  a: { code: string; name: string; regionCode?: string | null; parentCode?: string | null },
  now: Date,
) => {
  const [row] = await ex
    .insert(agencies)
    .values({
      code: a.code,
      name: a.name,
      regionCode: a.regionCode ?? null,
      parentCode: a.parentCode ?? null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return row;
};

export const getAgency = async (ex: Executor, code: string) => {
  const [row] = await ex.select().from(agencies).where(eq(agencies.code, code));
  return row;
};

export const listAgencies = async (ex: Executor, codes?: readonly string[]) =>
  ex
    .select()
    .from(agencies)
    .where(codes ? anyOf(agencies.code, codes) : undefined)
    .orderBy(asc(agencies.code));

/** The agency and every agency whose parent chain leads to it. */
export const agencyTree = async (ex: Executor, code: string): Promise<string[]> => {
  const rows = await queryRows<{ code: string }>(
    ex,
    sql`
    with recursive tree(code) as (
      select code from agencies where code = ${code}
      union
      select a.code from agencies a join tree t on a.parent_code = t.code
    )
    select code from tree order by code`,
  );
  return rows.map((r) => r.code);
};

/**
 * The agencies of a region: those whose region code is the code or lies under it (a division
 * code without its trailing zeros is the prefix of the codes under it: 4114 ⊃ 411421), and
 * everything under them by the parent chain.
 */
const regionTree = (regionCode: string) => {
  const prefix = regionCode.replace(/0+$/, "") || regionCode;
  return sql`(
    with recursive tree(code) as (
      select code from agencies where region_code = ${regionCode} or region_code like ${`${prefix}%`}
      union
      select a.code from agencies a join tree t on a.parent_code = t.code
    )
    select code from tree)`;
};

export const regionAgencies = async (ex: Executor, regionCode: string): Promise<string[]> =>
  (await regionAgencyRows(ex, regionCode)).map((a) => a.code);

/** The agencies of a region (see regionAgencies), in one query. */
export const regionAgencyRows = async (ex: Executor, regionCode: string) =>
  ex
    .select()
    .from(agencies)
    .where(sql`${agencies.code} in ${regionTree(regionCode)}`)
    .orderBy(asc(agencies.code));

// ── Staff and tokens ──────────────────────────────────────────────────────────

export const createStaff = async (
  ex: Executor,
  s: { agencyCode: string; name: string; role: Role },
  now: Date,
) => {
  const inviteCode = newInviteCode();
  const id = newId();
  await ex.insert(staff).values({
    id,
    agencyCode: s.agencyCode,
    name: s.name,
    role: s.role,
    inviteCodeHash: hashSecret(inviteCode),
    createdAt: now,
  });
  return { id, inviteCode };
};

/** Uses an invite code: links the Telegram user, and the code can't be used again. */
export const linkStaff = async (
  ex: Executor,
  inviteCode: string,
  telegramUserId: number,
  now: Date,
) => {
  const [row] = await ex
    .update(staff)
    .set({ telegramUserId, linkedAt: now, inviteCodeHash: null })
    .where(
      and(
        eq(staff.inviteCodeHash, hashSecret(inviteCode.trim().toUpperCase())),
        isNull(staff.revokedAt),
      ),
    )
    .returning();
  return row;
};

export const listStaff = async (ex: Executor, agencyCode: string) =>
  ex.select().from(staff).where(eq(staff.agencyCode, agencyCode)).orderBy(asc(staff.createdAt));

export const getStaff = async (ex: Executor, id: string) => {
  const [row] = await ex.select().from(staff).where(eq(staff.id, id));
  return row;
};

export const revokeStaff = async (ex: Executor, id: string, now: Date) => {
  const [row] = await ex
    .update(staff)
    .set({ revokedAt: now, inviteCodeHash: null })
    .where(and(eq(staff.id, id), isNull(staff.revokedAt)))
    .returning();
  if (row)
    await ex
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.staffId, id), isNull(apiTokens.revokedAt)));
  return row;
};

/** The active staff records linked to a Telegram user (one per agency). */
export const staffByTelegram = async (ex: Executor, telegramUserId: number) =>
  ex
    .select()
    .from(staff)
    .where(and(eq(staff.telegramUserId, telegramUserId), isNull(staff.revokedAt)))
    .orderBy(asc(staff.createdAt));

export const createToken = async (
  ex: Executor,
  t: { kind: "personal" | "service" | "admin"; staffId?: string | null; label?: string },
  now: Date,
) => {
  const token = newToken();
  const id = newId();
  await ex.insert(apiTokens).values({
    id,
    tokenHash: hashSecret(token),
    kind: t.kind,
    staffId: t.staffId ?? null,
    label: t.label ?? "",
    createdAt: now,
  });
  return { id, token };
};

/** The token with its staff member (for personal tokens); undefined when unknown or revoked. */
export const findToken = async (ex: Executor, token: string) => {
  const [row] = await ex
    .select({ token: apiTokens, staff })
    .from(apiTokens)
    .leftJoin(staff, eq(staff.id, apiTokens.staffId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  if (row.token.kind === "personal" && (!row.staff || row.staff.revokedAt)) return undefined;
  return row;
};

export const listTokens = async (ex: Executor, staffId?: string) =>
  ex
    .select({
      id: apiTokens.id,
      kind: apiTokens.kind,
      staffId: apiTokens.staffId,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(staffId ? eq(apiTokens.staffId, staffId) : undefined)
    .orderBy(asc(apiTokens.createdAt));

export const revokeToken = async (ex: Executor, id: string, now: Date) => {
  const [row] = await ex
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, staffId: apiTokens.staffId, kind: apiTokens.kind });
  return row;
};

export const countAdminTokens = async (ex: Executor) => {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(and(eq(apiTokens.kind, "admin"), isNull(apiTokens.revokedAt)));
  return row?.n ?? 0;
};

// ── Applications and events ───────────────────────────────────────────────────

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

/** What the events derive, cached on the row for queries (the domain's ApplicationRowState). */
export type { ApplicationState };

/** The counter rows an application writes to (see COUNT_SHARDS). */
export const shardOf = (applicationId: string, shards: number = COUNT_SHARDS) => {
  if (shards <= 1) return 0;
  let h = 0;
  for (let i = 0; i < applicationId.length; i++) h = (h * 31 + applicationId.charCodeAt(i)) | 0;
  return Math.abs(h) % shards;
};

/**
 * How many counter rows per cell a write spreads over (see requestCounts): readers sum them
 * whatever the number. PostgreSQL's concurrent writers need COUNT_SHARDS; PGlite's one
 * connection writes one statement at a time, so there one row per cell is fewer rows to write.
 */
export type CountShards = { countShards?: number | undefined };

export type Recorder = { actor: string | null; channel: Channel; now: Date };

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

/** One registration: its application (number to be taken) and its `received` event. */
export type NewApplication = {
  received: Extract<PlainEvent, { type: "received" }>;
  subject?: string | undefined;
  applicant?: { name?: string | undefined; contact?: string | undefined } | undefined;
  id?: string;
};

/**
 * Registers an application with its `received` event; takes the agency's next number (see
 * createApplications).
 */
export const createApplication = async (
  ex: Executor,
  input: NewApplication & { agencyCode: string },
  state: (app: Application) => ApplicationState,
  by: Recorder,
  options: { unlessLocked?: readonly number[]; tail?: EventTail } = {},
): Promise<{ row: ApplicationRow; application: Application }> =>
  (
    await createApplications(ex, input.agencyCode, [{ ...input, by, tail: options.tail }], state, {
      unlessLocked: options.unlessLocked,
    })
  )[0]!;

/**
 * Registers applications of one agency, in order, with their `received` events: one statement
 * takes as many running numbers as there are applications, and writes the rows, the events,
 * the counts and (with a tail) the audit entries and Idempotency-Key answers, whose `number`
 * the statement fills in. With `unlessLocked`, nothing is written (YearLockedError) when one
 * of those years of the agency is locked.
 */
export const createApplications = async (
  ex: Executor,
  agency: string,
  inputs: readonly (NewApplication & {
    by: Recorder;
    tail?: EventTail | undefined;
    /** This one's derived state, when not `state` (e.g. with its request's calendar). */
    state?: ((app: Application) => ApplicationState) | undefined;
  })[],
  state: (app: Application) => ApplicationState,
  options: { unlessLocked?: readonly number[] | undefined } & CountShards = {},
): Promise<{ row: ApplicationRow; application: Application }[]> => {
  const made = inputs.map((input, ord) => {
    const id = input.id ?? newId();
    // The derived state does not depend on the number (taken by the statement).
    const draft: Application = {
      id,
      number: 0,
      ...(input.subject ? { subject: input.subject } : {}),
      events: [input.received],
    };
    const s = (input.state ?? state)(draft);
    const row: ApplicationRow = {
      id,
      agencyCode: agency,
      number: 0,
      subject: input.subject ?? null,
      applicant: (input.applicant as ApplicationRow["applicant"]) ?? null,
      ...s,
      receivedYear: Number(s.receivedOn.slice(0, 4)),
      createdAt: input.by.now,
    };
    return { ord, input, draft, row };
  });
  const at = (d: Date) => d.toISOString();
  const rows = made.map(({ ord, row }) => ({ ...row, ord, created_at: at(row.createdAt) }));
  const events = made.map(({ row, input }) => ({
    application_id: row.id,
    event_id: input.received.id,
    type: input.received.type,
    date: input.received.date,
    payload: input.received,
    recorded_by: input.by.actor,
    channel: input.by.channel,
    recorded_at: at(input.by.now),
  }));
  const counts = sortedCounts(
    made.map(({ row, draft }) => ({
      agencyCode: agency,
      applicationId: row.id,
      deltas: contributionDelta(undefined, draft),
    })),
    options.countShards,
  );
  const tails = made.flatMap(({ ord, input }) => (input.tail ? [{ ord, t: input.tail }] : []));
  const audits = tails.map(({ t }) => auditRow(t));
  const keys = tails.flatMap(({ ord, t }) =>
    t.idempotency ? [{ ord, ...keyRow(t, t.idempotency) }] : [],
  );
  const locked = options.unlessLocked
    ? sql`and not exists (select 1 from ${publishedReports} p where p.agency_code = ${agency}
        and p.reopened_at is null and p.year = any(${sql.param([...options.unlessLocked])}::int[]))`
    : sql``;
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  const [counter] = await queryRows<{ first: number }>(
    ex,
    sql`with counter as (
      update ${agencies} set next_number = next_number + ${made.length} where code = ${agency} ${locked}
      returning next_number - ${made.length} as first
    ), inserted as (
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

/**
 * The count deltas of some applications, summed per counter row and sorted, so that
 * concurrent statements lock counter rows in one order (no deadlocks between them).
 */
const sortedCounts = (
  changes: readonly { agencyCode: string; applicationId: string; deltas: readonly CountDelta[] }[],
  shards: number = COUNT_SHARDS,
) => {
  const counts = new Map<
    string,
    { agency_code: string; year: number; row: string; col: string; shard: number; n: number }
  >();
  for (const c of changes) {
    const shard = shardOf(c.applicationId, shards);
    for (const d of c.deltas) {
      const key = `${c.agencyCode}|${d.year}|${d.row}|${d.column}|${shard}`;
      const found = counts.get(key);
      if (found) found.n += d.n;
      else
        counts.set(key, {
          agency_code: c.agencyCode,
          year: d.year,
          row: d.row,
          col: d.column,
          shard,
          n: d.n,
        });
    }
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
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
 * Appends an event (already validated against the application by the caller): the event, the
 * application's derived columns and the count deltas in one statement (see appendEvents).
 */
export const appendEvent = async (
  ex: Executor,
  stored: StoredApplication,
  event: ApplicationEvent,
  state: (app: Application) => ApplicationState,
  by: Recorder,
  /** contributionDelta(stored.application, after), when the caller has it already. */
  known?: CountDelta[],
  /**
   * The audit entry (and the Idempotency-Key answer) written by the same statement, given the
   * row as it will be: outside a transaction the statement is then the whole write, atomic on
   * its own (a concurrent append of the same event id fails on application_events_id_idx).
   */
  tail?: (row: ApplicationRow, application: Application) => EventTail,
) => {
  const item = eventAppend(stored, event, state, by, known, tail);
  await appendEvents(ex, [item]);
  return { row: item.row, application: item.application };
};

/** One event to append: what appendEvents writes for it, and the application after it. */
export type EventAppend = {
  stored: StoredApplication;
  event: ApplicationEvent;
  by: Recorder;
  deltas: CountDelta[];
  row: ApplicationRow;
  application: Application;
  tail?: EventTail | undefined;
};

/** The append of `event` to `stored`: the row and counts it changes (see appendEvent). */
export const eventAppend = (
  stored: StoredApplication,
  event: ApplicationEvent,
  state: (app: Application) => ApplicationState,
  by: Recorder,
  known?: CountDelta[],
  tail?: (row: ApplicationRow, application: Application) => EventTail,
): EventAppend => {
  const application: Application = {
    ...stored.application,
    events: [...stored.application.events, event],
  };
  const s = state(application);
  const row: ApplicationRow = {
    ...stored.row,
    ...s,
    receivedYear: Number(s.receivedOn.slice(0, 4)),
  };
  const deltas = known ?? contributionDelta(stored.application, application);
  return { stored, event, by, deltas, row, application, tail: tail?.(row, application) };
};

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
    application_id: i.stored.row.id,
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
      applicationId: i.stored.row.id,
      deltas: i.deltas,
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
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  await ex.execute(sql`
    with recorded as (
      insert into ${applicationEvents} (application_id, event_id, type, date, payload, recorded_by, channel, recorded_at)
      select application_id, event_id, type, date, payload, recorded_by, channel, recorded_at
      from jsonb_to_recordset(${json(events)}) as x(application_id text, event_id text, type text,
        date text, payload jsonb, recorded_by text, channel text, recorded_at timestamptz)
    ), counted as (
      insert into ${requestCounts} (agency_code, year, row, col, shard, n)
      select agency_code, year, row, col, shard, n
      from jsonb_to_recordset(${json(countRows)}) as x(agency_code text, year int,
        row text, col text, shard int, n int)
      on conflict (agency_code, year, row, col, shard) do update set n = ${requestCounts}.n + excluded.n
    ), audited as (
      insert into ${auditLog} (at, actor, channel, action, target, detail)
      select at, actor, channel, action, target, detail
      from jsonb_to_recordset(${json(audits)}) as x(at timestamptz, actor text, channel text,
        action text, target text, detail jsonb)
    ), remembered as (
      insert into ${idempotencyKeys} (principal, key, route, body_hash, status, response, created_at)
      select principal, key, route, body_hash, status, response, created_at
      from jsonb_to_recordset(${json(keys)}) as x(principal text, key text, route text,
        body_hash text, status int, response jsonb, created_at timestamptz)
    )
    update ${applications} a set received_on = x.received_on, received_year = x.received_year,
      applicant_type = x.applicant_type, channel = x.channel, status = x.status,
      concluded_on = x.concluded_on, outcome = x.outcome, due_date = x.due_date
    from jsonb_to_recordset(${json(rows)}) as x(id text, received_on text, received_year int,
      applicant_type text, channel text, status text, concluded_on text, outcome text, due_date text)
    where a.id = x.id`);
};

/** What a single-statement write records besides the event (see appendEvent). */
export type EventTail = {
  audit: {
    at: Date;
    actor: string | null;
    channel: Channel;
    action: string;
    target?: string | undefined;
    detail?: unknown;
  };
  idempotency?:
    | {
        principal: string;
        key: string;
        route: string;
        bodyHash: string;
        status: number;
        response: unknown;
      }
    | undefined;
};

export type ApplicationFilter = {
  number?: number | undefined;
  status?: "open" | "concluded" | undefined;
  year?: number | undefined;
  dueBy?: string | undefined;
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
  );

export const listApplications = async (
  ex: Executor,
  agencyCode: string,
  filter: ApplicationFilter = {},
) =>
  ex
    .select()
    .from(applications)
    .where(applicationsWhere(agencyCode, filter))
    .orderBy(asc(applications.number))
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
): Promise<{ row: ApplicationRow; application: Application }[]> =>
  (
    await ex
      .select({ row: applications, events: eventsOf(applications.id) })
      .from(applications)
      .where(applicationsWhere(agencyCode, filter))
      .orderBy(asc(applications.number))
      .limit(filter.limit ?? 1000)
      .offset(filter.offset ?? 0)
  ).map(withEvents);

/**
 * What the year to date of some agencies needs from the store, in one statement: the flows and
 * opening balances of section 三 of `year` (see requestsTableOf), and how many open
 * applications are overdue on `asOf` (due before it) and how many fall due from `asOf` up to
 * the day before `soonUntil` (dates as YYYY-MM-DD text, which compare in date order).
 */
export const yearToDateInputs = async (
  ex: Executor,
  agencyCodes: readonly string[],
  year: number,
  asOf: string,
  soonUntil: string,
): Promise<{ table: RequestsTable; overdue: number; dueSoon: number }> => {
  const codes = sql.param([...agencyCodes]);
  const [row] = await queryRows<{
    flows: { year: number; row: string; column: string; n: number }[] | string;
    balances: RequestsTable[] | string;
    overdue: number | string;
    due_soon: number | string;
  }>(
    ex,
    sql`select
      (select coalesce(json_agg(json_build_object('year', f.year, 'row', f.row, 'column', f.col, 'n', f.n)), '[]'::json)
        from (select year, row, col, sum(n)::int as n from ${requestCounts}
          where agency_code = any(${codes}::text[]) and year <= ${year}
            and (year = ${year} or row in ('newReceived', 'totalProcessed'))
          group by year, row, col) f) as flows,
      (select coalesce(json_agg(counts), '[]'::json) from ${openingBalances}
        where agency_code = any(${codes}::text[]) and year = ${year}) as balances,
      (select count(*) from ${applications} where agency_code = any(${codes}::text[])
        and status = 'open' and due_date < ${asOf}) as overdue,
      (select count(*) from ${applications} where agency_code = any(${codes}::text[])
        and status = 'open' and due_date >= ${asOf} and due_date < ${soonUntil}) as due_soon`,
  );
  const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  const table = tableFromFlows(json(row!.flows), year);
  for (const counts of json(row!.balances)) addTables(table, counts);
  return { table, overdue: Number(row!.overdue), dueSoon: Number(row!.due_soon) };
};

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

/**
 * The request_counts rows that section 三 of `year` needs: that year's, and of earlier years
 * only newReceived and totalProcessed (their difference is what was carried over).
 */
const flowsNeededFor = (agencies: SQL | undefined, year: number) =>
  and(
    agencies,
    lte(requestCounts.year, year),
    or(eq(requestCounts.year, year), inArray(requestCounts.row, ["newReceived", "totalProcessed"])),
  );

/** Section 三 of `year` from the incremental aggregate (equal to the fold; tested). */
export const requestsTable = (ex: Executor, agencyCode: string, year: number) =>
  requestsTableOf(ex, [agencyCode], year);

/** The sum of section 三 of `year` over some agencies, from the incremental aggregate. */
export const requestsTableOf = async (
  ex: Executor,
  agencyCodes: readonly string[],
  year: number,
): Promise<RequestsTable> => {
  if (agencyCodes.length === 0) return tableFromFlows([], year);
  const flows = await ex
    .select({
      year: requestCounts.year,
      row: requestCounts.row,
      column: requestCounts.column,
      n: requestCounts.n,
    })
    .from(requestCounts)
    .where(flowsNeededFor(anyOf(requestCounts.agencyCode, agencyCodes), year));
  const balances = await ex
    .select({ counts: openingBalances.counts })
    .from(openingBalances)
    .where(and(anyOf(openingBalances.agencyCode, agencyCodes), eq(openingBalances.year, year)));
  const table = tableFromFlows(flows, year);
  for (const ob of balances) addTables(table, ob.counts as RequestsTable);
  return table;
};

// ── Report sections, opening balances, publication ───────────────────────────

export const NON_DERIVED_SECTIONS = [
  "overview",
  "proactive",
  "appeals",
  "problems",
  "otherMatters",
  "fees",
] as const;
export type NonDerivedSection = (typeof NON_DERIVED_SECTIONS)[number];

export const putSection = async (
  ex: Executor,
  agencyCode: string,
  year: number,
  section: NonDerivedSection,
  content: unknown,
  now: Date,
) => {
  await ex
    .insert(reportSections)
    .values({ agencyCode, year, section, content, updatedAt: now })
    .onConflictDoUpdate({
      target: [reportSections.agencyCode, reportSections.year, reportSections.section],
      set: { content, updatedAt: now },
    });
};

export const getSections = async (ex: Executor, agencyCode: string, year: number) => {
  const rows = await ex
    .select()
    .from(reportSections)
    .where(and(eq(reportSections.agencyCode, agencyCode), eq(reportSections.year, year)));
  return Object.fromEntries(rows.map((r) => [r.section, r.content])) as Partial<
    Record<NonDerivedSection, unknown>
  >;
};

export const putOpeningBalance = async (
  ex: Executor,
  agencyCode: string,
  balance: OpeningBalance,
  now: Date,
) => {
  const values = { counts: balance.counts, note: balance.note ?? null, updatedAt: now };
  await ex
    .insert(openingBalances)
    .values({ agencyCode, year: balance.year, ...values })
    .onConflictDoUpdate({
      target: [openingBalances.agencyCode, openingBalances.year],
      set: values,
    });
};

export const getOpeningBalances = async (ex: Executor, agencyCode: string) =>
  (
    await ex
      .select()
      .from(openingBalances)
      .where(eq(openingBalances.agencyCode, agencyCode))
      .orderBy(asc(openingBalances.year))
  ).map((b) => ({
    year: b.year,
    counts: b.counts as RequestsTable,
    ...(b.note ? { note: b.note } : {}),
  }));

/** The snapshot that locks the year, if the year is published and not reopened. */
export const getPublished = async (ex: Executor, agencyCode: string, year: number) => {
  const [row] = await ex
    .select()
    .from(publishedReports)
    .where(
      and(
        eq(publishedReports.agencyCode, agencyCode),
        eq(publishedReports.year, year),
        isNull(publishedReports.reopenedAt),
      ),
    )
    .orderBy(desc(publishedReports.id))
    .limit(1);
  return row;
};

export const publishReport = async (
  ex: Executor,
  p: { agencyCode: string; year: number; report: unknown; findings: unknown; by: string | null },
  now: Date,
) => {
  const [row] = await ex
    .insert(publishedReports)
    .values({
      agencyCode: p.agencyCode,
      year: p.year,
      report: p.report,
      findings: p.findings,
      publishedAt: now,
      publishedBy: p.by,
    })
    .returning();
  return row!;
};

export const reopenReport = async (
  ex: Executor,
  p: { agencyCode: string; year: number; reason: string; by: string | null },
  now: Date,
) => {
  const rows = await ex
    .update(publishedReports)
    .set({ reopenedAt: now, reopenedBy: p.by, reopenReason: p.reason })
    .where(
      and(
        eq(publishedReports.agencyCode, p.agencyCode),
        eq(publishedReports.year, p.year),
        isNull(publishedReports.reopenedAt),
      ),
    )
    .returning();
  return rows[0];
};

/** The years of an agency that are locked. */
export const lockedYears = async (ex: Executor, agencyCode: string) =>
  (
    await ex
      .selectDistinct({ year: publishedReports.year })
      .from(publishedReports)
      .where(and(eq(publishedReports.agencyCode, agencyCode), isNull(publishedReports.reopenedAt)))
  ).map((r) => r.year);

// ── Idempotency and audit ─────────────────────────────────────────────────────

export const findIdempotent = async (ex: Executor, principal: string, key: string) => {
  const [row] = await ex
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  return row;
};

export const storeIdempotent = async (
  ex: Executor,
  r: {
    principal: string;
    key: string;
    route: string;
    bodyHash: string;
    status: number;
    response: unknown;
  },
  now: Date,
) => {
  await ex.insert(idempotencyKeys).values({ ...r, createdAt: now });
};

export const audit = async (
  ex: Executor,
  entry: {
    actor: string | null;
    channel: Channel;
    action: string;
    target?: string;
    detail?: unknown;
  },
  now: Date,
) => {
  await ex.insert(auditLog).values({
    at: now,
    actor: entry.actor,
    channel: entry.channel,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
  });
};

export const auditEntries = async (ex: Executor, limit = 100) =>
  ex.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);

/** What the reports of many agencies for one year need, in four queries. */
export const loadReportInputs = async (ex: Executor, codes: readonly string[], year: number) => {
  const list = [...codes];
  const [flows, sections, balances, published] = await Promise.all([
    ex
      .select()
      .from(requestCounts)
      .where(flowsNeededFor(anyOf(requestCounts.agencyCode, list), year)),
    ex
      .select()
      .from(reportSections)
      .where(and(anyOf(reportSections.agencyCode, list), eq(reportSections.year, year))),
    ex
      .select()
      .from(openingBalances)
      .where(and(anyOf(openingBalances.agencyCode, list), eq(openingBalances.year, year))),
    ex
      .select()
      .from(publishedReports)
      .where(
        and(
          anyOf(publishedReports.agencyCode, list),
          eq(publishedReports.year, year),
          isNull(publishedReports.reopenedAt),
        ),
      ),
  ]);
  return { flows, sections, balances, published };
};
