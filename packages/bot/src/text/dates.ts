// Dates as staff type them: 2026-11-20, 2026/11/20, 2026年11月20日, 11月20日, 11-20, 今天, 昨天,
// 前天. The clock is not read here: `today` is passed in, so the parser is pure.
import { type Bilingual, type IsoDate, isoDate } from "@ogi/domain";
import { toHalfWidth } from "./normalize.ts";

export type DateResult = { ok: true; date: IsoDate } | { ok: false; error: Bilingual };

const pad = (n: number) => String(n).padStart(2, "0");

/** `date` shifted by `days` calendar days. */
export const addDays = (date: IsoDate, days: number): IsoDate => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// A Map, not an object: typed text such as "__proto__" or "constructor" must not match.
const RELATIVE = new Map<string, number>([
  ["今天", 0],
  ["今日", 0],
  ["today", 0],
  ["昨天", -1],
  ["昨日", -1],
  ["yesterday", -1],
  ["前天", -2],
]);

const invalid = (input: string): DateResult => ({
  ok: false,
  error: {
    zh: `“${input}”不是有效日期，请写成 2026-11-20、11月20日、今天或昨天`,
    en: `"${input}" is not a valid date: write 2026-11-20, 11月20日, today or yesterday`,
  },
});

/** Whether `token` looks like a date at all (so a shortcut parser knows it is meant as one). */
export const looksLikeDate = (token: string): boolean => {
  const s = toHalfWidth(token).trim().toLowerCase();
  return (
    RELATIVE.has(s) ||
    /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(s) ||
    /^\d{1,2}月\d{1,2}[日号]?$/.test(s) ||
    /^\d{8}$/.test(s)
  );
};

/**
 * Parses a typed date relative to `today`. A date without a year is in `today`'s year.
 * Dates after `today` are refused: nothing in the register happens in the future.
 */
export const parseDate = (input: string, today: IsoDate): DateResult => {
  const s = toHalfWidth(input).trim().toLowerCase();
  let candidate: string | undefined;
  const relative = RELATIVE.get(s);
  if (relative !== undefined) candidate = addDays(today, relative);
  else {
    const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    const short = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
    const m = full ?? compact;
    if (m) candidate = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    else if (short)
      candidate = `${today.slice(0, 4)}-${pad(Number(short[1]))}-${pad(Number(short[2]))}`;
  }
  if (candidate === undefined || !isoDate.safeParse(candidate).success) return invalid(input);
  if (candidate > today)
    return {
      ok: false,
      error: {
        zh: `${candidate} 晚于今天（${today}），不能登记将来的日期`,
        en: `${candidate} is after today (${today}); future dates cannot be recorded`,
      },
    };
  return { ok: true, date: candidate };
};

/** 2026-11-20 → "20261120" (callback data) and back. */
export const packDate = (d: IsoDate): string => d.replaceAll("-", "");
export const unpackDate = (s: string): IsoDate | undefined => {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return isoDate.safeParse(d).success ? d : undefined;
};
