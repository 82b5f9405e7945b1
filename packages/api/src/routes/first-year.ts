// A first year on the register (issue 19): bring in last year's report as the agency published
// it before the register, so that the cross-year rules read it (its 结转下年度 is this year's
// 上年结转), and optionally its carried-forward applications as counts (an opening balance).
import { createRoute, z } from "@hono/zod-openapi";
import { getPublished, listBroughtInReports, putBroughtInReport, putOpeningBalance } from "@ogi/db";
import {
  carriedOverAsCounts,
  checkOpeningBalance,
  checkReport,
  reportDraftSchema,
} from "@ogi/domain";
import { canRead, type Deps, requireAgency } from "../context.ts";
import { conflict } from "../errors.ts";
import { body, codeParam, codeYearParams, errorsFor, json } from "../schemas.ts";
import { assertYearsOpen, write } from "../write.ts";
import { bearer, subApp } from "./common.ts";

const tags = ["reports"];

export const broughtInBody = z
  .strictObject({
    /** The report as published (for example read from its text by the import). */
    report: reportDraftSchema,
    note: z.string().trim().max(500).optional(),
    /**
     * How the applications it carried forward enter the next year: `registered` (recorded one
     * by one with their original receipt dates; the default) or `counts` (an opening balance
     * of the next year whose 上年结转 and 结转下年度 are its 结转下年度).
     */
    carriedOver: z.enum(["registered", "counts"]).default("registered"),
  })
  .openapi("BroughtInReport");

export const firstYearApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "put",
        path: "/agencies/{code}/brought-in-reports/{year}",
        tags,
        security: bearer,
        summary:
          "Bring in a report published before the register (a first year's opening) / 导入上年已公布的年报作为期初 (managers)",
        request: { params: codeYearParams, ...body(broughtInBody) },
        responses: {
          200: json(
            z.object({
              year: z.number(),
              carriedForward: z.number(),
              findings: z.array(z.unknown()),
            }),
            "Stored",
          ),
          ...errorsFor(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year } = c.req.valid("param");
        const input = c.req.valid("json");
        await requireAgency(deps.db, p, code, "manage");
        const report = { ...input.report, year };
        const result = await write(
          deps,
          c,
          { code, year, ...input },
          { action: "broughtInReport.put", target: `${code}/${year}` },
          async (tx) => {
            if (await getPublished(tx, code, year))
              throw conflict("alreadyPublished", {
                zh: `${year} 年度的年报已在本系统发布，无需导入。`,
                en: `The ${year} report is published on the system; nothing to bring in.`,
              });
            // Whatever the published report contains is kept as published; its findings say
            // what does not add up.
            const findings = checkReport(report);
            await putBroughtInReport(tx, code, year, report, input.note ?? null, deps.clock.now());
            if (input.carriedOver === "counts") {
              await assertYearsOpen(tx, code, [year + 1]);
              const balance = carriedOverAsCounts(report);
              findings.push(...checkOpeningBalance(balance));
              await putOpeningBalance(tx, code, balance, deps.clock.now());
            }
            const cf = report.requests.carriedForward.total;
            return {
              status: 200 as const,
              body: { year, carriedForward: typeof cf === "number" ? cf : 0, findings },
            };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/brought-in-reports",
        tags,
        security: bearer,
        summary: "Reports brought in from before the register / 导入的年报",
        request: { params: codeParam },
        responses: {
          200: json(
            z.object({
              reports: z.array(
                z.object({ year: z.number(), report: z.unknown(), note: z.string().nullable() }),
              ),
            }),
            "By year",
          ),
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const { code } = c.req.valid("param");
        await canRead(deps, c.get("principal"), code, "report");
        const rows = await listBroughtInReports(deps.db, code);
        return c.json(
          { reports: rows.map((r) => ({ year: r.year, report: r.report, note: r.note })) },
          200,
        );
      },
    );
