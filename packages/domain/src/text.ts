// The small shared words of every package: the two languages, a text in both, HTML escaping,
// today's date in a time zone, and the shapes of agency and region codes. Each exists once here.

/** The two languages of every user-facing text: Chinese first, English second. */
export type Lang = "zh" | "en";

/** A text in both languages. */
export type Bilingual = { zh: string; en: string };

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Text safe inside HTML elements and attributes (Telegram's HTML mode reads the same entities). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The agencies' time zone: deadlines are counted in China's dates. */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The date (YYYY-MM-DD) it is at `now` in `timeZone` (China's unless told). */
export const todayIn = (now: Date, timeZone: string = CHINA_TIME_ZONE): string => {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
};

/** An agency's code: lower-case letters, digits and dashes, e.g. 411421-gxkj. */
export const AGENCY_CODE_PATTERN = /^[0-9a-z][0-9a-z-]{1,63}$/;
/** A region's code: the digits of an administrative division, e.g. 411421. */
export const REGION_CODE_PATTERN = /^\d{2,12}$/;
