// The pages without a session: sign-in (a token, or the bot's one-time link), and checking a
// published report (upload a PDF, HTML or text file; the API's parse reads it).
import type { Finding, Lang, ReportDraft } from "@ogi/domain";
import { type Html, html, t, tb } from "../html.ts";
import { enc } from "./context.ts";

export const loginBody = (
  lang: Lang,
  csrf: string,
  next: string,
  problem?: Html,
): Html => html`<div class="card login">
<h1>${t(lang, "登录管理控制台", "Sign in to the console")}</h1>
${problem ?? ""}
<form method="post" action="/console/login">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="next" value="${next}">
<label for="token">${t(lang, "个人令牌或管理员令牌", "Personal or admin token")}</label>
<input id="token" type="password" name="token" autocomplete="current-password" required maxlength="200">
<p><button class="primary" type="submit">${t(lang, "登录", "Sign in")}</button></p>
</form>
<p class="small muted">${t(lang, "也可以在机器人中发送 /web，获取几分钟内有效的一次性登录链接。", "Or send /web to the bot for a one-time sign-in link valid for a few minutes.")}</p>
</div>`;

/** The one-time link asks for a click: a chat's link preview must not use it up. */
export const linkBody = (
  lang: Lang,
  csrf: string,
  code: string,
): Html => html`<div class="card login">
<h1>${t(lang, "使用一次性链接登录", "Sign in with a one-time link")}</h1>
<form method="post" action="/console/login/link">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="code" value="${code}">
<p><button class="primary" type="submit">${t(lang, "登录", "Sign in")}</button></p>
</form></div>`;

export const checkBody = (
  lang: Lang,
  csrf: string,
  maxMb: number,
  result?: { filename: string; report: ReportDraft; findings: Finding[] },
): Html => html`<h1>${t(lang, "检查已发布的年报", "Check a published report")}</h1>
<div class="card">
<p>${t(lang, "上传政府信息公开工作年度报告（PDF、HTML 或文本），查看读取的结果和发现的问题。无需登录，文件不保存。", "Upload an annual report (PDF, HTML or text) to see what was read and what is wrong with it. No sign-in; nothing is kept.")}</p>
<form method="post" action="/console/check" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="file" name="file" required accept=".pdf,.html,.htm,.txt,application/pdf,text/html,text/plain">
<button class="primary" type="submit">${t(lang, "检查", "Check")}</button>
<span class="small muted">${t(lang, `不超过 ${maxMb} MB`, `Up to ${maxMb} MB`)}</span>
</form></div>
${
  result
    ? html`<div class="card">
<h2>${result.filename}: ${result.report.agency.name} · ${result.report.year}</h2>
<table class="list"><thead><tr><th>${t(lang, "读取的数字（总计列）", "Read (total column)")}</th><th class="n"></th></tr></thead><tbody>
${(
  [
    ["carriedOver", "上年结转", "Carried over"],
    ["newReceived", "本年新收", "Received"],
    ["totalProcessed", "本年办结", "Concluded"],
    ["carriedForward", "结转下年度继续办理", "Carried forward"],
  ] as const
).map(([row, zh, en]) => {
  const cell = (result.report.requests as Record<string, Record<string, unknown>> | undefined)?.[
    row
  ]?.total;
  return html`<tr><td>${t(lang, zh, en)}</td><td class="n">${typeof cell === "number" ? cell : "—"}</td></tr>`;
})}
</tbody></table>
<p>${t(lang, `发现 ${result.findings.length} 个问题。`, `${result.findings.length} findings.`)}</p>
<ul class="findings">${result.findings.map(
        (f) =>
          html`<li class="${f.severity}"><strong>${f.severity === "error" ? t(lang, "错误", "Error") : t(lang, "提示", "Warning")}</strong> ${tb(lang, f.message)}${
            f.cells.length > 0 ? html`<div class="small muted">${f.cells.join(", ")}</div>` : ""
          }</li>`,
      )}</ul></div>`
    : ""
}`;

export const homeBody = (
  lang: Lang,
  agencies: { code: string; name: string; regionCode: string | null }[],
): Html => {
  const regions = [
    ...new Set(agencies.map((a) => a.regionCode).filter((r): r is string => !!r)),
  ].sort();
  return html`<h1>${t(lang, "管理控制台", "Console")}</h1>
${
  regions.length > 0
    ? html`<h2>${t(lang, "区域", "Regions")}</h2><p>${regions.map((r) => html`<a href="/console/regions/${enc(r)}">${r}</a> `)}</p>`
    : ""
}
<h2>${t(lang, "机构", "Agencies")}</h2>
${
  agencies.length === 0
    ? html`<p class="muted">${t(lang, "没有可查看的机构。", "No agency to show.")}</p>`
    : html`<table class="list"><thead><tr><th>${t(lang, "机构", "Agency")}</th><th>${t(lang, "代码", "Code")}</th><th></th></tr></thead><tbody>
${agencies.map(
  (
    a,
  ) => html`<tr><td><a href="/console/agencies/${enc(a.code)}">${a.name}</a></td><td class="muted">${a.code}</td>
<td><a href="/console/agencies/${enc(a.code)}/applications">${t(lang, "登记簿", "Register")}</a> · <a href="/console/agencies/${enc(a.code)}/supervision">${t(lang, "督办", "Supervision")}</a></td></tr>`,
)}</tbody></table>`
}`;
};
