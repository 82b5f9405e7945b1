// The web console at /console: server-rendered pages for managers (agency, 督办, register,
// application, region, report) and the public report check. It reads and writes through the
// API's own routes in this process (api.ts), so it has exactly the API's access rules. Every
// answer is a page: what went wrong is said in Chinese and English, never as a 5xx for bad input.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import type { Deps } from "../context.ts";
import { DEFAULT_DOCUMENT_LIMITS } from "../documents/limits.ts";
import { storageMessage, storageProblemOf } from "../storage.ts";
import { type ApiFetch, ApiRefusal } from "./api.ts";
import { type Problem, page, problemBody } from "./layout.ts";
import { type ConsoleEnv, ConsoleProblem, problem } from "./problem.ts";
import { pageRoutes } from "./routes-pages.ts";
import { publicRoutes } from "./routes-public.ts";
import { currentSession } from "./session.ts";

/** The console's pages: no script at all, styles from here (the report's own inline), forms to here. */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const FORM_LIMIT = 256 * 1024;

export const consoleApp = (deps: Deps, fetcher: ApiFetch) => {
  const app = new Hono<ConsoleEnv>();
  const uploadLimit = (deps.documents?.limits ?? DEFAULT_DOCUMENT_LIMITS).maxBytes;
  const show = (c: Parameters<Parameters<typeof app.onError>[0]>[1], p: Problem) => {
    const lang = c.get("lang") ?? "zh";
    c.header("Content-Security-Policy", CONSOLE_CSP);
    c.header("Cache-Control", "no-store");
    // A refusal of the API stays what it was (4xx, or 503 when the database is unavailable).
    const status = (p.status >= 400 && p.status < 600 ? p.status : 400) as 400;
    return c.html(
      page({
        lang,
        title: lang === "en" ? "Can't do that" : "无法完成",
        here: c.req.path,
        viewer: c.get("session")?.viewer,
        body: problemBody(lang, p),
      }).toString(),
      status,
    );
  };
  app.onError((error, c) => {
    if (error instanceof ConsoleProblem) return show(c, error.problem);
    if (error instanceof ApiRefusal) {
      // The session's user lost access since the page was shown: sign in again.
      if (error.problem.status === 401 && c.req.method === "GET")
        return c.redirect(`/console/login?next=${encodeURIComponent(c.req.path)}`, 303);
      return show(c, error.problem);
    }
    if (error instanceof HTTPException && error.status < 500)
      return show(c, {
        status: error.status,
        zh: "请求格式有误，无法读取提交的内容。",
        en: "The request is malformed; what was sent can't be read.",
      });
    const storage = storageProblemOf(error);
    if (storage) return show(c, { status: 503, ...storageMessage(storage) });
    deps.logger.error({ err: error, path: c.req.path }, "console: unhandled error");
    return show(c, {
      status: 500,
      zh: "服务器内部错误，已记录。",
      en: "Internal error; it has been logged.",
    });
  });
  app.notFound((c) =>
    show(c, {
      status: 404,
      zh: `没有这个页面：${c.req.path}`,
      en: `No such page: ${c.req.path}`,
    }),
  );
  app.use("*", async (c, next) => {
    const lang = getCookie(c, "ogi_lang");
    c.set("lang", lang === "en" ? "en" : "zh");
    await next();
    c.header("Content-Security-Policy", CONSOLE_CSP);
    if (!c.req.path.startsWith("/console/assets/")) c.header("Cache-Control", "no-store");
  });
  // Bodies: forms are small; the report check takes a file up to the parse route's limit.
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const limit = c.req.path === "/console/check" ? uploadLimit + 64 * 1024 : FORM_LIMIT;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw problem(
          413,
          `提交的内容超过 ${(limit / 1024 / 1024).toFixed(limit >= 1024 * 1024 ? 0 : 2)} MB 的上限，未处理。`,
          `What was sent exceeds the limit of ${(limit / 1024 / 1024).toFixed(limit >= 1024 * 1024 ? 0 : 2)} MB; nothing was done.`,
        );
      },
    })(c, next);
  });
  app.use("*", async (c, next) => {
    if (!c.req.path.startsWith("/console/assets/")) c.set("session", await currentSession(deps, c));
    await next();
  });
  publicRoutes(app, deps, fetcher, uploadLimit);
  pageRoutes(app, deps, fetcher);
  return app;
};
