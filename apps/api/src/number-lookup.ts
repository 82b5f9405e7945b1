// Applications named by their running number (how staff name them: 第 12 号) are found in
// groups: the look-ups asked for while one is being answered are answered by one query
// (applicationIdsByNumber), so that a burst of conclusions by number costs one round trip to
// the database for all their look-ups, not one each.
import { applicationIdsByNumber, type Db } from "@ogi/db";

export type NumberLookup = {
  /** The id of the agency's application with this number, or undefined if it has none. */
  idOf: (agencyCode: string, number: number) => Promise<string | undefined>;
  /** Queries made so far and look-ups answered by them. */
  stats: () => { queries: number; lookups: number };
};

type Waiting = {
  agencyCode: string;
  number: number;
  resolve: (id: string | undefined) => void;
  reject: (error: unknown) => void;
};

export const createNumberLookup = (db: Db, options: { maxBatch?: number } = {}): NumberLookup => {
  const maxBatch = options.maxBatch ?? 256;
  let waiting: Waiting[] = [];
  let running = false;
  let scheduled = false;
  const stats = { queries: 0, lookups: 0 };

  const flush = async () => {
    if (running || waiting.length === 0) return;
    running = true;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(maxBatch);
    try {
      const ids = await applicationIdsByNumber(db, batch);
      stats.queries++;
      stats.lookups += batch.length;
      for (const w of batch) w.resolve(ids.get(`${w.agencyCode}|${w.number}`));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running = false;
      void flush();
    }
  };

  return {
    stats: () => ({ ...stats }),
    idOf: (agencyCode, number) =>
      new Promise((resolve, reject) => {
        waiting.push({ agencyCode, number, resolve, reject });
        // The look-ups of this turn of the event loop go together.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            void flush();
          });
        }
      }),
  };
};
