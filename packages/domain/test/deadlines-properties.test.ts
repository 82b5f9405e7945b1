// Invariants of the reply deadline over random receipts (published years 2024–2026 and the
// provisional 2027–2031), pauses and extensions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, dueDate } from "../src/register/deadlines/index.ts";
import { type Application, applicationSchema } from "../src/register/schema.ts";

const calendar = createWorkingCalendar();
const DAY = 86_400_000;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const from = Date.UTC(2024, 0, 1) / DAY;
const to = Date.UTC(2031, 11, 31) / DAY;

const day = fc.integer({ min: from, max: to });
const pause = fc.record({
  after: fc.integer({ min: 0, max: 45 }),
  length: fc.integer({ min: 0, max: 30 }),
  kind: fc.constantFrom("consultation", "fee"),
});
const extension = fc.record({
  after: fc.integer({ min: 0, max: 30 }),
  workingDays: fc.integer({ min: 1, max: 20 }),
});

type Shape = {
  receipt: number;
  pause?: { after: number; length: number; kind: string };
  extension?: { after: number; workingDays: number };
};

const build = ({ receipt, pause, extension }: Shape): Application => {
  const events: Record<string, unknown>[] = [
    { type: "received", date: iso(receipt), applicantType: "naturalPerson" },
  ];
  if (pause) {
    const s = receipt + pause.after;
    const e = s + pause.length;
    if (pause.kind === "fee") {
      events.push({ type: "feeNoticeIssued", date: iso(s), amountYuan: 10 });
      events.push({ type: "feePaid", date: iso(e) });
    } else {
      events.push({ type: "consultationStarted", date: iso(s), party: "thirdParty" });
      events.push({ type: "consultationEnded", date: iso(e) });
    }
  }
  if (extension)
    events.push({
      type: "extended",
      date: iso(receipt + extension.after),
      workingDays: extension.workingDays,
    });
  return applicationSchema.parse({
    id: "p",
    events: events.map((e, i) => ({ id: `e${i}`, ...e })),
  });
};

const due = (s: Shape) => dueDate(build(s), calendar).dueDate!;

describe("reply deadline invariants", () => {
  it("a due date is always a working day after receipt", () => {
    fc.assert(
      fc.property(
        day,
        fc.option(pause, { nil: undefined }),
        fc.option(extension, { nil: undefined }),
        (receipt, p, x) => {
          const d = due({ receipt, pause: p, extension: x });
          expect(calendar.isWorkingDay(d)).toBe(true);
          expect(d > iso(receipt)).toBe(true);
        },
      ),
    );
  });

  it("a later receipt never gives an earlier due date", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (r, later) => {
        expect(due({ receipt: r + later }) >= due({ receipt: r })).toBe(true);
      }),
    );
  });

  it("a pause never shortens a deadline", () => {
    fc.assert(
      fc.property(day, pause, fc.option(extension, { nil: undefined }), (receipt, p, x) => {
        expect(due({ receipt, pause: p, extension: x }) >= due({ receipt, extension: x })).toBe(
          true,
        );
      }),
    );
  });

  it("an extension never shortens a deadline", () => {
    fc.assert(
      fc.property(day, extension, fc.option(pause, { nil: undefined }), (receipt, x, p) => {
        expect(due({ receipt, pause: p, extension: x }) >= due({ receipt, pause: p })).toBe(true);
      }),
    );
  });

  it("without events, the due date is the 20th working day and 20 are counted", () => {
    fc.assert(
      fc.property(day, (receipt) => {
        const d = due({ receipt });
        expect(d).toBe(calendar.addWorkingDays(iso(receipt), 20));
        expect(calendar.workingDaysBetween(iso(receipt), d)).toBe(20);
      }),
    );
  });

  it("addWorkingDays and workingDaysBetween agree", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), (start, n) => {
        const a = iso(start);
        const d = calendar.addWorkingDays(a, n);
        if (n !== 0) expect(calendar.isWorkingDay(d)).toBe(true);
        // Forward: d is the n-th working day after a. Back: the n-th working day before a,
        // so (d, a] holds n − 1 of them, plus a itself when a is a working day.
        const expected = n >= 0 ? n : n + (calendar.isWorkingDay(a) ? 0 : 1);
        expect(calendar.workingDaysBetween(a, d)).toBe(expected);
        expect(calendar.workingDaysBetween(d, a) + expected).toBe(0);
      }),
    );
  });
});
