// Small key-value state that must outlive one update: which updates were handled (update_id
// de-duplication), each user's language and last record (for /undo), and what a user is asked
// to type next. The memory store serves tests and one process; the file store survives a restart.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { StorageAdapter } from "grammy";

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
