// The daily reminders: who gets what on a working day, and when the run is. The calendar is
// chinese-days' 2024–2026 arrangements (see deadlines.test.ts for the days): 2026 国庆
// 10-01…07 off, Saturday 10-10 worked; 2026 元旦 01-01…03 off, Sunday 01-04 worked.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as domain from "../src/index.ts";
import { createWorkingCalendar } from "../src/register/deadlines/index.ts";
import {
  type AnnualReportState,
  computeReminders,
  currentRun,
  dueItems,
  nextRunAt,
  type ReminderApplication,
  type ReminderStaff,
  reminderKey,
  shanghaiDate,
} from "../src/register/reminders/index.ts";
import type { Finding } from "../src/report/findings.ts";

const calendar = createWorkingCalendar();

const staff: ReminderStaff[] = [
  { id: "c1", role: "clerk", agencyCode: "A", telegramUserId: 101 },
  { id: "c2", role: "clerk", agencyCode: "A", telegramUserId: null },
  { id: "m1", role: "manager", agencyCode: "A", telegramUserId: 201, language: "en", scope: ["B"] },
  { id: "c3", role: "clerk", agencyCode: "B", telegramUserId: 301, language: "zh" },
  { id: "c4", role: "clerk", agencyCode: "C", telegramUserId: 401 },
  { id: "m4", role: "manager", agencyCode: "C", telegramUserId: 402 },
];

const open = (
  id: string,
  agencyCode: string,
  dueDate: string | null,
  status: ReminderApplication["status"] = "onTime",
): ReminderApplication => ({ id, agencyCode, number: Number(id.slice(1)), dueDate, status });

// Today: Monday 2026-10-26.
const TODAY = "2026-10-26";
const applications: ReminderApplication[] = [
  open("a1", "A", "2026-10-23", "overdue"), // Friday: 1 working day overdue
  open("a2", "A", "2026-10-29", "dueSoon"), // Thursday: 3 working days left
  open("a3", "A", "2026-10-30", "dueSoon"), // Friday: 4 left, not listed
  open("a4", "A", "2026-10-26", "dueSoon"), // today: 0 left
  open("a5", "A", null, "waitingForApplicant"),
  open("a6", "A", "2026-10-20", "paused"), // a stopped clock is not overdue
  open("a7", "A", "2026-10-01", "concluded"),
  open("a8", "B", "2026-10-09", "overdue"), // Friday 10-09 → Saturday 10-10 is worked: 12 days
  open("a9", "C", "2026-11-30", "onTime"),
];

const run = (today = TODAY, extra: Partial<Parameters<typeof computeReminders>[0]> = {}) =>
  computeReminders({
    today,
    calendar,
    staff,
    applications,
    agencies: [
      { code: "A", name: "甲局" },
      { code: "B", name: "乙局" },
    ],
    ...extra,
  });

describe("dueItems", () => {
  it("lists overdue and due within 3 working days, most urgent first, counting 调休 days", () => {
    const items = dueItems(applications, new Set(["A", "B"]), TODAY, calendar);
    expect(items.map((i) => [i.id, i.overdue, i.workingDays])).toEqual([
      ["a8", true, 12],
      ["a1", true, 1],
      ["a4", false, 0],
      ["a2", false, 3],
    ]);
  });

  it("counts the window in working days: before 国庆 three working days reach 10-09", () => {
    const apps = [open("b1", "A", "2026-10-09"), open("b2", "A", "2026-10-10")];
    // 2026-09-30 (Wed): 10-08 is day 1, 10-09 day 2, 10-10 (Saturday, worked) day 3.
    expect(dueItems(apps, new Set(["A"]), "2026-09-30", calendar).map((i) => i.id)).toEqual([
      "b1",
      "b2",
    ]);
    expect(dueItems(apps, new Set(["A"]), "2026-09-28", calendar).map((i) => i.id)).toEqual([]);
  });
});

describe("computeReminders", () => {
  it("sends each linked clerk their agency's list, in Chinese unless they chose English", () => {
    const out = run();
    const c1 = out.find((r) => r.staffId === "c1")!;
    expect(c1).toMatchObject({
      kind: "due",
      telegramUserId: 101,
      language: "zh",
      date: TODAY,
      key: reminderKey("c1", "due", TODAY),
    });
    expect(c1.message).toBe(
      [
        "答复期限提醒 · 2026-10-26（星期一）",
        "已逾期 1 件：",
        "• 第 1 号：期限 2026-10-23（星期五），已逾期 1 个工作日",
        "3 个工作日内到期 2 件：",
        "• 第 4 号：今天到期",
        "• 第 2 号：期限 2026-10-29（星期四），尚余 3 个工作日",
      ].join("\n"),
    );
    expect(c1.text.en).toContain("• No. 1: due 2026-10-23 (Friday), 1 working day overdue");
    expect(out.find((r) => r.staffId === "c3")!.message).toContain("已逾期 12 个工作日");
  });

  it("sends nothing to an unlinked staff member or when there is nothing to say", () => {
    const out = run();
    expect(out.map((r) => r.staffId)).not.toContain("c2");
    expect(out.filter((r) => r.staffId === "c4" || r.staffId === "m4")).toEqual([]);
  });

  it("gives a manager a digest of their agency and of the agencies in their scope", () => {
    const m1 = run().filter((r) => r.staffId === "m1");
    expect(m1.map((r) => r.kind)).toEqual(["digest"]);
    expect(m1[0]!.language).toBe("en");
    expect(m1[0]!.message).toBe(
      [
        "Daily digest · 2026-10-26 (Monday)",
        "Overdue: 1",
        "• No. 1: due 2026-10-23 (Friday), 1 working day overdue",
        "Due within 3 working days: 2",
        "• No. 4: due today",
        "• No. 2: due 2026-10-29 (Thursday), 3 working days left",
        "Agencies below yours or in your region:",
        "• 乙局 (B): 1 overdue, 0 due within 3 working days",
      ].join("\n"),
    );
    expect(m1[0]!.text.zh).toContain("• 乙局：逾期 1 件，3 个工作日内到期 0 件");
  });

  it("sends a digest when only another agency of the scope has something due", () => {
    const out = run(TODAY, { applications: applications.filter((a) => a.agencyCode === "B") });
    const m1 = out.find((r) => r.staffId === "m1")!;
    expect(m1.text.zh).toContain("本机关没有逾期或即将到期的申请。");
    expect(out.map((r) => r.staffId).sort()).toEqual(["c3", "m1"]);
  });

  it("sends nothing on a weekend, a holiday or a day of the statutory fallback off", () => {
    expect(run("2026-10-25")).toEqual([]); // Sunday
    expect(run("2026-10-05")).toEqual([]); // 国庆
    expect(run("2026-10-10").length).toBeGreaterThan(0); // Saturday worked (调休)
    expect(run("2031-01-27")).toEqual([]); // 春节 补假 under the fallback
  });

  it("marks a provisional due date", () => {
    const out = run(TODAY, {
      applications: [{ ...open("a1", "A", "2026-10-27", "dueSoon"), provisional: true }],
    });
    expect(out.find((r) => r.staffId === "c1")!.text).toMatchObject({
      zh: expect.stringContaining("（暂定）"),
      en: expect.stringContaining("(provisional)"),
    });
  });

  it("cuts a long list so that a message stays within Telegram's limit", () => {
    const many = Array.from({ length: 200 }, (_, i) => ({
      ...open(`x${i + 1}`, "A", "2026-10-20", "overdue"),
      subject: "关于某某事项的政府信息公开申请".repeat(5),
    }));
    const c1 = run(TODAY, { applications: many }).find((r) => r.staffId === "c1")!;
    expect(c1.message).toContain("……另有 170 件");
    expect(c1.text.zh.length).toBeLessThan(4096);
    expect(c1.text.en.length).toBeLessThan(4096);
  });
});

describe("the annual report reminder (31 January, 第四十九条)", () => {
  const finding = (severity: "error" | "warning", zh: string): Finding => ({
    code: "requests.balance",
    severity,
    cells: [],
    message: { zh, en: `en:${zh}` },
  });
  const reports: AnnualReportState[] = [
    {
      agencyCode: "A",
      year: 2025,
      published: false,
      findings: [finding("warning", "提示一"), finding("error", "错误一")],
    },
    { agencyCode: "B", year: 2025, published: true, findings: [] },
  ];
  const annual = (today: string, r = reports) =>
    computeReminders({ today, calendar, staff, applications: [], reports: r }).filter(
      (x) => x.kind === "annualReport",
    );

  it("reminds managers from the first working day after 1 January, with the draft's findings", () => {
    expect(annual("2026-01-01")).toEqual([]); // 元旦
    expect(annual("2026-01-02")).toEqual([]); // 元旦 holiday in 2026
    const r = annual("2026-01-04"); // Sunday, worked (调休)
    expect(r.map((x) => x.staffId)).toEqual(["m1", "m4"]);
    expect(r[0]!.text.zh).toBe(
      [
        "年度报告提醒 · 2026-01-04（星期日）",
        "2025 年政府信息公开工作年度报告应于 2026-01-31 前公布（第四十九条），还有 27 天。",
        "A：尚未公布，草稿有 1 个错误、1 个提示：",
        "• 错误：错误一",
        "• 提示：提示一",
      ].join("\n"),
    );
    expect(r[0]!.message).toContain("The 2025 annual report");
    expect(r[1]!.text.zh).toContain("C：尚未公布，草稿未发现问题。");
  });

  it("keeps reminding after 31 January until the report is published", () => {
    expect(annual("2026-02-02")[0]!.text.zh).toContain("已逾期 2 天");
    const published = reports.map((r) => ({ ...r, published: true }));
    const c = { ...reports[0]!, agencyCode: "C", published: true };
    expect(annual("2026-02-02", [...published, c])).toEqual([]);
  });

  it("starts on 2 January when it is a working day, and never reminds clerks", () => {
    const r = annual(
      "2025-01-02",
      reports.map((x) => ({ ...x, year: 2024 })),
    );
    expect(r.map((x) => x.staffId)).toEqual(["m1", "m4"]);
  });

  it("stops after 31 March (the latest deadline), so a missing year does not nag all year", () => {
    expect(annual("2026-03-31").length).toBe(2);
    expect(annual("2026-04-01")).toEqual([]);
    expect(
      annual(
        "2025-12-31",
        reports.map((x) => ({ ...x, year: 2024 })),
      ),
    ).toEqual([]);
  });
});

describe("keys and determinism", () => {
  it("keys name staff member, kind and day, and are safe in a URL path", () => {
    expect(reminderKey("s/1 x", "due", "2026-10-26")).toBe("2026-10-26.due.s%2F1%20x");
    expect(reminderKey("c1", "digest", "2026-10-26")).not.toBe(
      reminderKey("c1", "due", "2026-10-26"),
    );
  });

  it("gives the same reminders for the same input, whatever the order of the staff", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(staff), (some) => {
        const a = computeReminders({ today: TODAY, calendar, staff: some, applications });
        const b = computeReminders({
          today: TODAY,
          calendar,
          staff: [...some].reverse(),
          applications,
        });
        expect(b).toEqual(a);
        expect(new Set(a.map((r) => r.key)).size).toBe(a.length);
      }),
    );
  });
});

describe("nextRunAt: 09:00 Asia/Shanghai on a working day", () => {
  it.each([
    ["2026-09-30T00:59:59Z", "2026-09-30T01:00:00.000Z"], // Wednesday 08:59:59 in China
    ["2026-09-30T01:00:00Z", "2026-10-08T01:00:00.000Z"], // 09:00 itself → after 国庆
    ["2026-10-09T02:00:00Z", "2026-10-10T01:00:00.000Z"], // Friday → Saturday worked
    ["2026-10-08T17:00:00Z", "2026-10-09T01:00:00.000Z"], // 01:00 in China is already 10-09
    ["2026-12-31T12:00:00Z", "2027-01-04T01:00:00.000Z"], // 2027 under the fallback: Monday
  ])("after %s → %s", (now, next) => {
    expect(nextRunAt(new Date(now), calendar).toISOString()).toBe(next);
  });

  it("is always a working day at 09:00 in China, after now, with no run skipped", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2024-01-01T00:00:00Z"),
          max: new Date("2031-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (now) => {
          const at = nextRunAt(now, calendar);
          expect(at.getTime()).toBeGreaterThan(now.getTime());
          expect(at.getUTCHours()).toBe(1);
          expect(at.getUTCMinutes()).toBe(0);
          expect(calendar.isWorkingDay(shanghaiDate(at))).toBe(true);
          // No working day's 09:00 lies between now and the result.
          for (let d = shanghaiDate(now); d < shanghaiDate(at); ) {
            const nine = new Date(`${d}T01:00:00Z`);
            if (nine > now) expect(calendar.isWorkingDay(d)).toBe(false);
            d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          }
        },
      ),
    );
  });

  it("refuses an invalid instant", () => {
    expect(() => nextRunAt(new Date(Number.NaN), calendar)).toThrow(RangeError);
  });

  it("currentRun: today's run while it is between 09:00 and 18:00 on a working day", () => {
    expect(currentRun(new Date("2026-10-26T01:30:00Z"), calendar)?.date).toBe("2026-10-26");
    expect(currentRun(new Date("2026-10-26T00:59:00Z"), calendar)).toBeNull();
    expect(currentRun(new Date("2026-10-26T10:00:00Z"), calendar)).toBeNull();
    expect(currentRun(new Date("2026-10-25T01:30:00Z"), calendar)).toBeNull(); // Sunday
  });

  it("is exported from the package index", () => {
    for (const name of ["computeReminders", "reminderKey", "nextRunAt", "currentRun"])
      expect(domain, name).toHaveProperty(name);
  });
});
