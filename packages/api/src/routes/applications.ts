// The register: applications and the events recorded on them.
import { createRoute, z } from "@hono/zod-openapi";
import {
  type ApplicationRow,
  applicationsOf,
  getApplication,
  listApplications,
  listApplicationsWithEvents,
  type StoredApplication,
} from "@ogi/db";
import { outcomesInGroup } from "@ogi/domain";
import { cached } from "../cache.ts";
import { DUE_SOON_WORKING_DAYS, deadlineView } from "../calendar.ts";
import { canRead, type Deps, type Principal } from "../context.ts";
import { currentCalendar, deadlines, todayIn } from "../domain.ts";
import { ApiError, notFound, unauthorized } from "../errors.ts";
import { recordPostedEvent } from "../register/record-event.ts";
import { registerApplication } from "../register/register-application.ts";
import {
  applicationDetailOut,
  applicationOut,
  body,
  codeParam,
  createApplicationSchema,
  errorsFor,
  eventBodySchema,
  eventQuery,
  idParam,
  json,
  listApplicationsQuery,
  numberParam,
  recordedOut,
} from "../schemas.ts";
import { agencySummary } from "../year-to-date.ts";
import { applicationDetailJson, applicationJson, bearer, subApp } from "./common.ts";

const tags = ["applications"];

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

/** The answer to a recorded event: the application as it is now, with its history. */
const detailOf = (deps: Deps, p: Principal) => (recorded: StoredApplication) =>
  applicationDetailJson(recorded, p, todayIn(deps.clock.now()));

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
              /** The due date counts days of a year whose holidays are not yet published. */
              provisional: z.boolean(),
              /** The id of its `received` event (to amend or withdraw it). */
              receivedEventId: z.string(),
              /** Which day counts as received for its channel (第三十一条). */
              receiptRule: z.object({ zh: z.string(), en: z.string() }),
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
        const result = await registerApplication(deps, c, p, code, input);
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
        const filter = {
          number: q.number,
          status: q.status,
          year: q.year,
          applicantType: q.applicantType,
          outcomes: q.outcome ? [q.outcome] : q.outcomeGroup && outcomesInGroup(q.outcomeGroup),
          receivedYear: q.receivedYear,
          concludedYear: q.concludedYear,
          carriedInto: q.carriedInto,
          text: q.text,
          // Due before the (N+1)-th working day from today: overdue or due within N (督办).
          dueBefore:
            q.order === "due"
              ? currentCalendar().addWorkingDays(today, (q.dueWithin ?? DUE_SOON_WORKING_DAYS) + 1)
              : undefined,
        };
        const byDue = q.order !== "due" && (q.overdue !== undefined || q.dueWithin !== undefined);
        const page = async () => {
          // One number (the bot's look-up): found with the look-ups of concurrent requests.
          const narrowed = Object.entries(filter).some(
            ([k, v]) => k !== "number" && k !== "status" && v !== undefined,
          );
          if (q.number !== undefined && !narrowed && !byDue) {
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
            applications: (await cached(deps.cache, key, page)).map(
              (r: Awaited<ReturnType<typeof page>>[number] & { registeredBy?: string | null }) => ({
                ...applicationJson(r.row, p, today, deadlineView(r.application, today)),
                ...(r.registeredBy !== undefined ? { registeredBy: r.registeredBy } : {}),
              }),
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
        const result = await recordPostedEvent(
          deps,
          c,
          p,
          () => Promise.resolve(id),
          posted,
          { id, ...posted },
          detailOf(deps, p),
        );
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
        const result = await recordPostedEvent(
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
          detailOf(deps, p),
        );
        return c.json(await withYearToDate(deps, c, p, result.body), result.status);
      },
    );
