import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellPaths,
  checkReport,
  emptyReport,
  emptyRequestsTable,
  getCell,
  type Report,
  reportSchema,
  setCell,
  sumReports,
  sumRequests,
} from "../src/index.ts";
import { arbReport, arbRequestsTable } from "./arbitraries.ts";

const county = { agency: { name: "某县人民政府", code: "11410000000000000X" }, year: 2024 };
const arbReports = (year = 2024) => fc.array(arbReport({ year }), { maxLength: 5 });
const FIRST_FOUR = [
  "requests.balance",
  "requests.rowTotal",
  "requests.outcomeTotal",
  "appeals.total",
];

describe("sumReports", () => {
  it("sums every count and money cell and leaves the texts empty", () => {
    const a = emptyReport({ name: "甲局" }, 2024);
    const b = emptyReport({ name: "乙局" }, 2024);
    a.overview.requests = "收到申请 1 件";
    a.problems = "问题";
    setCell(a, "requests.newReceived.naturalPerson", 3);
    setCell(b, "requests.newReceived.naturalPerson", 4);
    setCell(a, "appeals.review.total", 1);
    setCell(a, "proactive.fees.amountWanYuan", 0.1);
    setCell(b, "proactive.fees.amountWanYuan", 0.2);
    setCell(a, "fees.amountCollectedYuan", 10.05);
    setCell(b, "fees.amountCollectedYuan", 0.01);
    const sum = sumReports([a, b], county);
    expect(sum.agency).toEqual(county.agency);
    expect(sum.year).toBe(2024);
    expect(sum.requests.newReceived.naturalPerson).toBe(7);
    expect(sum.appeals.review.total).toBe(1);
    // No float drift: 0.1 + 0.2 is 0.3 here.
    expect(sum.proactive.fees.amountWanYuan).toBe(0.3);
    expect(sum.fees.amountCollectedYuan).toBe(10.06);
    expect(sum.overview.requests).toBe("");
    expect(sum.problems).toBe("");
    expect(reportSchema.parse(sum)).toEqual(sum);
  });

  it("sums large amounts to the fen without drift", () => {
    const amounts = [53839.49, 465198.26, 0.04, 529740.82];
    const reports = amounts.map((a, i) => {
      const r = emptyReport({ name: `局${i}` }, 2024);
      r.fees.amountNotifiedYuan = a;
      return r;
    });
    expect(sumReports(reports, county).fees.amountNotifiedYuan).toBe(1048778.61);
  });

  it("gives an all-zero report for no reports", () => {
    expect(sumReports([], county)).toEqual(emptyReport(county.agency, 2024));
  });

  it("refuses a report of another year, in both languages", () => {
    const r = emptyReport({ name: "甲局" }, 2023);
    expect(() => sumReports([r], county)).toThrow(
      '“甲局”的报告是 2023 年度的，不能汇入 2024 年度的汇总 / The report of "甲局" is for 2023',
    );
  });

  it("refuses a report with an invalid cell instead of summing it", () => {
    const r = emptyReport({ name: "甲局" }, 2024);
    setCell(r, "requests.granted.total", null as unknown as number);
    expect(() => sumReports([r], county)).toThrow(/requests\.granted\.total.*invalid value/);
  });

  it("keeps the first four rules (property)", () => {
    fc.assert(
      fc.property(arbReports(), (reports) => {
        const sum = sumReports(reports, county);
        const broken = checkReport(sum).filter((f) => FIRST_FOUR.includes(f.code));
        expect(broken).toEqual([]);
        expect(reportSchema.safeParse(sum).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("is commutative and associative (property)", () => {
    fc.assert(
      fc.property(arbReports(), arbReports(), arbReports(), (a, b, c) => {
        const s = (rs: Report[]) => sumReports(rs, county);
        expect(s([...a, ...b])).toEqual(s([...b, ...a]));
        expect(s([s([...a, ...b]), ...c])).toEqual(s([...a, s([...b, ...c])]));
        expect(s([s(a), s(b), s(c)])).toEqual(s([...a, ...b, ...c]));
      }),
      { numRuns: 100 },
    );
  });

  it("is the cell-wise sum, cell by cell (property)", () => {
    fc.assert(
      fc.property(arbReports(), (reports) => {
        const sum = sumReports(reports, county);
        for (const { path } of cellPaths()) {
          const expected = reports.reduce((t, r) => t + (getCell(r, path) as number), 0);
          expect(getCell(sum, path)).toBeCloseTo(expected, 4);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe("sumRequests", () => {
  it("sums tables cell by cell; no tables give zeros", () => {
    expect(sumRequests([])).toEqual(emptyRequestsTable());
    fc.assert(
      fc.property(fc.array(arbRequestsTable(), { maxLength: 4 }), (tables) => {
        const sum = sumRequests(tables);
        expect(sum.granted.total).toBe(tables.reduce((t, x) => t + x.granted.total, 0));
        const report = emptyReport({ name: "x" }, 2024);
        report.requests = sum;
        expect(checkReport(report).filter((f) => FIRST_FOUR.includes(f.code))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
