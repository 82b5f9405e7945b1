import { describe, expect, it } from "vitest";
import { dayNumber, fromDayNumber, isIsoDate } from "../src/register/deadlines/iso-dates.ts";

// The arithmetic conversions must agree with the platform's own calendar on every day the
// register can hold (2000–2100, with a margin).
describe("day numbers", () => {
  it("agree with Date for every day from 1999 to 2102", () => {
    const mismatches: string[] = [];
    for (let n = dayNumber("1999-01-01"); n <= dayNumber("2102-12-31"); n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || dayNumber(iso) !== n) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it("recognise only dates that exist", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-1-10")).toBe(false);
  });
});
