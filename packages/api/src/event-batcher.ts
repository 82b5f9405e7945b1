// Group commit for events. The events requested while earlier ones are being written are read
// in one query and appended in one statement (appendEvents), so that a burst of conclusions
// costs two round trips to the database, not two per conclusion. Each request still gets its
// own answer: one refused while deciding (404, 409…) leaves the others. Two events of the same
// application never share a batch (the second is decided on what the first wrote). When a
// batch's statement fails (another process appended to one of its applications meanwhile, or a
// key was used twice), each of its events is written on its own, so that each gets its own
// outcome; the caller decides again after a conflict (writeOnce).
import {
  appendEvents,
  type CountShards,
  type Db,
  type EventAppend,
  type LoadedApplication,
  loadApplications,
} from "@ogi/db";

export type EventBatcher = {
  /**
   * Appends the `item` that `decide` makes of the application as stored (undefined: no such
   * id), in a batch with other events; resolves with what `decide` gave once it is committed.
   */
  append: <D extends { item: EventAppend }>(
    id: string,
    decide: (loaded: LoadedApplication | undefined) => Promise<D>,
  ) => Promise<D>;
  /** Statements written so far, events in them, and batches whose events were retried alone. */
  stats: () => { statements: number; events: number; retriedAlone: number };
};

type Job = {
  id: string;
  decide: (loaded: LoadedApplication | undefined) => Promise<EventAppend>;
  /** Gives the caller what its `decide` gave, once its item is committed. */
  resolve: () => void;
  reject: (error: unknown) => void;
};

export type EventBatcherOptions = CountShards & {
  /** Events per statement. */
  maxBatch?: number;
  /**
   * Batches written at once. While one commits, the next forms; more than one in flight lets
   * PostgreSQL's connections overlap their commits (PGlite has one connection).
   */
  maxInFlight?: number;
};

export const createEventBatcher = (db: Db, options: EventBatcherOptions = {}): EventBatcher => {
  const maxBatch = options.maxBatch ?? 64;
  const maxInFlight = options.maxInFlight ?? 2;
  const shards = { countShards: options.countShards };
  let queue: Job[] = [];
  /** Applications with an event in a batch being written. */
  const busy = new Set<string>();
  let inFlight = 0;
  let scheduled = false;
  const stats = { statements: 0, events: 0, retriedAlone: 0 };

  const write = async (batch: Job[]) => {
    let loaded: Map<string, LoadedApplication>;
    try {
      loaded = await loadApplications(
        db,
        batch.map((j) => j.id),
      );
    } catch (error) {
      for (const j of batch) j.reject(error);
      return;
    }
    const decided: { job: Job; item: EventAppend }[] = [];
    await Promise.all(
      batch.map(async (job) => {
        try {
          decided.push({ job, item: await job.decide(loaded.get(job.id)) });
        } catch (error) {
          job.reject(error);
        }
      }),
    );
    if (decided.length === 0) return;
    try {
      await appendEvents(
        db,
        decided.map((d) => d.item),
        shards,
      );
      stats.statements++;
      stats.events += decided.length;
      for (const d of decided) d.job.resolve();
    } catch (error) {
      if (decided.length === 1) {
        decided[0]!.job.reject(error);
        return;
      }
      stats.retriedAlone++;
      await Promise.all(
        decided.map(async ({ job, item }) => {
          try {
            await appendEvents(db, [item], shards);
            stats.statements++;
            stats.events++;
            job.resolve();
          } catch (alone) {
            job.reject(alone);
          }
        }),
      );
    }
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch: Job[] = [];
      const rest: Job[] = [];
      const ids = new Set<string>();
      for (const job of queue) {
        if (batch.length < maxBatch && !busy.has(job.id) && !ids.has(job.id)) {
          batch.push(job);
          ids.add(job.id);
        } else rest.push(job);
      }
      if (batch.length === 0) return;
      queue = rest;
      for (const id of ids) busy.add(id);
      inFlight++;
      void write(batch).finally(() => {
        for (const id of ids) busy.delete(id);
        inFlight--;
        pump();
      });
    }
  };

  return {
    stats: () => ({ ...stats }),
    append: <D extends { item: EventAppend }>(
      id: string,
      decide: (loaded: LoadedApplication | undefined) => Promise<D>,
    ) =>
      new Promise<D>((resolve, reject) => {
        let decided: D | undefined;
        queue.push({
          id,
          decide: async (loaded) => {
            decided = await decide(loaded);
            return decided.item;
          },
          resolve: () => resolve(decided!),
          reject,
        });
        // The requests of this turn of the event loop join the same batch.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      }),
  };
};
