// When the reminders run: 09:00 in China (Asia/Shanghai is UTC+8 all year, no daylight saving)
// on every working day of the calendar (调休 Saturdays included, holidays excluded).

import { addDays } from "../deadlines/iso-dates.ts";
import type { WorkingCalendar } from "../deadlines/working-calendar.ts";
import type { IsoDate } from "../schema.ts";

const HOUR_MS = 3_600_000;
/** Asia/Shanghai: UTC+8, no daylight saving since 1991. */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** The hour (China time) the daily reminders are sent. */
export const REMINDER_HOUR = 9;

/** The date in China at the instant `now`. */
export const shanghaiDate = (now: Date): IsoDate =>
  new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The instant of `hour`:00 in China on `date`. */
export const shanghaiTime = (date: IsoDate, hour = REMINDER_HOUR): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS - SHANGHAI_OFFSET_MS);

/** The first 09:00 (China) on a working day strictly after `now`. */
export const nextRunAt = (
  now: Date,
  calendar: WorkingCalendar,
  options: { hour?: number } = {},
): Date => {
  const hour = options.hour ?? REMINDER_HOUR;
  if (Number.isNaN(now.getTime())) throw new RangeError("nextRunAt: invalid date / 无效的时间");
  let date = shanghaiDate(now);
  // A long run of holidays is at most ~10 days; 400 covers any calendar.
  for (let i = 0; i < 400; i++, date = addDays(date, 1)) {
    const at = shanghaiTime(date, hour);
    if (at.getTime() > now.getTime() && calendar.isWorkingDay(date)) return at;
  }
  throw new RangeError(`no working day within 400 days of ${now.toISOString()}`);
};

/**
 * The run `now` falls in, if any: today's 09:00 (China) when today is a working day and it is
 * between 09:00 and `untilHour` (a process started late, or restarted, still sends today's
 * reminders; the recorded ones are skipped).
 */
export const currentRun = (
  now: Date,
  calendar: WorkingCalendar,
  options: { hour?: number; untilHour?: number } = {},
): { date: IsoDate; at: Date } | null => {
  const date = shanghaiDate(now);
  const at = shanghaiTime(date, options.hour ?? REMINDER_HOUR);
  const until = shanghaiTime(date, options.untilHour ?? 18);
  if (!calendar.isWorkingDay(date) || now < at || now >= until) return null;
  return { date, at };
};
