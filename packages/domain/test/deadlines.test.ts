// The reply deadline (register/deadlines/due-date.ts) against the hand-checked table of
// due-date-cases.ts, and the stopped clocks.
import { describe, expect, it } from "vitest";
import { dueDate } from "../src/register/deadlines/index.ts";
import { app, askCorrection, calendar, consult, received } from "./deadline-builders.ts";
import { cases } from "./due-date-cases.ts";

describe("reply deadline: hand-checked table", () => {
  it("has at least 40 cases, each with its reasoning", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.why.length).toBeGreaterThan(10);
  });

  it.each(cases)("$name", (c) => {
    const r = dueDate(app(...c.events), c.calendar ?? calendar);
    expect(r.dueDate).toBe(c.due);
    expect(r.provisional).toBe(c.provisional ?? false);
    if (c.due) expect((c.calendar ?? calendar).isWorkingDay(c.due)).toBe(true);
    if (c.paused !== undefined) expect(r.paused).toBe(c.paused);
    if (c.waiting !== undefined) expect(r.waitingForApplicant).toBe(c.waiting);
    if (c.answeredOnTime !== undefined) expect(r.answeredOnTime).toBe(c.answeredOnTime);
    expect(r.trace.length).toBeGreaterThan(1);
  });
});

describe("stopped clocks report days used and left", () => {
  it("an open consultation, as of a day inside the party's 15 working days", () => {
    const r = dueDate(app(received("2026-03-02"), consult("2026-03-04")), calendar, {
      asOf: "2026-03-10",
    });
    expect(r).toMatchObject({ dueDate: null, paused: true, waitingForApplicant: false });
    expect([r.workingDaysUsed, r.workingDaysLeft]).toEqual([2, 18]);
    expect(r.trace.at(-1)?.zh).toBe(
      "征求意见尚未结束：已用 2 个工作日，尚余 18 个，恢复后继续计算",
    );
  });

  it("a 补正 request: the full 20 days will start again", () => {
    const r = dueDate(app(received("2026-03-02"), askCorrection("2026-03-05")), calendar);
    expect([r.workingDaysUsed, r.workingDaysLeft]).toEqual([3, 20]);
  });

  it("no standing receipt: no due date, no crash", () => {
    const r = dueDate(
      app(received("2026-03-02"), {
        type: "amended",
        date: "2026-03-03",
        supersedes: "e1",
        reason: "录入错误",
      }),
      calendar,
    );
    expect(r.dueDate).toBeNull();
    expect(r.trace[0]?.en).toMatch(/No standing receipt/);
  });
});
