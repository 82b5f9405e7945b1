// The deadlines are part of @ogi/domain's public surface (the API and the bot use them).
import { expect, it } from "vitest";
import * as domain from "../src/index.ts";

it("exports the calendar, the due date and the status from the package index", () => {
  for (const name of [
    "createWorkingCalendar",
    "parseHolidayFile",
    "holidayFileSchema",
    "dueDate",
    "applicationStatus",
    "correctionRequestDeadline",
    "correctionPeriodDeadline",
    "consultationDeadlines",
    "feePaymentDeadlines",
    "otherClocks",
    "statutoryHolidays",
  ])
    expect(domain, name).toHaveProperty(name);
});
