// Dates are days in China, not instants: the results must not depend on the process time
// zone. chinese-days' own date-string functions do (they parse in UTC and format in local
// time), which is why the calendar reads its data and lunar tables directly.
import { afterAll, describe, expect, it } from "vitest";
import {
  createWorkingCalendar,
  dueDate,
  statutoryHolidays,
} from "../src/register/deadlines/index.ts";
import { applicationSchema } from "../src/register/schema.ts";

const saved = process.env.TZ;
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe.each(["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai", "UTC"])(
  "in %s",
  (tz) => {
    it("gives the same days", () => {
      process.env.TZ = tz;
      // the zone really is in effect for this process
      const offsets = {
        "America/Los_Angeles": 480,
        "Pacific/Kiritimati": -840,
        "Asia/Shanghai": -480,
        UTC: 0,
      };
      expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(
        offsets[tz as keyof typeof offsets],
      );
      const calendar = createWorkingCalendar();
      expect(calendar.isWorkingDay("2026-10-10")).toBe(true);
      expect(calendar.describe("2026-10-10").weekday.en).toBe("Saturday");
      expect(calendar.addWorkingDays("2026-09-28", 20)).toBe("2026-10-30");
      const app = applicationSchema.parse({
        id: "t",
        events: [{ id: "r", type: "received", date: "2031-01-17", applicantType: "naturalPerson" }],
      });
      expect(dueDate(app, calendar).dueDate).toBe("2031-02-20");
      expect(
        statutoryHolidays(2031)
          .filter((d) => !d.inLieu)
          .map((d) => d.date),
      ).toContain("2031-06-24");
      expect(statutoryHolidays(2031).map((d) => d.date)).toContain("2031-04-05");
    });
  },
);
