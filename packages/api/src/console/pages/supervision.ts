// 督办: the open applications overdue or due within 5 working days, the soonest due first,
// with number, subject, applicant type, due date (provisional marked), working days left and
// who registered it. On the agency page (the first rows) and on a page of its own.
import type { Lang } from "@ogi/domain";
import { type Html, html, query, t } from "../html.ts";
import type { ApplicationItem } from "../types.ts";
import { applicantTypeLabel, daysLeft, deadlineTag } from "../words.ts";

export const dueListPath = (code: string, limit: number, offset = 0) =>
  `/v1/agencies/${encodeURIComponent(code)}/applications${query({ order: "due", limit, offset })}`;

export const supervisionTable = (lang: Lang, items: ApplicationItem[]): Html =>
  items.length === 0
    ? html`<p class="muted">${t(lang, "没有逾期或 5 个工作日内到期的申请。", "Nothing overdue or due within 5 working days.")}</p>`
    : html`<table class="list supervision">
<thead><tr>
  <th class="n">${t(lang, "编号", "No.")}</th><th>${t(lang, "申请内容", "Subject")}</th>
  <th>${t(lang, "申请人类型", "Applicant type")}</th><th>${t(lang, "答复期限", "Due date")}</th>
  <th class="n">${t(lang, "剩余工作日", "Working days left")}</th><th>${t(lang, "状态", "Status")}</th>
  <th>${t(lang, "登记人", "Registered by")}</th>
</tr></thead>
<tbody>
${items.map((a) => {
  const tag = deadlineTag(lang, a.deadlineStatus);
  return html`<tr>
  <td class="n"><a href="/console/applications/${encodeURIComponent(a.id)}">${a.number}</a></td>
  <td>${a.subject ?? t(lang, "（未填写）", "(none)")}</td>
  <td>${applicantTypeLabel(lang, a.applicantType)}</td>
  <td>${a.dueDate ?? "—"}${a.provisional ? html` <span class="tag warn" title="${t(lang, "所依据年份的节假日安排尚未公布，期限为暂定", "The holidays of that year are not published yet: provisional")}">${t(lang, "暂定", "provisional")}</span>` : ""}</td>
  <td class="n">${daysLeft(lang, a.workingDaysLeft)}</td>
  <td><span class="tag ${tag.tone}">${tag.text}</span></td>
  <td>${a.registeredBy ?? "—"}</td>
</tr>`;
})}
</tbody></table>`;
