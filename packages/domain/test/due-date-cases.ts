// The hand-checked table of reply deadlines (第三十三条). Every expected date was counted by
// hand on a printed calendar of the State Council's arrangements as chinese-days records them
// (H = holiday, W = 调休 working weekend day), and cross-checked by a separate counter, never by
// this code. "Day n" is the n-th working day after the starting day.
//
// The arrangements used (国务院办公厅 notices):
// 2024 春节 02-10…02-17 H, 02-04 (Sun) W, 02-18 (Sun) W; 清明 04-04…06 H, 04-07 (Sun) W;
//      劳动节 05-01…05 H, 04-28 (Sun) W, 05-11 (Sat) W; 端午 06-10 H;
//      中秋 09-15…17 H, 09-14 (Sat) W; 国庆 10-01…07 H, 09-29 (Sun) W, 10-12 (Sat) W.
// 2025 元旦 01-01 H; 春节 01-28…02-04 H, 01-26 (Sun) W, 02-08 (Sat) W; 清明 04-04…06 H;
//      劳动节 05-01…05 H, 04-27 (Sun) W; 端午 05-31…06-02 H;
//      国庆·中秋 10-01…08 H, 09-28 (Sun) W, 10-11 (Sat) W.
// 2026 元旦 01-01…03 H, 01-04 (Sun) W; 春节 02-15…23 H, 02-14 (Sat) W, 02-28 (Sat) W;
//      清明 04-04…06 H; 劳动节 05-01…05 H, 05-09 (Sat) W; 端午 06-19…21 H; 中秋 09-25…27 H;
//      国庆 10-01…07 H, 09-20 (Sun) W, 10-10 (Sat) W.
// 2031 (not published: statutory fallback) 元旦 01-01 (Wed); 春节 除夕 01-22 (Wed) … 初三
//      01-25 (Sat) + 补假 01-27 (Mon); 清明 04-05 (Sat) + 补假 04-07 (Mon); 劳动节 05-01…02;
//      端午 06-24; 中秋 10-01 = 国庆 10-01…03 (Wed–Fri).
import {
  askCorrection,
  type calendar,
  concluded,
  consult,
  consultEnd,
  corrected,
  type Ev,
  extended,
  fee,
  loaded,
  paid,
  received,
} from "./deadline-builders.ts";

export type Case = {
  name: string;
  events: Ev[];
  due: string | null;
  why: string;
  provisional?: boolean;
  calendar?: typeof calendar;
  paused?: boolean;
  waiting?: boolean;
  answeredOnTime?: boolean | null;
};

export const cases: Case[] = [
  // ── Spring Festival with its 调休 days ──
  {
    name: "2024 Spring Festival, both make-up Sundays counted",
    events: [received("2024-02-01")],
    due: "2024-03-05",
    why: "02-02 d1, 02-04 Sun W d2, 02-05…09 d3–7, 02-10…17 H, 02-18 Sun W d8, 02-19…23 d9–13, 02-26…03-01 d14–18, 03-04 d19, 03-05 d20",
  },
  {
    name: "2024 receipt on 初三 (a holiday)",
    events: [received("2024-02-12")],
    due: "2024-03-14",
    why: "day 1 is the first working day after receipt: 02-18 Sun W d1, 02-19…23 d2–6, 02-26…03-01 d7–11, 03-04…08 d12–16, 03-11…14 d17–20",
  },
  {
    name: "2025 Spring Festival (8 days), 01-26 Sun and 02-08 Sat worked",
    events: [received("2025-01-20")],
    due: "2025-02-21",
    why: "01-21…24 d1–4, 01-26 Sun W d5, 01-27 d6, 01-28…02-04 H, 02-05…07 d7–9, 02-08 Sat W d10, 02-10…14 d11–15, 02-17…21 d16–20",
  },
  {
    name: "2025 receipt on 除夕 (a holiday)",
    events: [received("2025-01-28")],
    due: "2025-03-03",
    why: "02-05…07 d1–3, 02-08 Sat W d4, 02-10…14 d5–9, 02-17…21 d10–14, 02-24…28 d15–19, 03-03 d20",
  },
  {
    name: "2026 Spring Festival (9 days), day 1 is the make-up Saturday 02-14",
    events: [received("2026-02-13")],
    due: "2026-03-19",
    why: "02-14 Sat W d1, 02-15…23 H, 02-24…27 d2–5, 02-28 Sat W d6, 03-02…06 d7–11, 03-09…13 d12–16, 03-16…19 d17–20",
  },
  {
    name: "2026 receipt on a make-up Saturday (the receipt day is never counted)",
    events: [received("2026-02-14")],
    due: "2026-03-20",
    why: "02-24…27 d1–4, 02-28 Sat W d5, 03-02…06 d6–10, 03-09…13 d11–15, 03-16…20 d16–20",
  },
  {
    name: "2026 receipt inside the Spring Festival holiday",
    events: [received("2026-02-20")],
    due: "2026-03-20",
    why: "as from 02-14: day 1 is 02-24; 02-28 Sat W d5 … 03-20 d20",
  },
  // ── National Day with its 调休 days ──
  {
    name: "2024 National Day, 09-29 Sun and 10-12 Sat worked",
    events: [received("2024-09-27")],
    due: "2024-10-30",
    why: "09-29 Sun W d1, 09-30 d2, 10-01…07 H, 10-08…11 d3–6, 10-12 Sat W d7, 10-14…18 d8–12, 10-21…25 d13–17, 10-28…30 d18–20",
  },
  {
    name: "2024 Mid-autumn and National Day, three make-up days",
    events: [received("2024-09-13")],
    due: "2024-10-17",
    why: "09-14 Sat W d1, 09-15…17 H, 09-18…20 d2–4, 09-23…27 d5–9, 09-29 Sun W d10, 09-30 d11, 10-01…07 H, 10-08…11 d12–15, 10-12 Sat W d16, 10-14…17 d17–20",
  },
  {
    name: "2025 National Day and Mid-autumn together (8 days)",
    events: [received("2025-09-26")],
    due: "2025-10-30",
    why: "09-28 Sun W d1, 09-29…30 d2–3, 10-01…08 H, 10-09…10 d4–5, 10-11 Sat W d6, 10-13…17 d7–11, 10-20…24 d12–16, 10-27…30 d17–20",
  },
  {
    name: "2025 receipt on a National Day Saturday",
    events: [received("2025-10-04")],
    due: "2025-11-04",
    why: "10-09…10 d1–2, 10-11 Sat W d3, 10-13…17 d4–8, 10-20…24 d9–13, 10-27…31 d14–18, 11-03…04 d19–20",
  },
  {
    name: "2026 National Day: the issue's example",
    events: [received("2026-09-28")],
    due: "2026-10-30",
    why: "09-29…30 d1–2, 10-01…07 H, 10-08…09 d3–4, 10-10 Sat W d5, 10-12…16 d6–10, 10-19…23 d11–15, 10-26…30 d16–20 (the issue's sketch says 10-29: it skipped a day)",
  },
  {
    name: "2026 Mid-autumn then National Day, 09-20 Sun and 10-10 Sat worked",
    events: [received("2026-09-18")],
    due: "2026-10-22",
    why: "09-20 Sun W d1, 09-21…24 d2–5, 09-25…27 H, 09-28…30 d6–8, 10-01…07 H, 10-08…09 d9–10, 10-10 Sat W d11, 10-12…16 d12–16, 10-19…22 d17–20",
  },
  {
    name: "2026 receipt on a National Day Saturday",
    events: [received("2026-10-03")],
    due: "2026-11-03",
    why: "10-08…09 d1–2, 10-10 Sat W d3, 10-12…16 d4–8, 10-19…23 d9–13, 10-26…30 d14–18, 11-02…03 d19–20",
  },
  // ── Other holidays ──
  {
    name: "2024 清明 and 劳动节 with three make-up Sundays/Saturdays",
    events: [received("2024-04-03")],
    due: "2024-05-06",
    why: "04-04…06 H, 04-07 Sun W d1, 04-08…12 d2–6, 04-15…19 d7–11, 04-22…26 d12–16, 04-28 Sun W d17, 04-29…30 d18–19, 05-01…05 H, 05-06 d20",
  },
  {
    name: "2024 端午 on a Monday",
    events: [received("2024-06-07")],
    due: "2024-07-08",
    why: "06-10 H, 06-11…14 d1–4, 06-17…21 d5–9, 06-24…28 d10–14, 07-01…05 d15–19, 07-08 d20",
  },
  {
    name: "2025 劳动节, 04-27 Sun worked",
    events: [received("2025-04-25")],
    due: "2025-05-27",
    why: "04-27 Sun W d1, 04-28…30 d2–4, 05-01…05 H, 05-06…09 d5–8, 05-12…16 d9–13, 05-19…23 d14–18, 05-26…27 d19–20",
  },
  {
    name: "2025 端午 over a weekend",
    events: [received("2025-05-30")],
    due: "2025-06-30",
    why: "05-31…06-02 H, 06-03…06 d1–4, 06-09…13 d5–9, 06-16…20 d10–14, 06-23…27 d15–19, 06-30 d20",
  },
  {
    name: "2026 清明 then 劳动节",
    events: [received("2026-04-03")],
    due: "2026-05-07",
    why: "04-04…06 H, 04-07…10 d1–4, 04-13…17 d5–9, 04-20…24 d10–14, 04-27…30 d15–18, 05-01…05 H, 05-06…07 d19–20",
  },
  {
    name: "2026 劳动节, 05-09 Sat worked",
    events: [received("2026-04-30")],
    due: "2026-06-01",
    why: "05-01…05 H, 05-06…08 d1–3, 05-09 Sat W d4, 05-11…15 d5–9, 05-18…22 d10–14, 05-25…29 d15–19, 06-01 d20",
  },
  {
    name: "2026 端午",
    events: [received("2026-06-18")],
    due: "2026-07-17",
    why: "06-19…21 H, 06-22…26 d1–5, 06-29…07-03 d6–10, 07-06…10 d11–15, 07-13…17 d16–20",
  },
  // ── Weekends and year boundaries ──
  {
    name: "receipt on a Saturday: day 1 is Monday",
    events: [received("2026-03-07")],
    due: "2026-04-03",
    why: "03-09…13 d1–5, 03-16…20 d6–10, 03-23…27 d11–15, 03-30…04-03 d16–20",
  },
  {
    name: "receipt on the Friday before: same day 1, same due date",
    events: [received("2026-03-06")],
    due: "2026-04-03",
    why: "Friday is the receipt day (not counted): 03-09 d1 … 04-03 d20",
  },
  {
    name: "late December 2024 into 2025: the due date is a make-up Sunday",
    events: [received("2024-12-27")],
    due: "2025-01-26",
    why: "12-30…31 d1–2, 01-01 H, 01-02…03 d3–4, 01-06…10 d5–9, 01-13…17 d10–14, 01-20…24 d15–19, 01-26 Sun W d20",
  },
  {
    name: "late December 2025 into 2026 (元旦 3 days, 01-04 Sun worked)",
    events: [received("2025-12-26")],
    due: "2026-01-26",
    why: "12-29…31 d1–3, 01-01…03 H, 01-04 Sun W d4, 01-05…09 d5–9, 01-12…16 d10–14, 01-19…23 d15–19, 01-26 d20",
  },
  {
    name: "receipt on 2025-12-31",
    events: [received("2025-12-31")],
    due: "2026-01-29",
    why: "01-01…03 H, 01-04 Sun W d1, 01-05…09 d2–6, 01-12…16 d7–11, 01-19…23 d12–16, 01-26…29 d17–20",
  },
  // ── A year not yet published: statutory fallback, provisional ──
  {
    name: "2031 Spring Festival from the lunar calendar, with 补假",
    events: [received("2031-01-17")],
    due: "2031-02-20",
    provisional: true,
    why: "01-20…21 d1–2, 01-22…25 H (除夕…初三), 01-27 Mon 补假 for Sat 01-25, 01-28…31 d3–6, 02-03…07 d7–11, 02-10…14 d12–16, 02-17…20 d17–20",
  },
  {
    name: "2031 清明 on a Saturday, made up on Monday; 劳动节",
    events: [received("2031-04-03")],
    due: "2031-05-06",
    provisional: true,
    why: "04-04 d1, 04-05 Sat 清明, 04-07 Mon 补假, 04-08…11 d2–5, 04-14…18 d6–10, 04-21…25 d11–15, 04-28…30 d16–18, 05-01…02 H, 05-05…06 d19–20",
  },
  {
    name: "2031 National Day with 中秋 on 10-01, no 调休",
    events: [received("2031-09-26")],
    due: "2031-10-29",
    provisional: true,
    why: "09-29…30 d1–2, 10-01…03 H (Wed–Fri, no weekend: no 补假), 10-06…10 d3–7, 10-13…17 d8–12, 10-20…24 d13–17, 10-27…29 d18–20",
  },
  {
    name: "2031 loaded from a holiday file overrides the fallback",
    events: [received("2031-09-26")],
    calendar: loaded,
    due: "2031-10-30",
    provisional: false,
    why: "file: 09-28 Sun W d1, 09-29…30 d2–3, 10-01…08 H, 10-09…10 d4–5, 10-11 Sat W d6, 10-13…17 d7–11, 10-20…24 d12–16, 10-27…30 d17–20",
  },
  // ── 补正: a restart, not a pause (第三十条) ──
  {
    name: "补正 restarts the 20 days from the corrected application",
    events: [received("2026-03-02"), askCorrection("2026-03-05"), corrected("2026-03-12")],
    due: "2026-04-10",
    why: "from 03-12: 03-13 d1, 03-16…20 d2–6, 03-23…27 d7–11, 03-30…04-03 d12–16, 04-04…06 H, 04-07…10 d17–20",
  },
  {
    name: "补正 received just before the Spring Festival",
    events: [received("2026-02-02"), askCorrection("2026-02-04"), corrected("2026-02-13")],
    due: "2026-03-19",
    why: "restart from 02-13: as the 2026 Spring Festival case, 03-19",
  },
  {
    name: "waiting for the corrected application: no due date",
    events: [received("2026-03-02"), askCorrection("2026-03-05")],
    due: null,
    waiting: true,
    why: "the count will start again when the correction arrives",
  },
  // ── Pauses (第三十二条, 第三十四条, fees) ──
  {
    name: "third-party consultation: working days after the start up to the end not counted",
    events: [received("2026-03-02"), consult("2026-03-04"), consultEnd("2026-03-11")],
    due: "2026-04-07",
    why: "03-03 d1, 03-04 d2 (start day counted); 03-05…11 paused (5 working days); 03-12…13 d3–4, 03-16…20 d5–9, 03-23…27 d10–14, 03-30…04-03 d15–19, 04-04…06 H, 04-07 d20",
  },
  {
    name: "consultation ending on a Saturday",
    events: [received("2026-03-02"), consult("2026-03-04", "agency"), consultEnd("2026-03-07")],
    due: "2026-04-01",
    why: "d1–2 by 03-04; 03-05…06 paused; 03-09…13 d3–7, 03-16…20 d8–12, 03-23…27 d13–17, 03-30…04-01 d18–20",
  },
  {
    name: "consultation started on the due date, ended on a holiday: next working day",
    events: [received("2026-03-02"), consult("2026-03-30", "agency"), consultEnd("2026-04-04")],
    due: "2026-04-07",
    why: "03-30 is d20; the pause starts that day with 0 left; it ends 04-04 (清明, Sat) so the reply is due the next working day 04-07 (民法典第二百零三条)",
  },
  {
    name: "consultation started after the due date does not move it",
    events: [received("2026-03-02"), consult("2026-04-01"), consultEnd("2026-04-10")],
    due: "2026-03-30",
    why: "03-03…06 d1–4, 03-09…13 d5–9, 03-16…20 d10–14, 03-23…27 d15–19, 03-30 d20; the pause starts later",
  },
  {
    name: "fee notice to payment not counted",
    events: [received("2026-05-11"), fee("2026-05-13"), paid("2026-05-20")],
    due: "2026-06-15",
    why: "05-12…13 d1–2; 05-14…20 paused (5); 05-21…22 d3–4, 05-25…29 d5–9, 06-01…05 d10–14, 06-08…12 d15–19, 06-15 d20",
  },
  {
    // Issue 19: the pause ends by itself (信息处理费管理办法); before, it stood for ever.
    name: "unpaid fee past its 20 working days: due for a decision (逾期未缴费)",
    events: [received("2026-05-11"), fee("2026-05-13")],
    due: "2026-06-11",
    paused: false,
    waiting: false,
    why: "no delivery date: from the notice 05-13, 05-14…15 p1–2, 05-18…22 p3–7, 05-25…29 p8–12, 06-01…05 p13–17, 06-08…10 p18–20; lapsed 06-10; decision due the next working day 06-11",
  },
  {
    name: "fee never paid, concluded as abandoned on the decision day: on time",
    events: [received("2026-05-11"), fee("2026-05-13"), concluded("2026-06-11", "otherFeeUnpaid")],
    due: "2026-06-11",
    answeredOnTime: true,
    why: "the fee lapsed 06-10 (see the case above); closed on the decision day 06-11",
  },
  // ── Extension (第三十三条第二款) ──
  {
    name: "extension of 20 working days",
    events: [received("2026-09-28"), extended("2026-10-20")],
    due: "2026-11-27",
    why: "d20 10-30, then 11-02…06 d21–25, 11-09…13 d26–30, 11-16…20 d31–35, 11-23…27 d36–40",
  },
  {
    name: "extension of 10 working days",
    events: [received("2026-03-02"), extended("2026-03-20", 10)],
    due: "2026-04-14",
    why: "d20 03-30, 03-31…04-03 d21–24, 04-04…06 H, 04-07…10 d25–28, 04-13…14 d29–30",
  },
  {
    name: "extension decided after the due date is not counted",
    events: [received("2026-03-02"), extended("2026-04-01")],
    due: "2026-03-30",
    why: "the deadline had passed on 03-30",
  },
  {
    name: "a second extension is not counted",
    events: [received("2026-03-02"), extended("2026-03-20", 10), extended("2026-03-25", 10)],
    due: "2026-04-14",
    why: "one extension only: as the 10-day case",
  },
  {
    name: "pause and extension together, across 清明 and 劳动节",
    events: [
      received("2026-03-02"),
      consult("2026-03-04"),
      consultEnd("2026-03-11"),
      extended("2026-03-20"),
    ],
    due: "2026-05-08",
    why: "d20 04-07 (the consultation case); 04-08…10 d21–23, 04-13…17 d24–28, 04-20…24 d29–33, 04-27…30 d34–37, 05-01…05 H, 05-06…08 d38–40",
  },
  // ── Concluded ──
  {
    name: "concluded on the due date: on time",
    events: [received("2026-09-28"), concluded("2026-10-30")],
    due: "2026-10-30",
    answeredOnTime: true,
    why: "10-30 is d20",
  },
  {
    name: "concluded the next working day: late",
    events: [received("2026-09-28"), concluded("2026-11-02")],
    due: "2026-10-30",
    answeredOnTime: false,
    why: "11-02 is after 10-30",
  },
  {
    name: "reopened after conclusion: a new count from the reopening",
    events: [
      received("2026-03-02"),
      concluded("2026-03-20"),
      { type: "reopened", date: "2026-04-30", reason: "复议决定责令重新答复" },
    ],
    due: "2026-06-01",
    why: "from 04-30 as the 2026 劳动节 case",
  },
  {
    name: "an amended receipt date",
    events: [
      received("2026-03-06"),
      {
        type: "amended",
        date: "2026-03-10",
        supersedes: "e1",
        reason: "收到日期录错",
        replacement: {
          id: "e1b",
          type: "received",
          date: "2026-09-28",
          applicantType: "naturalPerson",
          channel: "post",
        },
      },
    ],
    due: "2026-10-30",
    why: "the replacement receipt 09-28 stands: the issue's example",
  },
];
