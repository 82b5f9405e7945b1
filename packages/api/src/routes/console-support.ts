// Reads and the one write the web console needs beyond the other routes: an agency's flows by
// month, the year to date of every agency of a region, and one-time sign-in links the bot hands
// out (/web). Routes like the others: the console calls them in process (console/api.ts), with
// the same access rules as any client.
import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import {
  type AgencyYearInputs,
  createSignInLink,
  flowsByMonth,
  hashSecret,
  regionAgencyRows,
  yearToDateByAgency,
} from "@ogi/db";
import { carriedForward, carriedOver } from "@ogi/domain";
import { cached } from "../cache.ts";
import { DUE_SOON_WORKING_DAYS } from "../calendar.ts";
import { canRead, type Deps, TELEGRAM_USER_HEADER } from "../context.ts";
import { currentCalendar, todayIn } from "../domain.ts";
import { ApiError, forbidden, notFound, unauthorized } from "../errors.ts";
import { codeParam, errorsFor, json, regionParam, summaryQuery } from "../schemas.ts";
import { bearer, subApp } from "./common.ts";
import { mayAll } from "./reports.ts";

/** How long a sign-in link of the bot's /web works (once). */
export const SIGN_IN_LINK_MINUTES = 10;

const agencyRowOut = z.object({
  code: z.string(),
  name: z.string(),
  carriedOver: z.number(),
  received: z.number(),
  concluded: z.number(),
  open: z.number(),
  overdue: z.number(),
  dueWithin5WorkingDays: z.number(),
  balanced: z.boolean(),
  report: z.enum(["draft", "published"]),
});

/**
 * An agency's year to date in the total column, as tableFromFlows and yearToDateOf give it
 * (the stocks by the domain's own rules), without building the whole table: a region page
 * reads a thousand of them.
 */
export const totalsOf = (x: AgencyYearInputs, year: number) => {
  let beforeReceived = 0;
  let beforeConcluded = 0;
  let received = 0;
  let concluded = 0;
  for (const f of x.flows) {
    const mine = f.year === year;
    if (f.row === "newReceived") {
      if (mine) received += f.n;
      else beforeReceived += f.n;
    } else if (f.row === "totalProcessed") {
      if (mine) concluded += f.n;
      else beforeConcluded += f.n;
    }
  }
  let over = carriedOver([{ newReceived: beforeReceived, totalProcessed: beforeConcluded }]);
  let open = carriedForward(over, received, concluded);
  for (const b of x.balances) {
    over += b.carriedOver.total;
    received += b.newReceived.total;
    concluded += b.totalProcessed.total;
    open += b.carriedForward.total;
  }
  return {
    carriedOver: over,
    received,
    concluded,
    open,
    balanced: open === carriedForward(over, received, concluded),
  };
};

export const consoleSupportApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/months",
        tags: ["reports"],
        security: bearer,
        summary: "Received and concluded by month / 按月收到与办结 (the year to date's flows)",
        request: {
          params: codeParam,
          query: z.object({ year: z.coerce.number().int().min(2008).max(2100).optional() }),
        },
        responses: {
          200: json(
            z.object({
              year: z.number(),
              received: z.array(z.number()),
              concluded: z.array(z.number()),
            }),
            "Twelve months",
          ),
          ...errorsFor(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { code } = c.req.valid("param");
        await canRead(deps, c.get("principal"), code, "summary");
        const year = c.req.valid("query").year ?? Number(todayIn(deps.clock.now()).slice(0, 4));
        const months = await cached(deps.cache, `months:${code}:${year}`, () =>
          flowsByMonth(deps.db, [code], year),
        );
        return c.json({ year, ...months }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{code}/agencies",
        tags: ["regions"],
        security: bearer,
        summary: "The year to date of each agency of a region / 区域内各机构本年至今",
        request: { params: regionParam, query: summaryQuery },
        responses: {
          200: json(
            z.object({ asOf: z.string(), year: z.number(), agencies: z.array(agencyRowOut) }),
            "One row per agency",
          ),
          ...errorsFor(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const today = todayIn(deps.clock.now());
        const asOf = c.req.valid("query").asOf ?? today;
        if (p.kind === "anonymous") throw unauthorized();
        const rows = await cached(deps.cache, `region-rows:${code}`, () =>
          regionAgencyRows(deps.db, code),
        );
        if (rows.length === 0)
          throw notFound({ zh: `区域 ${code} 下的机构`, en: `Agencies of region ${code}` });
        if (
          !(await mayAll(
            deps,
            p,
            rows.map((r) => r.code),
            "summary",
          ))
        )
          throw forbidden({ zh: "查看该区域的统计", en: "reading this region's figures" });
        if (asOf > today)
          throw new ApiError(400, "invalid", {
            zh: "asOf 不能晚于今天。",
            en: "asOf can't be after today.",
          });
        const year = Number(asOf.slice(0, 4));
        const soonUntil = currentCalendar().addWorkingDays(asOf, DUE_SOON_WORKING_DAYS + 1);
        const body = await cached(deps.cache, `region-agencies:${code}:${asOf}`, async () => {
          const inputs = await yearToDateByAgency(
            deps.db,
            rows.map((r) => r.code),
            year,
            asOf,
            soonUntil,
          );
          return {
            asOf,
            year,
            agencies: inputs.map((x, i) => ({
              code: x.agencyCode,
              name: rows[i]!.name,
              ...totalsOf(x, year),
              overdue: x.overdue,
              dueWithin5WorkingDays: x.dueSoon,
              report: x.published ? ("published" as const) : ("draft" as const),
            })),
          };
        });
        return c.json(body, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/sign-in-links",
        tags: ["staff"],
        security: bearer,
        summary:
          "A one-time sign-in link to the web console / 网页控制台一次性登录链接 (the bot for its user, or a personal token)",
        responses: {
          201: json(
            z.object({ path: z.string(), expiresAt: z.string() }),
            "The link's path on this server; it works once, for a few minutes",
          ),
          ...errorsFor(401, 403),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        if (p.kind === "anonymous") throw unauthorized();
        if (p.kind === "service") throw forbidden();
        const user = c.req.header(TELEGRAM_USER_HEADER);
        // Whoever the link signs in is re-read at sign-in: the Telegram user's staff records,
        // or the token (a revoked one signs in no one).
        const subject =
          p.channel === "bot" && user
            ? `telegram:${Number(user)}`
            : p.kind === "staff" || !p.id.startsWith("env:")
              ? `token:${p.id}`
              : `admin:${p.id}`;
        const code = randomBytes(24).toString("base64url");
        const now = deps.clock.now();
        const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
        await createSignInLink(deps.db, { codeHash: hashSecret(code), subject, expiresAt }, now);
        return c.json(
          { path: `/console/login/link?code=${code}`, expiresAt: expiresAt.toISOString() },
          201,
        );
      },
    );
