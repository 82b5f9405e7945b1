// Issue 19, item 3: section 六's fee statement from the register's fee events (第四十二条,
// 信息处理费管理办法), the rules on its three figures, and the sentence for the draft.
import { describe, expect, it } from "vitest";
import { feeStatementText, feesFromRegister } from "../src/register/fees.ts";
import { checkReport } from "../src/report/rules/index.ts";
import { emptyReport } from "../src/report/schema.ts";
import { app, concluded, fee, paid, received } from "./deadline-builders.ts";

const withId = (id: string, a: ReturnType<typeof app>) => ({ ...a, id });

describe("第四十二条: fees from the register", () => {
  const apps = [
    // 2026 notice of 100 (fee() is 100 yuan), paid in 2026 without an amount: 100 collected
    withId("a", app(received("2026-05-11"), fee("2026-05-13"), paid("2026-05-20"))),
    // 2026 notice of 250.5, paid 200 in 2026
    withId(
      "b",
      app(
        received("2026-06-01"),
        { ...fee("2026-06-03"), amountYuan: 250.5 },
        {
          type: "feePaid",
          date: "2026-06-10",
          amountYuan: 200,
        },
      ),
    ),
    // 2025 notice, paid in 2026: collected in 2026, not a 2026 notice
    withId("c", app(received("2025-12-01"), fee("2025-12-15"), paid("2026-01-05"))),
    // 2025 notice never paid, closed as 逾期未缴费 in 2026: explained by last year's notice
    withId(
      "d",
      app(received("2025-12-01"), fee("2025-12-20"), concluded("2026-01-26", "otherFeeUnpaid")),
    ),
    // 逾期未缴费 with no notice at all
    withId("e", app(received("2026-03-02"), concluded("2026-04-01", "otherFeeUnpaid"))),
    // a notice withdrawn by an amendment counts nowhere
    withId(
      "f",
      app(received("2026-03-02"), fee("2026-03-04"), {
        type: "amended",
        date: "2026-03-05",
        supersedes: "e2",
        reason: "误录",
      }),
    ),
  ];

  it("第四十二条: notices issued in the year, their total, and the payments of the year", () => {
    expect(feesFromRegister(apps, 2026)).toEqual({
      noticesIssued: 2,
      amountNotifiedYuan: 350.5,
      amountCollectedYuan: 400,
      unpaidWithoutAnyNotice: 1,
      unpaidFromEarlierNotices: 1,
    });
    expect(feesFromRegister(apps, 2025)).toMatchObject({
      noticesIssued: 2,
      amountNotifiedYuan: 200,
      amountCollectedYuan: 0,
    });
  });

  it("第四十二条: the sentence of section 六", () => {
    expect(feeStatementText(feesFromRegister(apps, 2026)).zh).toBe(
      "本年度发出信息处理费收费通知 2 件，总金额 350.5 元，实际收取信息处理费 400 元。",
    );
    expect(feeStatementText(feesFromRegister([], 2026)).zh).toBe(
      "本年度未发出信息处理费收费通知，未收取信息处理费。",
    );
    expect(
      feeStatementText({ noticesIssued: 1, amountNotifiedYuan: 100, amountCollectedYuan: 0 }).en,
    ).toBe(
      "1 notice of information-processing fees was issued this year for 100 yuan in all; 0 yuan were collected.",
    );
  });
});

describe("fee statement rules", () => {
  const report = (fees: {
    noticesIssued: number;
    amountNotifiedYuan: number;
    amountCollectedYuan: number;
  }) => {
    const r = emptyReport({ name: "某局" }, 2026);
    r.fees = fees;
    r.problems = "无";
    r.overview.intro = "总体情况。";
    return checkReport(r).map((f) => f.code);
  };
  it("fees.amountWithoutNotice: 0 notices but an amount notified", () => {
    expect(report({ noticesIssued: 0, amountNotifiedYuan: 300, amountCollectedYuan: 0 })).toContain(
      "fees.amountWithoutNotice",
    );
    // collected with no notice this year: last year's notices explain it
    expect(
      report({ noticesIssued: 0, amountNotifiedYuan: 0, amountCollectedYuan: 100 }),
    ).not.toContain("fees.amountWithoutNotice");
  });
  it("fees.collectedExceedsNotified: more collected than notified", () => {
    expect(
      report({ noticesIssued: 1, amountNotifiedYuan: 100, amountCollectedYuan: 200 }),
    ).toContain("fees.collectedExceedsNotified");
    expect(report({ noticesIssued: 1, amountNotifiedYuan: 100, amountCollectedYuan: 100 })).toEqual(
      [],
    );
  });
});
