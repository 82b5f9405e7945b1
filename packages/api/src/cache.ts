// Answers to reads, kept until the next write. A read that overlaps a write is stored with the
// generation it began in, so it is never served after that write. Two tiers:
// - `data` (answers, reports, summaries): any write clears it. Only for a database this process
//   alone writes (PGlite: one process owns its data folder); off with PostgreSQL, where other
//   processes write the register.
// - `directory` (who a token is, what it may do, the calendar's version): only writes to tokens,
//   staff, agencies or holiday files clear it, so recording in the register keeps it. With
//   PostgreSQL it is on while this process listens to the database's notifications of such
//   changes by any writer (see server.ts and migration 0003), and cleared by each of them.
// With the data tier off (PostgreSQL), equal reads asked for at once may still be shared
// (`coalesce`): a read begun after this process's last write sees every write this process
// committed before it, and other processes' writes are concurrent with both either way; its
// answer is not kept.
import { CHAT_USER_HEADER, TELEGRAM_USER_HEADER } from "./identity.ts";

/** Node lower-cases header names; the cache keys on the identity the answer was for. */
const USER_HEADER = TELEGRAM_USER_HEADER.toLowerCase();
const CHAT_HEADER = CHAT_USER_HEADER.toLowerCase();

export type CacheTier = "data" | "directory";

/** What a write changed: the register only (applications and events), or anything. */
export type WriteScope = "register" | "all";

export type ReadCache = {
  get: <T>(key: string, compute: () => Promise<T>, tier?: CacheTier) => Promise<T>;
  /** The value stored under `key` in the current generation, if any (data tier). */
  peek: (key: string) => unknown;
  /** Stores `value` if no write happened since `since` (a value of `generation()`; data tier). */
  put: (key: string, value: unknown, since: number) => void;
  generation: () => number;
  /** Called after every committed write. */
  invalidate: (scope?: WriteScope) => void;
  /** Whether the data tier is on. */
  enabled: boolean;
  /** Turns the directory tier on or off; either way it starts empty. */
  setDirectory: (on: boolean) => void;
};

const MAX_ENTRIES = 5_000;

const createTier = () => {
  let generation = 0;
  const entries = new Map<string, { generation: number; value: unknown }>();
  const running = new Map<string, { generation: number; value: Promise<unknown> }>();
  return {
    running,
    generation: () => generation,
    peek: (key: string) => {
      const hit = entries.get(key);
      return hit && hit.generation === generation ? { value: hit.value } : undefined;
    },
    put: (key: string, value: unknown, since: number) => {
      if (since !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { generation: since, value });
    },
    clear: () => {
      generation++;
      entries.clear();
    },
  };
};

export const createReadCache = (
  enabled: boolean,
  options: { directory?: boolean; coalesce?: boolean } = {},
): ReadCache => {
  const tiers = { data: createTier(), directory: createTier() };
  const on = { data: enabled, directory: options.directory ?? enabled };
  return {
    enabled,
    setDirectory: (value) => {
      tiers.directory.clear();
      on.directory = value;
    },
    peek: (key) => tiers.data.peek(key)?.value,
    put: (key, value, since) => {
      if (enabled) tiers.data.put(key, value, since);
    },
    generation: () => tiers.data.generation(),
    get: async (key, compute, tier = "data") => {
      const keep = on[tier];
      if (!keep && !(tier === "data" && options.coalesce)) return compute();
      const t = tiers[tier];
      const hit = keep ? t.peek(key) : undefined;
      if (hit) return hit.value as Awaited<ReturnType<typeof compute>>;
      // A read of the same key begun since the last write is shared: no write has committed
      // since either began, so both would read the same. (After a batch of writes, the
      // requests that each ask for the year to date share one statement.)
      const started = t.generation();
      const running = t.running.get(key);
      if (running && running.generation === started)
        return running.value as Promise<Awaited<ReturnType<typeof compute>>>;
      const value = compute();
      t.running.set(key, { generation: started, value });
      try {
        const done = await value;
        if (keep) t.put(key, done, started);
        return done;
      } finally {
        if (t.running.get(key)?.value === value) t.running.delete(key);
      }
    },
    invalidate: (scope = "all") => {
      tiers.data.clear();
      if (scope === "all") tiers.directory.clear();
    },
  };
};

/** The scope of a write by its audit action: events and registrations touch the register only. */
export const scopeOf = (action: string): WriteScope =>
  action.startsWith("event.") ||
  action === "application.create" ||
  action === "application.import" ||
  action === "application.particulars"
    ? "register"
    : "all";

/** Through the cache when there is one. */
export const cached = <T>(cache: ReadCache | undefined, key: string, compute: () => Promise<T>) =>
  cache ? cache.get(key, compute) : compute();

type StoredResponse = { body: Buffer; headers: Record<string, string> };
const MAX_BODY = 512 * 1024;

type Incoming = {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
};

/** The key of a GET answer: the day (summaries and due dates depend on it), URL, credentials. */
const responseKey = (today: string, url: string, authorization: string, telegramUser: string) =>
  `response:${today}:${url}:${authorization}:${telegramUser}`;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : (v ?? ""));

/**
 * Whole answers to GET requests, per URL and credentials and day, until the next write: a
 * repeated read costs a map lookup. This middleware stores them (and answers from them under
 * app.request); `cachedListener` answers from them before the framework is involved.
 */
export const responseCache =
  (cache: ReadCache, today: () => string) =>
  async (
    c: {
      env: unknown;
      req: { method: string; url: string; header: (name: string) => string | undefined };
      res: Response;
    },
    next: () => Promise<void>,
  ): Promise<Response | undefined> => {
    if (!cache.enabled || c.req.method !== "GET") {
      await next();
      return undefined;
    }
    // Under @hono/node-server, read the Node request (building Fetch headers costs more).
    const incoming = (c.env as { incoming?: Incoming } | undefined)?.incoming;
    const header = (name: string) =>
      incoming ? one(incoming.headers[name]) : (c.req.header(name) ?? "");
    const url = incoming?.url ?? new URL(c.req.url).pathname + new URL(c.req.url).search;
    const key = responseKey(
      today(),
      url,
      header("authorization"),
      `${header(USER_HEADER)}|${header(CHAT_HEADER)}`,
    );
    const hit = cache.peek(key) as StoredResponse | undefined;
    if (hit) return new Response(new Uint8Array(hit.body), { status: 200, headers: hit.headers });
    const since = cache.generation();
    await next();
    if (c.res.status === 200) {
      const body = Buffer.from(await c.res.clone().arrayBuffer());
      if (body.byteLength <= MAX_BODY)
        cache.put(
          key,
          {
            body,
            headers: {
              ...Object.fromEntries(c.res.headers),
              "content-length": String(body.byteLength),
            },
          },
          since,
        );
    }
    return undefined;
  };

/**
 * A node:http listener: stored GET answers straight from the cache, everything else to
 * `next` (@hono/node-server's listener for the app).
 */
export const cachedListener =
  <
    Req extends Incoming,
    Res extends {
      writeHead: (s: number, h: Record<string, string>) => unknown;
      end: (b: Buffer) => unknown;
    },
  >(
    cache: ReadCache,
    today: () => string,
    next: (req: Req, res: Res) => unknown,
  ) =>
  (req: Req, res: Res) => {
    if (cache.enabled && req.method === "GET" && req.url?.startsWith("/v1/")) {
      const key = responseKey(
        today(),
        req.url,
        one(req.headers.authorization),
        `${one(req.headers[USER_HEADER])}|${one(req.headers[CHAT_HEADER])}`,
      );
      const hit = cache.peek(key) as StoredResponse | undefined;
      if (hit) {
        res.writeHead(200, hit.headers);
        res.end(hit.body);
        return;
      }
    }
    return next(req, res);
  };
