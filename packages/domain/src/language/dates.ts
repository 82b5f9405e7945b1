// Dates in every form clerks write, read against the clerk's `today` (never a clock): 今天,
// 昨天, 前天, 上周五, 本周一, 周三 (weeks start on Monday), 本月3日, 上月28号, 12.1, 12/1,
// 12月1日, 2025-12-01, 2025/12/1, 20251201, 2025年12月1日, 二〇二五年十二月一日. A date without a
// year is in today's year. A date that does not exist, is in the future or is before the
// agency's first day is refused with the reason.
import { addDays, isIsoDate, weekdayOf } from "../register/deadlines/iso-dates.ts";
import type { Bilingual } from "../text.ts";
import { cut, type Scratch } from "./normalize.ts";
import { HAS_NUMERAL } from "./numbers.ts";
import { CN_NUMERAL, chineseNumber, chineseYear } from "./numerals.ts";
import type { IsoDay, ReadContext } from "./types.ts";

export type DateResult = { ok: true; date: IsoDay } | { ok: false; reason: Bilingual };

/** A date read in a message: where it was and what it is. */
export type DateHit = {
  start: number;
  end: number;
  result: DateResult;
  /** 延期到12月30日, 截止12月30日: a day to come that is named, not the day it happened. */
  until?: true;
};

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const N = `(\\d{1,2}|[${CN_NUMERAL}]{1,3})`;
const Y = "(\\d{4}|[〇零○一二三四五六七八九]{4})";

const invalid = (what: string): DateResult => ({
  ok: false,
  reason: {
    zh: `“${what}”不是有效日期，请写成 2026-11-20、11月20日、12.1、今天或上周五`,
    en: `"${what}" is not a valid date: write 2026-11-20, 11月20日, 12.1, 今天 (today) or 上周五 (last Friday)`,
  },
});

/** The date checked against today and the agency's first day. */
export const checkDate = (date: IsoDay, what: string, ctx: ReadContext): DateResult => {
  if (!isIsoDate(date) || date < "2000-01-01" || date > "2100-12-31") return invalid(what);
  if (date > ctx.today)
    return {
      ok: false,
      reason: {
        zh: `“${what}”是 ${date}，晚于今天（${ctx.today}），不能登记将来的日期`,
        en: `"${what}" is ${date}, after today (${ctx.today}): a future date cannot be recorded`,
      },
    };
  if (ctx.earliest !== undefined && date < ctx.earliest)
    return {
      ok: false,
      reason: {
        zh: `“${what}”是 ${date}，早于本机关登记簿的第一天（${ctx.earliest}）`,
        en: `"${what}" is ${date}, before the agency's first day in the register (${ctx.earliest})`,
      },
    };
  return { ok: true, date };
};

const ymd = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;

const WEEKDAY: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
};

/** The Monday of the week `date` is in (weeks start on Monday). */
export const mondayOf = (date: IsoDay): IsoDay => addDays(date, -((weekdayOf(date) + 6) % 7));

const RELATIVE: Record<string, number> = {
  今天: 0,
  今日: 0,
  today: 0,
  昨天: -1,
  昨日: -1,
  yesterday: -1,
  前天: -2,
  大前天: -3,
  明天: 1,
  后天: 2,
  tomorrow: 1,
};

type Pattern = {
  re: RegExp;
  date: (m: RegExpExecArray, ctx: ReadContext) => IsoDay | undefined;
  /** The pattern needs a digit or a Chinese numeral. */
  numeral?: true;
};

const monthOffset = (today: IsoDay, months: number, day: number): IsoDay | undefined => {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) + months;
  if (m < 1) {
    m += 12;
    y -= 1;
  }
  return ymd(y, m, day);
};

const num = (s: string | undefined) => (s === undefined ? undefined : chineseNumber(s));

// Longest forms first: once read, a date is cut out so its parts are not read again.
const PATTERNS: Pattern[] = [
  {
    numeral: true,
    re: new RegExp(`${Y} ?年 ?${N} ?月 ?${N} ?[日号]?`, "g"),
    date: (m) => {
      const [y, mo, d] = [chineseYear(m[1]!), num(m[2]), num(m[3])];
      return y && mo && d ? ymd(y, mo, d) : undefined;
    },
  },
  {
    numeral: true,
    re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g,
    date: (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    numeral: true,
    re: /(?<![\d.])(20\d{2})(\d{2})(\d{2})(?![\d.])/g,
    date: (m) => ymd(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    numeral: true,
    re: new RegExp(`(本月|这个月|上个月|上月) ?${N} ?[日号]`, "g"),
    date: (m, ctx) => {
      const d = num(m[2]);
      return d ? monthOffset(ctx.today, m[1]!.startsWith("上") ? -1 : 0, d) : undefined;
    },
  },
  {
    numeral: true,
    re: new RegExp(`${N} ?月 ?${N} ?[日号]?`, "g"),
    date: (m, ctx) => {
      const [mo, d] = [num(m[1]), num(m[2])];
      return mo && d ? ymd(Number(ctx.today.slice(0, 4)), mo, d) : undefined;
    },
  },
  {
    // 12.1, 12/1; not No.3, not 12.5元 or a version 1.2.3.
    numeral: true,
    re: /(?<![\d./#a-z])(\d{1,2})[./](\d{1,2})(?![\d./%元块万])/g,
    date: (m, ctx) => ymd(Number(ctx.today.slice(0, 4)), Number(m[1]), Number(m[2])),
  },
  {
    re: /大前天|今天|今日|昨天|昨日|前天|明天|后天|today|yesterday|tomorrow/g,
    date: (m, ctx) => addDays(ctx.today, RELATIVE[m[0]]!),
  },
  {
    re: /(上上个?|上个?|本|这个?|下个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    date: (m, ctx) => {
      const which = m[1] ?? "本";
      const weeks = which.startsWith("上上")
        ? -2
        : which.startsWith("上")
          ? -1
          : which.startsWith("下")
            ? 1
            : 0;
      return addDays(mondayOf(ctx.today), weeks * 7 + WEEKDAY[m[2]!]! - 1);
    },
  },
];

const UNTIL = /(?:到|至|截止|截至|期限)(?:于)? ?$/;

/** Every date in the message, cut out of it as read. */
export const takeDates = (s: Scratch, ctx: ReadContext): DateHit[] => {
  const hits: DateHit[] = [];
  const numerals = HAS_NUMERAL.test(s.low);
  for (const p of PATTERNS) {
    if (p.numeral && !numerals) continue;
    p.re.lastIndex = 0;
    const found: RegExpExecArray[] = [];
    for (let m = p.re.exec(s.low); m; m = p.re.exec(s.low)) found.push(m);
    for (const m of found) {
      const what = s.text.slice(m.index, m.index + m[0].length).trim();
      const date = p.date(m, ctx);
      const hit: DateHit = {
        start: m.index,
        end: m.index + m[0].length,
        result: date === undefined ? invalid(what) : checkDate(date, what, ctx),
      };
      if (UNTIL.test(s.low.slice(Math.max(0, m.index - 3), m.index))) hit.until = true;
      hits.push(hit);
      cut(s, m.index, m.index + m[0].length);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
};

/** Day `day` of today's month (3号 in a receipt), checked like any date. */
export const dayOfThisMonth = (day: number, what: string, ctx: ReadContext): DateResult =>
  checkDate(monthOffset(ctx.today, 0, day)!, what, ctx);
