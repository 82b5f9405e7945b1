// Issue 19, item 5: 第三十五条 — a reasonable later date set by the agency replaces the reply
// deadline, so such an application is not overdue before it.
import { describe, expect, it } from "vitest";
import { applicationStatus, dueDate } from "../src/register/deadlines/index.ts";
import { validateTransition } from "../src/register/transitions.ts";
import { app, calendar, received } from "./deadline-builders.ts";

const reasonable = (date: string, dueOn: string) => ({
  type: "reasonableDateSet",
  date,
  dueOn,
  reason: "同一申请人一个月内提出 60 件申请",
});

describe("第三十五条: a reasonable later date", () => {
  // Received Mon 2026-03-02: 20 working days → 03-30 (due-date-cases.ts)
  it("第三十五条: set on 03-20 to 05-29, the reply is due 05-29, not overdue in April", () => {
    const a = app(received("2026-03-02"), reasonable("2026-03-20", "2026-05-29"));
    const r = dueDate(a, calendar);
    expect(r.dueDate).toBe("2026-05-29");
    expect(r.trace.some((t) => t.zh.includes("第三十五条"))).toBe(true);
    expect(applicationStatus(a, "2026-04-15", calendar).status).toBe("onTime");
    expect(applicationStatus(a, "2026-06-01", calendar).status).toBe("overdue");
  });
  it("第三十五条: a date on a holiday moves to the next working day (05-01 → 05-06)", () => {
    // 2026 劳动节 05-01…05 off; 05-06 is a Wednesday
    expect(
      dueDate(app(received("2026-03-02"), reasonable("2026-03-20", "2026-05-01")), calendar)
        .dueDate,
    ).toBe("2026-05-06");
  });
  it("第三十五条: set after the reply was due, it does not move the due date", () => {
    expect(
      dueDate(app(received("2026-03-02"), reasonable("2026-04-02", "2026-05-29")), calendar)
        .dueDate,
    ).toBe("2026-03-30");
  });
  it("第三十五条: the date must be after the day it is set (bilingual refusal)", () => {
    const a = app(received("2026-03-02"));
    const v = validateTransition(a, {
      id: "e9",
      ...reasonable("2026-03-20", "2026-03-20"),
    } as never);
    expect(v).toMatchObject({ ok: false, code: "reasonableDateNotLater" });
  });
});
