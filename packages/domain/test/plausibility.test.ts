// Issue 19, item 6: outcomes the recorded events do not support are warnings (第三十条, the fee
// measures). 2026 calendar; periods counted by hand in the comments.
import { describe, expect, it } from "vitest";
import { outcomeWarnings } from "../src/register/plausibility.ts";
import {
  app,
  askCorrection,
  calendar,
  concluded,
  corrected,
  fee,
  paid,
  received,
} from "./deadline-builders.ts";

const en = (a: ReturnType<typeof app>) => outcomeWarnings(a, calendar).map((f) => f.message.en);

describe("第三十条: 逾期不补正 (otherNoCorrection)", () => {
  it("第三十条: without a correction request", () => {
    expect(en(app(received("2026-03-02"), concluded("2026-04-01", "otherNoCorrection")))).toEqual([
      "Closed as no correction, but no correction request is recorded (Art. 30).",
    ]);
  });
  it("第三十条: before the period lapsed (asked 03-05 with 10 working days: ends 03-19)", () => {
    // 03-06 p1, 03-09…13 p2–6, 03-16…19 p7–10 → 03-19
    const early = app(
      received("2026-03-02"),
      askCorrection("2026-03-05", 10),
      concluded("2026-03-19", "otherNoCorrection"),
    );
    expect(en(early)).toEqual([
      "Closed as no correction on 2026-03-19, before the correction period ended on 2026-03-19 (Art. 30).",
    ]);
    const after = app(
      received("2026-03-02"),
      askCorrection("2026-03-05", 10),
      concluded("2026-03-20", "otherNoCorrection"),
    );
    expect(en(after)).toEqual([]);
  });
  it("第三十条: a correction was received", () => {
    const a = app(
      received("2026-03-02"),
      askCorrection("2026-03-05"),
      corrected("2026-03-09"),
      concluded("2026-03-30", "otherNoCorrection"),
    );
    expect(en(a)).toEqual(["Closed as no correction, but a corrected application is recorded."]);
  });
});

describe("信息处理费管理办法: 逾期未缴费 (otherFeeUnpaid)", () => {
  it("信息处理费管理办法: without a fee notice", () => {
    expect(en(app(received("2026-03-02"), concluded("2026-04-01", "otherFeeUnpaid")))).toEqual([
      "Closed as fee unpaid, but no fee notice is recorded (fee measures).",
    ]);
  });
  it("信息处理费管理办法: before the 20 working days (notice 05-13: ends 06-10), or paid", () => {
    const early = app(
      received("2026-05-11"),
      fee("2026-05-13"),
      concluded("2026-06-01", "otherFeeUnpaid"),
    );
    expect(en(early)).toEqual([
      "Closed as fee unpaid on 2026-06-01, before the time to pay ended on 2026-06-10 (fee measures).",
    ]);
    expect(
      en(app(received("2026-05-11"), fee("2026-05-13"), concluded("2026-06-11", "otherFeeUnpaid"))),
    ).toEqual([]);
    const paidToo = app(
      received("2026-05-11"),
      fee("2026-05-13"),
      paid("2026-05-15"),
      concluded("2026-06-11", "otherFeeUnpaid"),
    );
    expect(en(paidToo)).toEqual(["Closed as fee unpaid, but a payment is recorded."]);
  });
});

describe("第三十条: 补正后仍不明确 (unableStillUnclear)", () => {
  it("第三十条: without a correction received", () => {
    expect(
      en(
        app(
          received("2026-03-02"),
          askCorrection("2026-03-05"),
          concluded("2026-03-30", "unableStillUnclear"),
        ),
      ),
    ).toEqual([
      "Closed as still unclear after correction, but no corrected application is recorded (Art. 30).",
    ]);
    expect(
      en(
        app(
          received("2026-03-02"),
          askCorrection("2026-03-05"),
          corrected("2026-03-09"),
          concluded("2026-03-30", "unableStillUnclear"),
        ),
      ),
    ).toEqual([]);
  });
  it("other outcomes and open applications: nothing", () => {
    expect(en(app(received("2026-03-02"), concluded("2026-03-30")))).toEqual([]);
    expect(en(app(received("2026-03-02")))).toEqual([]);
  });
});
