// The reminder scheduler with a fake clock: sleeping moves time forward at once. The source is
// an in-memory stand-in for the API's two routes that computes the day's reminders with the
// domain (computeReminders) and keeps the sent records, as the database does.
import {
  type AnnualReportState,
  computeReminders,
  createWorkingCalendar,
  type ReminderApplication,
  type ReminderStaff,
} from "@ogi/domain";
import { describe, expect, it } from "vitest";
import {
  createReminderScheduler,
  type DeliveryRecord,
  type ReminderSender,
  type ReminderSource,
  type SchedulerOptions,
} from "../src/reminders/scheduler.ts";
import { memoryStore } from "../src/storage.ts";

const calendar = createWorkingCalendar();

const staff: ReminderStaff[] = [
  { id: "c1", role: "clerk", agencyCode: "A", telegramUserId: 101 },
  { id: "m1", role: "manager", agencyCode: "A", telegramUserId: 201 },
];

/** The API's side: reminders of a day, and the delivery records. */
const fakeApi = (
  applications: ReminderApplication[],
  reports: AnnualReportState[] = [{ agencyCode: "A", year: 2025, published: true, findings: [] }],
) => {
  const records = new Map<string, DeliveryRecord & { at: number }>();
  const calls: string[] = [];
  const state = { reports, applications };
  const source: ReminderSource = {
    async due(date) {
      calls.push(date);
      return computeReminders({
        today: date,
        calendar,
        staff,
        applications: state.applications,
        reports: state.reports,
      }).map((r) => ({ ...r, sentAt: records.get(r.key)?.delivered ? "recorded" : null }));
    },
    async record(key, outcome) {
      records.set(key, { ...outcome, at: 0 });
    },
  };
  return { source, records, calls, state };
};

const logs = () => {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => lines.push({ level, obj, msg });
  return { lines, logger: { info: at("info"), warn: at("warn"), error: at("error") } };
};

type Sent = { to: number; text: string; at: string };

/**
 * Runs a scheduler from `from` until `until` (UTC instants) on a fake clock and returns what
 * it sent; sleeping past `until` stops it.
 */
const runBetween = async (
  from: string,
  until: string,
  source: ReminderSource,
  extra: Partial<SchedulerOptions> & { fail?: (n: number, to: number) => unknown } = {},
) => {
  let t = Date.parse(from);
  const end = Date.parse(until);
  const sent: Sent[] = [];
  const sleeps: number[] = [];
  let tries = 0;
  const sender: ReminderSender = async (to, text) => {
    tries++;
    const err = extra.fail?.(tries, to);
    if (err) throw err;
    sent.push({ to, text, at: new Date(t).toISOString() });
  };
  const log = logs();
  const scheduler = createReminderScheduler({
    source,
    sender,
    logger: log.logger,
    ...extra,
    clock: {
      now: () => new Date(t),
      async sleep(ms) {
        sleeps.push(ms);
        if (t + ms > end) {
          t = end;
          scheduler.stop();
          return;
        }
        t += ms;
      },
    },
  });
  await scheduler.start();
  return { sent, sleeps, log, tries };
};

// Monday 2026-10-26; 09:00 in China is 01:00 UTC.
const overdue: ReminderApplication = {
  id: "a1",
  agencyCode: "A",
  number: 1,
  dueDate: "2026-10-23",
  status: "overdue",
};

describe("the reminder scheduler (fake clock)", () => {
  it("sends each reminder once, at 09:00 in China, and records it", async () => {
    const api = fakeApi([overdue]);
    const { sent } = await runBetween("2026-10-25T20:00:00Z", "2026-10-26T12:00:00Z", api.source);
    expect(sent.map((s) => [s.to, s.at])).toEqual([
      [101, "2026-10-26T01:00:00.000Z"],
      [201, "2026-10-26T01:00:00.000Z"],
    ]);
    expect(sent[0]!.text).toContain("已逾期 1 件");
    expect([...api.records.keys()]).toEqual(["2026-10-26.due.c1", "2026-10-26.digest.m1"]);
    expect([...api.records.values()].every((r) => r.delivered && r.attempts === 1)).toBe(true);
    expect(api.calls).toEqual(["2026-10-26"]);
  });

  it("sends the next working day again (the due dates still stand), each day once", async () => {
    const api = fakeApi([overdue]);
    const { sent } = await runBetween("2026-10-26T00:00:00Z", "2026-10-28T00:00:00Z", api.source);
    expect(sent.map((s) => s.at.slice(0, 10))).toEqual([
      "2026-10-26",
      "2026-10-26",
      "2026-10-27",
      "2026-10-27",
    ]);
  });

  it("sends nothing again after a restart the same day", async () => {
    const api = fakeApi([overdue]);
    const store = memoryStore();
    const first = await runBetween("2026-10-26T00:30:00Z", "2026-10-26T01:10:00Z", api.source, {
      store,
    });
    expect(first.sent).toHaveLength(2);
    // Restarted at 09:30 in China: today's run is caught up, and finds everything recorded.
    const second = await runBetween("2026-10-26T01:30:00Z", "2026-10-26T09:00:00Z", api.source);
    expect(second.sent).toEqual([]);
    expect(api.calls).toEqual(["2026-10-26", "2026-10-26"]);
  });

  it("sends nothing again when the record was lost but the bot's store remembers", async () => {
    const api = fakeApi([overdue]);
    const store = memoryStore();
    const lossy: ReminderSource = { due: api.source.due, record: async () => {} };
    const first = await runBetween("2026-10-26T00:30:00Z", "2026-10-26T01:10:00Z", lossy, {
      store,
    });
    expect(first.sent).toHaveLength(2);
    const second = await runBetween("2026-10-26T02:00:00Z", "2026-10-26T03:00:00Z", lossy, {
      store,
    });
    expect(second.sent).toEqual([]);
  });

  it("a start after 09:00 still sends today's reminders, but not after 18:00", async () => {
    const api = fakeApi([overdue]);
    const late = await runBetween("2026-10-26T05:00:00Z", "2026-10-26T06:00:00Z", api.source);
    expect(late.sent.map((s) => s.at)).toEqual([
      "2026-10-26T05:00:00.000Z",
      "2026-10-26T05:00:00.000Z",
    ]);
    const api2 = fakeApi([overdue]);
    const evening = await runBetween("2026-10-26T10:30:00Z", "2026-10-26T15:00:00Z", api2.source);
    expect(evening.sent).toEqual([]);
  });

  it("retries a failed delivery with growing delays, then records it", async () => {
    const api = fakeApi([overdue]);
    const network = new Error("ETIMEDOUT");
    const { sent, sleeps, log } = await runBetween(
      "2026-10-26T00:59:00Z",
      "2026-10-26T02:00:00Z",
      api.source,
      { fail: (n) => (n <= 2 ? network : undefined), backoffMs: 1000 },
    );
    expect(sent.map((s) => [s.to, s.at])).toEqual([
      [101, "2026-10-26T01:00:03.000Z"], // after 1 s and 2 s
      [201, "2026-10-26T01:00:03.000Z"],
    ]);
    expect(sleeps.slice(1, 3)).toEqual([1000, 2000]);
    expect(api.records.get("2026-10-26.due.c1")).toMatchObject({ delivered: true, attempts: 3 });
    expect(log.lines.filter((l) => l.msg === "reminder delivery failed")).toHaveLength(2);
  });

  it("gives up after the last attempt, logs it and records the failure; the next day is new", async () => {
    const api = fakeApi([overdue]);
    const { sent, log, tries } = await runBetween(
      "2026-10-26T00:59:00Z",
      "2026-10-26T02:00:00Z",
      api.source,
      { fail: (_, to) => (to === 101 ? new Error("down") : undefined), maxAttempts: 3 },
    );
    expect(sent.map((s) => s.to)).toEqual([201]);
    expect(tries).toBe(4);
    expect(api.records.get("2026-10-26.due.c1")).toEqual({
      delivered: false,
      attempts: 3,
      error: "down",
      at: 0,
    });
    expect(log.lines.find((l) => l.level === "error")).toMatchObject({
      msg: "reminder not delivered",
      obj: { key: "2026-10-26.due.c1", attempts: 3 },
    });
  });

  it("does not retry what Telegram refuses for good (the user blocked the bot)", async () => {
    const api = fakeApi([overdue]);
    const blocked = Object.assign(new Error("Forbidden: bot was blocked by the user"), {
      error_code: 403,
    });
    const { tries } = await runBetween("2026-10-26T00:59:00Z", "2026-10-26T02:00:00Z", api.source, {
      fail: (_, to) => (to === 101 ? blocked : undefined),
    });
    expect(tries).toBe(2);
    expect(api.records.get("2026-10-26.due.c1")).toMatchObject({ delivered: false, attempts: 1 });
  });

  it("sends nothing on weekends and holidays: 国庆 2026 and the weekend before it", async () => {
    const api = fakeApi([{ ...overdue, dueDate: "2026-09-25" }]);
    const { sent } = await runBetween("2026-09-30T02:00:00Z", "2026-10-10T12:00:00Z", api.source);
    // Wednesday 09-30 10:00 caught up; then 10-08, 10-09 and Saturday 10-10 (调休上班).
    expect([...new Set(sent.map((s) => s.at))]).toEqual([
      "2026-09-30T02:00:00.000Z",
      "2026-10-08T01:00:00.000Z",
      "2026-10-09T01:00:00.000Z",
      "2026-10-10T01:00:00.000Z",
    ]);
    expect(api.calls).toEqual(["2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10"]);
  });

  it("reminds managers of the 31 January report from the first working day until publication", async () => {
    const api = fakeApi([], [{ agencyCode: "A", year: 2025, published: false, findings: [] }]);
    // 2026: 元旦 01-01…03 off, Sunday 01-04 worked.
    const first = await runBetween("2025-12-31T00:00:00Z", "2026-01-06T00:00:00Z", api.source);
    expect(first.sent.map((s) => [s.to, s.at.slice(0, 10)])).toEqual([
      [201, "2026-01-04"],
      [201, "2026-01-05"],
    ]);
    expect(first.sent[0]!.text).toContain("2025 年政府信息公开工作年度报告应于 2026-01-31 前公布");
    api.state.reports = [{ agencyCode: "A", year: 2025, published: true, findings: [] }];
    const after = await runBetween("2026-01-06T00:00:00Z", "2026-01-08T00:00:00Z", api.source);
    expect(after.sent).toEqual([]);
  });

  it("uses the language the user chose in the bot", async () => {
    const api = fakeApi([overdue]);
    const { sent } = await runBetween("2026-10-26T00:59:00Z", "2026-10-26T02:00:00Z", api.source, {
      languageOf: async (id) => (id === 201 ? "en" : undefined),
    });
    expect(sent.find((s) => s.to === 201)!.text).toMatch(/^Daily digest/);
    expect(sent.find((s) => s.to === 101)!.text).toMatch(/^答复期限提醒/);
  });

  it("tries a run whose reminders could not be fetched again 10 minutes later", async () => {
    let n = 0;
    const api = fakeApi([overdue]);
    const flaky: ReminderSource = {
      due: async (d) => {
        if (++n === 1) throw new Error("API down");
        return api.source.due(d);
      },
      record: api.source.record,
    };
    const { sent, log } = await runBetween("2026-10-26T00:00:00Z", "2026-10-27T02:00:00Z", flaky);
    expect(log.lines.some((l) => l.level === "error" && /could not fetch/.test(l.msg ?? ""))).toBe(
      true,
    );
    expect(sent.map((s) => s.at)).toEqual([
      "2026-10-26T01:10:00.000Z",
      "2026-10-26T01:10:00.000Z",
      "2026-10-27T01:00:00.000Z",
      "2026-10-27T01:00:00.000Z",
    ]);
  });

  it("gives a day up when the API stays down until the evening", async () => {
    const down: ReminderSource = {
      due: async () => {
        throw new Error("API down");
      },
      record: async () => {},
    };
    const { log } = await runBetween("2026-10-26T00:00:00Z", "2026-10-26T12:00:00Z", down);
    const fetches = log.lines.filter((l) => /could not fetch/.test(l.msg ?? "")).length;
    expect(fetches).toBe(54); // 09:00, 09:10 … 17:50
    expect(log.lines.some((l) => l.msg === "reminders: the day's run was given up")).toBe(true);
  });
});
