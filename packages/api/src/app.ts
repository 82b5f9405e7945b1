// The API as a function of its dependencies: createApp(deps) → a Hono app. No globals, no env.
import { OpenAPIHono } from "@hono/zod-openapi";
import { withReadScope, YearLockedError } from "@ogi/db";
import { HTTPException } from "hono/http-exception";
import { getPath } from "hono/utils/url";
import { createReadCache, responseCache } from "./cache.ts";
import { calendarMiddleware } from "./calendar.ts";
import { consoleApp } from "./console/index.ts";
import { type AppEnv, type Deps, resolvePrincipal } from "./context.ts";
import { documentReaderOf } from "./documents/reader-pool.ts";
import { todayIn } from "./domain.ts";
import { ApiError } from "./errors.ts";
import { createEventBatcher } from "./event-batcher.ts";
import { DEFAULT_AUTH_FAILURES, guards } from "./guards.ts";
import { createNumberLookup } from "./number-lookup.ts";
import { readScopeOf } from "./read-scope.ts";
import { createRegistrationBatcher } from "./registration-batcher.ts";
import { agenciesApp } from "./routes/agencies.ts";
import { applicationsApp } from "./routes/applications.ts";
import { backupApp } from "./routes/backup.ts";
import { calendarApp } from "./routes/calendar.ts";
import { consoleSupportApp } from "./routes/console-support.ts";
import { firstYearApp } from "./routes/first-year.ts";
import { metaApp } from "./routes/meta.ts";
import { particularsApp } from "./routes/particulars.ts";
import { publicApp } from "./routes/public.ts";
import { remindersApp } from "./routes/reminders.ts";
import { reportsApp } from "./routes/reports.ts";
import { staffApp } from "./routes/staff.ts";
import { transferApp } from "./routes/transfer.ts";
import { securityHeaders } from "./security-headers.ts";
import { createStorageWatch, storageProblemOf, unavailableBody } from "./storage.ts";
import { yearLocked } from "./write.ts";

const httpErrors: Record<number, { code: string; zh: string; en: string }> = {
  400: {
    code: "malformed",
    zh: "请求格式错误（例如 JSON 无法解析）。",
    en: "Malformed request (e.g. JSON that can't be parsed).",
  },
  413: { code: "tooLarge", zh: "请求内容过大。", en: "The body is too large." },
  415: {
    code: "unsupportedMediaType",
    zh: "不支持的内容类型（应为 application/json）。",
    en: "Unsupported media type (expected application/json).",
  },
};

export const createApp = (given: Deps) => {
  const deps: Deps = {
    ...given,
    cache: given.cache ?? createReadCache(given.config.cacheReads ?? false),
    events: given.events ?? createEventBatcher(given.db),
    registrations: given.registrations ?? createRegistrationBatcher(given.db),
    numbers: given.numbers ?? createNumberLookup(given.db),
    documents: documentReaderOf(given),
  };
  // PGlite's data folder is watched for room and write access; PostgreSQL's disk is the server's.
  // PGlite reopened after it stopped: what was read from the stopped instance is forgotten (the
  // reopened one may lack writes acknowledged just before the disk failed: see operations.md).
  const reopen = given.reopen;
  const storage = createStorageWatch(
    given.config.databaseUrl ? undefined : given.config.dataDir,
    reopen &&
      (async () => {
        await reopen();
        deps.cache!.invalidate("all");
        deps.numbers!.forget();
        deps.logger.info("the embedded database was opened again after its disk could be written");
      }),
    (error) => deps.logger.warn({ err: error }, "reopening the embedded database failed"),
  );
  // `…/applications:import` and `:export` (the spelling) are routed as `/import` and
  // `/export`: Hono would read `:import` as a path parameter.
  const app = new OpenAPIHono<AppEnv>({
    getPath: (req) => getPath(req).replace(/\/applications:(import|export)$/, "/applications/$1"),
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "A personal, service (bot) or admin token. The bot's service token names the Telegram user it acts for in X-Telegram-User-Id.",
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.retryAfter !== undefined) c.header("Retry-After", String(error.retryAfter));
      return c.json(error.body(), error.status);
    }
    if (error instanceof YearLockedError)
      return c.json(yearLocked(error.years[0] ?? 0).body(), 409);
    const problem = storageProblemOf(error);
    if (problem) {
      deps.logger.warn({ err: error, path: c.req.path, problem }, "database unavailable");
      storage.failed(problem);
      c.header("Retry-After", "5");
      return c.json(unavailableBody(problem), 503);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const known = httpErrors[error.status] ?? {
        code: "badRequest",
        zh: "请求有误。",
        en: error.message || "Bad request.",
      };
      return c.json(
        { error: { code: known.code, message: { zh: known.zh, en: known.en } } },
        error.status,
      );
    }
    deps.logger.error({ err: error, method: c.req.method, path: c.req.path }, "unhandled error");
    return c.json(
      {
        error: {
          code: "internal",
          message: { zh: "服务器内部错误，已记录。", en: "Internal error; it has been logged." },
        },
      },
      500,
    );
  });
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: "notFound",
          message: { zh: `没有这个地址：${c.req.path}`, en: `No such route: ${c.req.path}` },
        },
      },
      404,
    ),
  );
  app.use("*", securityHeaders());
  // PGlite: a read about one agency may be served inside another agency's long import, between
  // its statements (see @ogi/db lending.ts); a read about anything else waits for it.
  app.use("/v1/*", (c, next) => withReadScope(readScopeOf(c.req.method, c.req.path), next));
  // After a failed write on PGlite, requests wait (503) until it can be written again (see
  // storage.ts); a write that succeeds ends the reported failure (/health).
  app.use("/v1/*", async (c, next) => {
    if (c.req.path === "/v1/check" || c.req.path === "/v1/parse") return next();
    const writes = c.req.method !== "GET";
    const problem = await storage.gate(writes);
    if (problem) {
      c.header("Retry-After", "5");
      return c.json(unavailableBody(problem), 503);
    }
    await next();
    if (writes && c.res.status < 300) storage.succeeded();
  });
  // PGlite only (see cache.ts): a repeated read is answered from memory until the next write
  // (before the guards: a stored answer needs no body limit, database or authentication check;
  // it was stored for these very credentials, and any revocation is a write).
  const cacheResponses = responseCache(deps.cache!, () => todayIn(deps.clock.now()));
  app.use("/v1/*", async (c, next) => (await cacheResponses(c, next)) ?? undefined);
  app.use(
    "/v1/*",
    ...guards({
      authFailures: given.config.authFailures ?? DEFAULT_AUTH_FAILURES,
      trustProxy: given.config.trustProxy ?? false,
    }),
  );
  app.use("/v1/*", async (c, next) => {
    c.set("principal", await resolvePrincipal(deps, c));
    await next();
  });
  app.use("/v1/*", calendarMiddleware(deps));
  const routes = app
    .route("/", metaApp(storage))
    .route("/v1", publicApp(deps))
    .route("/v1", agenciesApp(deps))
    .route("/v1", staffApp(deps))
    .route("/v1", applicationsApp(deps))
    .route("/v1", particularsApp(deps))
    .route("/v1", reportsApp(deps))
    .route("/v1", firstYearApp(deps))
    .route("/v1", transferApp(deps))
    .route("/v1", calendarApp(deps))
    .route("/v1", remindersApp(deps))
    .route("/v1", backupApp(deps))
    .route("/v1", consoleSupportApp(deps));
  // The web console (server-rendered pages): it calls the routes above in this process.
  app.route(
    "/console",
    consoleApp(deps, (request, env) => app.fetch(request, env)),
  );
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "政府信息公开工作年度报告 API / Open-government-information annual report API",
      version: "0.1.0",
      description:
        "The register of disclosure applications, year-to-date figures and the annual report derived from them. Errors: { error: { code, message: { zh, en }, issues: [{ path, message }] } }.",
    },
  });
  return routes;
};

export type AppType = ReturnType<typeof createApp>;
