// The year to date: an agency's (GET …/summary, and with a recorded event when asked) and a
// region's, with the overdue and due-soon counts of the open applications.
import { yearToDateInputs } from "@ogi/db";
import { yearToDateOf } from "@ogi/domain";
import { cached } from "./cache.ts";
import { DUE_SOON_WORKING_DAYS } from "./calendar.ts";
import { canRead, type Deps, type Principal } from "./context.ts";
import { currentCalendar, deadlines, todayIn } from "./domain.ts";
import { dailyCountsReady } from "./register/backfill-daily.ts";

/**
 * The year to date of some agencies, with the overdue and due-soon counts of their open
 * applications as of asOf. Nothing can be dated after today (the future is refused), so from
 * today on the year so far is the year's stored flows (request_counts, kept with every event
 * and tested equal to the fold): one statement. An earlier day sums the year's flows by day up
 * to it (request_counts_daily, kept with the same deltas by day): one statement too.
 */
export const yearToDate = async (deps: Deps, codes: string[], asOf: string) => {
  // Due within N working days: workingDaysBetween(asOf, due) ≤ N, i.e. before the (N+1)-th
  // working day after asOf.
  const soonUntil = currentCalendar().addWorkingDays(asOf, DUE_SOON_WORKING_DAYS + 1);
  const year = Number(asOf.slice(0, 4));
  const past = asOf < todayIn(deps.clock.now());
  if (past) await dailyCountsReady(deps.db);
  const stored = await yearToDateInputs(
    deps.db,
    codes,
    year,
    asOf,
    soonUntil,
    past ? asOf : undefined,
  );
  const ytd = yearToDateOf(stored.table, asOf);
  return {
    ...ytd,
    overdue: stored.overdue,
    dueWithin5WorkingDays: stored.dueSoon,
    dueDatesAvailable: deadlines.available,
  };
};

/**
 * One agency's year to date as of `asOf`, for a caller who may read it (403 otherwise), through
 * the read cache: the readers of one day share it until the next write.
 */
export const agencySummary = async (deps: Deps, p: Principal, code: string, asOf: string) => {
  const agency = await canRead(deps, p, code, "summary");
  return cached(deps.cache, `summary:${code}:${asOf}`, async () => ({
    agency: { code: agency.code, name: agency.name },
    ...(await yearToDate(deps, [code], asOf)),
  }));
};
