// The register of an agency, filtered and paged; an application with its timeline and the trace
// of its due date; and the 督办 page. Filters are the API's (its validation answers bad ones).
import { type Lang, OUTCOME_GROUP_CATALOG } from "@ogi/domain";
import { type Html, html, query, t, tb } from "../html.ts";
import type { ApplicationDetail, ApplicationItem } from "../types.ts";
import {
  APPLICANT_TYPES,
  applicantTypeLabel,
  channelLabel,
  deadlineTag,
  eventLabel,
  outcomeLabel,
  statusLabel,
} from "../words.ts";
import { registerLink } from "./agency.ts";
import { enc, type PageCtx, type Rendered } from "./context.ts";
import { dueListPath, supervisionTable } from "./supervision.ts";

export const PAGE_SIZE = 50;

/** The filters the register page passes on to the API (anything else in the query is ignored). */
export const REGISTER_FILTERS = [
  "status",
  "receivedYear",
  "concludedYear",
  "carriedInto",
  "applicantType",
  "outcomeGroup",
  "overdue",
  "text",
] as const;
export type RegisterFilters = Partial<Record<(typeof REGISTER_FILTERS)[number], string>>;

const select = (
  name: string,
  label: string,
  current: string | undefined,
  options: { value: string; label: string }[],
  lang: Lang,
) => html`<label>${label}<select name="${name}">
<option value="">${t(lang, "全部", "All")}</option>
${options.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ""}>${o.label}</option>`)}
</select></label>`;

const filtersForm = (
  lang: Lang,
  code: string,
  f: RegisterFilters,
) => html`<form class="filters card" method="get" action="/console/agencies/${enc(code)}/applications">
${select(
  "status",
  t(lang, "状态", "Status"),
  f.status,
  [
    { value: "open", label: statusLabel(lang, "open") },
    { value: "concluded", label: statusLabel(lang, "concluded") },
  ],
  lang,
)}
<label>${t(lang, "收到年份", "Received in")}<input type="number" name="receivedYear" min="2008" max="2100" value="${f.receivedYear ?? ""}"></label>
<label>${t(lang, "办结年份", "Concluded in")}<input type="number" name="concludedYear" min="2008" max="2100" value="${f.concludedYear ?? ""}"></label>
${select(
  "applicantType",
  t(lang, "申请人类型", "Applicant type"),
  f.applicantType,
  APPLICANT_TYPES.map((a) => ({ value: a, label: applicantTypeLabel(lang, a) })),
  lang,
)}
${select(
  "outcomeGroup",
  t(lang, "办理结果", "Outcome"),
  f.outcomeGroup,
  OUTCOME_GROUP_CATALOG.map((g) => ({ value: g.key, label: tb(lang, g.short) })),
  lang,
)}
${select(
  "overdue",
  t(lang, "是否逾期", "Overdue"),
  f.overdue,
  [
    { value: "true", label: t(lang, "已逾期", "Overdue") },
    { value: "false", label: t(lang, "未逾期", "Not overdue") },
  ],
  lang,
)}
<label>${t(lang, "申请内容包含", "Subject contains")}<input type="text" name="text" maxlength="100" value="${f.text ?? ""}"></label>
${f.carriedInto ? html`<input type="hidden" name="carriedInto" value="${f.carriedInto}">` : ""}
<button class="primary" type="submit">${t(lang, "筛选", "Filter")}</button>
<a href="/console/agencies/${enc(code)}/applications">${t(lang, "清除", "Clear")}</a>
</form>`;

const applicationsTable = (
  lang: Lang,
  items: ApplicationItem[],
) => html`<table class="list register">
<thead><tr><th class="n">${t(lang, "编号", "No.")}</th><th>${t(lang, "收到日期", "Received")}</th>
<th>${t(lang, "申请内容", "Subject")}</th><th>${t(lang, "申请人类型", "Applicant type")}</th>
<th>${t(lang, "状态", "Status")}</th><th>${t(lang, "答复期限", "Due")}</th><th>${t(lang, "办理结果", "Outcome")}</th>
<th>${t(lang, "登记人", "Registered by")}</th></tr></thead>
<tbody>${items.map((a) => {
  const tag = deadlineTag(lang, a.deadlineStatus);
  return html`<tr>
<td class="n"><a href="/console/applications/${enc(a.id)}">${a.number}</a></td>
<td>${a.receivedOn}</td><td>${a.subject ?? ""}</td><td>${applicantTypeLabel(lang, a.applicantType)}</td>
<td>${statusLabel(lang, a.status)}${a.concludedOn ? html` <span class="muted small">${a.concludedOn}</span>` : ""}</td>
<td>${a.dueDate ?? "—"}${a.provisional ? html` <span class="tag warn">${t(lang, "暂定", "provisional")}</span>` : ""} <span class="tag ${tag.tone}">${tag.text}</span></td>
<td>${outcomeLabel(lang, a.outcome)}</td><td>${a.registeredBy ?? "—"}</td></tr>`;
})}</tbody></table>`;

export const registerPage = async (
  { lang, api }: PageCtx,
  code: string,
  filters: RegisterFilters,
  offset: number,
): Promise<Rendered> => {
  const path = `/v1/agencies/${enc(code)}/applications${query({ ...filters, limit: PAGE_SIZE + 1, offset })}`;
  const [agency, list] = await Promise.all([
    api.get<{ code: string; name: string }>(`/v1/agencies/${enc(code)}`),
    api.get<{ applications: ApplicationItem[] }>(path),
  ]);
  const items = list.applications.slice(0, PAGE_SIZE);
  const more = list.applications.length > PAGE_SIZE;
  const link = (o: number) => registerLink(code, { ...filters, offset: o > 0 ? o : undefined });
  const body = html`<h1>${agency.name} · ${t(lang, "登记簿", "Register")}</h1>
<p><a href="/console/agencies/${enc(code)}">← ${t(lang, "机构概况", "Agency page")}</a></p>
${filtersForm(lang, code, filters)}
${items.length === 0 ? html`<p class="muted">${t(lang, "没有符合条件的申请。", "No application matches.")}</p>` : applicationsTable(lang, items)}
<div class="pager">
${offset > 0 ? html`<a href="${link(Math.max(0, offset - PAGE_SIZE))}">← ${t(lang, "上一页", "Previous")}</a>` : ""}
<span class="muted">${t(lang, `第 ${offset + 1}–${offset + items.length} 条`, `Rows ${offset + 1}–${offset + items.length}`)}</span>
${more ? html`<a href="${link(offset + PAGE_SIZE)}">${t(lang, "下一页", "Next")} →</a>` : ""}
</div>`;
  return { title: `${agency.name} · ${t(lang, "登记簿", "Register")}`, body };
};

export const supervisionPage = async (
  { lang, api }: PageCtx,
  code: string,
  offset: number,
): Promise<Rendered> => {
  const [agency, list] = await Promise.all([
    api.get<{ code: string; name: string }>(`/v1/agencies/${enc(code)}`),
    api.get<{ applications: ApplicationItem[] }>(dueListPath(code, PAGE_SIZE + 1, offset)),
  ]);
  const more = list.applications.length > PAGE_SIZE;
  const base = `/console/agencies/${enc(code)}/supervision`;
  const body = html`<h1>${agency.name} · ${t(lang, "督办", "Supervision")}</h1>
<p><a href="/console/agencies/${enc(code)}">← ${t(lang, "机构概况", "Agency page")}</a></p>
<p class="muted">${t(lang, "逾期与 5 个工作日内到期的申请，最紧急的在前。", "Open applications overdue or due within 5 working days, the most urgent first.")}</p>
${supervisionTable(lang, list.applications.slice(0, PAGE_SIZE))}
<div class="pager">
${offset > 0 ? html`<a href="${base}${query({ offset: Math.max(0, offset - PAGE_SIZE) || undefined })}">← ${t(lang, "上一页", "Previous")}</a>` : ""}
${more ? html`<a href="${base}${query({ offset: offset + PAGE_SIZE })}">${t(lang, "下一页", "Next")} →</a>` : ""}
</div>`;
  return { title: `${agency.name} · ${t(lang, "督办", "Supervision")}`, body };
};

const timeline = (
  lang: Lang,
  a: ApplicationDetail,
  names: Map<string, string>,
): Html => html`<ol class="timeline">
${a.events.map(
  (e) => html`<li><strong>${e.date}</strong> ${eventLabel(lang, e.type)}${
    e.type === "concluded" && typeof e.event.outcome === "string"
      ? html`：${outcomeLabel(lang, e.event.outcome)}`
      : ""
  }${typeof e.event.reason === "string" ? html`（${e.event.reason}）` : ""}
<div class="muted small">${t(lang, "登记人", "Recorded by")} ${e.recordedBy ? (names.get(e.recordedBy) ?? e.recordedBy) : "—"} · ${e.channel} · ${e.recordedAt.replace("T", " ").slice(0, 19)} UTC</div></li>`,
)}
</ol>`;

export const applicationPage = async ({ lang, api }: PageCtx, id: string): Promise<Rendered> => {
  const a = await api.get<ApplicationDetail>(`/v1/applications/${enc(id)}`);
  // Names of the recorders, where the viewer may list the agency's staff (managers).
  const names = new Map<string, string>();
  try {
    const staff = await api.get<{ staff: { id: string; name: string }[] }>(
      `/v1/agencies/${enc(a.agencyCode)}/staff`,
    );
    for (const s of staff.staff) names.set(s.id, s.name);
  } catch {}
  const tag = deadlineTag(lang, a.deadlineStatus);
  const title = t(lang, `第 ${a.number} 号申请`, `Application No. ${a.number}`);
  const body = html`<h1>${title} <span class="muted small">${a.agencyCode}</span></h1>
<p><a href="/console/agencies/${enc(a.agencyCode)}/applications">← ${t(lang, "登记簿", "Register")}</a></p>
<div class="split">
<div>
<div class="card"><table class="list">
<tr><th>${t(lang, "申请内容", "Subject")}</th><td>${a.subject ?? ""}</td></tr>
${a.applicant !== undefined ? html`<tr><th>${t(lang, "申请人", "Applicant")}</th><td>${a.applicant ? `${a.applicant.name ?? ""} ${a.applicant.contact ?? ""}` : t(lang, "（未登记）", "(not recorded)")}</td></tr>` : ""}
<tr><th>${t(lang, "申请人类型", "Applicant type")}</th><td>${applicantTypeLabel(lang, a.applicantType)}</td></tr>
<tr><th>${t(lang, "收到日期", "Received")}</th><td>${a.receivedOn} · ${channelLabel(lang, a.channel)}</td></tr>
<tr><th>${t(lang, "状态", "Status")}</th><td>${statusLabel(lang, a.status)} ${a.concludedOn ?? ""} ${outcomeLabel(lang, a.outcome)}</td></tr>
<tr><th>${t(lang, "答复期限", "Due date")}</th><td>${a.dueDate ?? "—"}${a.provisional ? html` <span class="tag warn">${t(lang, "暂定", "provisional")}</span>` : ""} <span class="tag ${tag.tone}">${tag.text}</span>${a.workingDaysLeft !== null ? html` · ${t(lang, `剩余 ${a.workingDaysLeft} 个工作日`, `${a.workingDaysLeft} working days left`)}` : ""}</td></tr>
</table></div>
<h2>${t(lang, "办理过程", "Timeline")}</h2>
<div class="card">${timeline(lang, a, names)}</div>
</div>
<div class="card">
<h2>${t(lang, "期限计算过程", "How the due date was counted")}</h2>
<ol>${a.trace.map((s) => html`<li>${tb(lang, s)}</li>`)}</ol>
</div>
</div>`;
  return { title, body };
};
