// Chat input comes from phone keyboards: full-width digits and punctuation, ideographic spaces,
// stray zero-width characters. Everything the parsers read goes through `normalize` first.

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;

/** Full-width ASCII (Ｕ+FF01–FF5E) to ASCII, ideographic space to space, zero-width removed. */
export const toHalfWidth = (s: string): string =>
  s
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\u3000/g, " ")
    .replace(/[\uff01-\uff5e]/g, (c) => {
      const code = c.charCodeAt(0);
      return code >= FULL_WIDTH_START && code <= FULL_WIDTH_END
        ? String.fromCharCode(code - 0xfee0)
        : c;
    });

/** Half-width, trimmed, runs of white space (and Chinese list commas) collapsed to one space. */
export const normalize = (s: string): string =>
  toHalfWidth(s)
    .replace(/[、，,;；]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Tokens of a normalized command line. */
export const tokens = (s: string): string[] => {
  const n = normalize(s);
  return n === "" ? [] : n.split(" ");
};

/** A positive application number ("12", "第12号", "#12", "No.12"), or undefined. */
export const parseNumber = (token: string): number | undefined => {
  const m = /^(?:第|#|no\.?)?\s*(\d{1,9})\s*号?$/i.exec(toHalfWidth(token).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
};
