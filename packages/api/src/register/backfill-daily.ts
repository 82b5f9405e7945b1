// The flows by day (request_counts_daily) of the applications stored before that table existed:
// computed once, at the API's start, with the domain's datedContribution. Until it is done,
// a past summary (year-to-date.ts) waits for it.
import {
  claimDailyBackfill,
  DAILY_BACKFILL,
  type Db,
  isPending,
  listAgencies,
  loadRegister,
  replaceDailyCounts,
} from "@ogi/db";
import { datedContributionDelta } from "@ogi/domain";

const done = new WeakMap<object, Promise<unknown>>();

/** Fills the counts by day when a migration left that to do; resolves with the rows written. */
export const backfillDailyCounts = (db: Db, countShards?: number): Promise<number> => {
  const run = (async () => {
    if (!(await isPending(db, DAILY_BACKFILL))) return 0;
    return db.transaction(async (tx) => {
      if (!(await claimDailyBackfill(tx))) return 0;
      const changes = [];
      for (const agency of await listAgencies(tx)) {
        const register = await loadRegister(tx, [agency.code]);
        for (const app of register.applications)
          changes.push({
            agencyCode: agency.code,
            applicationId: app.id,
            deltas: datedContributionDelta(undefined, app),
          });
      }
      return replaceDailyCounts(tx, changes, countShards);
    });
  })();
  done.set(db, run);
  return run;
};

/** Waits for a fill under way on `db` (a failed one is reported where it was started). */
export const dailyCountsReady = async (db: Db) => {
  await done.get(db)?.catch(() => undefined);
};
