import { describe, expect, it } from "vitest";
import {
  cellPaths,
  emptyReport,
  getCell,
  OUTCOMES,
  REQUEST_ROW_CATALOG,
  REQUEST_ROWS,
  registerSchema,
  reportDraftSchema,
  reportSchema,
  setCell,
} from "../src/index.ts";

describe("model", () => {
  it("has the 25 rows of section 三 in the official order, 21 of them outcomes", () => {
    expect(REQUEST_ROWS).toHaveLength(25);
    expect(OUTCOMES).toHaveLength(21);
    expect(REQUEST_ROW_CATALOG.map((r) => r.key)).toEqual([...REQUEST_ROWS]);
    expect(REQUEST_ROW_CATALOG.map((r) => r.order)).toEqual(REQUEST_ROWS.map((_, i) => i + 1));
    for (const o of OUTCOMES)
      expect(REQUEST_ROW_CATALOG.find((r) => r.key === o)?.basis).toBeDefined();
  });

  it("accepts an empty report and rejects a negative or fractional count", () => {
    const report = emptyReport({ name: "测试局" }, 2024);
    expect(reportSchema.parse(report)).toEqual(report);
    setCell(report, "requests.granted.total", -1);
    expect(reportSchema.safeParse(report).success).toBe(false);
    setCell(report, "requests.granted.total", 1.5);
    expect(reportSchema.safeParse(report).success).toBe(false);
    setCell(report, "requests.granted.total", null);
    expect(reportDraftSchema.safeParse(report).success).toBe(true);
  });

  it("lists every cell once with a readable path", () => {
    const paths = [...cellPaths()].map((c) => c.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(10 + 25 * 7 + 15 + 3);
    const report = emptyReport({ name: "x" }, 2024);
    for (const p of paths) expect(getCell(report, p)).toBe(0);
  });

  it("rejects dates that do not exist", () => {
    const reg = (date: string) =>
      registerSchema.safeParse({
        applications: [
          {
            id: "a",
            events: [{ id: "e", type: "received", date, applicantType: "naturalPerson" }],
          },
        ],
      }).success;
    expect(reg("2024-02-29")).toBe(true);
    expect(reg("2023-02-29")).toBe(false);
    expect(reg("2024-13-01")).toBe(false);
  });
});

describe("money", () => {
  it("accepts large amounts with up to 4 decimals and rejects a fifth", async () => {
    const { money } = await import("../src/report/schema.ts");
    expect(money.safeParse(1048778.61).success).toBe(true);
    expect(money.safeParse(96171.6).success).toBe(true);
    expect(money.safeParse(123456789012.1234).success).toBe(true);
    expect(money.safeParse(0.12345).success).toBe(false);
    expect(money.safeParse(-1).success).toBe(false);
  });
});
