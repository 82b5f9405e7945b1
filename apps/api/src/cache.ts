// Answers to reads, kept until the next write. Only for a database this process alone writes
// (PGlite: one process owns its data folder); with PostgreSQL other processes may write, so
// the cache is off there. A read that overlaps a write is stored with the generation it began
// in, so it is never served after that write.
export type ReadCache = {
  get: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
  /** Called after every committed write. */
  invalidate: () => void;
  enabled: boolean;
};

const MAX_ENTRIES = 10_000;

export const createReadCache = (enabled: boolean): ReadCache => {
  let generation = 0;
  const entries = new Map<string, { generation: number; value: unknown }>();
  return {
    enabled,
    get: async (key, compute) => {
      if (!enabled) return compute();
      const hit = entries.get(key);
      if (hit && hit.generation === generation)
        return hit.value as Awaited<ReturnType<typeof compute>>;
      const started = generation;
      const value = await compute();
      if (started === generation) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, { generation: started, value });
      }
      return value;
    },
    invalidate: () => {
      generation++;
      entries.clear();
    },
  };
};

/** Through the cache when there is one. */
export const cached = <T>(cache: ReadCache | undefined, key: string, compute: () => Promise<T>) =>
  cache ? cache.get(key, compute) : compute();
