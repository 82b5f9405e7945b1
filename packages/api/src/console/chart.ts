// The month chart, drawn here as SVG: twelve pairs of bars (received, concluded) with a scale.
// Hand-made rather than ECharts' server-side renderer: one fixed chart needs ~60 lines, costs
// well under a millisecond, carries no megabytes of dependency, and uses presentation
// attributes only (no style attributes), so the console's strict CSP needs no exception.
import type { Lang } from "@ogi/domain";
import { type Html, html, t } from "./html.ts";

const W = 760;
const H = 280;
const PAD = { left: 48, right: 12, top: 28, bottom: 36 };
const COLORS = { received: "#1f5fa8", concluded: "#2e9d62" };

/** A round maximum and step for the scale (1, 2 or 5 × 10^k per step, about 5 steps). */
export const niceScale = (max: number) => {
  if (max <= 0) return { top: 5, step: 1 };
  const rough = max / 5;
  const p = 10 ** Math.floor(Math.log10(rough));
  // Counts: whole steps only.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough) ?? 10 * p);
  return { top: Math.ceil(max / step) * step, step };
};

export const monthChart = (
  lang: Lang,
  months: { received: number[]; concluded: number[] },
  year: number,
  linkOf?: (month: number) => string,
): Html => {
  const { top, step } = niceScale(Math.max(...months.received, ...months.concluded));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / 12;
  const bar = Math.max(2, slot * 0.34);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  const label = (m: number) =>
    lang === "en"
      ? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m]!
      : `${m + 1}月`;
  const bars = months.received.map((r, m) => {
    const c = months.concluded[m] ?? 0;
    const x0 = PAD.left + m * slot + slot / 2 - bar;
    const one = (v: number, x: number, fill: string, what: string) =>
      html`<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${bar.toFixed(1)}" height="${(PAD.top + plotH - y(v)).toFixed(1)}" fill="${fill}"><title>${label(m)} ${what}: ${v}</title></rect>`;
    const group = html`${one(r, x0, COLORS.received, t(lang, "收到", "received"))}${one(c, x0 + bar, COLORS.concluded, t(lang, "办结", "concluded"))}`;
    return linkOf ? html`<a href="${linkOf(m)}">${group}</a>` : group;
  });
  const title = t(
    lang,
    `${year} 年按月收到与办结的申请`,
    `Applications received and concluded by month, ${year}`,
  );
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title">
<title id="chart-title">${title}</title>
<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>
${ticks.map(
  (
    v,
  ) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e6ec" stroke-width="1"/>
<text x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#5b6475">${v}</text>`,
)}
${bars}
${months.received.map(
  (_, m) =>
    html`<text x="${(PAD.left + m * slot + slot / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="12" fill="#1d2330">${label(m)}</text>`,
)}
<rect x="${PAD.left}" y="6" width="12" height="12" fill="${COLORS.received}"/>
<text x="${PAD.left + 16}" y="16" font-size="12" fill="#1d2330">${t(lang, "收到", "Received")}</text>
<rect x="${PAD.left + 80}" y="6" width="12" height="12" fill="${COLORS.concluded}"/>
<text x="${PAD.left + 96}" y="16" font-size="12" fill="#1d2330">${t(lang, "办结", "Concluded")}</text>
</svg>`;
};
