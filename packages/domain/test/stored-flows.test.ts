// The stored flows (register/stored-flows.ts) and the stocks they share with the fold
// (register/stocks.ts): the table rebuilt from per-application deltas is the fold's table.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Application,
  addTables,
  type CountDelta,
  carriedForward,
  carriedOver,
  contribution,
  contributionDelta,
  deriveRequests,
  emptyRequestsTable,
  FLOW_ROWS,
  REQUEST_COLUMNS,
  type RequestsTable,
  tableFromFlows,
} from "../src/index.ts";
import { arbRegister, arbRequestsTable } from "./arbitraries.ts";
import { app, concl, rec, reop } from "./register-builders.ts";

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/** The stored flows of a register as the database keeps them: one row per year, row, column. */
const storedFlows = (apps: readonly Application[]): CountDelta[] => {
  const sums = new Map<string, number>();
  for (const a of apps)
    for (const d of contributionDelta(undefined, a)) {
      const key = `${d.year}|${d.row}|${d.column}`;
      sums.set(key, (sums.get(key) ?? 0) + d.n);
    }
  return [...sums].map(([key, n]) => {
    const [year, row, column] = key.split("|") as [string, string, string];
    return { year: Number(year), row, column, n };
  });
};

describe("stocks", () => {
  it("carriedForward is the balance; carriedOver chains it over the periods before", () => {
    expect(carriedForward(2, 5, 4)).toBe(3);
    expect(carriedOver([])).toBe(0);
    expect(
      carriedOver([
        { newReceived: 5, totalProcessed: 3 },
        { newReceived: 1, totalProcessed: 2 },
      ]),
    ).toBe(1);
  });
});

describe("stored flows", () => {
  it("keep only flow rows, never a stock", () => {
    const flows = [...contribution(app(rec("2023-12-01"), concl("2024-02-01"))).keys()];
    expect(flows.length).toBeGreaterThan(0);
    for (const key of flows) expect(FLOW_ROWS).toContain(key.split("|")[1]);
  });

  it("a reopening in a later year moves the stocks as the fold does", () => {
    const a = app(rec("2023-03-01"), concl("2023-04-01", "granted"), reop("2024-02-01"));
    for (const y of [2023, 2024, 2025])
      expect(tableFromFlows(storedFlows([a]), y)).toEqual(
        deriveRequests({ applications: [a], openingBalances: [] }, y),
      );
  });

  it("tableFromFlows is deriveRequests in every year, stocks included", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        const flows = storedFlows(reg.applications);
        for (const y of YEARS) {
          const balances = (reg.openingBalances ?? []).filter((ob) => ob.year === y);
          const opening = balances.reduce<RequestsTable>(
            (t, ob) => addTables(t, ob.counts),
            emptyRequestsTable(),
          );
          expect(tableFromFlows(flows, y, opening)).toEqual(deriveRequests(reg, y));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a delta of an event is the difference of the contributions, and sums back", () => {
    const before = app(rec("2024-03-01"));
    const after = { ...before, events: [...before.events, concl("2025-01-10", "granted")] };
    const deltas = contributionDelta(before, after);
    const key = (d: CountDelta) => `${d.year}|${d.row}|${d.column}`;
    expect([...deltas].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual([
      { year: 2025, row: "granted", column: "naturalPerson", n: 1 },
      { year: 2025, row: "granted", column: "total", n: 1 },
      { year: 2025, row: "totalProcessed", column: "naturalPerson", n: 1 },
      { year: 2025, row: "totalProcessed", column: "total", n: 1 },
    ]);
    const sum = [...storedFlows([before]), ...deltas];
    expect(tableFromFlows(sum, 2025)).toEqual(
      deriveRequests({ applications: [after], openingBalances: [] }, 2025),
    );
  });

  it("adds an opening balance cell by cell after the stocks", () => {
    fc.assert(
      fc.property(arbRequestsTable({ carriedForwardZero: true }), (counts) => {
        const t = tableFromFlows([], 2024, counts);
        for (const c of REQUEST_COLUMNS) expect(t.carriedOver[c]).toBe(counts.carriedOver[c]);
      }),
      { numRuns: 20 },
    );
  });
});
