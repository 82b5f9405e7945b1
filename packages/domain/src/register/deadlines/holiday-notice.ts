// The State Council's yearly notice (国务院办公厅关于 Y 年部分节假日安排的通知) as published, read
// into a holiday file (issue 19): an admin pastes the notice's paragraphs, checks the summary,
// and loads the file through the usual path (`ogi calendar notice`, POST /v1/calendar/holidays).
// Each paragraph reads like 「七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、
// 10月10日（周六）上班。」 Every date's weekday in brackets and every 「共N天」 are checked, so a
// notice of another year or a mistyped day is refused rather than loaded.
import type { Bilingual } from "../../report/catalog.ts";
import { type HolidayFile, parseHolidayFile } from "./holiday-file.ts";
import { addDays, isIsoDate, weekdayOf } from "./iso-dates.ts";

/** The festivals' names as chinese-days writes them, and their statutory days (2025 revision). */
const FESTIVALS: readonly { match: RegExp; en: string; zh: string; days: number }[] = [
  { match: /^元旦/, en: "New Year's Day", zh: "元旦", days: 1 },
  { match: /^春节/, en: "Spring Festival", zh: "春节", days: 4 },
  { match: /^清明/, en: "Tomb-sweeping Day", zh: "清明", days: 1 },
  { match: /^劳动节|^五一/, en: "Labour Day", zh: "劳动节", days: 2 },
  { match: /^端午/, en: "Dragon Boat Festival", zh: "端午", days: 1 },
  { match: /^中秋/, en: "Mid-autumn Festival", zh: "中秋", days: 1 },
  { match: /^国庆/, en: "National Day", zh: "国庆节", days: 3 },
];

const WEEKDAY = "日一二三四五六";
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）|\(([^)]*)\))?/g;

/** One paragraph of a State Council holiday notice as read: the festival, its days off and its make-up working days. */
export type NoticeParagraph = {
  festival: Bilingual;
  holidays: string[];
  workdays: string[];
};

/** A notice read into a year's holidays and make-up days, or the reasons it could not be (bilingual). */
export type ParseHolidayNoticeResult =
  | { ok: true; file: HolidayFile; paragraphs: NoticeParagraph[]; summary: Bilingual[] }
  | { ok: false; errors: Bilingual[] };

const pad = (n: number) => String(n).padStart(2, "0");

type Found = { date: string; index: number; end: number };

/** The dates of a stretch of text, month carried over from the previous date ("至7日"). */
const datesIn = (text: string, year: number, errors: Bilingual[], festival: string): Found[] => {
  const out: Found[] = [];
  let month: number | null = null;
  let y = year;
  for (const m of text.matchAll(DATE)) {
    if (m[1]) y = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    if (month === null) continue;
    // 元旦 of year Y may start on 12-31 of Y − 1 (written without the year).
    const yy = !m[1] && month === 12 && festival === "元旦" ? year - 1 : y;
    const date = `${yy}-${pad(month)}-${pad(Number(m[3]))}`;
    if (!isIsoDate(date)) {
      errors.push({
        zh: `${festival}：日期不存在：${m[0]}`,
        en: `${festival}: no such date: ${m[0]}`,
      });
      continue;
    }
    const bracket = m[4] ?? m[5] ?? "";
    const w = /周([日一二三四五六天])|星期([日一二三四五六天])/.exec(bracket);
    if (w) {
      const day = (w[1] ?? w[2])!.replace("天", "日");
      if (WEEKDAY.indexOf(day) !== weekdayOf(date))
        errors.push({
          zh: `${festival}：${m[0]} 与 ${year} 年的星期不符（${date} 是星期${WEEKDAY[weekdayOf(date)]}）`,
          en: `${festival}: ${m[0]} does not match the weekday in ${year} (${date} is a ${["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][weekdayOf(date)]})`,
        });
    }
    out.push({ date, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
};

/**
 * Reads the paragraphs of a State Council holiday notice for `year`. Paragraphs start with a
 * numeral (「一、」) or a line break; each names its festival before 「：」.
 */
export const parseHolidayNotice = (text: string, year: number): ParseHolidayNoticeResult => {
  const errors: Bilingual[] = [];
  const paragraphs: NoticeParagraph[] = [];
  const holidays: Record<string, string> = {};
  const workdays: Record<string, string> = {};
  const normalized = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ \t\u3000]+/g, "");
  const parts = normalized
    // A paragraph starts a line or follows a full stop (「二十八、周日」 inside brackets does not).
    .split(/\n+|(?<=。)(?=[一二三四五六七八九十]+、)/)
    .map((p) => p.replace(/^[一二三四五六七八九十]+、/, "").trim())
    .filter((p) => p.length > 0);
  for (const part of parts) {
    const colon = part.search(/[：:]/);
    if (colon < 0) continue;
    const name = part.slice(0, colon);
    const festivals = name.split(/[、，,]/).map((n) => FESTIVALS.find((f) => f.match.test(n)));
    const festival = festivals[0];
    if (!festival) continue; // the notice's preamble and closing paragraph
    const body = part.slice(colon + 1);
    const off = body.search(/放假/);
    if (off < 0) {
      errors.push({ zh: `${name}：没有“放假”`, en: `${name}: no days off found` });
      continue;
    }
    const dates = datesIn(body, year, errors, festival.zh);
    const before = dates.filter((d) => d.end <= off);
    let days: string[] = [];
    if (before.length === 1) days = [before[0]!.date];
    else if (
      before.length >= 2 &&
      /至|—|-|～|~/.test(body.slice(before[0]!.end, before[1]!.index))
    ) {
      for (let d = before[0]!.date; d <= before[1]!.date; d = addDays(d, 1)) days.push(d);
    } else days = before.map((d) => d.date);
    const total = /共(\d+)天|放假(\d+)天/.exec(body);
    const stated = total ? Number(total[1] ?? total[2]) : null;
    if (stated !== null && stated !== days.length)
      errors.push({
        zh: `${name}：放假 ${days[0] ?? "?"} 至 ${days.at(-1) ?? "?"} 是 ${days.length} 天，通知写“共${stated}天”`,
        en: `${name}: ${days[0] ?? "?"} to ${days.at(-1) ?? "?"} is ${days.length} days, the notice says ${stated}`,
      });
    // Make-up working days: the dates of the sentence that ends in 上班.
    const work = body.search(/上班/);
    const worked =
      work < 0 ? [] : dates.filter((d) => d.index > off && d.end <= work).map((d) => d.date);
    const label = `${festival.en},${festival.zh},${festival.days}`;
    for (const d of days) holidays[d] = label;
    for (const d of worked) workdays[d] = label;
    paragraphs.push({
      festival: { zh: festival.zh, en: festival.en },
      holidays: days,
      workdays: worked,
    });
  }
  if (paragraphs.length === 0)
    errors.push({
      zh: "没有读到任何节日段落（应形如“一、元旦：1月1日放假……”）",
      en: "No festival paragraph found (expected like 「一、元旦：1月1日放假……」)",
    });
  if (errors.length > 0) return { ok: false, errors };
  const file = { holidays, workdays };
  const checked = parseHolidayFile(file);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const span = (ds: string[]) =>
    ds.length === 0
      ? ""
      : ds.length === 1
        ? ds[0]!.slice(5)
        : `${ds[0]!.slice(5)} 至 ${ds.at(-1)!.slice(5)}`;
  const summary = paragraphs.map((p) => ({
    zh: `${p.festival.zh}：${span(p.holidays)} 放假，共 ${p.holidays.length} 天${p.workdays.length ? `；${p.workdays.map((d) => d.slice(5)).join("、")} 上班` : ""}`,
    en: `${p.festival.en}: ${span(p.holidays).replace(" 至 ", " to ")} off, ${p.holidays.length} day(s)${p.workdays.length ? `; ${p.workdays.map((d) => d.slice(5)).join(", ")} worked` : ""}`,
  }));
  return { ok: true, file: checked.file, paragraphs, summary };
};
