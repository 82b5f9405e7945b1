// Issue 19, item 10: a year's holiday arrangement read from the State Council's notice as
// published. The 2025 and 2026 paragraphs below are those of 国办发明电〔2024〕12号 and
// 国办发明电〔2025〕7号 (the arrangements chinese-days also carries): the parsed dates must equal
// chinese-days' data, which is the real check.
import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import {
  createWorkingCalendar,
  dueDate,
  parseHolidayNotice,
} from "../src/register/deadlines/index.ts";
import { app, received } from "./deadline-builders.ts";

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。`;

const NOTICE_2025 = `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

const ofYear = (table: Record<string, string>, year: number) =>
  Object.fromEntries(Object.entries(table).filter(([d]) => d.startsWith(String(year))));

describe("the State Council's notice as published → a holiday file", () => {
  it("2026: exactly chinese-days' 2026 holidays and make-up working days", () => {
    const r = parseHolidayNotice(NOTICE_2026, 2026);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.file.holidays).toEqual(ofYear(chineseDays.holidays, 2026));
    expect(r.file.workdays).toEqual(ofYear(chineseDays.workdays, 2026));
    expect(r.summary.at(-1)?.zh).toBe("国庆节：10-01 至 10-07 放假，共 7 天；09-20、10-10 上班");
  });

  it("2025: the same dates as chinese-days (a single day, a range across months, two festivals)", () => {
    const r = parseHolidayNotice(NOTICE_2025, 2025);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(Object.keys(r.file.holidays).sort()).toEqual(
      Object.keys(ofYear(chineseDays.holidays, 2025)).sort(),
    );
    expect(Object.keys(r.file.workdays).sort()).toEqual(
      Object.keys(ofYear(chineseDays.workdays, 2025)).sort(),
    );
  });

  it("refuses a notice of another year (weekdays) and a wrong 共N天, in both languages", () => {
    const wrongYear = parseHolidayNotice(NOTICE_2026, 2027);
    expect(wrongYear.ok).toBe(false);
    if (!wrongYear.ok) expect(wrongYear.errors[0]?.zh).toContain("星期不符");
    const wrongCount = parseHolidayNotice(
      "三、清明节：4月4日（周六）至6日（周一）放假，共4天。",
      2026,
    );
    expect(wrongCount.ok).toBe(false);
    if (!wrongCount.ok) expect(wrongCount.errors[0]?.en).toContain("the notice says 4");
    const nothing = parseHolidayNotice("关于做好节日值班工作的通知", 2027);
    expect(nothing.ok).toBe(false);
  });

  it("a file read from a notice makes its year's due dates not provisional", () => {
    // A 2031 notice made up for the test (2031 has no notice yet): 国庆 10-01…07 off, 09-28 worked.
    const text = "七、国庆节：10月1日（周三）至7日（周二）放假调休，共7天。9月28日（周日）上班。";
    const r = parseHolidayNotice(text, 2031);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const loaded = createWorkingCalendar({ extraYears: [r.file] });
    const a = app(received("2031-09-25"));
    expect(dueDate(a, createWorkingCalendar()).provisional).toBe(true);
    // 09-26 d1, 09-28 Sun W d2, 09-29…30 d3–4, 10-01…07 H, 10-08…10 d5–7, 10-13…17 d8–12,
    // 10-20…24 d13–17, 10-27…29 d18–20 → 10-29
    expect(dueDate(a, loaded)).toMatchObject({ dueDate: "2031-10-29", provisional: false });
  });
});
