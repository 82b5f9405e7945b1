// Small key-value state that must outlive one update: which updates were handled (update_id
// de-duplication), each user's language and last record (for /undo), and what a user is asked
// to type next. The memory store serves tests and one process; the file store survives a restart;
// the Redis store (BOT_STORAGE_URL) is shared by every instance of the bot.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { StorageAdapter } from "grammy";
import { Redis } from "ioredis";
import type { Logger } from "./context.ts";

export type KeyValueStore = {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
};

export type Entry = { v: unknown; exp?: number };

const store = (entries: Map<string, Entry>, now: () => number, persist: () => void) => {
  let writes = 0;
  const sweep = () => {
    const t = now();
    for (const [k, e] of entries) if (e.exp !== undefined && e.exp <= t) entries.delete(k);
  };
  return {
    async get<T>(key: string) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.exp !== undefined && e.exp <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.v as T;
    },
    async set(key: string, value: unknown, ttlMs?: number) {
      entries.set(key, ttlMs === undefined ? { v: value } : { v: value, exp: now() + ttlMs });
      // Expired entries are swept now and then, so the map does not grow without bound.
      if (++writes % 1000 === 0) sweep();
      persist();
    },
    async delete(key: string) {
      entries.delete(key);
      persist();
    },
  } satisfies KeyValueStore;
};

export const memoryStore = (now: () => number = Date.now): KeyValueStore =>
  store(new Map(), now, () => {});

/**
 * A JSON file, rewritten atomically (temporary file, rename) at most every `flushMs` after a
 * change and at exit: a busy bot must not rewrite it for every update.
 */
export const fileStore = (
  path: string,
  now: () => number = Date.now,
  flushMs = 200,
): KeyValueStore & { flush(): void } => {
  let entries = new Map<string, Entry>();
  try {
    entries = new Map(
      Object.entries(JSON.parse(readFileSync(path, "utf8")) as Record<string, Entry>),
    );
  } catch {
    // No file yet (or an unreadable one): start empty.
  }
  mkdirSync(dirname(path), { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const t = now();
    const live = [...entries].filter(([, e]) => e.exp === undefined || e.exp > t);
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(live)));
    renameSync(tmp, path);
  };
  let dirty = false;
  process.on("exit", () => {
    if (dirty) flush();
  });
  const kv = store(entries, now, () => {
    dirty = true;
    timer ??= setTimeout(() => {
      dirty = false;
      flush();
    }, flushMs).unref();
  });
  return {
    ...kv,
    flush: () => {
      dirty = false;
      flush();
    },
  };
};

/**
 * Any grammY storage adapter (Redis, PostgreSQL, … from the grammY storages) as the bot's store,
 * so that several instances share the typed answers, languages and last records. Expiry is kept
 * with the value and checked on reading.
 */
export const fromStorageAdapter = (
  adapter: StorageAdapter<Entry>,
  now: () => number = Date.now,
): KeyValueStore => ({
  async get<T>(key: string) {
    const e = await adapter.read(key);
    if (!e) return undefined;
    if (e.exp !== undefined && e.exp <= now()) {
      await adapter.delete(key);
      return undefined;
    }
    return e.v as T;
  },
  async set(key, value, ttlMs) {
    await adapter.write(key, ttlMs === undefined ? { v: value } : { v: value, exp: now() + ttlMs });
  },
  async delete(key) {
    await adapter.delete(key);
  },
});

export type RedisStoreOptions = {
  /** Put before every key, so that the bot can share a Redis with other uses. */
  prefix?: string;
  logger?: Logger;
  /**
   * How long connecting and each command may take before it fails: an update fails with a clear
   * error instead of waiting for a Redis that does not answer.
   */
  timeoutMs?: number;
};

export const REDIS_PREFIX = "ogi-bot:";

/**
 * A Redis (redis:// or rediss://) as the store, through grammY's Redis adapter on ioredis. A value
 * with a ttl is written with Redis's own expiry (SET … PX), so it vanishes on every instance
 * alike, read or not. While Redis is unreachable each command fails within `timeoutMs` or two
 * reconnection attempts; ioredis keeps reconnecting, and the next update works once it is back.
 */
export const redisStore = (
  url: string,
  { prefix = REDIS_PREFIX, logger, timeoutMs = 3000 }: RedisStoreOptions = {},
): KeyValueStore & { close(): Promise<void>; readonly client: Redis } => {
  const client = new Redis(url, {
    keyPrefix: prefix,
    // Named after the prefix, so CLIENT LIST tells which bot a connection is (no spaces allowed).
    connectionName: prefix.replace(/:$/, "").replace(/[^\x21-\x7e]/g, "_") || "ogi-bot",
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    // A connection that stops answering (no reset, e.g. a partition) is dropped and made again.
    socketTimeout: timeoutMs,
    // Commands waiting for a lost connection fail after two attempts to reconnect, not twenty.
    maxRetriesPerRequest: 1,
    // Reconnect forever, at most every 2 s, so a Redis back is used again quickly.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Logged once per outage, not at every reconnection attempt.
  let down = false;
  client.on("error", (err: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ err }, "bot storage: Redis unreachable / 无法连接 Redis");
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    logger?.info({}, "bot storage: Redis reachable again / Redis 已恢复");
  });
  const adapter = new RedisAdapter<Entry>({ instance: client });
  const kv = fromStorageAdapter(adapter);
  return {
    get: kv.get,
    async set(key, value, ttlMs) {
      if (ttlMs === undefined) return adapter.write(key, { v: value });
      if (ttlMs <= 0) return adapter.delete(key);
      // The adapter's own ttl is one for all keys, in seconds; this one is per key, in ms.
      const entry: Entry = { v: value };
      await client.set(key, JSON.stringify(entry), "PX", Math.ceil(ttlMs));
    },
    delete: kv.delete,
    client,
    async close() {
      // QUIT lets the commands sent finish; an unreachable Redis is simply let go.
      await client.quit().catch(() => client.disconnect());
    },
  };
};
