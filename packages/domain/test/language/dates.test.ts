// Dates as clerks write them, read against a given today (Thursday 2026-12-10 unless told):
// every form of issue 15, weeks starting on Monday, month and year boundaries, leap days, and
// the refusals (future, before the agency's first day, no such day) with their reasons.
import { describe, expect, it } from "vitest";
import { readSlot } from "../../src/index.ts";

const on = (today: string, earliest?: string) => (text: string) =>
  readSlot("date", text, earliest ? { today, earliest } : { today });
const read = on("2026-12-10", "2020-01-01");

const ok = (text: string, date: string, at = read) =>
  expect(at(text), text).toEqual({ kind: "understood", value: date });
const refused = (text: string, at = read) => {
  const r = at(text);
  expect(r.kind, `${text}: ${JSON.stringify(r)}`).toBe("refused");
  return r.kind === "refused" ? r.reason : { zh: "", en: "" };
};

describe("every form of a date", () => {
  it.each([
    ["今天", "2026-12-10"],
    ["今日", "2026-12-10"],
    ["昨天", "2026-12-09"],
    ["昨日", "2026-12-09"],
    ["前天", "2026-12-08"],
    ["大前天", "2026-12-07"],
    ["上周五", "2026-12-04"],
    ["上星期五", "2026-12-04"],
    ["上个礼拜五", "2026-12-04"],
    ["本周一", "2026-12-07"],
    ["这周二", "2026-12-08"],
    ["周三", "2026-12-09"],
    ["星期三", "2026-12-09"],
    ["礼拜三", "2026-12-09"],
    ["周四", "2026-12-10"],
    ["上周日", "2026-12-06"],
    ["上周天", "2026-12-06"],
    ["上上周一", "2026-11-23"],
    ["12.1", "2026-12-01"],
    ["12/1", "2026-12-01"],
    ["12月1日", "2026-12-01"],
    ["12月1号", "2026-12-01"],
    ["十二月一日", "2026-12-01"],
    ["十一月三十日", "2026-11-30"],
    ["2025-12-01", "2025-12-01"],
    ["2025/12/1", "2025-12-01"],
    ["2025.12.1", "2025-12-01"],
    ["20251201", "2025-12-01"],
    ["2025年12月1日", "2025-12-01"],
    ["2025 年 12 月 1 日", "2025-12-01"],
    ["二〇二五年十二月一日", "2025-12-01"],
    ["二零二五年十二月一日", "2025-12-01"],
    ["二〇二五年十二月二十一日", "2025-12-21"],
    ["２０２５－１２－０１", "2025-12-01"],
    ["１２．１", "2026-12-01"],
    ["本月3日", "2026-12-03"],
    ["上月28号", "2026-11-28"],
    ["上个月28号", "2026-11-28"],
    ["today", "2026-12-10"],
    ["Yesterday", "2026-12-09"],
  ])("%s → %s", (text, date) => ok(text, date));
});

describe("weeks start on Monday", () => {
  it("on a Monday, 本周一 is today and 上周日 the day before", () => {
    const monday = on("2026-12-07");
    ok("本周一", "2026-12-07", monday);
    ok("周一", "2026-12-07", monday);
    ok("上周日", "2026-12-06", monday);
    ok("上周一", "2026-11-30", monday);
    refused("周二", monday);
  });
  it("on a Sunday, the week began six days before", () => {
    const sunday = on("2026-12-13");
    ok("本周一", "2026-12-07", sunday);
    ok("周日", "2026-12-13", sunday);
    ok("星期天", "2026-12-13", sunday);
    ok("上周日", "2026-12-06", sunday);
  });
  it("across the new year", () => {
    const newYear = on("2027-01-01"); // a Friday
    ok("上周五", "2026-12-25", newYear);
    ok("本周一", "2026-12-28", newYear);
    ok("昨天", "2026-12-31", newYear);
    ok("上月28号", "2026-12-28", newYear);
    ok("2026年12月31日", "2026-12-31", newYear);
  });
});

describe("leap days", () => {
  it("reads 29 February in a leap year only", () => {
    ok("2024-02-29", "2024-02-29");
    ok("2024年2月29日", "2024-02-29");
    ok("2.29", "2028-02-29", on("2028-03-01"));
    ok("昨天", "2028-02-29", on("2028-03-01"));
    refused("2026-02-29");
    refused("2月29日");
    refused("2025年2月29日");
  });
});

describe("refusals, with the reason in both languages", () => {
  it("a future date", () => {
    const r = refused("明天");
    expect(r.zh).toContain("2026-12-11");
    expect(r.zh).toContain("将来");
    expect(r.en).toContain("future");
    refused("周五");
    refused("下周一");
    refused("12.11");
    refused("2027-01-01");
  });
  it("a date before the agency's first day", () => {
    const r = refused("2019-12-31");
    expect(r.zh).toContain("2020-01-01");
    expect(r.en).toContain("first day");
    ok("2020-01-01", "2020-01-01");
  });
  it("a day that does not exist", () => {
    for (const t of ["2026-13-01", "2026年2月30日", "13.45", "4月31日", "0.1"]) {
      const r = refused(t);
      expect(r.zh).toContain("不是有效日期");
      expect(r.en).toContain("not a valid date");
    }
  });
  it("anything else is not a date", () => {
    for (const t of ["", "明年", "张三", "3号件", "12.1 和 12.2", "今天昨天"])
      expect(read(t).kind, t).toBe("unknown");
  });
});
