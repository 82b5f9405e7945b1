// The flows by day (register/stored-flows.ts datedContribution): kept event by event as the
// database keeps them, summed from 1 January to any day D, they give the fold's year to date
// as of D (summarize), for every day of a generated register's years.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Application,
  addTables,
  contributionDelta,
  datedContribution,
  datedContributionDelta,
  type Register,
  summarize,
  tableFromFlows,
  yearToDateOf,
} from "../src/index.ts";
import { arbRegister, dateOf, dayNumberOf } from "./arbitraries.ts";
import { app, concl, rec, reop } from "./register-builders.ts";

/** What the database holds after every event of `reg` is written in turn: by year and by day. */
const stored = (reg: Register) => {
  const byYear = new Map<string, number>();
  const byDay = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const a of reg.applications)
    for (let i = 0; i < a.events.length; i++) {
      const before: Application | undefined =
        i === 0 ? undefined : { ...a, events: a.events.slice(0, i) };
      const after = { ...a, events: a.events.slice(0, i + 1) };
      for (const d of contributionDelta(before, after))
        add(byYear, `${d.year}|${d.row}|${d.column}`, d.n);
      for (const d of datedContributionDelta(before, after))
        add(byDay, `${d.date}|${d.row}|${d.column}`, d.n);
    }
  return { byYear, byDay };
};

/** The year to date as of `asOf` from the stored flows: earlier years by year, this one by day. */
const asOfStored = (reg: Register, s: ReturnType<typeof stored>, asOf: string) => {
  const year = Number(asOf.slice(0, 4));
  const flows: { year: number; row: string; column: string; n: number }[] = [];
  for (const [k, n] of s.byYear) {
    const [y, row, column] = k.split("|") as [string, string, string];
    if (Number(y) < year) flows.push({ year: Number(y), row, column, n });
  }
  for (const [k, n] of s.byDay) {
    const [date, row, column] = k.split("|") as [string, string, string];
    if (date.startsWith(String(year)) && date <= asOf) flows.push({ year, row, column, n });
  }
  const table = tableFromFlows(flows, year);
  for (const b of reg.openingBalances ?? []) if (b.year === year) addTables(table, b.counts);
  return yearToDateOf(table, asOf);
};

describe("flows by day", () => {
  it("an application's flows by day, summed to the year's end, are its flows of the year", () => {
    const a = app(rec("2024-03-01"), concl("2024-05-01"), reop("2025-02-01"), concl("2025-03-01"));
    expect([...datedContribution(a)].sort()).toEqual(
      [
        ["2024-03-01|newReceived|naturalPerson", 1],
        ["2024-03-01|newReceived|total", 1],
        ["2024-05-01|granted|naturalPerson", 1],
        ["2024-05-01|granted|total", 1],
        ["2024-05-01|totalProcessed|naturalPerson", 1],
        ["2024-05-01|totalProcessed|total", 1],
        ["2025-02-01|newReceived|naturalPerson", 1],
        ["2025-02-01|newReceived|total", 1],
        ["2025-03-01|granted|naturalPerson", 1],
        ["2025-03-01|granted|total", 1],
        ["2025-03-01|totalProcessed|naturalPerson", 1],
        ["2025-03-01|totalProcessed|total", 1],
      ].sort(),
    );
  });

  it("summed from 1 January to any day, they give the fold's year to date of that day", () => {
    fc.assert(
      fc.property(arbRegister(), fc.integer({ min: 2021, max: 2024 }), (reg, year) => {
        const s = stored(reg);
        const first = dayNumberOf(`${year}-01-01`);
        const last = dayNumberOf(`${year}-12-31`);
        for (let d = first; d <= last; d++) {
          const asOf = dateOf(d);
          expect(asOfStored(reg, s, asOf)).toEqual(summarize(reg, asOf));
        }
      }),
      { numRuns: 25 },
    );
  });
});
