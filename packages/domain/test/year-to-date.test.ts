// The year to date (register/year-to-date.ts).
import { describe, expect, it } from "vitest";
import { deriveRequests, emptyRequestsTable, OUTCOMES, summarize } from "../src/index.ts";
import { app, concl, rec, register } from "./register-builders.ts";

describe("summarize", () => {
  const reg = register(
    app(rec("2023-12-01"), concl("2024-02-01", "granted")),
    app(rec("2023-11-01")),
    app(rec("2024-01-10", "commercialEnterprise"), concl("2024-01-20", "deniedStateSecret")),
    app(rec("2024-03-01"), concl("2024-05-01", "unableNotHeld")),
    app(rec("2024-07-01")),
  );

  it("gives stock and flow from 1 January to the end of asOf", () => {
    const s = summarize(reg, "2024-03-31");
    expect(s.year).toBe(2024);
    expect(s.asOf).toBe("2024-03-31");
    expect(s.carriedOver).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(s.received).toMatchObject({ naturalPerson: 1, commercialEnterprise: 1, total: 2 });
    expect(s.concluded.granted).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(s.concluded.deniedStateSecret).toMatchObject({ commercialEnterprise: 1, total: 1 });
    expect(s.concludedByGroup.denied).toMatchObject({ commercialEnterprise: 1, total: 1 });
    expect(s.concludedByGroup.granted.total).toBe(1);
    expect(s.concludedTotal.total).toBe(2);
    expect(s.openNow).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(s.balanced).toBe(true);
  });

  it("agrees with deriveRequests on 31 December", () => {
    const s = summarize(reg, "2024-12-31");
    const t = deriveRequests(reg, 2024);
    expect(s.carriedOver).toEqual(t.carriedOver);
    expect(s.received).toEqual(t.newReceived);
    expect(s.concludedTotal).toEqual(t.totalProcessed);
    expect(s.openNow).toEqual(t.carriedForward);
    for (const o of OUTCOMES) expect(s.concluded[o]).toEqual(t[o]);
  });

  it("includes the opening balances of the year and says when they do not balance", () => {
    const counts = emptyRequestsTable();
    counts.newReceived.naturalPerson = 3;
    counts.newReceived.total = 3;
    const s = summarize({ ...reg, openingBalances: [{ year: 2024, counts }] }, "2024-03-31");
    expect(s.received.total).toBe(5);
    expect(s.balanced).toBe(false);
  });
});
