// Properties of the reader (fast-check): any text at all (random unicode, lookalikes of the
// clerk's words, huge input) gets exactly one Reading and never throws; the same text always
// gets the same reading; an ask offers at least two understood readings; every date and
// number written in any of the forms reads back as itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTENT_NAMES, type Reading, readMessage, readSlot, SLOT_KINDS } from "../../src/index.ts";
import { addDays, dayNumber } from "../../src/register/deadlines/iso-dates.ts";

const TODAY = "2026-12-10";
const context = { today: TODAY, earliest: "2020-01-01" };

const isBilingual = (b: unknown) =>
  typeof b === "object" &&
  b !== null &&
  typeof (b as { zh: unknown }).zh === "string" &&
  typeof (b as { en: unknown }).en === "string" &&
  (b as { zh: string }).zh !== "" &&
  (b as { en: string }).en !== "";

/** The reading is one of the three kinds and well formed. */
const wellFormed = (r: Reading) => {
  switch (r.kind) {
    case "understood":
      expect(INTENT_NAMES).toContain(r.intent);
      expect(Array.isArray(r.errors)).toBe(true);
      for (const e of r.errors) expect(isBilingual(e)).toBe(true);
      return;
    case "ask":
      expect(isBilingual(r.question)).toBe(true);
      expect(r.choices.length).toBeGreaterThanOrEqual(2);
      // Each choice a different reading, each with its own label.
      expect(new Set(r.choices.map((c) => JSON.stringify(c.reading))).size).toBe(r.choices.length);
      expect(new Set(r.choices.map((c) => c.label.zh)).size).toBe(r.choices.length);
      for (const c of r.choices) {
        expect(isBilingual(c.label)).toBe(true);
        expect(c.reading.kind).toBe("understood");
        expect(INTENT_NAMES).toContain(c.reading.intent);
      }
      return;
    case "unknown":
      expect(isBilingual(r.hint)).toBe(true);
      return;
    default:
      throw new Error(`not a reading: ${JSON.stringify(r)}`);
  }
};

// Pieces of real messages, so random text often looks like one (and hits the rules' corners).
const PIECES = [
  "今天",
  "昨天",
  "上周五",
  "周三",
  "12.1",
  "12/1",
  "12月1日",
  "2025-12-01",
  "二〇二五年十二月一日",
  "3号",
  "第3号",
  "3号件",
  "No.3",
  "十二号",
  "收到",
  "申请",
  "要求公开",
  "张三",
  "律师",
  "公司",
  "予以公开",
  "不予公开",
  "信息不存在",
  "非本机关",
  "撤回",
  "撤销",
  "延期",
  "补正",
  "征求意见",
  "收费通知",
  "50元",
  "已缴费",
  "今年",
  "去年",
  "多少",
  "几件",
  "逾期",
  "在办",
  "年报",
  "帮助",
  "取消",
  "，",
  "。",
  " ",
  "登记",
  "办结",
  "其他事项",
  "/new",
  "/close",
  "邮件",
  "窗口",
  "\u200b",
  "１２",
  "２０２５",
  "号",
  "第",
  "年",
  "月",
  "日",
  "\u0001",
  "$&",
  "__proto__",
  "constructor",
];
const messageLike = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((xs) => xs.join(""));
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  messageLike,
);
const anyToday = fc
  .integer({ min: dayNumber("2008-01-01"), max: dayNumber("2099-12-31") })
  .map((n) => addDays("1970-01-01", n));

describe("any message", () => {
  it("gets exactly one well-formed reading and never throws", () => {
    fc.assert(
      fc.property(anyText, anyToday, (text, today) => {
        wellFormed(readMessage(text, { today }));
      }),
      { numRuns: 3000 },
    );
  });

  it("gets the same reading every time", () => {
    fc.assert(
      fc.property(messageLike, (text) => {
        expect(readMessage(text, context)).toEqual(readMessage(text, context));
      }),
      { numRuns: 500 },
    );
  });

  it("huge input (up to 10,000 characters) is answered, not read", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2001, maxLength: 10_000 }), (text) => {
        const r = readMessage(text, context);
        wellFormed(r);
        expect(r.kind).toBe("unknown");
      }),
      { numRuns: 30 },
    );
    for (const text of [
      "收到".repeat(5000),
      "3号".repeat(3000),
      "1".repeat(10_000),
      "　".repeat(9999),
    ])
      wellFormed(readMessage(text, context));
  });

  it("no understood date is in the future or before the agency's first day", () => {
    fc.assert(
      fc.property(messageLike, (text) => {
        const r = readMessage(text, context);
        const all =
          r.kind === "understood" ? [r] : r.kind === "ask" ? r.choices.map((c) => c.reading) : [];
        for (const u of all)
          if ("date" in u && u.date !== undefined) {
            expect(u.date <= TODAY).toBe(true);
            expect(u.date >= "2020-01-01").toBe(true);
          }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("any fragment read as a slot", () => {
  it("is understood, asked, refused or unknown, and never throws", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLOT_KINDS), anyText, (kind, text) => {
        const r = readSlot(kind, text, context);
        expect(["understood", "ask", "refused", "unknown"]).toContain(r.kind);
        if (r.kind === "ask") expect(r.choices.length).toBeGreaterThanOrEqual(2);
        if (r.kind === "refused") expect(isBilingual(r.reason)).toBe(true);
        if (r.kind === "unknown") expect(isBilingual(r.hint)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

const CN = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const cnSmall = (n: number) =>
  n < 10 ? CN[n]! : `${n >= 20 ? CN[Math.floor(n / 10)] : ""}十${n % 10 ? CN[n % 10] : ""}`;
const cnYear = (y: number) => [...String(y)].map((d) => CN[Number(d)]).join("");

describe("every date in every form", () => {
  const pastDay = fc
    .integer({ min: dayNumber("2020-01-01"), max: dayNumber(TODAY) })
    .map((n) => addDays("1970-01-01", n));
  it("reads back as itself", () => {
    fc.assert(
      fc.property(pastDay, (date) => {
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        const forms = [
          date,
          `${y}/${m}/${d}`,
          `${y}.${m}.${d}`,
          date.replaceAll("-", ""),
          `${y}年${m}月${d}日`,
          `${cnYear(y)}年${cnSmall(m)}月${cnSmall(d)}日`,
        ];
        if (y === 2026)
          forms.push(`${m}月${d}日`, `${m}.${d}`, `${m}/${d}`, `${cnSmall(m)}月${cnSmall(d)}号`);
        for (const f of forms)
          expect(readSlot("date", f, context), f).toEqual({ kind: "understood", value: date });
      }),
      { numRuns: 300 },
    );
  });
  it("a future date is refused in every form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (ahead) => {
        const date = addDays(TODAY, ahead);
        if (date > "2100-12-31") return;
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        for (const f of [date, `${y}年${m}月${d}日`])
          expect(readSlot("date", f, context).kind, f).toBe("refused");
      }),
      { numRuns: 300 },
    );
  });
});

describe("every number in every form", () => {
  it("1 to 99 in Chinese numerals and digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        for (const f of [
          `${cnSmall(n)}号`,
          `第${cnSmall(n)}号`,
          `${n}号件`,
          `No.${n}`,
          `#${n}`,
          String(n),
        ])
          expect(readSlot("number", f, context), f).toEqual({ kind: "understood", value: n });
        const r = readMessage(`${cnSmall(n)}号件予以公开`, context);
        expect(r).toMatchObject({
          kind: "understood",
          intent: "close",
          number: n,
          outcome: "granted",
        });
      }),
      { numRuns: 99 },
    );
  });
});
