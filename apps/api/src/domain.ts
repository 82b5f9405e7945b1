// The domain functions the API uses that depend on time: today's date in China and due dates.
import type { Application } from "@ogi/domain";

/** Today in China (UTC+8, no daylight saving): the date every deadline is counted in. */
export const todayIn = (now: Date) =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export type Deadlines = {
  /** The reply deadline of an open application, or null when not counting (or not known). */
  dueDate: (app: Application) => string | null;
  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before. */
  workingDaysBetween: (from: string, to: string) => number;
  available: boolean;
};

const dayMs = 86_400_000;

export const noDeadlines: Deadlines = {
  dueDate: () => null,
  workingDaysBetween: (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs),
  available: false,
};

export const deadlines: Deadlines = noDeadlines;
