// The working calendar: the arrangement of a year (package, loaded file or statutory fallback)
// and loading the State Council's notice for a year the package does not know yet.
import { createRoute, z } from "@hono/zod-openapi";
import { addHolidayFile, listHolidayFiles, recomputeDueDates } from "@ogi/db";
import { createWorkingCalendar, dueDate, parseHolidayFile, YEAR_MAX, YEAR_MIN } from "@ogi/domain";
import { storedHolidayFiles } from "../calendar.ts";
import { actorOf, channelOf, type Deps, requireAdmin } from "../context.ts";
import { currentCalendar } from "../domain.ts";
import { ApiError, unauthorized } from "../errors.ts";
import { errorsFor, json } from "../schemas.ts";
import { write } from "../write.ts";
import { bearer, subApp } from "./common.ts";

const tags = ["calendar"];

const bilingual = z.object({ zh: z.string(), en: z.string() });
const dayOut = z.object({
  date: z.string(),
  weekday: bilingual,
  kind: z.enum(["holiday", "makeUpWorkday"]),
  name: bilingual.nullable(),
  festival: bilingual.nullable(),
});
const yearOut = z
  .object({
    year: z.number(),
    source: z.enum(["package", "file", "statutory"]),
    provisional: z.boolean(),
    workingDays: z.number(),
    days: z.array(dayOut),
  })
  .openapi("CalendarYear");

const fileOut = z.object({
  id: z.number(),
  years: z.array(z.number()),
  loadedAt: z.string(),
  loadedBy: z.string().nullable(),
  channel: z.string(),
  file: z.record(z.string(), z.unknown()),
});

const yearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(YEAR_MIN)
    .max(YEAR_MAX)
    .openapi({ param: { name: "year", in: "path" }, example: 2026 }),
});

const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

export const calendarApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "get",
        path: "/calendar/holidays",
        tags,
        security: bearer,
        summary: "The holiday files loaded so far / 已载入的放假安排文件",
        responses: {
          200: json(z.object({ files: z.array(fileOut) }), "In load order (a later file wins)"),
          ...errorsFor(401),
        },
      }),
      async (c) => {
        if (c.get("principal").kind === "anonymous") throw unauthorized();
        const rows = await listHolidayFiles(deps.db);
        return c.json(
          {
            files: rows.map((r) => ({
              id: r.id,
              years: r.years,
              loadedAt: r.loadedAt.toISOString(),
              loadedBy: r.loadedBy,
              channel: r.channel,
              // Stored files were validated when loaded; parse again (a BOM, the exact shape).
              file: (() => {
                const parsed = parseHolidayFile(r.raw);
                return parsed.ok ? parsed.file : {};
              })(),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/calendar/holidays",
        tags,
        security: bearer,
        summary:
          "Load a year's holiday arrangement (chinese-days' JSON shape; admin) / 载入放假安排（管理员）",
        description:
          'Body: { "holidays": { "2027-01-01": "New Year\'s Day,元旦,1", … }, "workdays": { … } }. The file replaces the whole of each year it covers; the due dates of open applications are recomputed in the same transaction.',
        responses: {
          201: json(
            z.object({
              id: z.number(),
              years: z.array(z.number()),
              recomputed: z.array(
                z.object({
                  id: z.string(),
                  from: z.string().nullable(),
                  to: z.string().nullable(),
                }),
              ),
            }),
            "Loaded; the open applications whose due date moved",
          ),
          ...errorsFor(401, 403, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        requireAdmin(p);
        const raw = await c.req.text();
        const parsed = parseHolidayFile(raw);
        if (!parsed.ok)
          throw new ApiError(
            422,
            "invalidHolidayFile",
            {
              zh: `放假安排文件有误：${parsed.errors.map((e) => e.zh).join("；")}`,
              en: `The holiday file is invalid: ${parsed.errors.map((e) => e.en).join("; ")}`,
            },
            parsed.errors.map((e) => ({ path: e.path, message: `${e.zh} / ${e.en}` })),
          );
        const result = await write(
          deps,
          c,
          parsed.file,
          {
            action: "calendar.load",
            target: parsed.years.join(","),
            detail: { years: parsed.years },
          },
          async (tx) => {
            const now = deps.clock.now();
            const earlier = await storedHolidayFiles(tx);
            const row = await addHolidayFile(
              tx,
              { raw, years: parsed.years },
              { actor: actorOf(p), channel: channelOf(p), now },
            );
            const calendar = createWorkingCalendar({ extraYears: [...earlier, parsed.file] });
            const moved = await recomputeDueDates(tx, (app) => dueDate(app, calendar).dueDate);
            return {
              status: 201 as const,
              body: { id: row.id, years: parsed.years, recomputed: moved },
            };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/calendar/{year}",
        tags,
        summary:
          "A year's holidays and make-up working days, and where they come from / 某年的放假与调休安排",
        request: { params: yearParam },
        responses: {
          200: json(yearOut, "The year's special days (ordinary weekdays and weekends omitted)"),
          ...errorsFor(400),
        },
      }),
      (c) => {
        const { year } = c.req.valid("param");
        const calendar = currentCalendar();
        const start = Date.UTC(year, 0, 1) / 86_400_000;
        const end = Date.UTC(year + 1, 0, 1) / 86_400_000;
        const days: z.infer<typeof dayOut>[] = [];
        let workingDays = 0;
        for (let n = start; n < end; n++) {
          const d = calendar.describe(isoDay(n));
          if (d.working) workingDays++;
          if (d.kind === "holiday" || d.kind === "makeUpWorkday")
            days.push({
              date: d.date,
              weekday: d.weekday,
              kind: d.kind,
              name: d.name,
              festival: d.festival,
            });
        }
        return c.json(
          {
            year,
            source: calendar.sourceOf(year),
            provisional: calendar.isProvisional(year),
            workingDays,
            days,
          },
          200,
        );
      },
    );
