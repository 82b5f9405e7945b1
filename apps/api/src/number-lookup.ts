// Applications named by their running number (how staff name them: 第 12 号) are found in
// groups: the look-ups asked for while one is being answered are answered by one query
// (applicationsByNumber), so that a burst of look-ups or of conclusions by number costs one
// round trip to the database, not one each.
import { type ApplicationRow, applicationsByNumber, type Db } from "@ogi/db";
import type { Application } from "@ogi/domain";

export type Found = { row: ApplicationRow; application: Application };

export type NumberLookup = {
  /** The agency's application with this number and its events, or undefined if it has none. */
  find: (agencyCode: string, number: number) => Promise<Found | undefined>;
  /** Queries made so far and look-ups answered by them. */
  stats: () => { queries: number; lookups: number };
};

type Waiting = {
  agencyCode: string;
  number: number;
  resolve: (found: Found | undefined) => void;
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
      const found = await applicationsByNumber(db, batch);
      stats.queries++;
      stats.lookups += batch.length;
      for (const w of batch) w.resolve(found.get(`${w.agencyCode}|${w.number}`));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running = false;
      void flush();
    }
  };

  return {
    stats: () => ({ ...stats }),
    find: (agencyCode, number) =>
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
