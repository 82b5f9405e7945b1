// The fallback for a year whose State Council arrangement is not known: the statutory holidays
// of 《全国年节及纪念日放假办法》 (2024 revision, 第二条) computed from the lunar calendar, plus
// the 补假 of 第六条 (a holiday falling on a Saturday or Sunday is made up on a working day).
// No 调休: the make-up working weekends are only known from the State Council's notice.
//
// The lunar tables are chinese-days' (`monthDays`, `getYearLeapMonth`: pure lookups). Its
// date-string functions (getSolarDateFromLunar, getSolarTermDate) parse in UTC but format in
// the process time zone, so they give the day before west of UTC; the day arithmetic is
// therefore done here in UTC.
import chineseDays from "chinese-days";
import type { Bilingual } from "../../report/catalog.ts";
import type { IsoDate } from "../schema.ts";
import { addDays, dayNumber, fromDayNumber, isWeekend } from "./iso-dates.ts";

/** The years chinese-days' lunar tables cover. */
export const LUNAR_RANGE = { from: 1901, to: 2100 } as const;

/** A festival's name in both languages. */
export type FestivalName = { en: string; zh: string };

/** The statutory festivals' names, as chinese-days spells them, so published and computed years read alike. */
export const FESTIVALS = {
  newYear: { en: "New Year's Day", zh: "元旦" },
  springFestival: { en: "Spring Festival", zh: "春节" },
  tombSweeping: { en: "Tomb-sweeping Day", zh: "清明" },
  labourDay: { en: "Labour Day", zh: "劳动节" },
  dragonBoat: { en: "Dragon Boat Festival", zh: "端午" },
  midAutumn: { en: "Mid-autumn Festival", zh: "中秋" },
  nationalDay: { en: "National Day", zh: "国庆节" },
} as const satisfies Record<string, FestivalName>;

const LUNAR_BASE = dayNumber("1900-01-31"); // lunar 1900-01-01

const lunarYearDays = (y: number): number => {
  let days = chineseDays.getYearLeapMonth(y).days;
  for (let m = 1; m <= 12; m++) days += chineseDays.monthDays(y, m);
  return days;
};

const yearStart = new Map<number, number>();
/** Day number of lunar new year's day (正月初一) of lunar year `y`. */
const lunarNewYearDay = (y: number): number => {
  const cached = yearStart.get(y);
  if (cached !== undefined) return cached;
  let n = LUNAR_BASE;
  for (let i = 1900; i < y; i++) n += lunarYearDays(i);
  yearStart.set(y, n);
  return n;
};

const checkLunarYear = (y: number) => {
  if (!Number.isInteger(y) || y < LUNAR_RANGE.from || y > LUNAR_RANGE.to)
    throw new RangeError(
      `no lunar calendar for ${y} (covered: ${LUNAR_RANGE.from}–${LUNAR_RANGE.to}) / ${y} 年超出农历数据范围（${LUNAR_RANGE.from}–${LUNAR_RANGE.to}）`,
    );
};

/** The solar date of lunar year `y`, (non-leap) month `m`, day `d`. */
export const solarFromLunar = (y: number, m: number, d: number): IsoDate => {
  checkLunarYear(y);
  const leap = chineseDays.getYearLeapMonth(y);
  let n = lunarNewYearDay(y);
  for (let i = 1; i < m; i++) {
    n += chineseDays.monthDays(y, i);
    if (i === leap.leapMonth) n += leap.days;
  }
  return fromDayNumber(n + d - 1);
};

/**
 * 清明: the day of the Qingming solar term (the sun at 15°), by the usual "[Y·D + C] − [Y/4]"
 * rule with chinese-days' constant for 2000–2099 (C = 4.81; 5.59 for the 1900s).
 */
export const qingmingDay = (year: number): IsoDate => {
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, "0")}`;
};

/** A day off computed by the statutory rules (for years without a published arrangement). */
export type StatutoryDay = { date: IsoDate; festival: FestivalName; inLieu: boolean };

/**
 * The statutory days off of `year` (第二条) and their 补假 (第六条), in date order. Where two
 * festivals fall on one day (中秋 on 10-01) the day carries both names and counts once.
 */
export const statutoryHolidays = (year: number): StatutoryDay[] => {
  checkLunarYear(year);
  const eve = addDays(solarFromLunar(year, 1, 1), -1); // 除夕: the last day of lunar month 12
  const blocks: { festival: FestivalName; dates: IsoDate[] }[] = [
    { festival: FESTIVALS.newYear, dates: [`${year}-01-01`] },
    { festival: FESTIVALS.springFestival, dates: [0, 1, 2, 3].map((i) => addDays(eve, i)) },
    { festival: FESTIVALS.tombSweeping, dates: [qingmingDay(year)] },
    { festival: FESTIVALS.labourDay, dates: [`${year}-05-01`, `${year}-05-02`] },
    { festival: FESTIVALS.dragonBoat, dates: [solarFromLunar(year, 5, 5)] },
    { festival: FESTIVALS.midAutumn, dates: [solarFromLunar(year, 8, 15)] },
    { festival: FESTIVALS.nationalDay, dates: [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`] },
  ];
  const days = new Map<IsoDate, StatutoryDay>();
  for (const b of blocks)
    for (const date of b.dates) {
      const prev = days.get(date);
      days.set(date, {
        date,
        inLieu: false,
        festival: prev
          ? {
              en: `${prev.festival.en}, ${b.festival.en}`,
              zh: `${prev.festival.zh}、${b.festival.zh}`,
            }
          : b.festival,
      });
    }
  // 第六条: each day off that falls on a weekend is made up on the next weekday after the
  // festival that is not already a day off.
  for (const b of [...blocks].sort((x, y) => (x.dates[0]! < y.dates[0]! ? -1 : 1))) {
    let owed = b.dates.filter(isWeekend).length;
    let d = b.dates[b.dates.length - 1]!;
    while (owed > 0) {
      d = addDays(d, 1);
      if (isWeekend(d) || days.has(d)) continue;
      days.set(d, { date: d, inLieu: true, festival: b.festival });
      owed--;
    }
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
};

/** The name of a day off given in lieu of a festival on a weekend ("元旦补假"). */
export const inLieuName = (f: FestivalName): Bilingual => ({
  zh: `${f.zh}补假`,
  en: `${f.en} (day off in lieu)`,
});
