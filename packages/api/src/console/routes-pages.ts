// The signed-in pages and their forms. Anonymous visits go to sign-in; every form carries the
// session's CSRF token, checked before anything is called; writes go through the API's routes.
import type { Context, Hono } from "hono";
import type { Deps } from "../context.ts";
import { type ApiFetch, consoleApi } from "./api.ts";
import { t } from "./html.ts";
import { page } from "./layout.ts";
import { agencyPage } from "./pages/agency.ts";
import { enc, type PageCtx, type Rendered } from "./pages/context.ts";
import { homeBody } from "./pages/public.ts";
import { isRegionSort, regionPage } from "./pages/region.ts";
import {
  applicationPage,
  REGISTER_FILTERS,
  type RegisterFilters,
  registerPage,
  supervisionPage,
} from "./pages/register.ts";
import {
  EDITABLE,
  type Editable,
  REPORT_FORMATS,
  reportPage,
  sectionBody,
} from "./pages/report.ts";
import { type ConsoleEnv, problem } from "./problem.ts";
import { formOf } from "./routes-public.ts";
import { sameToken } from "./session.ts";

type C = Context<ConsoleEnv>;

const param = (c: C, name: string) => c.req.param(name) ?? "";

const offsetOf = (c: C) => {
  const raw = c.req.query("offset");
  if (raw === undefined || raw === "") return 0;
  if (!/^\d{1,9}$/.test(raw))
    throw problem(400, `页码参数 offset 无效：${raw}`, `The offset is not valid: ${raw}`);
  return Number(raw);
};

const yearOf = (raw: string) => {
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2008 || Number(raw) > 2100)
    throw problem(
      400,
      `年份无效：${raw}（应为 2008–2100）`,
      `Not a valid year: ${raw} (2008–2100)`,
    );
  return Number(raw);
};

const NOTICES: Record<string, { zh: string; en: string }> = {
  saved: { zh: "已保存。", en: "Saved." },
  published: { zh: "年报已发布，本年度已锁定。", en: "Published; the year is locked." },
  reopened: { zh: "已重新开放，可以继续修改。", en: "Reopened; it can be changed again." },
};

export const pageRoutes = (app: Hono<ConsoleEnv>, deps: Deps, fetcher: ApiFetch) => {
  const ctxOf = (c: C): PageCtx | undefined => {
    const s = c.get("session");
    return (
      s && {
        lang: c.get("lang"),
        api: consoleApi(fetcher, s.principal, s.cacheKey),
        viewer: s.viewer,
      }
    );
  };
  /** A signed-in page: anonymous visitors go to sign-in and come back. */
  const view = (fn: (ctx: PageCtx, c: C) => Promise<Rendered>) => async (c: C) => {
    const ctx = ctxOf(c);
    if (!ctx) {
      const url = new URL(c.req.url);
      return c.redirect(`/console/login?next=${enc(url.pathname + url.search)}`, 303);
    }
    const { title, body } = await fn(ctx, c);
    const url = new URL(c.req.url);
    return c.html(
      page({
        lang: ctx.lang,
        title,
        here: url.pathname + url.search,
        viewer: ctx.viewer,
        body,
      }).toString(),
    );
  };
  /** A signed-in form: the session's CSRF token first, then the write. */
  const act =
    (fn: (ctx: PageCtx, form: Record<string, unknown>, c: C) => Promise<string>) =>
    async (c: C) => {
      const form = await formOf(c);
      const ctx = ctxOf(c);
      if (!ctx)
        throw problem(
          401,
          "未登录或登录已过期，未处理。请重新登录后再提交。",
          "Not signed in, or the session expired; nothing was done. Sign in again and resubmit.",
        );
      if (!sameToken(form._csrf, ctx.viewer.csrf))
        throw problem(
          403,
          "表单已过期或来源不明（缺少或不符的 CSRF 令牌），未处理。请重新打开页面再提交。",
          "The form is stale or not from this site (missing or wrong CSRF token); nothing was done. Open the page again and resubmit.",
        );
      return c.redirect(await fn(ctx, form, c), 303);
    };

  app.get(
    "/",
    view(async (ctx) => {
      const { agencies } = await ctx.api.get<{
        agencies: { code: string; name: string; regionCode: string | null }[];
      }>("/v1/agencies");
      return { title: t(ctx.lang, "首页", "Home"), body: homeBody(ctx.lang, agencies) };
    }),
  );
  app.get(
    "/agencies/:code",
    view((ctx, c) => agencyPage(ctx, param(c, "code"))),
  );
  app.get(
    "/agencies/:code/supervision",
    view((ctx, c) => supervisionPage(ctx, param(c, "code"), offsetOf(c))),
  );
  app.get(
    "/agencies/:code/applications",
    view((ctx, c) => {
      const filters: RegisterFilters = {};
      for (const name of REGISTER_FILTERS) {
        const v = c.req.query(name);
        if (v !== undefined && v !== "") filters[name] = v;
      }
      return registerPage(ctx, param(c, "code"), filters, offsetOf(c));
    }),
  );
  app.get(
    "/applications/:id",
    view((ctx, c) => applicationPage(ctx, param(c, "id"))),
  );
  app.get(
    "/regions/:code",
    view((ctx, c) => {
      const sort = c.req.query("sort") || "name";
      const dir = c.req.query("dir") || "asc";
      if (!isRegionSort(sort) || (dir !== "asc" && dir !== "desc"))
        throw problem(400, `排序参数无效：${sort} ${dir}`, `Not a valid sort: ${sort} ${dir}`);
      return regionPage(ctx, param(c, "code"), sort, dir === "desc");
    }),
  );
  const reportBase = "/agencies/:code/reports/:year";
  app.get(
    reportBase,
    view((ctx, c) => {
      const done = NOTICES[c.req.query("done") ?? ""];
      return reportPage(
        ctx,
        param(c, "code"),
        yearOf(param(c, "year")),
        done && (ctx.lang === "en" ? done.en : done.zh),
      );
    }),
  );
  app.get(`${reportBase}/download`, async (c) => {
    const ctx = ctxOf(c);
    if (!ctx) return c.redirect(`/console/login?next=${enc(c.req.path)}`, 303);
    const code = param(c, "code");
    const year = yearOf(param(c, "year"));
    const format = c.req.query("format") ?? "";
    if (!REPORT_FORMATS.includes(format))
      throw problem(
        400,
        `不支持的格式：${format}（可用：${REPORT_FORMATS.join("、")}）`,
        `Not a format: ${format} (available: ${REPORT_FORMATS.join(", ")})`,
      );
    const base = `/v1/agencies/${enc(code)}/reports/${year}`;
    const res = await ctx.api.raw(
      format === "json" ? base : `${base}?format=${format}&lang=${ctx.lang}`,
    );
    return c.body(await res.arrayBuffer(), 200, {
      "content-type": res.headers.get("content-type") ?? "application/octet-stream",
      "content-disposition":
        res.headers.get("content-disposition") ??
        `attachment; filename="${code}-${year}.${format}"`,
    });
  });
  app.post(
    `${reportBase}/sections/:section`,
    act(async (ctx, form, c) => {
      const code = param(c, "code");
      const year = yearOf(param(c, "year"));
      const section = param(c, "section");
      if (!(EDITABLE as readonly string[]).includes(section))
        throw problem(
          400,
          `不能在此编辑这一部分：${section}`,
          `This section can't be edited here: ${section}`,
        );
      await ctx.api.send(
        "PUT",
        `/v1/agencies/${enc(code)}/reports/${year}/sections/${section}`,
        sectionBody(section as Editable, form),
      );
      return `/console/agencies/${enc(code)}/reports/${year}?done=saved`;
    }),
  );
  app.post(
    `${reportBase}/publish`,
    act(async (ctx, _form, c) => {
      const code = param(c, "code");
      const year = yearOf(param(c, "year"));
      await ctx.api.send("POST", `/v1/agencies/${enc(code)}/reports/${year}/publish`);
      return `/console/agencies/${enc(code)}/reports/${year}?done=published`;
    }),
  );
  app.post(
    `${reportBase}/reopen`,
    act(async (ctx, form, c) => {
      const code = param(c, "code");
      const year = yearOf(param(c, "year"));
      const reason = typeof form.reason === "string" ? form.reason.trim() : "";
      if (!reason) throw problem(400, "重新开放需要填写原因。", "Reopening needs a reason.");
      await ctx.api.send("POST", `/v1/agencies/${enc(code)}/reports/${year}/reopen`, { reason });
      return `/console/agencies/${enc(code)}/reports/${year}?done=reopened`;
    }),
  );
  app.all("*", (c) => {
    throw problem(404, `没有这个页面：${c.req.path}`, `No such page: ${c.req.path}`);
  });
  void deps;
};
