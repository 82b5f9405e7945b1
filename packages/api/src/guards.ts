// Guards in front of every /v1 route: a body size limit for JSON, rate limits on failed sign-ins
// (per presented token and per client address) and on the public parse route (per address;
// requests without one, e.g. app.request in tests, are not limited), and telling a lost
// database connection.
import { createHash } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError, invalid } from "./errors.ts";

export const JSON_LIMIT = 1024 * 1024;
export const ANY_LIMIT = 25 * 1024 * 1024;
export const PARSES_PER_MINUTE = 30;

export type GuardOptions = {
  /** Failed sign-ins per minute: of one presented token, and from one client address. */
  authFailures: AuthFailureLimits;
  /** The client's address is the last one X-Forwarded-For names (behind a reverse proxy). */
  trustProxy: boolean;
};
export type AuthFailureLimits = { perToken: number; perAddress: number; delayMs: number };
export const DEFAULT_AUTH_FAILURES: AuthFailureLimits = {
  perToken: 5,
  perAddress: 20,
  delayMs: 250,
};

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
  new ApiError(
    429,
    "tooManyRequests",
    {
      zh: `${what.zh}过于频繁，请一分钟后再试。`,
      en: `Too many ${what.en}; try again in a minute.`,
    },
    undefined,
    60,
  );
const tooManyFailures = () => tooMany({ zh: "身份验证失败", en: "failed authentications" });

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

export const clientAddress = (
  c: Parameters<MiddlewareHandler>[0],
  trustProxy = false,
): string | undefined => {
  // Called in process (app.request, the bot beside the API): no socket, no address; asking
  // would throw, which costs more than the request.
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return undefined;
  if (trustProxy) {
    // The proxy appends the address it saw: the last entry (earlier ones are the client's say).
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

const tokenKey = (authorization: string) =>
  createHash("sha256").update(authorization).digest("base64url");

export const guards = (
  options: GuardOptions = { authFailures: DEFAULT_AUTH_FAILURES, trustProxy: false },
): MiddlewareHandler[] => {
  const jsonLimit = bodyLimit({ maxSize: JSON_LIMIT, onError: tooLarge(JSON_LIMIT) });
  const anyLimit = bodyLimit({ maxSize: ANY_LIMIT, onError: tooLarge(ANY_LIMIT) });
  const limits = options.authFailures;
  const tokenFailures = windows();
  const addressFailures = windows();
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
    // Failed sign-ins slow the one failing, never a valid token: a token that failed too often
    // is refused before it is looked up (a valid one never fails), and past the address's
    // limit each failure from it is answered late, as 429. A valid token from the same address
    // (every user, behind a proxy without TRUST_PROXY) is looked up and served as usual.
    async (c, next) => {
      const address = clientAddress(c, options.trustProxy);
      if (!address) return next();
      if (c.req.path === "/v1/parse" && parses.count(address) > PARSES_PER_MINUTE)
        throw tooMany({ zh: "读取年报", en: "parse requests" });
      const authorization = c.req.header("authorization");
      if (authorization === undefined) return next();
      const token = tokenKey(authorization);
      if (tokenFailures.peek(token) >= limits.perToken) throw tooManyFailures();
      await next();
      if (c.res.status !== 401) return;
      tokenFailures.count(token);
      if (addressFailures.count(address) <= limits.perAddress) return;
      await new Promise((r) => setTimeout(r, limits.delayMs));
      const refused = tooManyFailures();
      c.res = new Response(JSON.stringify(refused.body()), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "60" },
      });
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

/** Whether the caller is on this machine (the local admin token is accepted from nowhere else). */
export const isLoopback = (address: string | undefined) =>
  address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);

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
