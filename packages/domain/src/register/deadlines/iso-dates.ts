// Calendar dates as ISO strings ("YYYY-MM-DD") with UTC arithmetic only: a date is a day in
// China, never an instant, so the process time zone must never shift it.
import type { Bilingual } from "../../report/catalog.ts";
import type { IsoDate } from "../schema.ts";

// Days ↔ civil dates by integer arithmetic (H. Hinnant's algorithms): the deadline code calls
// these for every day it walks, and going through Date and toISOString was its main cost.

/** Days since 1970-01-01 for a valid ISO date. */
export const dayNumber = (date: IsoDate): number => {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export const fromDayNumber = (n: number): IsoDate => {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
};

export const addDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(date) + n);

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const isIsoDate = (s: unknown): s is IsoDate => {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
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
