// Numbers as clerks write them: digits (already half-width) or Chinese numerals up to 99
// (十二, 二十一, 廿三, 两), and a year written digit by digit (二〇二五).

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  "○": 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The characters a Chinese numeral is written with, for patterns. */
export const CN_NUMERAL = "零〇○一二两三四五六七八九十廿";

/** 十二 → 12, 二十 → 20, 九十九 → 99, 廿一 → 21, 7 → 7; undefined if it is not one (or ≥ 100). */
export const chineseNumber = (s: string): number | undefined => {
  if (/^\d{1,9}$/.test(s)) return Number(s);
  if (s.length === 0 || s.length > 3) return undefined;
  if (s.length === 1) return s === "十" ? 10 : s === "廿" ? 20 : DIGITS[s];
  const m = /^([一二两三四五六七八九]?)(十|廿)([一二三四五六七八九]?)$/.exec(s);
  if (!m) return undefined;
  if (m[2] === "廿") return m[1] ? undefined : 20 + (m[3] ? DIGITS[m[3]]! : 0);
  const tens = m[1] ? DIGITS[m[1]]! : 1;
  return tens * 10 + (m[3] ? DIGITS[m[3]]! : 0);
};

/** 二〇二五 → 2025 (a year written digit by digit); undefined otherwise. */
export const chineseYear = (s: string): number | undefined => {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (s.length !== 4) return undefined;
  let n = 0;
  for (const c of s) {
    const d = DIGITS[c];
    if (d === undefined || c === "两") return undefined;
    n = n * 10 + d;
  }
  return n;
};
