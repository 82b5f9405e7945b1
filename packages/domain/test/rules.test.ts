// checkReport (report/rules/check-report.ts) on valid reports, the list of rules
// (rule-list.ts), and properties over generated reports. Each section has its own file:
// rules-*.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_TYPES,
  cellPaths,
  checkReport,
  checkRequests,
  getCell,
  REQUEST_ROWS,
  type Report,
  RULE_CODES,
  RULES,
  reportSchema,
  requestsTableSchema,
} from "../src/index.ts";
import { arbReport, arbRequestsTable } from "./arbitraries.ts";
import { brief, huaian2024, minquan2023, rq, validEmpty, withCell } from "./rules-fixtures.ts";

describe("checkReport on valid reports", () => {
  it("finds nothing in an empty report with its texts filled", () => {
    expect(checkReport(validEmpty())).toEqual([]);
  });

  it("finds nothing in minquan-gxkj-2023 (narrative: 收到政府信息公开申请 0 条)", () => {
    expect(checkReport(minquan2023())).toEqual([]);
  });

  it("finds only the unstated fee notices in huaian-2024 (its narrative matches its tables)", () => {
    const findings = checkReport(huaian2024());
    expect(brief(findings)).toEqual([
      {
        code: "fees.notStated",
        severity: "warning",
        cells: ["fees.noticesIssued", "fees.amountNotifiedYuan"],
      },
    ]);
    expect(findings[0]!.message.zh).toContain("发出收费通知的件数");
  });

  it("generates reports that the strict schema accepts as they are", () => {
    fc.assert(
      fc.property(arbReport(), arbRequestsTable(), (report, table) => {
        expect(reportSchema.parse(report)).toEqual(report);
        expect(requestsTableSchema.parse(table)).toEqual(table);
      }),
      { numRuns: 100 },
    );
  });

  it("passes any generated valid report", () => {
    fc.assert(
      fc.property(arbReport(), (report) => {
        expect(checkReport(report)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("RULES", () => {
  it("describes every rule code once, with the spec's severities", () => {
    expect(RULES.map((r) => r.code).sort()).toEqual([...RULE_CODES].sort());
    const severity = Object.fromEntries(RULES.map((r) => [r.code, r.severity]));
    expect(severity).toMatchObject({
      "requests.balance": "error",
      "requests.rowTotal": "error",
      "requests.outcomeTotal": "error",
      "appeals.total": "error",
      "value.invalid": "error",
      "requests.carryOverMismatch": "error",
      "proactive.inForceDrift": "warning",
      "fees.collectedExceedsNotified": "warning",
      "fees.unpaidWithoutNotice": "warning",
      "fees.notStated": "warning",
      "narrative.numberMismatch": "warning",
      "narrative.missing": "warning",
      "format.outdated": "error",
    });
    for (const r of RULES) expect(r.description.zh && r.description.en).toBeTruthy();
  });
});

describe("properties", () => {
  // Cells no error rule covers: section 二 (only the cross-year warning reads it) and the fee
  // statement (warnings only).
  const UNCOVERED = [
    "proactive.rules.issued",
    "proactive.rules.repealed",
    "proactive.rules.inForce",
    "proactive.normativeDocuments.issued",
    "proactive.normativeDocuments.repealed",
    "proactive.normativeDocuments.inForce",
    "proactive.licensing.decisions",
    "proactive.penalty.decisions",
    "proactive.coercion.decisions",
    "proactive.fees.amountWanYuan",
    "fees.noticesIssued",
    "fees.amountNotifiedYuan",
    "fees.amountCollectedYuan",
  ];
  const paths = [...cellPaths()].map((c) => c.path);

  it("lists exactly the cells outside every error rule", () => {
    expect(UNCOVERED.every((p) => paths.includes(p))).toBe(true);
    expect(paths).toHaveLength(203);
  });

  it("+1 in any covered cell gives an error pointing at it; in the others, no error", () => {
    fc.assert(
      fc.property(arbReport(), fc.constantFrom(...paths), (report, p) => {
        const changed = withCell(report, p, (getCell(report, p) as number) + 1);
        const errors = checkReport(changed).filter((f) => f.severity === "error");
        if (UNCOVERED.includes(p)) expect(errors).toEqual([]);
        else expect(errors.some((f) => f.cells.includes(p))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("every cell of every valid report, changed by +1, is caught (exhaustive on one report)", () => {
    const [report] = fc.sample(arbReport(), { numRuns: 1, seed: 42 });
    for (const p of paths) {
      if (UNCOVERED.includes(p)) continue;
      const changed = withCell(report!, p, (getCell(report!, p) as number) + 1);
      const errors = checkReport(changed).filter((f) => f.severity === "error");
      expect(
        errors.some((f) => f.cells.includes(p)),
        p,
      ).toBe(true);
    }
  });

  it("a blank count cell gives exactly one error: value.invalid at that cell", () => {
    const counts = paths.filter((p) => !p.startsWith("fees."));
    fc.assert(
      fc.property(arbReport(), fc.constantFrom(...counts), (report, p) => {
        const errors = checkReport(withCell(report, p, null)).filter((f) => f.severity === "error");
        expect(brief(errors)).toEqual([{ code: "value.invalid", severity: "error", cells: [p] }]);
      }),
      { numRuns: 300 },
    );
  });

  it("checkRequests agrees with checkReport on section 三", () => {
    fc.assert(
      fc.property(
        arbReport(),
        fc.constantFrom(...REQUEST_ROWS),
        fc.constantFrom(...APPLICANT_TYPES),
        (report: Report, r, c) => {
          const changed = withCell(report, rq(r, c), report.requests[r][c] + 2);
          const fromReport = checkReport(changed).filter((f) => f.code.startsWith("requests."));
          expect(brief(checkRequests(changed.requests))).toEqual(brief(fromReport));
        },
      ),
      { numRuns: 100 },
    );
  });
});
