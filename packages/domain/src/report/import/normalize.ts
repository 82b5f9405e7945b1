// Text normalization shared by every import path: labels are compared by a "key" that ignores
// width (full-width digits and parentheses), spaces, punctuation and numbering, so that
// "（一） 予以公开", "(一)予以公开" and "1、其他" all match the catalog's verbatim labels.

/** NFKC folds full-width digits, letters and punctuation (０-９, （）, ，) to ASCII. */
export const fold = (s: string): string => s.normalize("NFKC");

// Known misprints in published reports, mapped to the official wording.
const TYPOS: readonly [RegExp, string][] = [[/本年度止件数/g, "本年废止件数"]];

/** Letters, digits and Han characters only, misprints corrected: the comparison key. */
const KEYS = new Map<string, string>();

export const labelKey = (s: string): string => {
  // Labels repeat (every row is compared with every catalog label): computed once each.
  const known = KEYS.get(s);
  if (known !== undefined) return known;
  let t = fold(s);
  for (const [re, to] of TYPOS) t = t.replace(re, to);
  const key = t.replace(/[^\p{L}\p{N}]/gu, "");
  if (s.length <= 200) {
    if (KEYS.size > 20_000) KEYS.clear();
    KEYS.set(s, key);
  }
  return key;
};

const NUMBERING =
  /^\s*(?:[(]\s*[一二三四五六七八九十]{1,3}\s*[)]|[一二三四五六七八九十]{1,3}\s*[、.．,]|\d{1,2}\s*[.、．,)](?!\d)|[(]\s*\d{1,2}\s*[)])\s*/;

/** The label without its leading numbering ("（一）", "1.", "1、", "三、"). */
export const stripNumbering = (s: string): string => fold(s).replace(NUMBERING, "");

/** The numbering at the start of a label, folded ("(一)", "1.", "三、"), or "". */
export const numberingOf = (s: string): string => fold(s).match(NUMBERING)?.[0]?.trim() ?? "";

/** Key of a label without its numbering. */
export const coreKey = (s: string): string => labelKey(stripNumbering(s));

export type CellValue =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "dash"; text: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const DASHES = new Set(["/", "\\", "-", "--", "—", "——", "–", "－", "无", "空", "x", "X", "×"]);
const UNITS = /\s*(?:件|个|条|项|次|元|万元)$/;

/**
 * Reads a table cell: a number (full-width digits, thousands separators "3,119" / "3，119",
 * a trailing unit), a dash or "/" (an explicitly empty cell), a blank, or null when the cell is
 * text (a label).
 */
export const readCell = (raw: string): CellValue | null => {
  // "50 3" is two numbers run together, never 503: such a cell is not read as a number.
  if (/\d[\s\u00a0\u3000]+[\d０-９]|[０-９][\s\u00a0\u3000]+[\d０-９]/.test(raw)) return null;
  const t = fold(raw).replace(/[\s\u00a0\u3000]+/g, "");
  if (t === "") return { kind: "blank" };
  if (DASHES.has(t)) return { kind: "dash", text: raw.trim() };
  const n = t.replace(UNITS, "");
  if (NUMBER.test(n)) {
    const value = Number(n.replace(/,/g, ""));
    if (Number.isFinite(value)) return { kind: "number", value };
  }
  return null;
};

/** Parses a number written in prose ("3,940", "３９４０", "96171.6"); null when it is not one. */
export const readNumber = (raw: string): number | null => {
  const c = readCell(raw);
  return c?.kind === "number" ? c.value : null;
};

// East Asian wide and full-width ranges (Hangul Jamo, CJK and punctuation, Hangul syllables,
// compatibility ideographs, vertical forms, full-width forms, supplementary ideographs).
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

/** Display width in half-width columns: Han characters and full-width punctuation count 2. */
export const displayWidth = (s: string): number => {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x1100) {
      w++;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      c = s.codePointAt(i)!;
      i++;
    }
    w += WIDE_RANGES.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
  }
  return w;
};

/** Characters that end a sentence (and so may end a paragraph). */
export const endsSentence = (s: string): boolean => /[。！？；：:!?;.…]["”’」』）)]*\s*$/.test(s);

/** Joins two pieces of wrapped text: no space between Han characters, one between words. */
export const joinWrapped = (a: string, b: string): string => {
  if (a === "") return b;
  if (b === "") return a;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
};

/** A line without Markdown heading marks, emphasis, or backslash escapes. */
export const stripMarkup = (s: string): string =>
  s
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .trim();
