// The other clocks (register/deadlines/clocks.ts): 补正, consultations, fees, and the status
// of an application against its deadline.
import { describe, expect, it } from "vitest";
import {
  applicationStatus,
  consultationDeadlines,
  correctionPeriodDeadline,
  correctionRequestDeadline,
  feePaymentDeadlines,
} from "../src/register/deadlines/index.ts";
import {
  app,
  askCorrection,
  calendar,
  concluded,
  consult,
  consultEnd,
  corrected,
  fee,
  received,
} from "./deadline-builders.ts";

describe("the other clocks", () => {
  it("7 working days to ask for a 补正 (第三十条), across National Day", () => {
    // 09-29…30 d1–2, 10-01…07 H, 10-08…09 d3–4, 10-10 Sat W d5, 10-12…13 d6–7
    const c = correctionRequestDeadline(app(received("2026-09-28")), calendar);
    expect(c).toMatchObject({ dueDate: "2026-10-13", metOn: null, onTime: null });
    const late = correctionRequestDeadline(
      app(received("2026-09-28"), askCorrection("2026-10-14")),
      calendar,
    );
    expect(late).toMatchObject({ metOn: "2026-10-14", onTime: false });
  });

  it("7 working days across the Spring Festival", () => {
    // 02-14 Sat W d1, 02-15…23 H, 02-24…27 d2–5, 02-28 Sat W d6, 03-02 d7
    const c = correctionRequestDeadline(
      app(received("2026-02-13"), askCorrection("2026-03-02")),
      calendar,
    );
    expect(c).toMatchObject({ dueDate: "2026-03-02", onTime: true });
  });

  it("the applicant's 补正 period in working days", () => {
    // from 03-05: 03-06 d1, 03-09…13 d2–6, 03-16…19 d7–10
    const c = correctionPeriodDeadline(
      app(received("2026-03-02"), askCorrection("2026-03-05", 10), corrected("2026-03-20")),
      calendar,
    );
    expect(c).toMatchObject({ dueDate: "2026-03-19", metOn: "2026-03-20", onTime: false });
    expect(
      correctionPeriodDeadline(app(received("2026-03-02"), askCorrection("2026-03-05")), calendar),
    ).toBeNull();
  });

  it("15 working days for a consulted third party (第三十二条) or agency (第三十四条)", () => {
    // from 09-18: 09-20 Sun W d1, 09-21…24 d2–5, 09-25…27 H, 09-28…30 d6–8, 10-01…07 H,
    // 10-08…09 d9–10, 10-10 Sat W d11, 10-12…15 d12–15
    const [c] = consultationDeadlines(
      app(received("2026-09-16"), consult("2026-09-18"), consultEnd("2026-10-12")),
      calendar,
    );
    expect(c).toMatchObject({
      party: "thirdParty",
      dueDate: "2026-10-15",
      metOn: "2026-10-12",
      onTime: true,
    });
    expect(c?.basis.zh).toMatch(/第三十二条/);
    const [a] = consultationDeadlines(
      app(received("2026-09-16"), consult("2026-09-18", "agency")),
      calendar,
    );
    expect(a?.basis.zh).toMatch(/第三十四条/);
    expect(a?.onTime).toBeNull();
  });

  it("20 working days to pay a fee, from the day after the notice", () => {
    // from 05-13: 05-14…15 d1–2, 05-18…22 d3–7, 05-25…29 d8–12, 06-01…05 d13–17, 06-08…10 d18–20
    const [c] = feePaymentDeadlines(app(received("2026-05-11"), fee("2026-05-13")), calendar);
    expect(c).toMatchObject({ dueDate: "2026-06-10", onTime: null });
  });
});

describe("applicationStatus", () => {
  const a = app(received("2026-09-28")); // due 2026-10-30

  it("onTime, dueSoon, overdue by working days", () => {
    // 10-16 → 10-30: 10-19…23, 10-26…30 = 10 working days
    expect(applicationStatus(a, "2026-10-16", calendar)).toMatchObject({
      status: "onTime",
      workingDaysLeft: 10,
    });
    // 10-26 → 10-30: 27, 28, 29, 30 = 4
    expect(applicationStatus(a, "2026-10-26", calendar)).toMatchObject({
      status: "dueSoon",
      workingDaysLeft: 4,
    });
    expect(applicationStatus(a, "2026-10-26", calendar, { soonWorkingDays: 3 }).status).toBe(
      "onTime",
    );
    expect(applicationStatus(a, "2026-10-30", calendar)).toMatchObject({
      status: "dueSoon",
      workingDaysLeft: 0,
    });
    // Saturday after a Friday due date: already late
    expect(applicationStatus(a, "2026-10-31", calendar)).toMatchObject({
      status: "overdue",
      workingDaysLeft: -1,
    });
    // 11-02, 11-03 past the due date
    expect(applicationStatus(a, "2026-11-03", calendar)).toMatchObject({
      status: "overdue",
      workingDaysLeft: -2,
    });
  });

  it("paused, waiting for the applicant, concluded; only events up to today count", () => {
    const c = app(received("2026-03-02"), consult("2026-03-04"), consultEnd("2026-03-11"));
    expect(applicationStatus(c, "2026-03-10", calendar)).toMatchObject({
      status: "paused",
      dueDate: null,
      workingDaysLeft: 18,
    });
    // 03-12 → 04-07: 03-13, 16–20, 23–27, 30–04-03, 04-07 = 17
    expect(applicationStatus(c, "2026-03-12", calendar)).toMatchObject({
      status: "onTime",
      dueDate: "2026-04-07",
      workingDaysLeft: 17,
    });
    const f = app(received("2026-05-11"), fee("2026-05-13"));
    expect(applicationStatus(f, "2026-05-20", calendar).status).toBe("waitingForApplicant");
    const k = app(received("2026-09-28"), concluded("2026-10-20"));
    expect(applicationStatus(k, "2026-11-20", calendar)).toMatchObject({
      status: "concluded",
      workingDaysLeft: null,
      dueDate: "2026-10-30",
    });
    expect(applicationStatus(k, "2026-10-19", calendar).status).toBe("onTime");
  });

  it("a provisional due date says so", () => {
    const p = app(received("2031-09-26"));
    expect(applicationStatus(p, "2031-10-01", calendar)).toMatchObject({
      provisional: true,
      dueDate: "2031-10-29",
    });
  });
});
