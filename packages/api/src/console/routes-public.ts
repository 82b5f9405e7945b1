// The console's routes without a session: its stylesheet, the language switch, sign-in (a
// token, or the bot's one-time link), sign-out, and checking a published report.
import { hashSecret, useSignInLink } from "@ogi/db";
import type { Finding, ReportDraft } from "@ogi/domain";
import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Deps } from "../context.ts";
import { type ApiFetch, anonymousCall, refusalOf } from "./api.ts";
import type { html } from "./html.ts";
import { page, problemBody } from "./layout.ts";
import { checkBody, linkBody, loginBody } from "./pages/public.ts";
import { type ConsoleEnv, problem } from "./problem.ts";
import { endSession, FORM_COOKIE, formToken, sameToken, startSession } from "./session.ts";
import { CONSOLE_CSS } from "./styles.ts";

type C = Context<ConsoleEnv>;

/** Where to go after sign-in: a console page, never another site. */
export const safeNext = (next: unknown) =>
  typeof next === "string" && /^\/console(\/[^/\\]|$|\?)/.test(next) && !/[\s\\]/.test(next)
    ? next
    : "/console";

const badForm = () =>
  problem(
    403,
    "表单已过期或来源不明（缺少或不符的 CSRF 令牌），未处理。请重新打开页面再提交。",
    "The form is stale or not from this site (missing or wrong CSRF token); nothing was done. Open the page again and resubmit.",
  );

/** The fields of a form (url-encoded or multipart); a body that can't be read is a 400 page. */
export const formOf = async (c: C) => {
  try {
    return await c.req.parseBody();
  } catch {
    throw problem(400, "无法读取提交的表单。", "The submitted form can't be read.");
  }
};

/** The sign-in form's CSRF check (double submit: the form cookie and the field agree). */
const checkFormToken = (c: C, form: Record<string, unknown>) => {
  if (!sameToken(form._csrf, getCookie(c, FORM_COOKIE))) throw badForm();
};

const render = (c: C, title: string, body: ReturnType<typeof html>, status = 200) =>
  c.html(
    page({
      lang: c.get("lang"),
      title,
      here: c.req.path,
      viewer: c.get("session")?.viewer,
      body,
    }).toString(),
    status as 200,
  );

export const publicRoutes = (
  app: Hono<ConsoleEnv>,
  deps: Deps,
  fetcher: ApiFetch,
  uploadLimit: number,
) => {
  const t = (c: C, zh: string, en: string) => (c.get("lang") === "en" ? en : zh);
  app.get("/assets/console.css", (c) =>
    c.body(CONSOLE_CSS, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  app.get("/lang", (c) => {
    const to = c.req.query("to") === "en" ? "en" : "zh";
    setCookie(c, "ogi_lang", to, { path: "/console", maxAge: 365 * 86400, sameSite: "Lax" });
    return c.redirect(safeNext(c.req.query("back")), 303);
  });
  app.get("/login", (c) => {
    if (c.get("session")) return c.redirect(safeNext(c.req.query("next")), 303);
    return render(
      c,
      t(c, "登录", "Sign in"),
      loginBody(c.get("lang"), formToken(c), safeNext(c.req.query("next"))),
    );
  });
  app.post("/login", async (c) => {
    const form = await formOf(c);
    checkFormToken(c, form);
    const token = typeof form.token === "string" ? form.token.trim() : "";
    const lang = c.get("lang");
    const again = (status: number, zh: string, en: string) =>
      render(
        c,
        t(c, "登录", "Sign in"),
        loginBody(lang, formToken(c), safeNext(form.next), problemBody(lang, { status, zh, en })),
        status,
      );
    if (!token || token.length > 200 || /\s/.test(token))
      return again(400, "请输入有效的令牌。", "Enter a valid token.");
    // The API decides who the token is (its rules, its limits on failed sign-ins), and hands
    // out a one-time link for it, used here at once.
    const res = await anonymousCall(fetcher, c.env, "POST", "/v1/sign-in-links", {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status === 403)
      return again(
        403,
        "服务令牌不能登录控制台，请使用个人令牌。",
        "A service token can't sign in; use a personal token.",
      );
    if (!res.ok) {
      const refusal = await refusalOf(res);
      return again(
        refusal.problem.status === 401 ? 401 : refusal.problem.status,
        refusal.problem.zh,
        refusal.problem.en,
      );
    }
    const { path } = (await res.json()) as { path: string };
    const code = new URL(path, "http://x").searchParams.get("code") ?? "";
    const subject = await useSignInLink(deps.db, hashSecret(code), deps.clock.now());
    if (!subject) return again(400, "登录未完成，请重试。", "Sign-in did not complete; try again.");
    await startSession(deps, c, subject);
    return c.redirect(safeNext(form.next), 303);
  });
  app.get("/login/link", (c) => {
    const code = c.req.query("code") ?? "";
    if (!/^[\w-]{20,64}$/.test(code))
      throw problem(400, "登录链接无效。", "The sign-in link is not valid.");
    return render(c, t(c, "登录", "Sign in"), linkBody(c.get("lang"), formToken(c), code));
  });
  app.post("/login/link", async (c) => {
    const form = await formOf(c);
    checkFormToken(c, form);
    const code = typeof form.code === "string" ? form.code : "";
    const subject = /^[\w-]{20,64}$/.test(code)
      ? await useSignInLink(deps.db, hashSecret(code), deps.clock.now())
      : undefined;
    if (!subject)
      throw problem(
        400,
        "登录链接无效、已使用或已过期。请在机器人中重新发送 /web。",
        "The sign-in link is not valid, already used or expired. Send /web to the bot again.",
      );
    await startSession(deps, c, subject);
    return c.redirect("/console", 303);
  });
  app.post("/logout", async (c) => {
    const form = await formOf(c);
    const session = c.get("session");
    if (!session) return c.redirect("/console/login", 303);
    if (!sameToken(form._csrf, session.viewer.csrf)) throw badForm();
    await endSession(deps, c, session.idHash);
    return c.redirect("/console/login", 303);
  });
  const maxMb = Math.round(uploadLimit / 1024 / 1024);
  app.get("/check", (c) =>
    render(
      c,
      t(c, "检查已发布的年报", "Check a published report"),
      checkBody(c.get("lang"), formToken(c), maxMb),
    ),
  );
  app.post("/check", async (c) => {
    const form = await formOf(c);
    checkFormToken(c, form);
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw problem(
        400,
        "请选择要检查的文件（PDF、HTML 或文本）。",
        "Choose a file to check (PDF, HTML or text).",
      );
    if (file.size > uploadLimit)
      throw problem(
        413,
        `文件超过 ${maxMb} MB 的上限，未处理。`,
        `The file exceeds the limit of ${maxMb} MB; nothing was done.`,
      );
    const name = file.name.slice(0, 200);
    const type =
      /\.pdf$/i.test(name) || file.type === "application/pdf"
        ? "application/pdf"
        : /\.html?$/i.test(name) || file.type === "text/html"
          ? "text/html"
          : "text/plain";
    const res = await anonymousCall(
      fetcher,
      c.env,
      "POST",
      `/v1/parse?filename=${encodeURIComponent(name)}`,
      {
        headers: { "content-type": type },
        body: new Uint8Array(await file.arrayBuffer()),
      },
    );
    if (!res.ok) throw await refusalOf(res);
    const result = (await res.json()) as { report: ReportDraft; findings: Finding[] };
    return render(
      c,
      t(c, "检查已发布的年报", "Check a published report"),
      checkBody(c.get("lang"), formToken(c), maxMb, { filename: name, ...result }),
    );
  });
};
