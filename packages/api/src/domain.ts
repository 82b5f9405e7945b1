// The domain functions the API uses that depend on time: today's date in China and due dates
// (the working calendar with China's holiday arrangements, from the domain's deadlines).
import { AsyncLocalStorage } from "node:async_hooks";
import {
  type Application,
  createWorkingCalendar,
  dueDate,
  type WorkingCalendar,
} from "@ogi/domain";

/** Today in China: the date every deadline is counted in (the domain's one todayIn). */
export { todayIn } from "@ogi/domain";

export type Deadlines = {
  /** The reply deadline of an open application, or null while the clock stands. */
  dueDate: (app: Application) => string | null;
  /** Working days d with from < d ≤ to; negative when `to` is before `from`. */
  workingDaysBetween: (from: string, to: string) => number;
  available: boolean;
};

const packageCalendar = createWorkingCalendar();
const requestCalendar = new AsyncLocalStorage<WorkingCalendar>();

/**
 * The calendar of the request being handled: the package's arrangements plus the holiday files
 * loaded into its database (calendar.ts sets it for every /v1 request); the package's alone
 * outside a request (demo data, scripts).
 */
export const currentCalendar = (): WorkingCalendar => requestCalendar.getStore() ?? packageCalendar;

export const withCalendar = <T>(calendar: WorkingCalendar, fn: () => T): T =>
  requestCalendar.run(calendar, fn);

export const deadlines: Deadlines = {
  dueDate: (app) => dueDate(app, currentCalendar()).dueDate,
  workingDaysBetween: (a, b) => currentCalendar().workingDaysBetween(a, b),
  available: true,
};
