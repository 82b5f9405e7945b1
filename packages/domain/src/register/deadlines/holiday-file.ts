// A year's holiday arrangement in chinese-days' own JSON shape, so that an admin can add the
// State Council's notice for a year the package does not know yet (`ogi calendar load`):
//   { "holidays":   { "2027-01-01": "New Year's Day,元旦,1", … },
//     "workdays":   { "2027-02-20": "Spring Festival,春节,4", … },   // 调休上班 (weekends)
//     "inLieuDays": { … } }                                            // optional
// Each value is "English name,中文名,statutory days".
import { z } from "zod";
import type { Bilingual } from "../../report/catalog.ts";
import { isIsoDate, isWeekend, yearOf } from "./iso-dates.ts";

const ENTRY = /^([^,]+),([^,]+),(\d+)$/;

const dateKey = z.string().refine(isIsoDate, {
  message: "key must be a date YYYY-MM-DD / 键应为 YYYY-MM-DD 格式的日期",
});
const entry = z.string().regex(ENTRY, {
  message:
    'value must be "English name,中文名,days", e.g. "National Day,国庆节,3" / 值应为 "英文名,中文名,天数"',
});
const dayTable = z.record(dateKey, entry);

/**
 * The zod schema of a holiday file: a year's arrangement in chinese-days' JSON shape (holidays and
 * make-up workdays by date).
 */
export const holidayFileSchema = z
  .strictObject({
    holidays: dayTable,
    workdays: dayTable,
    inLieuDays: dayTable.optional(),
  })
  .superRefine((file, ctx) => {
    if (Object.keys(file.holidays).length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["holidays"],
        message: "the file lists no holiday / 文件中没有任何放假日期",
      });
    for (const date of Object.keys(file.workdays)) {
      if (date in file.holidays)
        ctx.addIssue({
          code: "custom",
          path: ["workdays", date],
          message: `${date} is listed both as a holiday and as a working day / ${date} 同时列为放假日和上班日`,
        });
      else if (isIsoDate(date) && !isWeekend(date))
        ctx.addIssue({
          code: "custom",
          path: ["workdays", date],
          message: `${date} is a weekday: only a Saturday or Sunday can be a make-up working day / ${date} 不是周六或周日，不能列为调休上班日`,
        });
    }
    for (const date of Object.keys(file.inLieuDays ?? {}))
      if (!(date in file.holidays))
        ctx.addIssue({
          code: "custom",
          path: ["inLieuDays", date],
          message: `${date} is an in-lieu day but not a holiday / ${date} 列为调休放假日，但不在放假日期中`,
        });
    for (const date of [...Object.keys(file.holidays), ...Object.keys(file.workdays)])
      if (isIsoDate(date) && (date < "2000-01-01" || date > "2100-12-31"))
        ctx.addIssue({
          code: "custom",
          path: [date in file.holidays ? "holidays" : "workdays", date],
          message: `${date} is out of range (2000–2100) / ${date} 超出范围（2000–2100 年）`,
        });
  });

/** A year's holiday arrangement as read from a holiday file. */
export type HolidayFile = z.infer<typeof holidayFileSchema>;

/** A problem in a holiday file, in both languages, with the JSON path it concerns. */
export type HolidayFileError = Bilingual & { path: string };

/** The result of reading a holiday file: the file and its years, or the errors. */
export type ParseHolidayFileResult =
  | { ok: true; file: HolidayFile; years: number[] }
  | { ok: false; errors: HolidayFileError[] };

/** The parts of a day-table value. */
export const parseEntry = (value: string): { name: Bilingual; statutoryDays: number } => {
  const m = ENTRY.exec(value);
  if (!m) return { name: { zh: value, en: value }, statutoryDays: 0 };
  return { name: { en: m[1]!.trim(), zh: m[2]!.trim() }, statutoryDays: Number(m[3]) };
};

/**
 * The years a file is the arrangement of: each year in which it lists a holiday before
 * December. (A New Year bridge can put 12-30/12-31 of the year before into the next year's
 * notice; those dates are applied, but they do not make that earlier year "published".)
 */
export const holidayFileYears = (file: HolidayFile): number[] => {
  const years = new Set<number>();
  for (const date of Object.keys(file.holidays))
    if (date.slice(5, 7) !== "12") years.add(yearOf(date));
  return [...years].sort((a, b) => a - b);
};

const splitMessage = (message: string): Bilingual => {
  const i = message.lastIndexOf(" / ");
  return i < 0
    ? { zh: message, en: message }
    : { en: message.slice(0, i), zh: message.slice(i + 3) };
};

/**
 * Reads a holiday file (JSON text or parsed JSON). Never throws: bad input gives bilingual
 * errors, each with the JSON path it concerns.
 */
export const parseHolidayFile = (input: unknown): ParseHolidayFileResult => {
  let json = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    const text = typeof input === "string" ? input : new TextDecoder().decode(input);
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      return {
        ok: false,
        errors: [
          {
            path: "",
            zh: `不是有效的 JSON：${(e as Error).message}`,
            en: `not valid JSON: ${(e as Error).message}`,
          },
        ],
      };
    }
  }
  const result = holidayFileSchema.safeParse(json);
  if (!result.success)
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const path = issue.path.map(String).join(".");
        if (issue.code === "unrecognized_keys")
          return {
            path,
            zh: `未知字段：${issue.keys.join("、")}（只允许 holidays、workdays、inLieuDays）`,
            en: `unknown field(s): ${issue.keys.join(", ")} (only holidays, workdays, inLieuDays)`,
          };
        if (issue.code === "invalid_key") {
          const key = String(issue.path.at(-1));
          return {
            path,
            zh: `${key} 不是有效的日期（应为 YYYY-MM-DD）`,
            en: `${key} is not a valid date (expected YYYY-MM-DD)`,
          };
        }
        if (issue.code === "invalid_type")
          return {
            path,
            zh: `${path || "文件"}${path ? " " : ""}类型不对，应为对象（日期 → "英文名,中文名,天数"）`,
            en: `${path || "the file"} has the wrong type: expected an object (date → "English,中文,days")`,
          };
        return { path, ...splitMessage(issue.message) };
      }),
    };
  return { ok: true, file: result.data, years: holidayFileYears(result.data) };
};
