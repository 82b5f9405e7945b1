// The working-day calendar: published arrangements (chinese-days), loaded holiday files, and
// the statutory fallback computed from the lunar calendar.
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import {
  createWorkingCalendar,
  type HolidayFile,
  parseHolidayFile,
  qingmingDay,
  solarFromLunar,
  statutoryHolidays,
} from "../src/register/deadlines/index.ts";

const calendar = createWorkingCalendar();

describe("published years (chinese-days)", () => {
  it("knows 2004–2026 and nothing later", () => {
    expect(calendar.publishedYears()).toContain(2004);
    expect(calendar.publishedYears()).toContain(2026);
    expect(calendar.isProvisional(2025)).toBe(false);
    expect(calendar.isProvisional(2031)).toBe(true);
    expect(calendar.sourceOf(2026)).toBe("package");
    expect(calendar.sourceOf(2031)).toBe("statutory");
  });

  it("counts 调休 weekend days as working days and holidays as not", () => {
    // 2026 国庆: 10-01…07 off, 09-20 (Sun) and 10-10 (Sat) worked
    expect(calendar.isWorkingDay("2026-09-20")).toBe(true);
    expect(calendar.isWorkingDay("2026-10-10")).toBe(true);
    expect(calendar.isWorkingDay("2026-10-11")).toBe(false);
    expect(calendar.isWorkingDay("2026-10-05")).toBe(false);
    expect(calendar.isWorkingDay("2026-10-08")).toBe(true);
    // 2024 春节: 02-04 and 02-18 (Sundays) worked
    expect(calendar.isWorkingDay("2024-02-04")).toBe(true);
    expect(calendar.isWorkingDay("2024-02-18")).toBe(true);
    expect(calendar.isWorkingDay("2024-02-16")).toBe(false);
    // an ordinary weekend and weekday
    expect(calendar.isWorkingDay("2026-03-07")).toBe(false);
    expect(calendar.isWorkingDay("2026-03-09")).toBe(true);
  });

  it("describes a day in Chinese and English", () => {
    expect(calendar.describe("2026-10-10")).toEqual({
      date: "2026-10-10",
      weekday: { zh: "星期六", en: "Saturday" },
      kind: "makeUpWorkday",
      working: true,
      name: { zh: "调休上班", en: "make-up working day" },
      festival: { zh: "国庆节", en: "National Day" },
      provisional: false,
    });
    expect(calendar.describe("2026-10-01")).toMatchObject({
      kind: "holiday",
      working: false,
      name: { zh: "国庆节", en: "National Day" },
      weekday: { zh: "星期四", en: "Thursday" },
    });
    expect(calendar.describe("2025-10-06").name?.zh).toBe("中秋");
    expect(calendar.describe("2026-03-09")).toMatchObject({ kind: "workday", name: null });
    expect(calendar.describe("2026-03-08")).toMatchObject({ kind: "weekend", working: false });
  });

  it("adds and counts working days, the starting day excluded", () => {
    expect(calendar.addWorkingDays("2026-09-28", 5)).toBe("2026-10-10");
    expect(calendar.addWorkingDays("2026-09-28", 0)).toBe("2026-09-28");
    // back from 10-12: 10-10 W, 10-09, 10-08, 09-30, 09-29
    expect(calendar.addWorkingDays("2026-10-12", -5)).toBe("2026-09-29");
    expect(calendar.workingDaysBetween("2026-09-28", "2026-10-10")).toBe(5);
    expect(calendar.workingDaysBetween("2026-10-10", "2026-09-28")).toBe(-5);
    expect(calendar.workingDaysBetween("2026-10-01", "2026-10-07")).toBe(0);
    expect(calendar.workingDaysBetween("2026-10-01", "2026-10-01")).toBe(0);
  });

  it("rejects a date that does not exist, in both languages", () => {
    expect(() => calendar.isWorkingDay("2026-02-30")).toThrow(/YYYY-MM-DD.*日期/);
    expect(() => calendar.addWorkingDays("2026-02-01", 1.5)).toThrow(/整数/);
  });
});

describe("statutory fallback (《全国年节及纪念日放假办法》 2024)", () => {
  it("converts lunar dates: Chinese New Year 2027–2031 and 2033", () => {
    // Well-known dates of 正月初一
    expect(solarFromLunar(2027, 1, 1)).toBe("2027-02-06");
    expect(solarFromLunar(2028, 1, 1)).toBe("2028-01-26");
    expect(solarFromLunar(2029, 1, 1)).toBe("2029-02-13");
    expect(solarFromLunar(2030, 1, 1)).toBe("2030-02-03");
    expect(solarFromLunar(2031, 1, 1)).toBe("2031-01-23");
    // 2033 has a leap 11th month: 端午 and 中秋 come before it
    expect(solarFromLunar(2033, 1, 1)).toBe("2033-01-31");
    expect(() => solarFromLunar(2101, 1, 1)).toThrow(/农历/);
    // a count running past 2100 does not crash: only weekends are off there
    expect(calendar.addWorkingDays("2100-12-30", 3)).toBe("2101-01-04");
    expect(calendar.isProvisional(2101)).toBe(true);
  });

  it("lists 2031's days off with 补假 for those on a weekend, and no 调休", () => {
    const days = statutoryHolidays(2031).map(
      (d) => `${d.date} ${d.festival.zh}${d.inLieu ? " 补假" : ""}`,
    );
    expect(days).toEqual([
      "2031-01-01 元旦",
      "2031-01-22 春节", // 除夕 (Wed)
      "2031-01-23 春节",
      "2031-01-24 春节",
      "2031-01-25 春节", // 初三 is a Saturday …
      "2031-01-27 春节 补假", // … made up on Monday (第六条)
      "2031-04-05 清明", // Saturday
      "2031-04-07 清明 补假",
      "2031-05-01 劳动节",
      "2031-05-02 劳动节",
      "2031-06-24 端午",
      "2031-10-01 中秋、国庆节",
      "2031-10-02 国庆节",
      "2031-10-03 国庆节",
    ]);
    expect(calendar.describe("2031-01-27")).toMatchObject({
      kind: "holiday",
      provisional: true,
      name: { zh: "春节补假", en: "Spring Festival (day off in lieu)" },
    });
  });

  it("agrees with every published arrangement since the 2024 revision (2025, 2026)", () => {
    // Each statutory day (not the 补假, which the State Council may place elsewhere) is a
    // holiday in the published data.
    const published = chineseDaysData.holidays as Record<string, string>;
    for (const year of [2025, 2026])
      for (const d of statutoryHolidays(year).filter((s) => !s.inLieu))
        expect(published[d.date], `${d.date} ${d.festival.zh}`).toBeDefined();
  });

  it("finds 清明 and the lunar festivals of every published year 2008–2026", () => {
    const published = chineseDaysData.holidays as Record<string, string>;
    for (let y = 2008; y <= 2026; y++) {
      expect(published[qingmingDay(y)], `清明 ${y}`).toMatch(/清明/);
      expect(published[solarFromLunar(y, 1, 1)], `春节 ${y}`).toMatch(/春节/);
      expect(published[solarFromLunar(y, 5, 5)] ?? "", `端午 ${y}`).toMatch(/端午|^$/);
    }
    expect(qingmingDay(2026)).toBe("2026-04-05");
    expect(qingmingDay(2024)).toBe("2024-04-04");
  });
});

describe("holiday files", () => {
  const file2031: HolidayFile = {
    holidays: {
      "2031-01-01": "New Year's Day,元旦,1",
      "2031-10-01": "National Day,国庆节,3",
      "2031-10-02": "National Day,国庆节,3",
      "2031-10-03": "National Day,国庆节,3",
      "2031-10-06": "National Day,国庆节,3",
    },
    workdays: { "2031-10-11": "National Day,国庆节,3" },
  };

  it("parses chinese-days' own JSON, and a single year", () => {
    const all = parseHolidayFile(JSON.stringify(chineseDaysData));
    expect(all.ok).toBe(true);
    const one = parseHolidayFile(JSON.stringify(file2031));
    expect(one).toMatchObject({ ok: true, years: [2031] });
  });

  it("a loaded year overrides the fallback and is no longer provisional", () => {
    const loaded = createWorkingCalendar({ extraYears: [file2031] });
    expect(loaded.isProvisional(2031)).toBe(false);
    expect(loaded.sourceOf(2031)).toBe("file");
    expect(loaded.isWorkingDay("2031-10-11")).toBe(true); // Saturday worked
    expect(loaded.isWorkingDay("2031-10-06")).toBe(false);
    // the fallback's 春节 is gone: the notice is the whole arrangement of the year
    expect(loaded.isWorkingDay("2031-01-23")).toBe(true);
    expect(calendar.isWorkingDay("2031-01-23")).toBe(false);
    // other years untouched
    expect(loaded.isProvisional(2030)).toBe(true);
    expect(loaded.isWorkingDay("2026-10-10")).toBe(true);
  });

  it("a loaded file replaces a published year, later files win", () => {
    const fix: HolidayFile = {
      holidays: { "2026-10-08": "National Day,国庆节,3" },
      workdays: {},
    };
    const loaded = createWorkingCalendar({ extraYears: [fix] });
    expect(loaded.isWorkingDay("2026-10-08")).toBe(false);
    expect(loaded.isWorkingDay("2026-10-01")).toBe(true);
    const twice = createWorkingCalendar({
      extraYears: [fix, file2031, { ...fix, holidays: { "2026-10-09": "National Day,国庆节,3" } }],
    });
    expect(twice.isWorkingDay("2026-10-08")).toBe(true);
    expect(twice.isWorkingDay("2026-10-09")).toBe(false);
  });

  it("December dates of a New Year bridge do not make the earlier year published", () => {
    const bridge: HolidayFile = {
      holidays: { "2029-12-31": "New Year's Day,元旦,1", "2030-01-01": "New Year's Day,元旦,1" },
      workdays: { "2029-12-29": "New Year's Day,元旦,1" },
    };
    const parsed = parseHolidayFile(bridge);
    expect(parsed).toMatchObject({ ok: true, years: [2030] });
    const loaded = createWorkingCalendar({ extraYears: [bridge] });
    expect(loaded.isProvisional(2029)).toBe(true);
    expect(loaded.isWorkingDay("2029-12-31")).toBe(false); // Monday, off by the notice
    expect(loaded.isWorkingDay("2029-12-29")).toBe(true); // Saturday, worked
    expect(calendar.isWorkingDay("2029-12-31")).toBe(true);
  });

  it("rejects bad files with bilingual errors and their paths", () => {
    const errors = (x: unknown) => {
      const r = parseHolidayFile(x);
      if (r.ok) throw new Error("expected errors");
      return r.errors;
    };
    expect(errors("{not json")[0]?.zh).toMatch(/^不是有效的 JSON/);
    expect(
      errors({ holidays: { "2027-02-30": "Spring Festival,春节,4" }, workdays: {} })[0],
    ).toEqual({
      path: "holidays.2027-02-30",
      zh: "2027-02-30 不是有效的日期（应为 YYYY-MM-DD）",
      en: "2027-02-30 is not a valid date (expected YYYY-MM-DD)",
    });
    expect(errors({ holidays: { "2027-02-10": "春节" }, workdays: {} })[0]?.path).toBe(
      "holidays.2027-02-10",
    );
    expect(
      errors({
        holidays: { "2027-02-10": "Spring Festival,春节,4" },
        workdays: { "2027-02-08": "Spring Festival,春节,4" },
      })[0],
    ).toMatchObject({ path: "workdays.2027-02-08", zh: expect.stringMatching(/不是周六或周日/) });
    expect(
      errors({
        holidays: { "2027-02-13": "Spring Festival,春节,4" },
        workdays: { "2027-02-13": "Spring Festival,春节,4" },
      })[0]?.en,
    ).toMatch(/both as a holiday and as a working day/);
    expect(errors({ holidays: {}, workdays: {} })[0]?.zh).toBe("文件中没有任何放假日期");
    expect(
      errors({ holidays: { "2027-01-01": "New Year's Day,元旦,1" }, workdays: {}, note: 1 })[0]?.zh,
    ).toMatch(/未知字段：note/);
    expect(errors([])[0]?.en).toMatch(/wrong type/);
    expect(() => createWorkingCalendar({ extraYears: [{ holidays: {}, workdays: {} }] })).toThrow(
      /parseHolidayFile/,
    );
  });
});
