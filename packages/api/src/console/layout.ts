// The page around every console page: the header (navigation, who is signed in, sign-out,
// the language switch), and the page that says what went wrong, in Chinese and English.
import type { Lang } from "@ogi/domain";
import { type Html, html, query, t } from "./html.ts";

export type Viewer = {
  name: string;
  admin: boolean;
  csrf: string;
  /** The agencies the viewer belongs to (the home page lists what they may see). */
  homes: { code: string; name: string }[];
  /** The agencies whose report the viewer may write and publish (managers'). */
  manages: string[];
};

export type PageInput = {
  lang: Lang;
  title: string;
  /** The path and query of this page (the language switch comes back to it). */
  here: string;
  viewer?: Viewer | undefined;
  body: Html;
};

export const page = ({ lang, title, here, viewer, body }: PageInput) => {
  const other: Lang = lang === "en" ? "zh" : "en";
  const switchTo = `/console/lang${query({ to: other, back: here })}`;
  return html`<!doctype html>
<html lang="${lang === "en" ? "en" : "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t(lang, "政府信息公开工作年度报告", "Open-government-information reports")}</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/console">${t(lang, "政府信息公开 · 管理控制台", "OGI · Manager's console")}</a>
  <nav>
    ${viewer ? html`<a href="/console">${t(lang, "首页", "Home")}</a>` : ""}
    <a href="/console/check">${t(lang, "检查已发布的年报", "Check a published report")}</a>
  </nav>
  <div class="who">
    <a href="${switchTo}" hreflang="${other === "en" ? "en" : "zh-CN"}">${other === "en" ? "English" : "中文"}</a>
    ${
      viewer
        ? html`<span>${viewer.name}${viewer.admin ? t(lang, "（管理员）", " (admin)") : ""}</span>
    <form method="post" action="/console/logout"><input type="hidden" name="_csrf" value="${viewer.csrf}"><button type="submit">${t(lang, "退出", "Sign out")}</button></form>`
        : html`<a href="/console/login">${t(lang, "登录", "Sign in")}</a>`
    }
  </div>
</header>
<main>
${body}
</main>
</body>
</html>`;
};

/** What went wrong, in both languages (the page's language first). */
export type Problem = { status: number; zh: string; en: string; details?: string[] };

export const problemBody = (lang: Lang, p: Problem) => {
  const [first, second] = lang === "en" ? [p.en, p.zh] : [p.zh, p.en];
  return html`<div class="card error-page" role="alert">
  <h1>${t(lang, "无法完成", "Can't do that")}</h1>
  <p>${first}</p>
  <p class="en">${second}</p>
  ${
    p.details && p.details.length > 0
      ? html`<ul>${p.details.map((d) => html`<li>${d}</li>`)}</ul>`
      : ""
  }
  <p><a href="/console">${t(lang, "返回首页", "Back to the console's home")}</a></p>
</div>`;
};
