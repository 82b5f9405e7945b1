// Properties of the fold over generated registers (arbitraries.ts): valid histories, every
// rule passed, linearity, the stocks, amendments, the fast path, applicationFlows, summarize.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applicationFlows,
  applicationState,
  checkReport,
  checkRequests,
  deriveRequests,
  effectiveEvents,
  emptyReport,
  emptyRequestsTable,
  OUTCOMES,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type Register,
  registerSchema,
  summarize,
  sumRequests,
  validateTransition,
} from "../src/index.ts";
import { arbRegister, dateOf, dayNumberOf } from "./arbitraries.ts";
import { amend } from "./register-builders.ts";

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const deriveAll = (reg: Register) => YEARS.map((y) => deriveRequests(reg, y));

describe("properties of the fold", () => {
  it("generated registers are valid: each event is accepted after those before it", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        expect(registerSchema.safeParse(reg).success).toBe(true);
        for (const a of reg.applications)
          for (let i = 1; i < a.events.length; i++) {
            const before = { ...a, events: a.events.slice(0, i) };
            expect(validateTransition(before, a.events[i]!)).toEqual({ ok: true });
          }
      }),
      { numRuns: 100 },
    );
  });

  it("the derived table passes every rule of checkReport, in every year", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        for (const [i, requests] of deriveAll(reg).entries()) {
          const report = emptyReport({ name: "测试局" }, YEARS[i]!);
          report.requests = requests;
          report.problems = "无。";
          report.overview.intro = "总体情况。"; // narrative.missing otherwise (issue 19)
          report.fees.noticesIssued = requests.otherFeeUnpaid.total;
          expect(checkReport(report)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the table of a union of registers is the sum of their tables", () => {
    fc.assert(
      fc.property(arbRegister(), arbRegister(), (a, b) => {
        const union: Register = {
          applications: [...a.applications, ...b.applications],
          openingBalances: [...a.openingBalances, ...b.openingBalances],
        };
        for (const y of YEARS)
          expect(deriveRequests(union, y)).toEqual(
            sumRequests([deriveRequests(a, y), deriveRequests(b, y)]),
          );
      }),
      { numRuns: 100 },
    );
  });

  it("this year's carriedOver is last year's carriedForward", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        const tables = deriveAll(reg);
        // Opening balances lie in the first register year (2021) only.
        for (let i = 1; i < YEARS.length; i++)
          if (YEARS[i]! > 2021)
            expect(tables[i]!.carriedOver).toEqual(tables[i - 1]!.carriedForward);
      }),
      { numRuns: 150 },
    );
  });

  it("an event withdrawn by an amendment counts as if it had never been recorded", () => {
    fc.assert(
      fc.property(arbRegister({ amendments: false }), fc.nat(), fc.nat(), (reg, ai, ei) => {
        if (reg.applications.length === 0) return;
        const k = ai % reg.applications.length;
        const target = reg.applications[k]!;
        const victim = target.events[ei % target.events.length]!;
        const withdrawn = structuredClone(reg);
        withdrawn.applications[k]!.events.push(amend(victim.id, undefined, "2030-01-01"));
        const never = structuredClone(reg);
        never.applications[k]!.events = target.events.filter((e) => e.id !== victim.id);
        expect(effectiveEvents(withdrawn.applications[k]!)).toEqual(never.applications[k]!.events);
        expect(deriveAll(withdrawn)).toEqual(deriveAll(never));
        for (const d of ["2023-06-30", "2024-12-31"])
          expect(summarize(withdrawn, d)).toEqual(summarize(never, d));
      }),
      { numRuns: 150 },
    );
  });

  it("the fast path and the general path agree (an idle amendment forces the latter)", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        const slow = structuredClone(reg);
        for (const a of slow.applications) a.events.push(amend("no-such-event"));
        expect(deriveAll(slow)).toEqual(deriveAll(reg));
      }),
      { numRuns: 100 },
    );
  });

  it("applicationFlows is deriveRequests of a register of one, in the flow rows", () => {
    const flowRows = REQUEST_ROWS.filter((r) => r !== "carriedOver" && r !== "carriedForward");
    fc.assert(
      fc.property(arbRegister({ openingBalances: false }), (reg) => {
        for (const app of reg.applications)
          for (const y of YEARS) {
            const table = deriveRequests({ applications: [app], openingBalances: [] }, y);
            const expected = flowRows.flatMap((row) =>
              REQUEST_COLUMNS.filter((c) => table[row][c] !== 0).map((column) => ({
                row,
                column,
                n: table[row][column],
              })),
            );
            const key = (f: { row: string; column: string }) => `${f.row}|${f.column}`;
            const sorted = (xs: { row: string; column: string; n: number }[]) =>
              [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
            expect(sorted(applicationFlows(app, y))).toEqual(sorted(expected));
          }
      }),
      { numRuns: 100 },
    );
  });

  it("carriedOver and carriedForward count the applications open per applicationState", () => {
    fc.assert(
      fc.property(arbRegister({ openingBalances: false }), (reg) => {
        for (const y of YEARS) {
          const t = deriveRequests(reg, y);
          const openAt = (d: string) =>
            reg.applications.filter((a) => applicationState(a, d).open).length;
          expect(t.carriedOver.total).toBe(openAt(`${y - 1}-12-31`));
          expect(t.carriedForward.total).toBe(openAt(`${y}-12-31`));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("summarize is balanced on any day and agrees with deriveRequests on 31 December", () => {
    const first = dayNumberOf("2021-01-01");
    const last = dayNumberOf("2025-12-31");
    fc.assert(
      fc.property(arbRegister(), fc.integer({ min: first, max: last }), (reg, day) => {
        const asOf = dateOf(day);
        const s = summarize(reg, asOf);
        const t = checkRequests({
          ...emptyRequestsTable(),
          carriedOver: s.carriedOver,
          newReceived: s.received,
          ...s.concluded,
          totalProcessed: s.concludedTotal,
          carriedForward: s.openNow,
        });
        expect(t).toEqual([]);
        expect(s.balanced).toBe(true);
        const y = Number(asOf.slice(0, 4));
        const end = summarize(reg, `${y}-12-31`);
        const d = deriveRequests(reg, y);
        expect(end.received).toEqual(d.newReceived);
        expect(end.openNow).toEqual(d.carriedForward);
        expect(end.carriedOver).toEqual(d.carriedOver);
        expect(end.concludedTotal).toEqual(d.totalProcessed);
        for (const o of OUTCOMES) expect(end.concluded[o]).toEqual(d[o]);
      }),
      { numRuns: 150 },
    );
  });
});
