// The trace is what staff read to trust a due date: its exact lines for one full case.
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, dueDate } from "../src/register/deadlines/index.ts";
import { applicationSchema } from "../src/register/schema.ts";

const calendar = createWorkingCalendar();
const app = (events: Record<string, unknown>[]) =>
  applicationSchema.parse({ id: "t", events: events.map((e, i) => ({ id: `e${i + 1}`, ...e })) });

describe("due date trace", () => {
  it("explains receipt, holidays, 调休, a consultation, an extension and a late reply", () => {
    // Counted by hand: 09-20 Sun W d1, 09-21…24 d2–5, 中秋 09-25…27, 09-28…30 d6–8,
    // 国庆 10-01…07, 10-08…09 d9–10, 10-10 Sat W d11, 10-12 d12 (consultation starts);
    // 10-13…20 paused (6 working days; the third party's 15 would end 11-02: 10-13…16,
    // 10-19…23, 10-26…30, 11-02); 8 + 20 left: 10-21…23, 10-26…30, 11-02…06,
    // 11-09…13, 11-16…20, 11-23…27 → 11-27; concluded 11-30 (Mon), one working day late.
    const r = dueDate(
      app([
        { type: "received", date: "2026-09-18", applicantType: "naturalPerson", channel: "post" },
        { type: "consultationStarted", date: "2026-10-12", party: "thirdParty" },
        { type: "consultationEnded", date: "2026-10-20" },
        { type: "extended", date: "2026-10-23", workingDays: 20 },
        { type: "concluded", date: "2026-11-30", outcome: "granted" },
      ]),
      calendar,
    );
    expect(r).toMatchObject({
      dueDate: "2026-11-27",
      provisional: false,
      paused: false,
      waitingForApplicant: false,
      limitWorkingDays: 40,
      concludedOn: "2026-11-30",
      answeredOnTime: false,
    });
    expect(r.trace.map((t) => t.zh)).toEqual([
      "收到申请 2026-09-18（星期五），当日不计，自次一工作日起 20 个工作日（第三十一条、第三十三条）",
      "2026-09-20（星期日）国庆节调休上班，计入（第 1 个工作日）",
      "中秋 2026-09-25 至 09-27 放假，不计",
      "国庆节 2026-10-01 至 10-07 放假，不计",
      "2026-10-10（星期六）国庆节调休上班，计入（第 11 个工作日）",
      "2026-10-12（星期一）起征求第三方意见（第三十二条），所需时间不计入答复期限；被征求意见方应于 2026-11-02（星期一）前答复",
      "此前已用 12 个工作日，尚余 8 个",
      "2026-10-20（星期二）征求意见结束",
      "恢复计算：2026-10-13 至 10-20 共 6 个工作日不计，尚余 8 个工作日",
      "2026-10-23（星期五）延长答复期限 20 个工作日（第三十三条第二款），期限共 40 个工作日",
      "第 40 个工作日为 2026-11-27（星期五）：答复期限",
      "2026-11-30（星期一）办结，逾期 1 个工作日",
    ]);
    expect(r.trace.map((t) => t.en)).toEqual([
      "Application received 2026-09-18 (Friday); that day is not counted: 20 working days from the next working day (Arts. 31, 33)",
      "2026-09-20 (Sunday) is a make-up working day (National Day): counted (working day 1)",
      "Mid-autumn Festival 2026-09-25 to 09-27: holiday, not counted",
      "National Day 2026-10-01 to 10-07: holiday, not counted",
      "2026-10-10 (Saturday) is a make-up working day (National Day): counted (working day 11)",
      "2026-10-12 (Monday) consulting a third party (Art. 32) begins: the time it takes is not counted; the consulted party answers by 2026-11-02 (Monday)",
      "12 working days used so far, 8 left",
      "2026-10-20 (Tuesday) consultation ends",
      "The count resumes: 2026-10-13 to 10-20, 6 working days not counted; 8 working days left",
      "2026-10-23 (Friday) deadline extended by 20 working days (Art. 33(2)): 40 working days in all",
      "Working day 40 is 2026-11-27 (Friday): the reply is due",
      "Concluded 2026-11-30 (Monday): 1 working day(s) late",
    ]);
  });

  it("the issue's example, and a provisional year says so", () => {
    const r = dueDate(
      app([{ type: "received", date: "2026-09-28", applicantType: "naturalPerson" }]),
      calendar,
    );
    expect(r.trace.map((t) => t.zh)).toEqual([
      "收到申请 2026-09-28（星期一），当日不计，自次一工作日起 20 个工作日（第三十一条、第三十三条）",
      "第 1 个工作日：2026-09-29（星期二）",
      "国庆节 2026-10-01 至 10-07 放假，不计",
      "2026-10-10（星期六）国庆节调休上班，计入（第 5 个工作日）",
      "第 20 个工作日为 2026-10-30（星期五）：答复期限",
    ]);
    const p = dueDate(
      app([{ type: "received", date: "2031-01-17", applicantType: "naturalPerson" }]),
      calendar,
    );
    expect(p.trace.map((t) => t.zh)).toEqual([
      "收到申请 2031-01-17（星期五），当日不计，自次一工作日起 20 个工作日（第三十一条、第三十三条）",
      "第 1 个工作日：2031-01-20（星期一）",
      "春节 2031-01-22 至 01-25 放假，不计",
      "春节补假 2031-01-27 放假，不计",
      "第 20 个工作日为 2031-02-20（星期四）：答复期限",
      "2031 年放假安排尚未公布：按《全国年节及纪念日放假办法》推算法定节假日（不含调休），期限为暂定",
    ]);
  });

  it("a pause that ends with no day left: due on the first working day after it", () => {
    const r = dueDate(
      app([
        { type: "received", date: "2026-03-02", applicantType: "naturalPerson" },
        { type: "consultationStarted", date: "2026-03-30", party: "agency" },
        { type: "consultationEnded", date: "2026-04-04" },
      ]),
      calendar,
    );
    expect(r.dueDate).toBe("2026-04-07");
    expect(r.trace.at(-1)?.zh).toBe(
      "恢复计算时已无剩余工作日：答复期限为其后第一个工作日 2026-04-07（星期二）（民法典第二百零三条）",
    );
  });
});

describe("trace notes on irregular records", () => {
  it("a late or second 补正 request is noted (第三十条), and still restarts the count", () => {
    // 7 working days from 2026-03-02: 03-03…06, 03-09…11 → 03-11
    const r = dueDate(
      app([
        { type: "received", date: "2026-03-02", applicantType: "naturalPerson" },
        { type: "correctionRequested", date: "2026-03-12" },
        { type: "correctionReceived", date: "2026-03-13" },
        { type: "correctionRequested", date: "2026-03-16" },
      ]),
      calendar,
    );
    const zh = r.trace.map((t) => t.zh);
    expect(zh).toContain(
      "注意：补正要求晚于收到申请后 7 个工作日（应不晚于 2026-03-11，第三十条）",
    );
    expect(zh).toContain("注意：第三十条要求一次性告知补正，此为再次要求");
    expect(r.waitingForApplicant).toBe(true);
  });
});
