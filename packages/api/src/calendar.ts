// The working calendar of the API: the package's arrangements plus the holiday files loaded
// into the database. Each request runs with the calendar current at its start (domain.ts reads
// it), so a file loaded by another process (ogi calendar load) applies at the next request.
import { type Db, type Executor, holidayFilesVersion, listHolidayFiles } from "@ogi/db";
import {
  type Application,
  applicationStatus,
  type Bilingual,
  createWorkingCalendar,
  type HolidayFile,
  outcomeWarnings,
  parseHolidayFile,
  type StatusKind,
  type WorkingCalendar,
} from "@ogi/domain";
import type { MiddlewareHandler } from "hono";
import type { ReadCache } from "./cache.ts";
import type { AppEnv, Deps } from "./context.ts";
import { currentCalendar, withCalendar } from "./domain.ts";

const cache = new WeakMap<object, { version: number; calendar: WorkingCalendar }>();

/** The files stored in the database, parsed (a stored file was validated when loaded). */
export const storedHolidayFiles = async (ex: Executor): Promise<HolidayFile[]> => {
  const files: HolidayFile[] = [];
  for (const row of await listHolidayFiles(ex)) {
    const parsed = parseHolidayFile(row.raw);
    if (parsed.ok) files.push(parsed.file);
  }
  return files;
};

/**
 * The calendar of the database `db`: rebuilt only when a file was loaded since. With a read
 * cache (PGlite) the version is asked once until a holiday file is loaded through this process.
 */
export const loadCalendar = async (db: Db, readCache?: ReadCache): Promise<WorkingCalendar> => {
  const version = readCache
    ? await readCache.get("calendar-version", () => holidayFilesVersion(db), "directory")
    : await holidayFilesVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.calendar;
  const calendar =
    version === 0
      ? createWorkingCalendar()
      : createWorkingCalendar({ extraYears: await storedHolidayFiles(db) });
  cache.set(db, { version, calendar });
  return calendar;
};

/** Runs every /v1 request with the database's calendar. */
export const calendarMiddleware =
  (deps: Deps): MiddlewareHandler<AppEnv> =>
  async (_c, next) =>
    withCalendar(await loadCalendar(deps.db, deps.cache), next);

/** What every application in the API carries about its deadline (derived on read). */
export type DeadlineView = {
  dueDate: string | null;
  provisional: boolean;
  trace: Bilingual[];
  /** From applicationStatus as of today: onTime, dueSoon (≤ 5 working days), overdue, … */
  deadlineStatus: StatusKind;
  workingDaysLeft: number | null;
  /** While the clock stands: the due date if the pause runs to its statutory end. */
  projectedDueDate: string | null;
  /** The applicant let a 补正 or fee period lapse: the outcome to close it with (（六）1/2). */
  decisionDue: "otherNoCorrection" | "otherFeeUnpaid" | null;
  /** The outcome in force is not supported by the recorded events (a warning, issue 19). */
  outcomeWarnings: Bilingual[];
};

export const DUE_SOON_WORKING_DAYS = 5;

export const deadlineView = (
  app: Application,
  today: string,
  calendar: WorkingCalendar = currentCalendar(),
): DeadlineView => {
  const s = applicationStatus(app, today, calendar, { soonWorkingDays: DUE_SOON_WORKING_DAYS });
  return {
    dueDate: s.dueDate,
    provisional: s.provisional,
    trace: s.due.trace,
    deadlineStatus: s.status,
    // Days until a due date; while the clock stands there is none (the trace says why).
    workingDaysLeft: s.dueDate === null || s.status === "concluded" ? null : s.workingDaysLeft,
    projectedDueDate: s.status === "concluded" ? null : s.projectedDueDate,
    decisionDue: s.status === "concluded" ? null : (s.decisionDue?.outcome ?? null),
    outcomeWarnings: outcomeWarnings(app, calendar).map((f) => f.message),
  };
};
