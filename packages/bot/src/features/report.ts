// /report [year], 年报: section 三 as a monospace message, the findings, and the whole report
// as an HTML document rendered by the API, with buttons for its Word and PDF files.
import { escapeHtml, type Finding, renderRequestsText } from "@ogi/domain";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { ReportWithFindings } from "../api.ts";
import type { BotContext } from "../context.ts";
import { REPORT_FILE_FORMATS, regionReportStep, reportFileStep } from "../flows/index.ts";
import { call, errorsText, me, say, userId } from "./common.ts";
import { onCommand, onPress } from "./routing.ts";

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

/** A manager of an agency with agencies under it (a county government) manages a region. */
const regionOf = (ctx: BotContext) => {
  const m = me(ctx);
  return m.regionCode && (m.role === "manager" || m.role === "admin") ? m.regionCode : undefined;
};

/** Section 三, the findings and the HTML document of one report (an agency's or a region's). */
const sendReport = async (
  ctx: BotContext,
  what: { name: string; file: string; year: number },
  fetch: { report: () => Promise<ReportWithFindings>; html: () => Promise<string> },
  after?: InlineKeyboard,
) => {
  const r = await call(ctx, fetch.report);
  if (!r) return;
  const table = renderRequestsText(r.report.requests, ctx.lang);
  await say(
    ctx,
    `${ctx.t("report-head", { agency: escapeHtml(what.name), year: what.year })}\n<pre>${escapeHtml(table)}</pre>`,
  );
  await say(ctx, findingsText(ctx, r.findings));
  const html = await call(ctx, fetch.html);
  if (html === undefined) return;
  await ctx.replyWithDocument(
    new InputFile(Buffer.from(html, "utf8"), `${what.file}-${what.year}.html`),
    {
      caption: ctx.t("report-document", { year: what.year }),
      ...(after ? { reply_markup: after } : {}),
    },
  );
};

report.use(
  onCommand("report", async (ctx, req) => {
    if (req.errors.length > 0) return say(ctx, errorsText(ctx, req.errors));
    const today = ctx.services.today();
    const year = req.year ?? Number(today.slice(0, 4));
    if (String(year) > today.slice(0, 4)) return say(ctx, ctx.t("year-in-future", { year }));
    const m = me(ctx);
    const region = regionOf(ctx);
    // A region's manager may also have the sum of the region's agencies.
    const offer = region
      ? new InlineKeyboard().text(
          ctx.t("report-region-button", { code: region }),
          ctx.services.codec.encode(regionReportStep.data({ year })),
        )
      : undefined;
    // The Word and PDF files of the agency's report, on request (they are larger than the page).
    const files = new InlineKeyboard();
    for (const format of REPORT_FILE_FORMATS)
      files.text(
        ctx.t(`report-file-${format}`),
        ctx.services.codec.encode(reportFileStep.data({ year, format })),
      );
    if (offer) files.row().append(offer);
    await sendReport(
      ctx,
      { name: m.agencyName, file: m.agencyCode, year },
      {
        report: () => ctx.services.api.report(userId(ctx), m.agencyCode, year),
        html: () => ctx.services.api.reportHtml(userId(ctx), m.agencyCode, year),
      },
      files,
    );
  }),
);

report.use(
  onPress(reportFileStep, async (ctx, { year, format }) => {
    await ctx.answerCallbackQuery().catch(() => {});
    const m = me(ctx);
    const file = await call(ctx, () =>
      ctx.services.api.reportFile(userId(ctx), m.agencyCode, year, format),
    );
    if (!file) return;
    await ctx.replyWithDocument(new InputFile(file.bytes, file.filename), {
      caption: ctx.t(`report-file-${format}-caption`, { year }),
    });
  }),
);

report.use(
  onPress(regionReportStep, async (ctx, { year }) => {
    const region = regionOf(ctx);
    if (!region) return say(ctx, ctx.t("report-region-none"));
    await ctx.answerCallbackQuery().catch(() => {});
    await sendReport(
      ctx,
      { name: ctx.t("report-region-name", { code: region }), file: `region-${region}`, year },
      {
        report: () => ctx.services.api.regionReport(userId(ctx), region, year),
        html: () => ctx.services.api.regionReportHtml(userId(ctx), region, year),
      },
    );
  }),
);
