// The region page: one row per agency (received, concluded, open, overdue, whether it balances,
// report status) and the region's sum, sortable by any column (links: no script). The share
// concluded is shown only from 5 applications on: below that one application moves it by 20
// points or more, which says nothing about the agency.
import { fmt, type Html, html, query, t } from "../html.ts";
import type { RegionRow } from "../types.ts";
import { registerLink } from "./agency.ts";
import { enc, type PageCtx, type Rendered } from "./context.ts";

export const MIN_FOR_RATE = 5;

const COLUMNS = [
  "name",
  "carriedOver",
  "received",
  "concluded",
  "open",
  "overdue",
  "rate",
  "balanced",
  "report",
] as const;
export type RegionSort = (typeof COLUMNS)[number];
export const isRegionSort = (s: string | undefined): s is RegionSort =>
  s !== undefined && (COLUMNS as readonly string[]).includes(s);

const handled = (r: RegionRow) => r.carriedOver + r.received;
const rateOf = (r: RegionRow) => {
  const n = handled(r);
  return n < MIN_FOR_RATE ? undefined : r.concluded / n;
};

const keyOf: Record<RegionSort, (r: RegionRow) => number | string> = {
  name: (r) => r.code,
  carriedOver: (r) => r.carriedOver,
  received: (r) => r.received,
  concluded: (r) => r.concluded,
  open: (r) => r.open,
  overdue: (r) => r.overdue,
  rate: (r) => rateOf(r) ?? -1,
  balanced: (r) => (r.balanced ? 1 : 0),
  report: (r) => r.report,
};

export const regionPage = async (
  { lang, api }: PageCtx,
  code: string,
  sort: RegionSort,
  desc: boolean,
): Promise<Rendered> => {
  const data = await api.get<{ asOf: string; year: number; agencies: RegionRow[] }>(
    `/v1/regions/${enc(code)}/agencies`,
  );
  const key = keyOf[sort];
  const rows = [...data.agencies].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x < y ? -1 : x > y ? 1 : a.code < b.code ? -1 : 1;
    return desc ? -c : c;
  });
  const sum = (f: (r: RegionRow) => number) => data.agencies.reduce((s, r) => s + f(r), 0);
  const totals = {
    carriedOver: sum((r) => r.carriedOver),
    received: sum((r) => r.received),
    concluded: sum((r) => r.concluded),
    open: sum((r) => r.open),
    overdue: sum((r) => r.overdue),
  };
  const totalHandled = totals.carriedOver + totals.received;
  const y = data.year;
  const th = (col: RegionSort, label: string, numeric = true): Html => {
    const nextDesc = sort === col ? !desc : col !== "name";
    const arrow = sort === col ? (desc ? " ▼" : " ▲") : "";
    return html`<th class="${numeric ? "n" : ""}"><a href="/console/regions/${enc(code)}${query({ sort: col, dir: nextDesc ? "desc" : "asc" })}">${label}${arrow}</a></th>`;
  };
  const rate = (n: number, concluded: number) =>
    n < MIN_FOR_RATE
      ? html`<span class="muted" title="${t(lang, "少于 5 件，不计比率", "Fewer than 5: no rate")}">—*</span>`
      : `${((concluded / n) * 100).toFixed(1)}%`;
  const pct = (n: number) => fmt(n, lang);
  const body = html`<h1>${t(lang, `区域 ${code}`, `Region ${code}`)}</h1>
<p class="muted">${t(lang, `${y} 年 1 月 1 日至 ${data.asOf}，共 ${data.agencies.length} 个机构。`, `1 January ${y} to ${data.asOf}; ${data.agencies.length} agencies.`)}</p>
<table class="list region">
<thead><tr>${th("name", t(lang, "机构", "Agency"), false)}${th("carriedOver", t(lang, "上年结转", "Carried over"))}${th("received", t(lang, "本年收到", "Received"))}${th("concluded", t(lang, "本年办结", "Concluded"))}${th("open", t(lang, "尚在办理", "Open"))}${th("overdue", t(lang, "已逾期", "Overdue"))}${th("rate", t(lang, "办结率", "Share concluded"))}${th("balanced", t(lang, "勾稽", "Balances"), false)}${th("report", t(lang, "年报", "Report"), false)}</tr></thead>
<tbody>
<tr class="sum"><td>${t(lang, "合计", "Sum")}</td><td class="n">${pct(totals.carriedOver)}</td><td class="n">${pct(totals.received)}</td><td class="n">${pct(totals.concluded)}</td><td class="n">${pct(totals.open)}</td><td class="n">${pct(totals.overdue)}</td><td class="n">${rate(totalHandled, totals.concluded)}</td><td>${data.agencies.every((r) => r.balanced) ? "✓" : "✗"}</td><td>${t(lang, `已发布 ${data.agencies.filter((r) => r.report === "published").length} / ${data.agencies.length}`, `${data.agencies.filter((r) => r.report === "published").length} of ${data.agencies.length} published`)}</td></tr>
${rows.map(
  (r) => html`<tr>
<td><a href="/console/agencies/${enc(r.code)}">${r.name}</a> <span class="muted small">${r.code}</span></td>
<td class="n"><a href="${registerLink(r.code, { carriedInto: y })}">${pct(r.carriedOver)}</a></td>
<td class="n"><a href="${registerLink(r.code, { receivedYear: y })}">${pct(r.received)}</a></td>
<td class="n"><a href="${registerLink(r.code, { concludedYear: y })}">${pct(r.concluded)}</a></td>
<td class="n"><a href="${registerLink(r.code, { status: "open" })}">${pct(r.open)}</a></td>
<td class="n"><a href="${registerLink(r.code, { status: "open", overdue: "true" })}">${pct(r.overdue)}</a></td>
<td class="n">${rate(handled(r), r.concluded)}</td>
<td>${r.balanced ? html`<span class="tag ok">✓</span>` : html`<span class="tag bad">✗</span>`}</td>
<td><a href="/console/agencies/${enc(r.code)}/reports/${y}">${r.report === "published" ? html`<span class="tag ok">${t(lang, "已发布", "Published")}</span>` : html`<span class="tag muted">${t(lang, "草稿", "Draft")}</span>`}</a></td>
</tr>`,
)}
</tbody></table>
<p class="small muted">* ${t(lang, "办结率 = 本年办结 ÷（上年结转 + 本年收到）。少于 5 件的不计比率：件数太少时，一件申请就能使比率变动 20 个百分点以上，比率不能说明问题。", "Share concluded = concluded ÷ (carried over + received). Not shown under 5 applications: with so few, one application moves it by 20 points or more, and the rate says nothing.")}</p>`;
  return { title: t(lang, `区域 ${code}`, `Region ${code}`), body };
};
