// Applications named by their running number (how staff name them: 第 12 号) are found in
// groups: the look-ups asked for while one is being answered are answered by one query
// (applicationsByNumber), so that a burst of look-ups or of conclusions by number costs one
// round trip to the database, not one each. An application's id, once its number is given, never
// changes and is never deleted, so the ids named by committed rows are remembered (idOf): a
// write by number then needs no look-up at all.
import { type ApplicationRow, applicationsByNumber, type Db } from "@ogi/db";
import type { Application } from "@ogi/domain";

export type Found = { row: ApplicationRow; application: Application };

export type NumberLookup = {
  /** The agency's application with this number and its events, or undefined if it has none. */
  find: (agencyCode: string, number: number) => Promise<Found | undefined>;
  /**
   * The id of the agency's application with this number: remembered if a committed row named it
   * (a registration, a look-up), otherwise looked up as `find` does; undefined if it has none.
   */
  idOf: (agencyCode: string, number: number) => Promise<string | undefined>;
  /** Remembers the ids of committed applications (after a registration's commit). */
  remember: (agencyCode: string, apps: readonly { number: number; id: string }[]) => void;
  /**
   * Forgets every remembered id: the database was opened again (see storage.ts), and a write it
   * had acknowledged may not have reached the disk, so its number may name another row now.
   */
  forget: () => void;
  /** Queries made so far, look-ups answered by them, and ids answered from memory. */
  stats: () => { queries: number; lookups: number; remembered: number };
};

/** Ids remembered at most (about 100 bytes each); past that the memory starts again. */
export const MAX_REMEMBERED_IDS = 200_000;

type Waiting = {
  agencyCode: string;
  number: number;
  resolve: (found: Found | undefined) => void;
  reject: (error: unknown) => void;
};

export const createNumberLookup = (
  db: Db,
  options: { maxBatch?: number; maxRemembered?: number } = {},
): NumberLookup => {
  const maxBatch = options.maxBatch ?? 256;
  const maxRemembered = options.maxRemembered ?? MAX_REMEMBERED_IDS;
  const ids = new Map<string, string>();
  const remember = (agencyCode: string, apps: readonly { number: number; id: string }[]) => {
    if (ids.size + apps.length > maxRemembered) ids.clear();
    for (const a of apps) ids.set(`${agencyCode}|${a.number}`, a.id);
  };
  let waiting: Waiting[] = [];
  let running = false;
  let scheduled = false;
  const stats = { queries: 0, lookups: 0, remembered: 0 };

  const flush = async () => {
    if (running || waiting.length === 0) return;
    running = true;
    const batch = waiting.slice(0, maxBatch);
    waiting = waiting.slice(maxBatch);
    try {
      const found = await applicationsByNumber(db, batch);
      stats.queries++;
      stats.lookups += batch.length;
      for (const w of batch) {
        const f = found.get(`${w.agencyCode}|${w.number}`);
        if (f) remember(w.agencyCode, [f.row]);
        w.resolve(f);
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running = false;
      void flush();
    }
  };

  const find: NumberLookup["find"] = (agencyCode, number) =>
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
    });

  return {
    forget: () => ids.clear(),
    stats: () => ({ ...stats }),
    find,
    remember,
    idOf: async (agencyCode, number) => {
      const known = ids.get(`${agencyCode}|${number}`);
      if (known !== undefined) {
        stats.remembered++;
        return known;
      }
      return (await find(agencyCode, number))?.row.id;
    },
  };
};
