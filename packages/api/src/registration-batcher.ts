// Group commit for registrations. An agency's running number is one counter row, so its
// registrations wait for each other's commit; those asked for while one is being written take
// their numbers together, in one statement (createApplications), in the order they came. Each
// request still gets its own answer: when the statement fails (a year locked for one of them,
// a key used twice), each is written on its own, with its own outcome.
import {
  type ApplicationRow,
  type CountShards,
  createApplications,
  type Db,
  type NewApplication,
} from "@ogi/db";
import type { Application } from "@ogi/domain";

/** A registration as decided (see register-application.ts), and the years it needs open. */
export type Registration = NewApplication & {
  /** Years that must not be locked (the receipt's). */
  years: readonly number[];
};

export type RegistrationBatcher = {
  register: (
    agency: string,
    registration: Registration,
  ) => Promise<{ row: ApplicationRow; application: Application }>;
  /** Statements written so far, registrations in them, and batches retried one by one. */
  stats: () => { statements: number; registrations: number; retriedAlone: number };
};

type Job = {
  registration: Registration;
  resolve: (made: { row: ApplicationRow; application: Application }) => void;
  reject: (error: unknown) => void;
};

export const createRegistrationBatcher = (
  db: Db,
  options: { maxBatch?: number } & CountShards = {},
): RegistrationBatcher => {
  const maxBatch = options.maxBatch ?? 64;
  const { countShards } = options;
  const queues = new Map<string, Job[]>();
  const writing = new Set<string>();
  const stats = { statements: 0, registrations: 0, retriedAlone: 0 };

  const write = async (agency: string, batch: Job[]) => {
    const years = [...new Set(batch.flatMap((j) => j.registration.years))];
    try {
      const made = await createApplications(
        db,
        agency,
        batch.map((j) => j.registration),
        { unlessLocked: years, countShards },
      );
      stats.statements++;
      stats.registrations += batch.length;
      for (const [i, j] of batch.entries()) j.resolve(made[i]!);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      stats.retriedAlone++;
      // One by one, in the order they came (each takes the next number).
      for (const j of batch) {
        try {
          const [made] = await createApplications(db, agency, [j.registration], {
            unlessLocked: j.registration.years,
            countShards,
          });
          stats.statements++;
          stats.registrations++;
          j.resolve(made!);
        } catch (alone) {
          j.reject(alone);
        }
      }
    }
  };

  const pump = (agency: string) => {
    const queue = queues.get(agency);
    if (writing.has(agency) || !queue?.length) return;
    const batch = queue.splice(0, maxBatch);
    if (queue.length === 0) queues.delete(agency);
    writing.add(agency);
    void write(agency, batch).finally(() => {
      writing.delete(agency);
      pump(agency);
    });
  };

  return {
    stats: () => ({ ...stats }),
    register: (agency, registration) =>
      new Promise((resolve, reject) => {
        const queue = queues.get(agency) ?? [];
        queue.push({ registration, resolve, reject });
        queues.set(agency, queue);
        // The requests of this turn of the event loop join the same batch.
        if (queue.length === 1) setImmediate(() => pump(agency));
      }),
  };
};
