// The register: applications and the events recorded on them.
import { createRoute, z } from "@hono/zod-openapi";
import {
  type ApplicationRow,
  appendEvents,
  applicationsOf,
  type EventTail,
  type Executor,
  eventAppend,
  getApplication,
  type LoadedApplication,
  listApplications,
  listApplicationsWithEvents,
  loadApplication,
  newId,
  type Tx,
  YearLockedError,
} from "@ogi/db";
import {
  type Application,
  type ApplicationEvent,
  applicationEventSchema,
  applicationRowState,
  contributionDelta,
  validateTransition,
} from "@ogi/domain";
import { cached } from "../cache.ts";
import { deadlineView } from "../calendar.ts";
import {
  actorOf,
  canRead,
  channelOf,
  type Deps,
  type Principal,
  requireAgency,
} from "../context.ts";
import { currentCalendar, deadlines, todayIn, withCalendar } from "../domain.ts";
import { ApiError, conflict, invalid, notFound, unauthorized, zodIssues } from "../errors.ts";
import {
  applicationDetailOut,
  applicationOut,
  body,
  codeParam,
  createApplicationSchema,
  type EventBody,
  errorsFor,
  eventBodySchema,
  eventQuery,
  idParam,
  json,
  listApplicationsQuery,
  numberParam,
  recordedOut,
} from "../schemas.ts";
import { assertYearsOpen, writeOnce } from "../write.ts";
import { agencySummary } from "../year-to-date.ts";
import { applicationDetailJson, applicationJson, bearer, subApp } from "./common.ts";

const tags = ["applications"];

export const rowState = (app: Application) => applicationRowState(app, deadlines.dueDate);

const futureDate = (date: string, today: string) =>
  conflict("futureDate", {
    zh: `日期 ${date} 晚于今天（${today}），不能登记未来发生的事。`,
    en: `The date ${date} is after today (${today}); the future can't be recorded.`,
  });

const yearsOf = (deltas: { year: number }[], ...dates: (string | undefined)[]) => [
  ...deltas.map((d) => d.year),
  ...dates.filter((d): d is string => d !== undefined).map((d) => Number(d.slice(0, 4))),
];

/** Gives a posted event its id (and its replacement's) and the schema's defaults. */
export const toEvent = (posted: EventBody, id: string): ApplicationEvent => {
  const candidate =
    posted.type === "amended" && posted.replacement
      ? { ...posted, id, replacement: { ...posted.replacement, id: `${id}r` } }
      : { ...posted, id };
  const r = applicationEventSchema.safeParse(candidate);
  if (!r.success) throw invalid(zodIssues(r.error));
  return r.data;
};

export const filterByDue = (
  rows: ApplicationRow[],
  today: string,
  q: { overdue?: "true" | "false" | undefined; dueWithin?: number | undefined },
) =>
  rows.filter((r) => {
    const overdue = r.status === "open" && r.dueDate !== null && r.dueDate < today;
    if (q.overdue === "true" && !overdue) return false;
    if (q.overdue === "false" && overdue) return false;
    if (q.dueWithin !== undefined) {
      if (r.status !== "open" || r.dueDate === null || r.dueDate < today) return false;
      if (deadlines.workingDaysBetween(today, r.dueDate) > q.dueWithin) return false;
    }
    return true;
  });

/**
 * What recording `posted` on the loaded application writes, once the access, the dates, the
 * transition and the locked years allow it; with `tail`, also the audit entry and the
 * Idempotency-Key answer (given the application as it will be).
 */
const decideEvent = async (
  deps: Deps,
  ex: Executor,
  p: Principal,
  id: string,
  posted: EventBody,
  loaded: LoadedApplication | undefined,
  channel?: "import",
  tail?: (recorded: Recorded) => EventTail,
) => {
  if (!loaded) throw notFound({ zh: `申请 ${id}`, en: `Application ${id}` });
  const { stored, lockedYears } = loaded;
  // The agency exists (the row refers to it); admins and the agency's own staff need no query.
  const own =
    p.kind === "admin" ||
    (p.kind === "staff" && p.memberships.some((m) => m.agencyCode === stored.row.agencyCode));
  if (!own) await requireAgency(ex, p, stored.row.agencyCode, "record");
  const now = deps.clock.now();
  const today = todayIn(now);
  const event = toEvent(posted, `e${stored.events.length + 1}`);
  const dates = [event.date, event.type === "amended" ? event.replacement?.date : undefined];
  for (const d of dates) if (d && d > today) throw futureDate(d, today);
  const verdict = validateTransition(stored.application, event);
  if (!verdict.ok) throw conflict(verdict.code, verdict.message);
  const after = { ...stored.application, events: [...stored.application.events, event] };
  const deltas = contributionDelta(stored.application, after);
  await assertYearsOpen(ex as Tx, stored.row.agencyCode, yearsOf(deltas, ...dates), lockedYears);
  const by = { actor: actorOf(p), channel: channel ?? channelOf(p), now };
  // The application as it is now, without reading it again.
  const recorded = {
    seq: 0,
    applicationId: id,
    eventId: event.id,
    type: event.type,
    date: event.date,
    payload: event as unknown,
    recordedBy: by.actor,
    channel: by.channel,
    recordedAt: now,
  };
  const events = [...stored.events, recorded];
  const item = eventAppend(
    stored,
    event,
    rowState,
    by,
    deltas,
    tail && ((row, application) => tail({ row, application, events })),
  );
  return { item, events };
};

/** Records one event on a stored application inside `tx` (the import). */
export const recordEvent = async (
  deps: Deps,
  tx: Tx,
  p: Principal,
  id: string,
  posted: EventBody,
  channel?: "import",
) => {
  // The row stays locked until the transaction ends.
  const loaded = await loadApplication(tx, id, true);
  const { item, events } = await decideEvent(deps, tx, p, id, posted, loaded, channel);
  await appendEvents(tx, [item]);
  return { row: item.row, application: item.application, events };
};

type Recorded = Parameters<typeof applicationDetailJson>[0];

/**
 * Records a posted event on the application `idOf` names, through the event batcher: one read
 * and one statement (the event, its row and counts, the audit entry and the Idempotency-Key
 * answer), with no transaction to open and commit around them.
 */
const recordPosted = (
  deps: Deps,
  c: Parameters<typeof writeOnce>[1],
  p: Principal,
  idOf: () => Promise<string>,
  posted: EventBody,
  keyed: Record<string, unknown>,
) =>
  writeOnce<ReturnType<typeof applicationDetailJson>, 201>(
    deps,
    c,
    keyed,
    { action: `event.${posted.type}` },
    async (tail) => {
      const id = await idOf();
      let body: ReturnType<typeof applicationDetailJson> | undefined;
      // Decided in a batch with other requests' events, with this request's calendar.
      const calendar = currentCalendar();
      await deps.events!.append(id, (loaded) =>
        withCalendar(calendar, async () => {
          const { item } = await decideEvent(
            deps,
            deps.db,
            p,
            id,
            posted,
            loaded,
            undefined,
            (recorded) => {
              body = applicationDetailJson(recorded, p, todayIn(deps.clock.now()));
              // The audit entry names the application by its id, however it was asked for.
              const t = tail(201, body);
              return { ...t, audit: { ...t.audit, target: id } };
            },
          );
          return item;
        }),
      );
      return { status: 201 as const, body: body! };
    },
  );

/**
 * The recorded application, and with `?yearToDate=true` the agency's year to date after it. The
 * event is recorded whatever happens here: a caller who may not read the figures, or a failure
 * to read them, leaves them out (the failure is logged).
 */
const withYearToDate = async <B extends { agencyCode: string }>(
  deps: Deps,
  c: { req: { query: (name: string) => string | undefined } },
  p: Principal,
  body: B,
): Promise<B & { yearToDate?: Awaited<ReturnType<typeof agencySummary>> }> => {
  if (c.req.query("yearToDate") !== "true") return body;
  try {
    return {
      ...body,
      yearToDate: await agencySummary(deps, p, body.agencyCode, todayIn(deps.clock.now())),
    };
  } catch (error) {
    if (!(error instanceof ApiError))
      deps.logger.warn({ err: error }, "year to date unavailable after a recorded event");
    return body;
  }
};

export const applicationsApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies/{code}/applications",
        tags,
        security: bearer,
        summary: "Register an application / 登记收到的申请",
        request: { params: codeParam, ...body(createApplicationSchema) },
        responses: {
          201: json(
            z.object({
              id: z.string(),
              number: z.number(),
              dueDate: z.string().nullable(),
              /** The id of its `received` event (to amend or withdraw it). */
              receivedEventId: z.string(),
            }),
            "Registered",
          ),
          ...errorsFor(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const input = c.req.valid("json");
        await canRead(deps, p, code, "record");
        const now = deps.clock.now();
        const today = todayIn(now);
        if (input.receivedOn > today) throw futureDate(input.receivedOn, today);
        const received = {
          id: "e1",
          type: "received" as const,
          date: input.receivedOn,
          applicantType: input.applicantType,
          channel: input.channel ?? ("other" as const),
        };
        const years = yearsOf(
          contributionDelta(undefined, { id: "_", events: [received] }),
          input.receivedOn,
        );
        // One statement (number, row, event, counts, audit entry, Idempotency-Key answer),
        // refused as a whole when the year is locked.
        type Registered = {
          id: string;
          number: number;
          dueDate: string | null;
          receivedEventId: string;
        };
        const result = await writeOnce<Registered, 201>(
          deps,
          c,
          { code, ...input },
          { action: "application.create", target: code },
          async (tail) => {
            const id = newId();
            try {
              // Written in one statement with the registrations of the agency asked for
              // meanwhile, with this request's calendar.
              const calendar = currentCalendar();
              const { row } = await deps.registrations!.register(code, {
                id,
                received,
                subject: input.subject,
                applicant: input.applicant,
                by: { actor: actorOf(p), channel: channelOf(p), now },
                state: (app) => withCalendar(calendar, () => rowState(app)),
                years,
                // The statement fills in the number of the stored answer.
                tail: tail(201, {
                  id,
                  number: 0,
                  dueDate: rowState({ id, events: [received] }).dueDate,
                  receivedEventId: received.id,
                }),
              });
              deps.numbers!.remember(code, [row]);
              return {
                status: 201,
                body: {
                  id: row.id,
                  number: row.number,
                  dueDate: row.dueDate,
                  receivedEventId: received.id,
                },
              };
            } catch (error) {
              // The statement names no year: a registration changes only its receipt's.
              if (error instanceof YearLockedError)
                await assertYearsOpen(deps.db as Tx, code, years, years);
              throw error;
            }
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/applications",
        tags,
        security: bearer,
        summary: "The register, filtered / 登记簿",
        request: { params: codeParam, query: listApplicationsQuery },
        responses: {
          200: json(z.object({ applications: z.array(applicationOut) }), "Applications by number"),
          ...errorsFor(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const q = c.req.valid("query");
        await canRead(deps, p, code, "applications");
        const today = todayIn(deps.clock.now());
        const filter = { number: q.number, status: q.status, year: q.year };
        const byDue = q.overdue !== undefined || q.dueWithin !== undefined;
        const page = async () => {
          // One number (the bot's look-up): found with the look-ups of concurrent requests.
          if (q.number !== undefined && q.year === undefined && !byDue) {
            const found = await deps.numbers!.find(code, q.number);
            const hit = found && (q.status === undefined || found.row.status === q.status);
            return hit && q.offset === 0 ? [found] : [];
          }
          if (!byDue)
            return listApplicationsWithEvents(deps.db, code, {
              ...filter,
              limit: q.limit,
              offset: q.offset,
            });
          // By due date (working days): the rows first, then the events of the page only.
          const rows = await listApplications(deps.db, code, { ...filter, limit: 100_000 });
          const selected = filterByDue(rows, today, q).slice(q.offset, q.offset + q.limit);
          const apps = await applicationsOf(deps.db, selected);
          return selected.map((row) => ({ row, application: apps.get(row.id)! }));
        };
        // The page is the same for everyone who may read it (PGlite: until the next write);
        // what each may see of it (applicants' personal data) is decided per request below.
        const key = `applications:${code}:${today}:${JSON.stringify(q)}`;
        return c.json(
          {
            applications: (await cached(deps.cache, key, page)).map(({ row, application }) =>
              applicationJson(row, p, today, deadlineView(application, today)),
            ),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/applications/{id}",
        tags,
        security: bearer,
        summary: "One application with its event history / 申请及其办理记录",
        request: { params: idParam },
        responses: {
          200: json(applicationDetailOut, "The application"),
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { id } = c.req.valid("param");
        // Without a token, no answer says whether an application exists.
        if (p.kind === "anonymous") throw unauthorized();
        const stored = await getApplication(deps.db, id);
        if (!stored) throw notFound({ zh: `申请 ${id}`, en: `Application ${id}` });
        await canRead(deps, p, stored.row.agencyCode, "applications");
        return c.json(applicationDetailJson(stored, p, todayIn(deps.clock.now())), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/applications/{id}/events",
        tags,
        security: bearer,
        summary:
          'Record an event / 登记办理情况 (e.g. { "type": "concluded", "date": "2025-03-01", "outcome": "granted" })',
        request: { params: idParam, query: eventQuery, ...body(eventBodySchema) },
        responses: {
          201: json(recordedOut, "Recorded; the application as it is now"),
          ...errorsFor(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { id } = c.req.valid("param");
        const posted = c.req.valid("json");
        if (p.kind === "anonymous") throw unauthorized();
        const result = await recordPosted(deps, c, p, () => Promise.resolve(id), posted, {
          id,
          ...posted,
        });
        return c.json(await withYearToDate(deps, c, p, result.body), result.status);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies/{code}/applications/{number}/events",
        tags,
        security: bearer,
        summary:
          "Record an event on the agency's application No. {number} / 按编号登记办理情况 (as POST /applications/{id}/events)",
        request: { params: numberParam, query: eventQuery, ...body(eventBodySchema) },
        responses: {
          201: json(recordedOut, "Recorded; the application as it is now"),
          ...errorsFor(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, number } = c.req.valid("param");
        const posted = c.req.valid("json");
        // Only those who may record for the agency learn whether a number exists.
        await canRead(deps, p, code, "record");
        const result = await recordPosted(
          deps,
          c,
          p,
          async () => {
            const id = await deps.numbers!.idOf(code, number);
            if (id === undefined)
              throw notFound({
                zh: `${code} 第 ${number} 号申请`,
                en: `Application No. ${number} of ${code}`,
              });
            return id;
          },
          posted,
          { code, number, ...posted },
        );
        return c.json(await withYearToDate(deps, c, p, result.body), result.status);
      },
    );
