// The reminder scheduler's two routes (the bot's service token, or an admin): the reminders of
// a day with what was already delivered, and the record of a delivery.
import { createRoute, z } from "@hono/zod-openapi";
import {
  agencyTree,
  identitiesOf,
  linkedStaff,
  listAgencies,
  openApplications,
  recordReminder,
  regionAgencies,
  reminderRecords,
} from "@ogi/db";
import {
  type AnnualReportState,
  applicationStatus,
  computeReminders,
  isoDate,
  type ReminderKind,
  type ReminderStaff,
} from "@ogi/domain";
import type { Deps, Principal } from "../context.ts";
import { currentCalendar, todayIn } from "../domain.ts";
import { ApiError, forbidden, invalid, unauthorized } from "../errors.ts";
import { servedReport } from "../reports.ts";
import { body, errorsFor, json } from "../schemas.ts";
import { bearer, subApp } from "./common.ts";

const tags = ["reminders"];

const requireScheduler = (p: Principal) => {
  if (p.kind === "anonymous") throw unauthorized();
  if (p.kind !== "service" && p.kind !== "admin")
    throw forbidden({
      zh: "此操作（仅限机器人服务令牌或管理员）",
      en: "this (the bot's service token or administrators only)",
    });
};

const bilingual = z.object({ zh: z.string(), en: z.string() });
const reminderOut = z
  .object({
    key: z.string(),
    staffId: z.string(),
    /** 0 when the staff member is linked on other messengers only (see chatUsers). */
    telegramUserId: z.number(),
    /** Where else the staff member can be reached: `wecom:zhangsan`, `dingtalk:0123…`. */
    chatUsers: z.array(z.string()),
    kind: z.enum(["due", "digest", "annualReport"]),
    date: z.string(),
    language: z.enum(["zh", "en"]),
    text: bilingual,
    sentAt: z.string().nullable(),
    attempts: z.number(),
  })
  .openapi("Reminder");

const KEY = /^(\d{4}-\d{2}-\d{2})\.(due|digest|annualReport)\.(.+)$/;

export const remindersApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "get",
        path: "/reminders/due",
        tags,
        security: bearer,
        summary:
          "The reminders of a working day, with what was already delivered / 某工作日应发送的提醒",
        request: {
          query: z.object({
            date: isoDate.optional().openapi({ description: "Default: today in China" }),
          }),
        },
        responses: {
          200: json(
            z.object({
              date: z.string(),
              workingDay: z.boolean(),
              reminders: z.array(reminderOut),
            }),
            "Nothing on a day that is not a working day",
          ),
          ...errorsFor(400, 401, 403),
        },
      }),
      async (c) => {
        requireScheduler(c.get("principal"));
        const date = c.req.valid("query").date ?? todayIn(deps.clock.now());
        const calendar = currentCalendar();
        if (!calendar.isWorkingDay(date))
          return c.json({ date, workingDay: false, reminders: [] }, 200);
        const people = await linkedStaff(deps.db);
        const chatUsers = new Map<string, string[]>();
        for (const i of await identitiesOf(
          deps.db,
          people.map((p) => p.id),
        ))
          if (i.platform !== "telegram")
            chatUsers.set(i.staffId, [
              ...(chatUsers.get(i.staffId) ?? []),
              `${i.platform}:${i.externalId}`,
            ]);
        const staff: ReminderStaff[] = [];
        const scopeCodes = new Set<string>();
        for (const s of people) {
          scopeCodes.add(s.agencyCode);
          if (s.role !== "manager") {
            staff.push({
              id: s.id,
              role: s.role,
              agencyCode: s.agencyCode,
              // 0: not on Telegram (the domain skips null: nobody to tell).
              telegramUserId: s.telegramUserId ?? 0,
            });
            continue;
          }
          // A manager's digest: the agencies below theirs, and the region when their agency is
          // the region's government (no parent).
          const scope = new Set(await agencyTree(deps.db, s.agencyCode));
          if (s.regionCode && !s.parentCode)
            for (const code of await regionAgencies(deps.db, s.regionCode)) scope.add(code);
          for (const code of scope) scopeCodes.add(code);
          staff.push({
            id: s.id,
            role: s.role,
            agencyCode: s.agencyCode,
            telegramUserId: s.telegramUserId ?? 0,
            scope: [...scope],
          });
        }
        const codes = [...scopeCodes].sort();
        const agencies = await listAgencies(deps.db, codes);
        const applications = (await openApplications(deps.db, codes)).map((o) => {
          const st = applicationStatus(o.application, date, calendar);
          return {
            id: o.application.id,
            agencyCode: o.agencyCode,
            number: o.application.number ?? null,
            subject: o.subject,
            status: st.status,
            dueDate: st.dueDate,
            provisional: st.provisional,
            decisionDue: st.decisionDue?.outcome ?? null,
          };
        });
        // Last year's reports, only in the months the 31 January reminder can be due.
        const reports: AnnualReportState[] = [];
        const month = Number(date.slice(5, 7));
        if (month <= 3) {
          const managed = new Set(
            staff
              .filter((s) => s.role === "manager")
              .flatMap((s) => [s.agencyCode, ...(s.scope ?? [])]),
          );
          const year = Number(date.slice(0, 4)) - 1;
          for (const agency of agencies.filter((a) => managed.has(a.code))) {
            const served = await servedReport(deps.db, agency, year);
            reports.push({
              agencyCode: agency.code,
              year,
              published: served.status === "published",
              findings: served.findings,
            });
          }
        }
        const reminders = computeReminders({
          today: date,
          calendar,
          staff,
          applications,
          agencies: agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind })),
          reports,
        });
        const records = new Map(
          (
            await reminderRecords(
              deps.db,
              reminders.map((r) => r.key),
            )
          ).map((r) => [r.key, r]),
        );
        return c.json(
          {
            date,
            workingDay: true,
            reminders: reminders.map((r) => ({
              key: r.key,
              staffId: r.staffId,
              telegramUserId: r.telegramUserId,
              chatUsers: chatUsers.get(r.staffId) ?? [],
              kind: r.kind,
              date: r.date,
              language: r.language,
              text: r.text,
              sentAt: records.get(r.key)?.sentAt?.toISOString() ?? null,
              attempts: records.get(r.key)?.attempts ?? 0,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/reminders/{key}/sent",
        tags,
        security: bearer,
        summary: "Record a delivery (or failed attempts) / 记录提醒的发送结果",
        request: {
          params: z.object({
            key: z
              .string()
              .min(1)
              .max(300)
              .openapi({ param: { name: "key", in: "path" } }),
          }),
          ...body(
            z.strictObject({
              delivered: z.boolean(),
              attempts: z.number().int().min(1).max(100),
              error: z.string().max(2000).optional(),
            }),
          ),
        },
        responses: {
          200: json(
            z.object({
              key: z.string(),
              sentAt: z.string().nullable(),
              attempts: z.number(),
              lastError: z.string().nullable(),
            }),
            "Recorded",
          ),
          ...errorsFor(400, 401, 403, 422),
        },
      }),
      async (c) => {
        requireScheduler(c.get("principal"));
        const { key } = c.req.valid("param");
        const posted = c.req.valid("json");
        const m = KEY.exec(key);
        if (!m || !isoDate.safeParse(m[1]).success)
          throw invalid(
            [
              {
                path: "param.key",
                message:
                  "a reminder key is date.kind.staffId, e.g. 2026-10-26.due.s1 / 提醒键应为 日期.类型.人员",
              },
            ],
            400,
          );
        let staffId: string;
        try {
          staffId = decodeURIComponent(m[3]!);
        } catch {
          throw new ApiError(400, "invalid", { zh: "提醒键无效。", en: "Invalid reminder key." });
        }
        const row = await recordReminder(
          deps.db,
          {
            key,
            staffId,
            kind: m[2] as ReminderKind,
            date: m[1]!,
            delivered: posted.delivered,
            attempts: posted.attempts,
            error: posted.error ?? null,
          },
          deps.clock.now(),
        );
        // Answers to reads are cached until the next write: the day's list must show this one.
        deps.cache?.invalidate();
        return c.json(
          {
            key: row.key,
            sentAt: row.sentAt?.toISOString() ?? null,
            attempts: row.attempts,
            lastError: row.lastError,
          },
          200,
        );
      },
    );
