// The domain functions the API uses that depend on time: today's date in China and due dates
// (the working calendar with China's holiday arrangements, from the domain's deadlines).
import { type Application, createWorkingCalendar, dueDate } from "@ogi/domain";

/** Today in China (UTC+8, no daylight saving): the date every deadline is counted in. */
export const todayIn = (now: Date) =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export type Deadlines = {
  /** The reply deadline of an open application, or null while the clock stands. */
  dueDate: (app: Application) => string | null;
  /** Working days d with from < d ≤ to; negative when `to` is before `from`. */
  workingDaysBetween: (from: string, to: string) => number;
  available: boolean;
};

const calendar = createWorkingCalendar();

export const deadlines: Deadlines = {
  dueDate: (app) => dueDate(app, calendar).dueDate,
  workingDaysBetween: (a, b) => calendar.workingDaysBetween(a, b),
  available: true,
};
