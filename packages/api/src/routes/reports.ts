// Reports: derived live for an open year, the snapshot once published; the sections people
// write; opening balances; publishing and reopening; year-to-date summaries; regions.
import { createRoute, z } from "@hono/zod-openapi";
import {
  agencyTree,
  getAgency,
  getOpeningBalances,
  getPublished,
  holdAgencyForPublishing,
  publishReport,
  putOpeningBalance,
  putSection,
  regionAgencies,
  regionAgencyRows,
  reopenReport,
} from "@ogi/db";
import { checkOpeningBalance, checkReport, hasErrors } from "@ogi/domain";
import type { Context } from "hono";
import { cached } from "../cache.ts";
import {
  canRead,
  type Deps,
  may,
  type Principal,
  requireAdmin,
  requireAgency,
} from "../context.ts";
import { todayIn } from "../domain.ts";
import {
  ApiError,
  conflict,
  forbidden,
  invalid,
  notFound,
  unauthorized,
  zodIssues,
} from "../errors.ts";
import { rendered, reportResponses } from "../report-downloads.ts";
import { regionReport, servedReport } from "../reports.ts";
import {
  body,
  codeParam,
  codeYearParams,
  errors,
  errorsFor,
  json,
  openingBalanceBody,
  regionParam,
  regionYearParams,
  reopenSchema,
  reportOut,
  reportQuery,
  SECTION_SCHEMAS,
  sectionParams,
  sectionsSchema,
  summaryOut,
  summaryQuery,
} from "../schemas.ts";
import { assertYearsOpen, write } from "../write.ts";
import { agencySummary, yearToDate } from "../year-to-date.ts";
import { bearer, subApp } from "./common.ts";

const tags = ["reports"];

const publishSchema = z
  .strictObject({
    /** Publish before the year's 31 December (admins only, with a reason). */
    force: z.boolean().optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .openapi("PublishOptions");

/** The optional body of a publication: nothing, or `{ force, reason }`. */
const publishOptions = async (c: Context) => {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid([{ path: "", message: "the body is not JSON / 请求体不是 JSON" }]);
  }
  const parsed = publishSchema.safeParse(raw);
  if (!parsed.success) throw invalid(zodIssues(parsed.error, ""));
  return parsed.data;
};

/** Section 六's fee statement is derived from the register (issue 19): never written. */
const feesFromRegister = () =>
  conflict("feesFromRegister", {
    zh: "六、收费说明（收费通知件数、通知金额、实收金额）由登记簿的收费记录生成，不能直接填写：请在申请上登记“发出收费通知”或“缴费”。",
    en: "Section 6's fee statement (notices, amount notified, amount collected) comes from the register's fee events and can't be written: record a fee notice or a payment on the application.",
  });

const agencyOr404 = async (deps: Deps, code: string) => {
  const agency = await getAgency(deps.db, code);
  if (!agency) throw notFound({ zh: `机构 ${code}`, en: `Agency ${code}` });
  return agency;
};

/** Whether the caller may `need` on every agency of the list (one tree query per membership). */
export const mayAll = async (
  deps: Deps,
  p: Principal,
  codes: string[],
  need: "report" | "summary",
) => {
  if (p.kind === "admin") return true;
  if (p.kind !== "staff") return false;
  const allowed = new Set<string>();
  for (const m of p.memberships) {
    if (await may(deps.db, p, m.agencyCode, need)) allowed.add(m.agencyCode);
    // A manager reads everything under their agency; may() says which needs that covers.
    if (m.role === "manager")
      for (const code of await agencyTree(deps.db, m.agencyCode))
        if (code !== m.agencyCode && (need === "report" || need === "summary")) allowed.add(code);
  }
  return codes.every((c) => allowed.has(c));
};

export const reportsApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/reports/{year}",
        tags,
        summary:
          "The report of a year / 年度报告 (published: anyone; draft: managers). ?format=md|html|txt|csv",
        request: { params: codeYearParams, query: reportQuery },
        responses: reportResponses,
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year } = c.req.valid("param");
        const q = c.req.valid("query");
        const agency = await cached(deps.cache, `agency:${code}`, () => agencyOr404(deps, code));
        const published = await cached(deps.cache, `published:${code}:${year}`, async () =>
          Boolean(await getPublished(deps.db, code, year)),
        );
        if (!published) await canRead(deps, p, code, "report");
        const served = await cached(deps.cache, `report:${code}:${year}`, () =>
          servedReport(deps.db, agency, year),
        );
        if (q.format !== "json") return await rendered(c, deps, served, { ...q, format: q.format });
        return c.json(served, 200);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/agencies/{code}/reports/{year}/sections",
        tags,
        security: bearer,
        summary: "Write the sections that are not derived / 填写非派生部分 (managers)",
        request: { params: codeYearParams, ...body(sectionsSchema) },
        responses: {
          200: json(reportOut, "The report as it is now"),
          ...errors,
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year } = c.req.valid("param");
        const input = c.req.valid("json");
        const agency = await requireAgency(deps.db, p, code, "manage");
        if (input.fees !== undefined) throw feesFromRegister();
        const result = await write(
          deps,
          c,
          { code, year, ...input },
          { action: "report.sections", target: `${code}/${year}`, detail: Object.keys(input) },
          async (tx) => {
            await assertYearsOpen(tx, code, [year]);
            for (const [section, content] of Object.entries(input))
              if (content !== undefined)
                await putSection(
                  tx,
                  code,
                  year,
                  section as keyof typeof SECTION_SCHEMAS,
                  content,
                  deps.clock.now(),
                );
            return { status: 200 as const, body: await servedReport(tx, agency, year) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/agencies/{code}/reports/{year}/sections/{section}",
        tags,
        security: bearer,
        summary:
          "Write one section / 填写一个部分: overview, proactive, appeals, fees (objects), problems, otherMatters (strings)",
        request: {
          params: sectionParams,
          body: { content: { "application/json": { schema: z.unknown() } }, required: true },
        },
        responses: { 200: json(reportOut, "The report as it is now"), ...errors },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year, section } = c.req.valid("param");
        const agency = await requireAgency(deps.db, p, code, "manage");
        const raw = c.req.valid("json");
        if (section === "fees") throw feesFromRegister();
        const parsed = SECTION_SCHEMAS[section].safeParse(raw);
        if (!parsed.success) throw invalid(zodIssues(parsed.error, section));
        const result = await write(
          deps,
          c,
          { code, year, section, content: parsed.data },
          { action: "report.sections", target: `${code}/${year}`, detail: [section] },
          async (tx) => {
            await assertYearsOpen(tx, code, [year]);
            await putSection(tx, code, year, section, parsed.data, deps.clock.now());
            return { status: 200 as const, body: await servedReport(tx, agency, year) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies/{code}/reports/{year}/publish",
        tags,
        security: bearer,
        summary:
          "Publish and lock the year / 发布并锁定年度 (managers; refused while the report has errors, and before the year's 31 December in China unless an admin forces it with a reason)",
        // An optional JSON body `{ force, reason }` (PublishOptions), read by publishOptions: not
        // declared here, so that a POST with a JSON content type and no body stays valid.
        request: { params: codeYearParams },
        responses: { 200: json(reportOut, "Published"), ...errors },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year } = c.req.valid("param");
        const agency = await requireAgency(deps.db, p, code, "manage");
        const options = await publishOptions(c);
        // Issue 19: a year is published once it has reached its 31 December (China time);
        // earlier only an admin, with a reason (kept in the audit log).
        const today = todayIn(deps.clock.now());
        if (today < `${year}-12-31`) {
          if (!options.force)
            throw conflict("yearNotOver", {
              zh: `${year} 年尚未到 12 月 31 日（北京时间，今天是 ${today}），不能发布年报；管理员可说明理由后强制发布（force、reason）。`,
              en: `${year} has not reached its 31 December (China time; today is ${today}): the report can't be published yet; an administrator may force it with a reason (force, reason).`,
            });
          if (p.kind !== "admin") throw forbidden();
          if (!options.reason)
            throw invalid([
              {
                path: "reason",
                message: "a reason is required to force publishing / 强制发布须说明理由",
              },
            ]);
        }
        const result = await write(
          deps,
          c,
          { code, year, ...options },
          {
            action: "report.publish",
            target: `${code}/${year}`,
            ...(options.force && today < `${year}-12-31`
              ? { detail: { forced: true, reason: options.reason, today } }
              : {}),
          },
          async (tx) => {
            // Writes of the agency's counts in flight end first; later ones wait, then see the
            // year locked (every 201 is in the snapshot).
            await holdAgencyForPublishing(tx, code);
            if (await getPublished(tx, code, year))
              throw conflict("alreadyPublished", {
                zh: `${year} 年度的年报已发布。`,
                en: `The ${year} report is already published.`,
              });
            const served = await servedReport(tx, agency, year);
            if (hasErrors(served.findings))
              throw new ApiError(
                409,
                "reportHasErrors",
                {
                  zh: "年报有错误，不能发布，见 issues。",
                  en: "The report has errors and can't be published; see issues.",
                },
                served.findings
                  .filter((f) => f.severity === "error")
                  .map((f) => ({
                    path: f.cells.join(",") || f.code,
                    message: `${f.message.zh} / ${f.message.en}`,
                  })),
              );
            const row = await publishReport(
              tx,
              {
                agencyCode: code,
                year,
                report: served.report,
                findings: served.findings,
                by: p.kind === "anonymous" ? null : p.id,
              },
              deps.clock.now(),
            );
            return {
              status: 200 as const,
              body: {
                ...served,
                status: "published" as const,
                publishedAt: row.publishedAt.toISOString(),
              },
            };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies/{code}/reports/{year}/reopen",
        tags,
        security: bearer,
        summary: "Reopen a published year, with a reason / 重新开放已发布的年度 (admin)",
        request: { params: codeYearParams, ...body(reopenSchema) },
        responses: { 200: json(reportOut, "Reopened: the live draft"), ...errors },
      }),
      async (c) => {
        const p = c.get("principal");
        requireAdmin(p);
        const { code, year } = c.req.valid("param");
        const { reason } = c.req.valid("json");
        const agency = await agencyOr404(deps, code);
        const result = await write(
          deps,
          c,
          { code, year, reason },
          { action: "report.reopen", target: `${code}/${year}`, detail: { reason } },
          async (tx) => {
            const row = await reopenReport(
              tx,
              { agencyCode: code, year, reason, by: p.kind === "admin" ? p.id : null },
              deps.clock.now(),
            );
            if (!row)
              throw conflict("notPublished", {
                zh: `${year} 年度的年报未发布，无需重新开放。`,
                en: `The ${year} report is not published.`,
              });
            return { status: 200 as const, body: await servedReport(tx, agency, year) };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/opening-balances",
        tags,
        security: bearer,
        summary: "Opening balances / 期初数",
        request: { params: codeParam },
        responses: {
          200: json(
            z.object({
              openingBalances: z.array(
                z.object({ year: z.number(), counts: z.unknown(), note: z.string().optional() }),
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
        return c.json({ openingBalances: await getOpeningBalances(deps.db, code) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "put",
        path: "/agencies/{code}/opening-balances/{year}",
        tags,
        security: bearer,
        summary: "Set the counts from before the register for a year / 设置期初数 (managers)",
        request: { params: codeYearParams, ...body(openingBalanceBody) },
        responses: {
          200: json(z.object({ year: z.number(), findings: z.array(z.unknown()) }), "Stored"),
          ...errors,
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year } = c.req.valid("param");
        const input = c.req.valid("json");
        await requireAgency(deps.db, p, code, "manage");
        const balance = { year, counts: input.counts, ...(input.note ? { note: input.note } : {}) };
        const findings = checkOpeningBalance(balance);
        if (hasErrors(findings))
          throw invalid(
            findings
              .filter((f) => f.severity === "error")
              .map((f) => ({
                path: f.cells.map((x) => `counts.${x.replace(/^requests\./, "")}`).join(","),
                message: `${f.message.zh} / ${f.message.en}`,
              })),
          );
        const result = await write(
          deps,
          c,
          { code, year, ...input },
          { action: "openingBalance.put", target: `${code}/${year}` },
          async (tx) => {
            await assertYearsOpen(tx, code, [year]);
            await putOpeningBalance(tx, code, balance, deps.clock.now());
            return { status: 200 as const, body: { year, findings } };
          },
        );
        return c.json(result.body, result.status);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/summary",
        tags,
        security: bearer,
        summary: "Year to date / 本年至今 (asOf defaults to today in China)",
        request: { params: codeParam, query: summaryQuery },
        responses: {
          200: json(summaryOut, "Stock and flow of the year"),
          ...errorsFor(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const asOf = c.req.valid("query").asOf ?? todayIn(deps.clock.now());
        return c.json(await agencySummary(deps, p, code, asOf), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{code}/reports/{year}",
        tags: ["regions"],
        summary:
          "Sum of the reports of every agency in a region / 区域汇总 (published years: anyone)",
        request: { params: regionYearParams, query: reportQuery },
        responses: reportResponses,
      }),
      async (c) => {
        const p = c.get("principal");
        const { code, year } = c.req.valid("param");
        const q = c.req.valid("query");
        const agencies = await regionAgencyRows(deps.db, code);
        const codes = agencies.map((a) => a.code);
        if (codes.length === 0)
          throw notFound({ zh: `区域 ${code} 下的机构`, en: `Agencies of region ${code}` });
        const top = agencies.find((a) => a.regionCode === code && !a.parentCode);
        const target = { name: top ? `${top.name}（汇总）` : `${code}（汇总）`, code };
        const { report: sum, allPublished } = await regionReport(deps.db, agencies, year, target);
        if (!allPublished) {
          if (p.kind === "anonymous") throw unauthorized();
          if (!(await mayAll(deps, p, codes, "report")))
            throw forbidden({ zh: "查看该区域的汇总", en: "reading this region's summary" });
        }
        const served = {
          status: allPublished ? ("published" as const) : ("draft" as const),
          publishedAt: null,
          report: sum,
          findings: checkReport(sum),
        };
        if (q.format !== "json") return await rendered(c, deps, served, { ...q, format: q.format });
        return c.json(served, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/regions/{code}/summary",
        tags: ["regions"],
        security: bearer,
        summary: "Year to date over every agency of a region / 区域本年至今",
        request: { params: regionParam, query: summaryQuery },
        responses: {
          200: json(summaryOut, "Stock and flow of the year"),
          ...errorsFor(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const asOf = c.req.valid("query").asOf ?? todayIn(deps.clock.now());
        if (p.kind === "anonymous") throw unauthorized();
        const codes = await regionAgencies(deps.db, code);
        if (codes.length === 0)
          throw notFound({ zh: `区域 ${code} 下的机构`, en: `Agencies of region ${code}` });
        if (!(await mayAll(deps, p, codes, "summary")))
          throw forbidden({ zh: "查看该区域的统计", en: "reading this region's figures" });
        return c.json(
          { agency: { code, name: code }, ...(await yearToDate(deps, codes, asOf)) },
          200,
        );
      },
    );
