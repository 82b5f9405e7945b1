// Builders of applications and the calendars for the deadlines' tests.
import { createWorkingCalendar, type HolidayFile } from "../src/register/deadlines/index.ts";
import { type Application, applicationSchema } from "../src/register/schema.ts";

export type Ev = Record<string, unknown> & { type: string; date: string };
export const app = (...events: Ev[]): Application =>
  applicationSchema.parse({
    id: "a1",
    events: events.map((e, i) => ({
      id: `e${i + 1}`,
      ...(e.type === "received" ? { applicantType: "naturalPerson", channel: "online" } : {}),
      ...e,
    })),
  });
export const received = (date: string): Ev => ({ type: "received", date });
export const consult = (date: string, party: "thirdParty" | "agency" = "thirdParty"): Ev => ({
  type: "consultationStarted",
  date,
  party,
});
export const consultEnd = (date: string): Ev => ({ type: "consultationEnded", date });
export const fee = (date: string): Ev => ({ type: "feeNoticeIssued", date, amountYuan: 100 });
export const paid = (date: string): Ev => ({ type: "feePaid", date });
export const extended = (date: string, workingDays = 20): Ev => ({
  type: "extended",
  date,
  workingDays,
});
export const askCorrection = (date: string, periodWorkingDays?: number): Ev => ({
  type: "correctionRequested",
  date,
  ...(periodWorkingDays ? { periodWorkingDays } : {}),
});
export const corrected = (date: string): Ev => ({ type: "correctionReceived", date });
export const concluded = (date: string, outcome = "granted"): Ev => ({
  type: "concluded",
  date,
  outcome,
});

// A 2031 arrangement as an admin would load it (made up for the test: 国庆 8 days with two
// 调休 weekend days, like 2025's, and 元旦).
export const file2031: HolidayFile = {
  holidays: {
    "2031-01-01": "New Year's Day,元旦,1",
    ...Object.fromEntries(
      ["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => [
        `2031-10-${d}`,
        "National Day,国庆节,3",
      ]),
    ),
  },
  workdays: { "2031-09-28": "National Day,国庆节,3", "2031-10-11": "National Day,国庆节,3" },
};

export const calendar = createWorkingCalendar();
export const loaded = createWorkingCalendar({ extraYears: [file2031] });
