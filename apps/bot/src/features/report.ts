// /report [year], 年报: section 三 as a monospace message, the findings, and the whole report
// as an HTML document rendered by the API.
import { type Finding, type RequestsTable, renderRequestsText } from "@ogi/domain";
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../context.ts";
import { escapeHtml } from "../ui.ts";
import { call, errorsText, me, say, userId } from "./common.ts";

export const report = new Composer<BotContext>();

export const findingsText = (ctx: BotContext, findings: readonly Finding[]) =>
  findings.length === 0
    ? ctx.t("report-no-findings")
    : [
        ctx.t("report-findings", { count: findings.length }),
        ...findings.map(
          (f) => `${f.severity === "error" ? "❌" : "⚠️"} ${escapeHtml(f.message[ctx.lang])}`,
        ),
      ].join("\n");

report.filter(
  (ctx) => ctx.parsed?.kind === "report",
  async (ctx) => {
    const req = ctx.parsed as { year?: number; errors: { zh: string; en: string }[] };
    if (req.errors.length > 0) return say(ctx, errorsText(ctx, req.errors));
    const today = ctx.services.today();
    const year = req.year ?? Number(today.slice(0, 4));
    if (String(year) > today.slice(0, 4)) return say(ctx, ctx.t("year-in-future", { year }));
    const m = me(ctx);
    const r = await call(ctx, () => ctx.services.api.report(userId(ctx), m.agencyCode, year));
    if (!r) return;
    const table = renderRequestsText(r.report.requests as RequestsTable, ctx.lang);
    await say(
      ctx,
      `${ctx.t("report-head", { agency: escapeHtml(m.agencyName), year })}\n<pre>${escapeHtml(table)}</pre>`,
    );
    await say(ctx, findingsText(ctx, r.findings));
    const html = await call(ctx, () =>
      ctx.services.api.reportHtml(userId(ctx), m.agencyCode, year),
    );
    if (html === undefined) return;
    await ctx.replyWithDocument(
      new InputFile(Buffer.from(html, "utf8"), `${m.agencyCode}-${year}.html`),
      { caption: ctx.t("report-document", { year }) },
    );
  },
);
