// Calendar dates as ISO strings ("YYYY-MM-DD") with UTC arithmetic only: a date is a day in
// China, never an instant, so the process time zone must never shift it.
import type { Bilingual } from "../catalog.ts";
import type { IsoDate } from "../register.ts";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date. */
export const dayNumber = (date: IsoDate): number => {
  const ms = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return Math.round(ms / DAY_MS);
};

export const fromDayNumber = (n: number): IsoDate =>
  new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(date) + n);

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

export const isIsoDate = (s: unknown): s is IsoDate => {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return fromDayNumber(dayNumber(s)) === s;
};

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

export const isWeekend = (date: IsoDate): boolean => {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
};

const WEEKDAYS_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const weekdayName = (date: IsoDate): Bilingual => {
  const d = weekdayOf(date);
  return { zh: WEEKDAYS_ZH[d]!, en: WEEKDAYS_EN[d]! };
};

/** "2026-09-28（星期一）" / "2026-09-28 (Monday)". */
export const withWeekday = (date: IsoDate): Bilingual => {
  const w = weekdayName(date);
  return { zh: `${date}（${w.zh}）`, en: `${date} (${w.en})` };
};

export const assertIsoDate = (date: unknown, what = "date"): IsoDate => {
  if (!isIsoDate(date))
    throw new RangeError(
      `${what} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)} / 日期应为 YYYY-MM-DD 格式的有效日期`,
    );
  return date;
};
