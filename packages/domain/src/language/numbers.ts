// Application numbers (第3号, 3号件, No.3, #3, 编号3, 十二号), years (2025年, 今年), amounts
// (50元, 五十块) and working days (20个工作日), each cut from the message as read.
import { cut, type Scratch } from "./normalize.ts";
import { CN_NUMERAL, chineseNumber } from "./numerals.ts";

const N = `(\\d{1,9}|[${CN_NUMERAL}]{1,3})`;

/** Whether a text has a digit or a Chinese numeral at all (most of the patterns need one). */
export const HAS_NUMERAL = new RegExp(`[\\d${CN_NUMERAL}]`);

/** An application number read; `bare`: written N号 alone, which may also be a day (3号). */
export type NumberHit = { start: number; end: number; value: number; bare: boolean };

const MARKED = new RegExp(
  `(?:第 ?${N} ?(?:号|件)(?:件|申请)?|第 ?(\\d{1,9})(?![\\d.\\u4e00-\\u9fff])|(?:no\\.?|#|编号|序号) ?(\\d{1,9})(?: ?号)?(?:件)?|${N} ?号(?:件|申请))`,
  "g",
);
const BARE = new RegExp(`(?<![\\d.])${N} ?号(?!件)`, "g");

const collect = (s: Scratch, re: RegExp, bare: boolean, out: NumberHit[]) => {
  re.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let m = re.exec(s.low); m; m = re.exec(s.low)) found.push(m);
  for (const m of found) {
    const raw = m[1] ?? m[2] ?? m[3] ?? m[4];
    const value = raw === undefined ? undefined : chineseNumber(raw);
    if (value === undefined || value < 1) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value, bare });
    cut(s, m.index, m.index + m[0].length);
  }
};

/** Whether the message names an application by a marked number (第3号, 3号件, No.3). */
export const hasMarkedNumber = (s: Scratch): boolean => {
  MARKED.lastIndex = 0;
  return MARKED.test(s.low);
};

/** Every application number in the message. */
export const takeNumbers = (s: Scratch): NumberHit[] => {
  const out: NumberHit[] = [];
  if (!HAS_NUMERAL.test(s.low)) return out;
  collect(s, MARKED, false, out);
  collect(s, BARE, true, out);
  return out.sort((a, b) => a.start - b.start);
};

/** A number standing alone ("办结 12 予以公开": the command grammar). */
export const takeLoneNumber = (s: Scratch): number | undefined => {
  const m = /(?<![\d.])(\d{1,9})(?![\d.%元块])/.exec(s.low);
  if (!m) return undefined;
  cut(s, m.index, m.index + m[0].length);
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
};

/** 2025年 / 2025年度: a year named (the relative ones are words of the lexicon). */
export const takeYear = (s: Scratch): number | undefined => {
  const m = /(?<!\d)(20\d{2}|19\d{2}|21\d{2}) ?年(?:度)?|(?<!\d)(20\d{2})(?!\d)/.exec(s.low);
  if (!m) return undefined;
  cut(s, m.index, m.index + m[0].length);
  return Number(m[1] ?? m[2]);
};

/** An amount of money in yuan: 50元, 50.5元, 五十元, 50块, ¥50. */
const AMOUNT = new RegExp(
  `(?:[¥￥] ?(\\d{1,9}(?:\\.\\d{1,2})?))|(?:(\\d{1,9}(?:\\.\\d{1,2})?)|([${CN_NUMERAL}]{1,3})) ?(?:元|块钱|块|rmb|yuan)`,
);
export const takeAmount = (s: Scratch): number | undefined => {
  if (!/[元块¥￥]|rmb|yuan/.test(s.low)) return undefined;
  const m = AMOUNT.exec(s.low);
  if (!m) return undefined;
  cut(s, m.index, m.index + m[0].length);
  return m[3] !== undefined ? chineseNumber(m[3]) : Number(m[1] ?? m[2]);
};

/** 20个工作日 / 15天: the days an extension gives. */
const WORKING_DAYS = new RegExp(`${N} ?(?:个)? ?(?:工作日|天)`);
export const takeWorkingDays = (s: Scratch): number | undefined => {
  const m = WORKING_DAYS.exec(s.low);
  if (!m) return undefined;
  cut(s, m.index, m.index + m[0].length);
  return chineseNumber(m[1]!);
};
