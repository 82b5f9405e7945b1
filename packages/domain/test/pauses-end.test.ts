// Issue 19, item 1: a stopped clock ends by itself at its statutory end. Every date below is
// counted by hand in the comments (2026: 清明 04-04…06 off; 端午 06-19…21 off).
import { describe, expect, it } from "vitest";
import {
  applicationStatus,
  consultationDeadlines,
  dueDate,
  feePaymentDeadlines,
} from "../src/register/deadlines/index.ts";
import { dueItems } from "../src/register/reminders/index.ts";
import {
  app,
  askCorrection,
  calendar,
  consult,
  consultEnd,
  corrected,
  fee,
  paid,
  received,
} from "./deadline-builders.ts";

describe("第三十二条 / 第三十四条: a consultation ends after the party's 15 working days", () => {
  // The example: received Mon 03-02; 03-03 d1, 03-04 d2 (consultation starts, 18 left).
  // The third party's 15 working days from 03-04: 03-05…06 p1–2, 03-09…13 p3–7, 03-16…20
  // p8–12, 03-23…25 p13–15 → 03-25. The count resumes 03-26: 03-26…27 d3–4, 03-30…04-03
  // d5–9, 04-04…06 清明, 04-07…10 d10–13, 04-13…17 d14–18, 04-20…21 d19–20 → due 04-21.
  const a = app(received("2026-03-02"), consult("2026-03-04"));

  it("第三十二条: never ended, the reply is due 04-21 and overdue on 11-20", () => {
    expect(dueDate(a, calendar)).toMatchObject({ dueDate: "2026-04-21", paused: false });
    expect(applicationStatus(a, "2026-11-20", calendar)).toMatchObject({
      status: "overdue",
      dueDate: "2026-04-21",
    });
    const trace = dueDate(a, calendar).trace.map((t) => t.zh);
    expect(trace.some((t) => t.includes("2026-03-25") && t.includes("第三十二条"))).toBe(true);
  });

  it("第三十二条: paused through the 15th working day, running again the day after", () => {
    expect(applicationStatus(a, "2026-03-25", calendar)).toMatchObject({
      status: "paused",
      dueDate: null,
      projectedDueDate: "2026-04-21",
    });
    expect(applicationStatus(a, "2026-03-26", calendar)).toMatchObject({
      status: "onTime",
      dueDate: "2026-04-21",
    });
  });

  it("第三十四条: 15 working days from the day the consulted agency received the request", () => {
    // Sent 03-04, received by the agency Fri 03-06: 03-09…13 p1–5, 03-16…20 p6–10,
    // 03-23…27 p11–15 → 03-27. Resume 03-30 with 18 left: 03-30…31 d3–4, 04-01…03 d5–7,
    // 04-07…10 d8–11, 04-13…17 d12–16, 04-20…23 d17–20 → 04-23.
    const b = app(received("2026-03-02"), {
      ...consult("2026-03-04", "agency"),
      partyReceivedOn: "2026-03-06",
    });
    expect(dueDate(b, calendar).dueDate).toBe("2026-04-23");
    expect(consultationDeadlines(b, calendar)[0]).toMatchObject({ dueDate: "2026-03-27" });
    expect(
      dueDate(b, calendar).trace.some(
        (t) => t.zh.includes("第三十四条：") || t.zh.includes("视为同意"),
      ),
    ).toBe(true);
  });

  it("第三十二条: an answer recorded after the 15 working days does not move the due date", () => {
    const late = app(received("2026-03-02"), consult("2026-03-04"), consultEnd("2026-04-01"));
    const r = dueDate(late, calendar);
    expect(r.dueDate).toBe("2026-04-21");
    expect(r.trace.some((t) => t.en.includes("after the 15 working days"))).toBe(true);
  });

  it("an answer within the 15 working days ends the pause as before", () => {
    // 03-05…11 paused; see due-date-cases.ts: due 04-07
    expect(
      dueDate(
        app(received("2026-03-02"), consult("2026-03-04"), consultEnd("2026-03-11")),
        calendar,
      ).dueDate,
    ).toBe("2026-04-07");
  });
});

describe("信息处理费管理办法: 20 working days to pay from the day after the notice is received", () => {
  const notice = { ...fee("2026-05-13"), deliveredOn: "2026-05-15" };

  it("feePaymentDeadlines counts from the delivery, not the issue date", () => {
    // From Fri 05-15: 05-18…22 p1–5, 05-25…29 p6–10, 06-01…05 p11–15, 06-08…12 p16–20 → 06-12
    // (from the issue date 05-13 it would be 06-10)
    const [c] = feePaymentDeadlines(app(received("2026-05-11"), notice), calendar);
    expect(c).toMatchObject({ from: "2026-05-15", dueDate: "2026-06-12" });
  });

  it("unpaid: waiting until 06-12, then due for a decision 逾期未缴费 on 06-15, overdue 06-16", () => {
    const a = app(received("2026-05-11"), notice);
    expect(applicationStatus(a, "2026-06-12", calendar).status).toBe("waitingForApplicant");
    // decision due the first working day after the period: Mon 06-15
    expect(applicationStatus(a, "2026-06-15", calendar)).toMatchObject({
      status: "dueSoon",
      dueDate: "2026-06-15",
      workingDaysLeft: 0,
      decisionDue: { kind: "feePayment", on: "2026-06-12", outcome: "otherFeeUnpaid" },
    });
    expect(applicationStatus(a, "2026-06-16", calendar)).toMatchObject({ status: "overdue" });
    const r = dueDate(a, calendar);
    expect(r.trace.some((t) => t.zh.includes("逾期未缴费"))).toBe(true);
    expect(r.dueDate).toBe("2026-06-15");
  });

  it("a late payment the agency accepts: the count runs again from the payment", () => {
    // 05-12…13 d1–2 (18 left); not counted 05-14…06-17; 06-18 d3, 06-19…21 端午,
    // 06-22…26 d4–8, 06-29…30 d9–10, 07-01…03 d11–13, 07-06…10 d14–18, 07-13…14 d19–20
    const a = app(received("2026-05-11"), notice, paid("2026-06-17"));
    expect(dueDate(a, calendar)).toMatchObject({ dueDate: "2026-07-14", lapsed: null });
  });

  it("paid in time: as before", () => {
    // 05-14…20 not counted; due-date-cases.ts: 06-15
    expect(
      dueDate(app(received("2026-05-11"), fee("2026-05-13"), paid("2026-05-20")), calendar).dueDate,
    ).toBe("2026-06-15");
  });
});

describe("第三十条: a 补正 period the agency set ends by itself", () => {
  // Received 03-02, 补正 asked 03-05 with 10 working days: 03-06 p1, 03-09…13 p2–6,
  // 03-16…19 p7–10 → 03-19; decision due Fri 03-20; overdue from Mon 03-23.
  const a = app(received("2026-03-02"), askCorrection("2026-03-05", 10));

  it("第三十条: waiting until 03-19, then due for a decision 逾期不补正", () => {
    expect(applicationStatus(a, "2026-03-19", calendar).status).toBe("waitingForApplicant");
    expect(applicationStatus(a, "2026-03-20", calendar)).toMatchObject({
      status: "dueSoon",
      dueDate: "2026-03-20",
      decisionDue: { kind: "correctionPeriod", on: "2026-03-19", outcome: "otherNoCorrection" },
    });
    expect(applicationStatus(a, "2026-03-23", calendar).status).toBe("overdue");
    expect(dueDate(a, calendar).trace.some((t) => t.zh.includes("逾期不补正"))).toBe(true);
  });

  it("第三十条: a period given as a date (dueOn)", () => {
    // last day Fri 03-20; decision due Mon 03-23
    const b = app(received("2026-03-02"), { ...askCorrection("2026-03-05"), dueOn: "2026-03-20" });
    expect(dueDate(b, calendar).dueDate).toBe("2026-03-23");
  });

  it("第三十条: a late correction the agency accepts starts the 20 days again", () => {
    // from Wed 03-25: 03-26…27 d1–2, 03-30…04-03 d3–7, 04-04…06 清明, 04-07…10 d8–11,
    // 04-13…17 d12–16, 04-20…23 d17–20 → 04-23
    const b = app(received("2026-03-02"), askCorrection("2026-03-05", 10), corrected("2026-03-25"));
    expect(dueDate(b, calendar)).toMatchObject({ dueDate: "2026-04-23", lapsed: null });
  });

  it("第三十条: without a period the application waits for the applicant", () => {
    const b = app(received("2026-03-02"), askCorrection("2026-03-05"));
    expect(dueDate(b, calendar)).toMatchObject({ dueDate: null, waitingForApplicant: true });
  });
});

describe("reminders list an application due for a decision", () => {
  it("an overdue 逾期未缴费 decision is in the list, and says what to do", () => {
    const a = app(received("2026-05-11"), { ...fee("2026-05-13"), deliveredOn: "2026-05-15" });
    const st = applicationStatus(a, "2026-06-17", calendar);
    const items = dueItems(
      [
        {
          id: "a1",
          agencyCode: "A",
          status: st.status,
          dueDate: st.dueDate,
          decisionDue: st.decisionDue?.outcome ?? null,
        },
      ],
      new Set(["A"]),
      "2026-06-17",
      calendar,
    );
    expect(items).toMatchObject([{ id: "a1", overdue: true, workingDays: 2 }]);
  });
});
