// The console reads and writes through the API's own routes, called in this process: the same
// validation, access rules, personal-data rules, caches, idempotency and audit as any client.
// The signed-in user's principal travels in the request's env (context.ts: resolvePrincipal),
// which no request from a socket can set; the Authorization header only keys the read cache
// (one key per session, derived from its secret id, never shown).
import type { ConsoleEnv, Principal } from "../context.ts";
import type { Problem } from "./layout.ts";

/** The API app's fetch (createApp passes `app.fetch`). */
export type ApiFetch = (request: Request, env: unknown) => Response | Promise<Response>;

type ErrorBody = {
  error?: {
    code?: string;
    message?: { zh: string; en: string };
    issues?: { path: string; message: string }[];
  };
};

/** An answer of the API other than 2xx, as the problem the console shows. */
export class ApiRefusal extends Error {
  readonly problem: Problem;
  readonly code: string;
  constructor(problem: Problem, code: string) {
    super(problem.en);
    this.problem = problem;
    this.code = code;
  }
}

const ORIGIN = "http://console.internal";

export const refusalOf = async (res: Response): Promise<ApiRefusal> => {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {}
  const e = body.error ?? {};
  return new ApiRefusal(
    {
      status: res.status,
      zh: (e.message?.zh ?? `请求未完成（${res.status}）。`).replace("见 issues", "见下列各项"),
      en: (e.message?.en ?? `The request was refused (${res.status}).`).replace(
        "see issues",
        "see below",
      ),
      details: (e.issues ?? []).map((i) => `${i.path}: ${i.message}`),
    },
    e.code ?? "unknown",
  );
};

export type ConsoleApi = ReturnType<typeof consoleApi>;

/** The API as `principal` (`cacheKey`: a per-session secret that keys the read cache). */
export const consoleApi = (fetcher: ApiFetch, principal: Principal, cacheKey: string) => {
  const env: ConsoleEnv = { consolePrincipal: principal };
  const request = (method: string, path: string, body?: unknown) =>
    fetcher(
      new Request(`${ORIGIN}${path}`, {
        method,
        headers: {
          authorization: `Console ${cacheKey}`,
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
      env,
    );
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await request(method, path, body);
    if (!res.ok) throw await refusalOf(res);
    return (await res.json()) as T;
  };
  return {
    get: <T>(path: string) => json<T>("GET", path),
    send: <T>(method: "POST" | "PUT", path: string, body?: unknown) => json<T>(method, path, body),
    /** The answer as it is (a rendered report: HTML, CSV, a document). */
    raw: async (path: string) => {
      const res = await request("GET", path);
      if (!res.ok) throw await refusalOf(res);
      return res;
    },
  };
};

/** A call without a session (sign-in, the public parse), with the caller's env (its socket). */
export const anonymousCall = (
  fetcher: ApiFetch,
  env: unknown,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: Uint8Array<ArrayBuffer> | string } = {},
) =>
  fetcher(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: init.headers ?? {},
      ...(init.body !== undefined ? { body: init.body } : {}),
    }),
    env,
  );
