// Chat input from phone keyboards: full-width digits and letters, ideographic spaces, invisible
// characters. A message is prepared once: `text` keeps the clerk's spelling (names, subjects),
// `low` is the same text with ASCII letters in lower case, position for position, so a word
// found in one is cut from the other.

/** Messages longer than this are not read (a clerk's message is a line or two). */
export const MAX_MESSAGE_LENGTH = 500;

/** A character that stands where a word was read, so what is left is not read twice. */
export const MASK = "\u0001";

/** Full-width ASCII to ASCII, ideographic space to space, invisible characters removed. */
export const toHalfWidth = (s: string): string =>
  s
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, "")
    .replace(/[\u3000\u00a0\t\r\n]/g, " ")
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Half-width, runs of spaces collapsed, trimmed. */
export const normalize = (s: string): string => toHalfWidth(s).replace(/ {2,}/g, " ").trim();

/** Lower case of the ASCII letters only: the length and positions do not change. */
export const lowerAscii = (s: string): string =>
  s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** A message being read: the text, its lower-case twin, both masked as words are read. */
export type Scratch = { text: string; low: string };

export const prepare = (raw: string): Scratch => {
  const text = normalize(raw);
  return { text, low: lowerAscii(text) };
};

/** Replaces [start, end) by the mask in both texts. */
export const cut = (s: Scratch, start: number, end: number): void => {
  const m = MASK.repeat(end - start);
  s.text = s.text.slice(0, start) + m + s.text.slice(end);
  s.low = s.low.slice(0, start) + m + s.low.slice(end);
};

/** The text left after the masks, with the masks and stray punctuation as spaces, trimmed. */
export const leftover = (s: string): string =>
  s
    .replaceAll(MASK, " ")
    .replace(/[,，。.;；:：!！?？、"“”'‘’()（）【】[\]《》<>]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
