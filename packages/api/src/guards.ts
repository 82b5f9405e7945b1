// Guards in front of every /v1 route: a body size limit for JSON, rate limits on repeated
// authentication failures and on the public parse route (per client address; requests without
// one, e.g. app.request in tests, are not limited), and telling a lost database connection.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError, invalid } from "./errors.ts";

export const JSON_LIMIT = 1024 * 1024;
export const ANY_LIMIT = 25 * 1024 * 1024;
export const AUTH_FAILURES_PER_MINUTE = 20;
export const PARSES_PER_MINUTE = 30;

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "tooLarge", {
    zh: `请求内容超过 ${limit / 1024 / 1024} MB 的上限。`,
    en: `The body exceeds the limit of ${limit / 1024 / 1024} MB.`,
  });
};

/** Fixed one-minute windows per key, bounded in memory. */
const windows = () => {
  const map = new Map<string, { n: number; until: number }>();
  return {
    count: (key: string) => {
      const now = Date.now();
      const w = map.get(key);
      if (!w || w.until <= now) {
        if (map.size > 10_000) for (const [k, v] of map) if (v.until <= now) map.delete(k);
        map.set(key, { n: 1, until: now + 60_000 });
        return 1;
      }
      w.n++;
      return w.n;
    },
    peek: (key: string) => {
      const w = map.get(key);
      return w && w.until > Date.now() ? w.n : 0;
    },
  };
};

const tooMany = (what: { zh: string; en: string }) =>
  new ApiError(429, "tooManyRequests", {
    zh: `${what.zh}过于频繁，请一分钟后再试。`,
    en: `Too many ${what.en}; try again in a minute.`,
  });

// PostgreSQL can't store NUL in text or jsonb, and an unpaired surrogate is not Unicode: such a
// string is refused with its path instead of failing in the database.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (v: unknown, path: string[] = [], depth = 0): string | undefined => {
  if (typeof v === "string") return UNSTORABLE.test(v) ? path.join(".") || "body" : undefined;
  if (!v || typeof v !== "object" || depth > 64) return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (UNSTORABLE.test(k)) return [...path, k].join(".");
    const found = unstorable(x, [...path, k], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
};

const clientAddress = (c: Parameters<MiddlewareHandler>[0]): string | undefined => {
  // Called in process (app.request, the bot beside the API): no socket, no address; asking
  // would throw, which costs more than the request.
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return undefined;
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

export const guards = (): MiddlewareHandler[] => {
  const jsonLimit = bodyLimit({ maxSize: JSON_LIMIT, onError: tooLarge(JSON_LIMIT) });
  const anyLimit = bodyLimit({ maxSize: ANY_LIMIT, onError: tooLarge(ANY_LIMIT) });
  const authFailures = windows();
  const parses = windows();
  return [
    // A NUL in the address (a path or query parameter) can't reach the database either.
    async (c, next) => {
      if (/%00|\u0000/i.test(c.req.url))
        throw invalid(
          [{ path: "url", message: "contains a NUL character / 地址中含有 NUL 字符" }],
          400,
        );
      return next();
    },
    async (c, next) => {
      // /v1/parse has its own limit (PARSE_MAX_BYTES).
      if (c.req.path === "/v1/parse") return next();
      const type = c.req.header("content-type") ?? "";
      if (c.req.path !== "/v1/check" && /json/i.test(type)) return jsonLimit(c, next);
      return anyLimit(c, next);
    },
    async (c, next) => {
      const address = clientAddress(c);
      if (!address) return next();
      const authenticating = c.req.header("authorization") !== undefined;
      if (authenticating && authFailures.peek(address) >= AUTH_FAILURES_PER_MINUTE)
        throw tooMany({ zh: "身份验证失败", en: "failed authentications" });
      if (c.req.path === "/v1/parse" && parses.count(address) > PARSES_PER_MINUTE)
        throw tooMany({ zh: "读取年报", en: "parse requests" });
      await next();
      if (authenticating && c.res.status === 401) authFailures.count(address);
    },
    async (c, next) => {
      // The stateless public routes store nothing and read their body behind their own limit.
      if (c.req.path === "/v1/check" || c.req.path === "/v1/parse") return next();
      const type = c.req.header("content-type") ?? "";
      if (c.req.method !== "GET" && /^text\/csv/i.test(type)) {
        if ((await c.req.text()).includes("\u0000"))
          throw invalid([
            { path: "body", message: "contains a NUL character / 含有 NUL 字符，无法保存" },
          ]);
        return next();
      }
      if (c.req.method === "GET" || !/json/i.test(type)) return next();
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return next(); // the route's validator answers malformed JSON
      }
      const path = unstorable(body);
      if (path !== undefined)
        throw invalid([
          {
            path,
            message:
              "contains a NUL character or an unpaired surrogate, which can't be stored / 含有无法保存的字符（NUL 或不成对的代理项）",
          },
        ]);
      return next();
    },
  ];
};

const CONNECTION_CODES = new Set([
  "57P01", // terminated by an administrator (pg_terminate_backend)
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

/** Whether `error` (or a cause of it) says the database connection is lost. */
export const isConnectionLost = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 10; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (
      typeof message === "string" &&
      /Connection terminated|connection.*(closed|lost)/i.test(message)
    )
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
};
