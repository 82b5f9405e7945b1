// Issue 19, item 4: 第四十九条 gives a department until 31 January and a county-level or higher
// government (its government information office) until 31 March to publish last year's report.
import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../src/register/deadlines/index.ts";
import {
  annualReportDeadline,
  computeReminders,
  type ReminderStaff,
} from "../src/register/reminders/index.ts";

const calendar = createWorkingCalendar();
const staff: ReminderStaff[] = [
  { id: "gov", role: "manager", agencyCode: "G", telegramUserId: 1, scope: ["D"] },
];
const agencies = [
  { code: "G", name: "民权县人民政府", kind: "government" as const },
  { code: "D", name: "民权县工业和信息化科技局", kind: "department" as const },
];
const annual = (today: string, withKinds = true) =>
  computeReminders({
    today,
    calendar,
    staff,
    applications: [],
    agencies: withKinds ? agencies : agencies.map(({ kind: _k, ...a }) => a),
    reports: [],
  }).filter((r) => r.kind === "annualReport");

describe("第四十九条: the report's deadline by the agency's kind", () => {
  it("第四十九条: a department by 01-31, a government by 03-31", () => {
    expect(annualReportDeadline("department")).toBe("01-31");
    expect(annualReportDeadline("government")).toBe("03-31");
    expect(annualReportDeadline(undefined)).toBe("01-31");
  });

  it("第四十九条: in February a county government is not late, its department is", () => {
    // Monday 2026-02-02: 2 days after 01-31; 57 days before 03-31 (Feb 26 + Mar 31)
    const [r] = annual("2026-02-02");
    expect(r!.text.zh).toBe(
      [
        "年度报告提醒 · 2026-02-02（星期一）",
        "2025 年政府信息公开工作年度报告应于 2026-01-31 前公布（第四十九条），已逾期 2 天。",
        "民权县工业和信息化科技局：尚未公布，草稿未发现问题。",
        "2025 年政府信息公开工作年度报告应于 2026-03-31 前公布（第四十九条），还有 57 天。",
        "民权县人民政府：尚未公布，草稿未发现问题。",
      ].join("\n"),
    );
  });

  it("第四十九条: without a kind every agency is a department (late in February)", () => {
    const [r] = annual("2026-02-02", false);
    expect(r!.text.zh).not.toContain("03-31 前公布");
    expect(r!.text.zh).toContain("民权县人民政府：尚未公布");
  });
});
