// The annual report: the official layout (the API's HTML rendering, its flagged cells marked),
// the findings beside it, the sections people write (一 总体情况, 五 问题, 六 其他事项) in forms,
// publish (managers) and reopen with a reason (admin), and a download in every format the
// report route renders (read from its schema, so a format added there appears here).
import { type Lang, OVERVIEW_PART_LABELS, OVERVIEW_PARTS, SECTION_TITLES } from "@ogi/domain";
import { reportQuery } from "../../schemas.ts";
import { type Html, html, raw, t, tb } from "../html.ts";
import type { ServedReport } from "../types.ts";
import { enc, type PageCtx, type Rendered } from "./context.ts";

/** Every format of GET …/reports/{year}?format= (json included). */
export const REPORT_FORMATS: readonly string[] = reportQuery.shape.format.unwrap().options;

/** The sections the console edits, as the API names them. */
export const EDITABLE = ["overview", "problems", "otherMatters"] as const;
export type Editable = (typeof EDITABLE)[number];

/** The rendered report's style and body, without its own findings list (shown beside it). */
const officialLayout = (rendered: string) => {
  const style = /<style>([\s\S]*?)<\/style>/.exec(rendered)?.[1] ?? "";
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(rendered)?.[1] ?? "";
  const withoutFindings = body.replace(/<section class="findings">[\s\S]*?<\/section>/, "");
  // Scoped to the frame: the report's rules for body/h1/table stay inside it.
  const scoped = style.replace(/(^|})\s*([^{}@]+)\{/g, (_m, close: string, sel: string) => {
    const selectors = sel
      .split(",")
      .map((s) => `.report-frame ${s.trim().replace(/^(html|body)\b/, "")}`)
      .join(", ");
    return `${close} ${selectors} {`;
  });
  return raw(`<style>${scoped}</style>${withoutFindings}`);
};

const section = (
  lang: Lang,
  action: string,
  csrf: string,
  title: string,
  fields: { name: string; label: string; value: string }[],
  locked: boolean,
): Html => html`<details class="card" ${locked ? "" : "open"}>
<summary><strong>${title}</strong></summary>
<form method="post" action="${action}">
<input type="hidden" name="_csrf" value="${csrf}">
${fields.map(
  (f) => html`<label class="small muted" for="${f.name}">${f.label}</label>
<textarea id="${f.name}" name="${f.name}"${locked ? html` disabled` : ""}>${f.value}</textarea>`,
)}
${locked ? "" : html`<p><button class="primary" type="submit">${t(lang, "保存", "Save")}</button></p>`}
</form></details>`;

export const reportPage = async (
  { lang, api, viewer }: PageCtx,
  code: string,
  year: number,
  notice?: string,
): Promise<Rendered> => {
  const base = `/v1/agencies/${enc(code)}/reports/${year}`;
  const [served, rendered] = await Promise.all([
    api.get<ServedReport>(base),
    api.raw(`${base}?format=html&lang=${lang}`).then((r) => r.text()),
  ]);
  const r = served.report;
  const locked = served.status === "published";
  const manages = viewer.admin || viewer.manages.includes(code);
  const here = `/console/agencies/${enc(code)}/reports/${year}`;
  const overview = (r.overview ?? {}) as Record<string, string>;
  const errors = served.findings.filter((f) => f.severity === "error").length;
  const title = t(
    lang,
    `${r.agency.name} ${year} 年度报告`,
    `${r.agency.name}: the ${year} report`,
  );
  const body = html`<h1>${title}</h1>
<p><a href="/console/agencies/${enc(code)}">← ${t(lang, "机构概况", "Agency page")}</a>
 · ${locked ? html`<span class="tag ok">${t(lang, "已发布", "Published")} ${served.publishedAt?.slice(0, 10) ?? ""}</span>` : html`<span class="tag muted">${t(lang, "草稿", "Draft")}</span>`}</p>
${notice ? html`<div class="card notice" role="status">${notice}</div>` : ""}
<p class="no-print">${t(lang, "下载：", "Download: ")}${REPORT_FORMATS.map(
    (f) => html`<a class="download" href="${here}/download?format=${f}">${f.toUpperCase()}</a> `,
  )}</p>
<div class="split">
<div class="report-frame">${officialLayout(rendered)}</div>
<aside>
<div class="card">
<h2>${t(lang, `检查结果（${served.findings.length}）`, `Findings (${served.findings.length})`)}</h2>
${
  served.findings.length === 0
    ? html`<p class="muted">${t(lang, "未发现问题。", "No findings.")}</p>`
    : html`<ul class="findings">${served.findings.map(
        (f) =>
          html`<li class="${f.severity}"><strong>${f.severity === "error" ? t(lang, "错误", "Error") : t(lang, "提示", "Warning")}</strong> ${tb(lang, f.message)}${
            f.cells.length > 0
              ? html`<div class="small muted">${t(lang, "单元格：", "Cells: ")}${f.cells.join(", ")}</div>`
              : ""
          }</li>`,
      )}</ul>`
}
</div>
${
  manages && !locked
    ? html`<div class="card"><h2>${t(lang, "发布", "Publish")}</h2>
<p class="small">${errors > 0 ? t(lang, `有 ${errors} 个错误，改正后才能发布。`, `${errors} errors: fix them before publishing.`) : t(lang, "发布后本年度锁定，不能再登记或修改。", "Publishing locks the year: nothing more can be recorded or changed.")}</p>
<form method="post" action="${here}/publish"><input type="hidden" name="_csrf" value="${viewer.csrf}">
<button class="primary" type="submit">${t(lang, "发布年报", "Publish the report")}</button></form></div>`
    : ""
}
${
  viewer.admin && locked
    ? html`<div class="card"><h2>${t(lang, "重新开放（管理员）", "Reopen (admin)")}</h2>
<form method="post" action="${here}/reopen"><input type="hidden" name="_csrf" value="${viewer.csrf}">
<label class="small muted" for="reason">${t(lang, "原因（必填）", "Reason (required)")}</label>
<textarea id="reason" name="reason" required maxlength="500"></textarea>
<p><button class="danger" type="submit">${t(lang, "重新开放", "Reopen")}</button></p></form></div>`
    : ""
}
</aside>
</div>
${
  manages
    ? html`<h2>${t(lang, "填写", "Write")}</h2>
${section(
  lang,
  `${here}/sections/overview`,
  viewer.csrf,
  tb(lang, SECTION_TITLES.overview),
  [
    { name: "intro", label: t(lang, "引言", "Introduction"), value: overview.intro ?? "" },
    ...OVERVIEW_PARTS.map((p) => ({
      name: p,
      label: tb(lang, OVERVIEW_PART_LABELS[p]),
      value: overview[p] ?? "",
    })),
  ],
  locked,
)}
${section(
  lang,
  `${here}/sections/problems`,
  viewer.csrf,
  tb(lang, SECTION_TITLES.problems),
  [
    {
      name: "text",
      label: t(lang, "正文", "Text"),
      value: typeof r.problems === "string" ? r.problems : "",
    },
  ],
  locked,
)}
${section(
  lang,
  `${here}/sections/otherMatters`,
  viewer.csrf,
  tb(lang, SECTION_TITLES.otherMatters),
  [
    {
      name: "text",
      label: t(lang, "正文", "Text"),
      value: typeof r.otherMatters === "string" ? r.otherMatters : "",
    },
  ],
  locked,
)}`
    : ""
}`;
  return { title, body };
};

/** The body of PUT …/sections/{section} from the submitted form. */
export const sectionBody = (section: Editable, form: Record<string, unknown>) => {
  const text = (k: string) =>
    typeof form[k] === "string" ? (form[k] as string).replace(/\r\n/g, "\n") : "";
  if (section === "overview")
    return Object.fromEntries(["intro", ...OVERVIEW_PARTS].map((k) => [k, text(k)]));
  return text("text");
};
