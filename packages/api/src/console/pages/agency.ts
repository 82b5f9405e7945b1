// The agency page: the year to date as the summary gives it, every figure a link to the
// applications behind it, the month chart, and the first rows of 督办.
import { type Lang, OUTCOME_GROUP_CATALOG } from "@ogi/domain";
import { monthChart } from "../chart.ts";
import { fmt, type Html, html, query, t, tb } from "../html.ts";
import type { ApplicationItem, Counts, Summary } from "../types.ts";
import { APPLICANT_TYPES, applicantTypeLabel } from "../words.ts";
import { enc, type PageCtx, type Rendered } from "./context.ts";
import { dueListPath, supervisionTable } from "./supervision.ts";

/** The register page of an agency with these filters. */
export const registerLink = (code: string, filters: Record<string, string | number | undefined>) =>
  `/console/agencies/${enc(code)}/applications${query(filters)}`;

const figure = (label: string, value: number, href: string | undefined, lang: Lang, tone = "") =>
  html`<div class="figure ${tone}"><div class="label">${label}</div><div class="value">${
    href ? html`<a href="${href}">${fmt(value, lang)}</a>` : fmt(value, lang)
  }</div></div>`;

/** One row per applicant type (and the total), each cell a link. */
const byType = (
  lang: Lang,
  code: string,
  counts: Counts,
  filters: Record<string, string | number>,
) =>
  [...APPLICANT_TYPES, "total"].map((type) => {
    const n = counts[type] ?? 0;
    const f = type === "total" ? filters : { ...filters, applicantType: type };
    return html`<td class="n"><a href="${registerLink(code, f)}">${fmt(n, lang)}</a></td>`;
  });

export const agencyPage = async ({ lang, api }: PageCtx, code: string): Promise<Rendered> => {
  const [summary, months, due] = await Promise.all([
    api.get<Summary>(`/v1/agencies/${enc(code)}/summary`),
    api.get<{ year: number; received: number[]; concluded: number[] }>(
      `/v1/agencies/${enc(code)}/months`,
    ),
    api.get<{ applications: ApplicationItem[] }>(dueListPath(code, 11)),
  ]);
  const y = summary.year;
  const head = [...APPLICANT_TYPES, "total"].map(
    (type) =>
      html`<th class="n">${type === "total" ? t(lang, "总计", "Total") : applicantTypeLabel(lang, type)}</th>`,
  );
  const rows: [string, Html[]][] = [
    [
      t(lang, "上年结转", "Carried over"),
      byType(lang, code, summary.carriedOver, { carriedInto: y }),
    ],
    [
      t(lang, "本年收到", "Received this year"),
      byType(lang, code, summary.received, { receivedYear: y }),
    ],
    ...OUTCOME_GROUP_CATALOG.map((g): [string, Html[]] => [
      tb(lang, g.label),
      byType(lang, code, summary.concludedByGroup[g.key] ?? {}, {
        concludedYear: y,
        outcomeGroup: g.key,
      }),
    ]),
    [
      t(lang, "本年办结合计", "Concluded this year"),
      byType(lang, code, summary.concludedTotal, { concludedYear: y }),
    ],
    [t(lang, "尚在办理", "Open now"), byType(lang, code, summary.openNow, { status: "open" })],
  ];
  const body = html`<h1>${summary.agency.name} <span class="muted small">${summary.agency.code}</span></h1>
<p class="muted">${t(lang, `${y} 年 1 月 1 日至 ${summary.asOf}（本年至今）`, `Year to date: 1 January ${y} to ${summary.asOf}`)}
 · <a href="/console/agencies/${enc(code)}/reports/${y}">${t(lang, `${y} 年度报告`, `The ${y} report`)}</a>
 · <a href="${registerLink(code, {})}">${t(lang, "登记簿", "Register")}</a>
 · <a href="/console/agencies/${enc(code)}/supervision">${t(lang, "督办", "Supervision")}</a></p>
<div class="grid">
  ${figure(t(lang, "上年结转", "Carried over"), summary.carriedOver.total ?? 0, registerLink(code, { carriedInto: y }), lang)}
  ${figure(t(lang, "本年收到", "Received"), summary.received.total ?? 0, registerLink(code, { receivedYear: y }), lang)}
  ${figure(t(lang, "本年办结", "Concluded"), summary.concludedTotal.total ?? 0, registerLink(code, { concludedYear: y }), lang)}
  ${figure(t(lang, "尚在办理", "Open now"), summary.openNow.total ?? 0, registerLink(code, { status: "open" }), lang)}
  ${figure(t(lang, "已逾期", "Overdue"), summary.overdue, registerLink(code, { status: "open", overdue: "true" }), lang, summary.overdue > 0 ? "alert" : "")}
  ${figure(t(lang, "5 个工作日内到期", "Due within 5 working days"), summary.dueWithin5WorkingDays, `/console/agencies/${enc(code)}/supervision`, lang, summary.dueWithin5WorkingDays > 0 ? "warn" : "")}
</div>
<p>${
    summary.balanced
      ? html`<span class="tag ok">${t(lang, "勾稽关系成立：上年结转 + 本年收到 = 本年办结 + 尚在办理", "Balanced: carried over + received = concluded + open")}</span>`
      : html`<span class="tag bad">${t(lang, "勾稽关系不成立：上年结转 + 本年收到 ≠ 本年办结 + 尚在办理", "Not balanced: carried over + received ≠ concluded + open")}</span>`
  }</p>
<h2>${t(lang, "督办：逾期与即将到期", "Supervision: overdue and due soon")}</h2>
${supervisionTable(lang, due.applications.slice(0, 10))}
${due.applications.length > 10 ? html`<p><a href="/console/agencies/${enc(code)}/supervision">${t(lang, "查看全部", "See all")}</a></p>` : ""}
<h2>${t(lang, "按月收到与办结", "Received and concluded by month")}</h2>
<div class="card chart">${monthChart(lang, months, months.year)}</div>
<h2>${t(lang, "本年至今（按申请人类型）", "Year to date by applicant type")}</h2>
<div class="card">
<table class="list figures"><thead><tr><th></th>${head}</tr></thead>
<tbody>${rows.map(([label, cells]) => html`<tr><th>${label}</th>${cells}</tr>`)}</tbody></table>
</div>`;
  return { title: summary.agency.name, body };
};
