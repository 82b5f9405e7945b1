// The working-day calendar: Monday–Friday, minus the holidays, plus the weekend days the State
// Council turns into working days (调休). Published years come from chinese-days (or from a
// holiday file an admin loaded); any other year falls back to the statutory holidays and is
// provisional.
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { Bilingual } from "../../report/catalog.ts";
import type { IsoDate } from "../schema.ts";
import {
  type HolidayFile,
  holidayFileSchema,
  holidayFileYears,
  parseEntry,
} from "./holiday-file.ts";
import {
  assertIsoDate,
  dayNumber,
  fromDayNumber,
  isWeekend,
  weekdayName,
  yearOf,
} from "./iso-dates.ts";
import { inLieuName, LUNAR_RANGE, statutoryHolidays } from "./statutory-holidays.ts";

/** What a day is: an ordinary workday, a weekend day, a holiday or a make-up workday (调休上班). */
export type DayKind = "workday" | "weekend" | "holiday" | "makeUpWorkday";

/** One day of the working calendar, described for people: its kind, its name and festival. */
export interface DayDescription {
  date: IsoDate;
  weekday: Bilingual;
  kind: DayKind;
  working: boolean;
  /** The holiday's name, "调休上班" for a make-up working day, null for an ordinary day. */
  name: Bilingual | null;
  /** The festival a holiday or make-up working day belongs to. */
  festival: Bilingual | null;
  /** From the statutory fallback, not a published arrangement. */
  provisional: boolean;
}

/**
 * Where a year's days come from: the package's published data, a loaded holiday file, or the
 * statutory rules (provisional).
 */
export type YearSource = "package" | "file" | "statutory";

/** China's working days: published arrangements where there are, the statutory rules elsewhere. */
export interface WorkingCalendar {
  /** Whether people work on `date` (weekdays and make-up workdays, not holidays). */
  isWorkingDay(date: IsoDate): boolean;
  /** What `date` is, for people: workday, weekend, holiday or make-up workday, and its name. */
  describe(date: IsoDate): DayDescription;
  /** The n-th working day after `date` (the day itself is not counted); n < 0 counts back. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days d with a < d ≤ b; when b is before a, minus those with b < d ≤ a (so
   * workingDaysBetween(a, addWorkingDays(a, n)) = n for n ≥ 0).
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** True when the year's arrangement is not published: its days are computed. */
  isProvisional(year: number): boolean;
  /** Where a year's days come from. */
  sourceOf(year: number): YearSource;
  /** The years with a published arrangement (package or loaded file), ascending. */
  publishedYears(): number[];
}

/** Options of `createWorkingCalendar`: holiday files to add to the package's years. */
export interface WorkingCalendarOptions {
  /** Arrangements loaded from holiday files; later ones win over earlier ones and the package. */
  extraYears?: readonly HolidayFile[];
}

type Special = { kind: "holiday" | "makeUpWorkday"; name: Bilingual; festival: Bilingual };
type YearTable = { source: YearSource; days: Map<IsoDate, Special> };

const MAKE_UP: Bilingual = { zh: "调休上班", en: "make-up working day" };

const addFile = (
  dates: Map<IsoDate, Special>,
  file: HolidayFile,
  keep: (date: IsoDate) => boolean,
) => {
  for (const [date, value] of Object.entries(file.holidays))
    if (keep(date)) {
      const { name } = parseEntry(value);
      dates.set(date, { kind: "holiday", name, festival: name });
    }
  for (const [date, value] of Object.entries(file.workdays))
    if (keep(date))
      dates.set(date, { kind: "makeUpWorkday", name: MAKE_UP, festival: parseEntry(value).name });
};

/** Creates the working calendar from the package's published years and any holiday files given. */
export const createWorkingCalendar = (options: WorkingCalendarOptions = {}): WorkingCalendar => {
  const files = [chineseDaysData as HolidayFile, ...(options.extraYears ?? [])].map((f, i) => {
    if (i === 0) return f;
    const parsed = holidayFileSchema.safeParse(f);
    if (!parsed.success)
      throw new TypeError(
        `holiday file ${i} is invalid: ${parsed.error.issues[0]?.message} / 第 ${i} 个假日文件无效（请先用 parseHolidayFile 检查）`,
      );
    return parsed.data;
  });

  // Each year belongs to the last file that covers it; every listed date is applied, later
  // files over earlier ones (so a New Year bridge from next year's notice is kept).
  const owner = new Map<number, number>();
  files.forEach((f, i) => {
    for (const y of holidayFileYears(f)) owner.set(y, i);
  });
  const explicit = new Map<IsoDate, Special>();
  files.forEach((f, i) => {
    addFile(explicit, f, (date) => {
      const o = owner.get(yearOf(date));
      return o === undefined || o === i || (o < i && date.slice(5, 7) === "12");
    });
  });

  const tables = new Map<number, YearTable>();
  const table = (year: number): YearTable => {
    let t = tables.get(year);
    if (t) return t;
    const o = owner.get(year);
    const days = new Map<IsoDate, Special>();
    // Beyond the lunar tables (after 2100) only weekends are off: still provisional, no crash.
    if (o === undefined && year >= LUNAR_RANGE.from && year <= LUNAR_RANGE.to)
      for (const s of statutoryHolidays(year))
        days.set(s.date, {
          kind: "holiday",
          name: s.inLieu ? inLieuName(s.festival) : s.festival,
          festival: s.festival,
        });
    const prefix = `${year}-`;
    for (const [date, s] of explicit) if (date.startsWith(prefix)) days.set(date, s);
    t = { source: o === undefined ? "statutory" : o === 0 ? "package" : "file", days };
    tables.set(year, t);
    return t;
  };

  const describe = (date: IsoDate): DayDescription => {
    assertIsoDate(date);
    const t = table(yearOf(date));
    const s = t.days.get(date);
    const weekend = isWeekend(date);
    const kind: DayKind = s ? s.kind : weekend ? "weekend" : "workday";
    return {
      date,
      weekday: weekdayName(date),
      kind,
      working: kind === "workday" || kind === "makeUpWorkday",
      name: s ? s.name : null,
      festival: s ? s.festival : null,
      provisional: t.source === "statutory",
    };
  };

  // Per year: a flag per day and running counts of working days, built once, so that a
  // due date or a count of days left is array look-ups instead of a walk over date strings.
  type YearIndex = { start: number; flags: Uint8Array; before: Int32Array; total: number };
  const indexes = new Map<number, YearIndex>();
  const yearIndex = (year: number): YearIndex => {
    let ix = indexes.get(year);
    if (ix) return ix;
    const { days } = table(year);
    const start = dayNumber(`${String(year).padStart(4, "0")}-01-01`);
    const length = dayNumber(`${String(year + 1).padStart(4, "0")}-01-01`) - start;
    const flags = new Uint8Array(length);
    const before = new Int32Array(length + 1); // before[i] = working days among the first i
    for (let i = 0; i < length; i++) {
      const weekday = (((start + i + 4) % 7) + 7) % 7;
      flags[i] = weekday === 0 || weekday === 6 ? 0 : 1;
      before[i + 1] = before[i]! + flags[i]!;
    }
    for (const [date, special] of days) {
      const i = dayNumber(date) - start;
      flags[i] = special.kind === "makeUpWorkday" ? 1 : 0;
    }
    for (let i = 0; i < length; i++) before[i + 1] = before[i]! + flags[i]!;
    ix = { start, flags, before, total: before[length]! };
    indexes.set(year, ix);
    return ix;
  };
  const yearOfDay = (n: number) => yearOf(fromDayNumber(n));
  let recent: YearIndex | undefined; // due dates walk within one or two years
  const workingByNumber = (n: number): boolean => {
    if (!recent || n < recent.start || n >= recent.start + recent.flags.length)
      recent = yearIndex(yearOfDay(n));
    return recent.flags[n - recent.start] === 1;
  };
  /** Working days d with d ≤ n, counted from the start of `base`'s year. */
  const runningCount = (n: number, baseYear: number): number => {
    const year = yearOfDay(n);
    let count = 0;
    for (let y = baseYear; y < year; y++) count += yearIndex(y).total;
    const ix = yearIndex(year);
    return count + ix.before[n - ix.start + 1]!;
  };

  const isWorkingDay = (date: IsoDate): boolean => {
    assertIsoDate(date);
    return workingByNumber(dayNumber(date));
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    assertIsoDate(date);
    if (!Number.isInteger(n))
      throw new RangeError(`working days must be a whole number, got ${n} / 工作日数应为整数`);
    const step = n < 0 ? -1 : 1;
    let d = dayNumber(date);
    for (let left = Math.abs(n); left > 0; ) {
      d += step;
      if (workingByNumber(d)) left--;
    }
    return fromDayNumber(d);
  };

  const workingDaysBetween = (a: IsoDate, b: IsoDate): number => {
    assertIsoDate(a);
    assertIsoDate(b);
    const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    const base = yearOf(from);
    const count = runningCount(dayNumber(to), base) - runningCount(dayNumber(from), base);
    return sign * count || 0; // no -0
  };

  return {
    isWorkingDay,
    describe,
    addWorkingDays,
    workingDaysBetween,
    isProvisional: (year) => !owner.has(year),
    sourceOf: (year) => {
      const o = owner.get(year);
      return o === undefined ? "statutory" : o === 0 ? "package" : "file";
    },
    publishedYears: () => [...owner.keys()].sort((a, b) => a - b),
  };
};
