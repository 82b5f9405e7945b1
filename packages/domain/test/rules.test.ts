import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_TYPES,
  cellPaths,
  checkReport,
  checkRequests,
  emptyReport,
  type Finding,
  getCell,
  OUTCOMES,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type Report,
  type ReportDraft,
  RULE_CODES,
  RULES,
  reportSchema,
  requestsTableSchema,
  setCell,
} from "../src/index.ts";
import { arbReport, arbRequestsTable } from "./arbitraries.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const readFixture = (name: string) =>
  readFileSync(path.resolve(repoRoot, "../shared/fixtures/reports", name), "utf8");

/** Section 一 of a fixture, as text (line breaks, page footers and all). */
const overviewText = (text: string) =>
  text.slice(text.indexOf("一、总体情况") + 6, text.indexOf("二、主动公开政府信息情况"));

const row = (...v: number[]) =>
  Object.fromEntries(REQUEST_COLUMNS.map((c, i) => [c, v[i]!])) as Record<
    (typeof REQUEST_COLUMNS)[number],
    number
  >;
const single = (n: number) => row(n, 0, 0, 0, 0, 0, n);

/** 淮安市人民政府 2024, every cell as published (huaian-2024.layout.txt). */
const huaian2024 = (): ReportDraft => {
  const report = emptyReport({ name: "淮安市人民政府" }, 2024) as ReportDraft;
  report.overview.requests = overviewText(readFixture("huaian-2024.layout.txt"));
  report.proactive = {
    rules: { issued: 1, repealed: 0, inForce: 11 },
    normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
    licensing: { decisions: 447228 },
    penalty: { decisions: 3985758 },
    coercion: { decisions: 88283 },
    fees: { amountWanYuan: 96171.6 },
  };
  const q = report.requests;
  q.newReceived = row(3001, 53, 0, 0, 61, 4, 3119);
  q.carriedOver = single(34);
  q.granted = row(1288, 21, 0, 0, 50, 3, 1362);
  q.partiallyGranted = row(447, 7, 0, 0, 0, 0, 454);
  q.deniedStateSecret = single(2);
  q.deniedProhibitedByLaw = row(30, 1, 0, 0, 0, 0, 31);
  q.deniedSecurityStability = single(5);
  q.deniedThirdPartyRights = single(6);
  q.deniedInternalAffairs = row(7, 1, 0, 0, 0, 0, 8);
  q.deniedProcessInformation = single(12);
  q.deniedEnforcementFile = single(9);
  q.deniedAdministrativeQuery = single(105);
  q.unableNotHeld = row(746, 12, 0, 0, 10, 1, 769);
  q.unableNeedsCreation = single(11);
  q.unableStillUnclear = single(1);
  q.notProcessedComplaint = row(56, 6, 0, 0, 0, 0, 62);
  q.notProcessedDuplicate = single(25);
  q.notProcessedPublication = single(0);
  q.notProcessedExcessive = single(0);
  q.notProcessedReconfirmation = single(1);
  q.otherNoCorrection = row(67, 3, 0, 0, 1, 0, 71);
  q.otherFeeUnpaid = single(6);
  q.otherOther = row(108, 2, 0, 0, 0, 0, 110);
  q.totalProcessed = row(2932, 53, 0, 0, 61, 4, 3050);
  q.carriedForward = single(103);
  report.appeals = {
    review: { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 },
    litigationDirect: { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 },
    litigationAfterReview: { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 },
  };
  report.problems = "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。";
  report.otherMatters = "全年收取政府信息公开信息处理费 3940 元。";
  // The report states only the amount collected.
  report.fees = { noticesIssued: null, amountNotifiedYuan: null, amountCollectedYuan: 3940 };
  return report;
};

/** 民权县工业和信息化和科技局 2023: every count 0. */
const minquan2023 = (): ReportDraft => {
  const report = emptyReport({ name: "民权县工业和信息化和科技局" }, 2023) as ReportDraft;
  report.overview.requests = overviewText(readFixture("minquan-gxkj-2023.txt"));
  report.problems = "存在的主要问题：一是政务信息公开的方式和渠道还比较狭窄。";
  report.otherMatters =
    "2023年度本机关未收取信息处理费。发出收费通知的件数和总金额，以及实际收取的总金额均为0。";
  return report;
};

const validEmpty = (): ReportDraft => {
  const r = emptyReport({ name: "测试局" }, 2024) as ReportDraft;
  r.problems = "暂无。";
  return r;
};

const brief = (fs: readonly Finding[]) =>
  fs.map((f) => ({ code: f.code, severity: f.severity, cells: f.cells }));
const withCell = (r: ReportDraft, p: string, v: unknown) => {
  const copy = structuredClone(r);
  setCell(copy, p, v as number | null);
  return copy;
};
const rq = (r: string, c: string) => `requests.${r}.${c}`;
const balanceCells = (c: string) =>
  ["newReceived", "carriedOver", "totalProcessed", "carriedForward"].map((r) => rq(r, c));
const rowCells = (r: string) => REQUEST_COLUMNS.map((c) => rq(r, c));
const outcomeCells = (c: string) => [...OUTCOMES.map((o) => rq(o, c)), rq("totalProcessed", c)];

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

describe("one wrong cell", () => {
  it("requests.balance (+ the row total) for a changed newReceived cell, stating the numbers", () => {
    const r = withCell(huaian2024(), rq("newReceived", "naturalPerson"), 3004);
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      { code: "requests.balance", severity: "error", cells: balanceCells("naturalPerson") },
      { code: "requests.rowTotal", severity: "error", cells: rowCells("newReceived") },
      { code: "fees.notStated", severity: "warning", cells: expect.any(Array) },
    ]);
    expect(findings[0]!.message.zh).toBe(
      "三、“自然人”列：第一项加第二项之和（3004+34=3038）不等于第三项加第四项之和（2932+103=3035），相差 3。",
    );
    expect(findings[0]!.message.en).toContain("(3004+34=3038)");
    expect(findings[1]!.message.zh).toContain("总计为 3119，六类申请人之和为 3122");
  });

  it("requests.balance alone when a row is changed consistently (cell and total)", () => {
    const r = validEmpty();
    setCell(r, rq("carriedForward", "researchInstitution"), 2);
    setCell(r, rq("carriedForward", "total"), 2);
    expect(brief(checkReport(r))).toEqual([
      { code: "requests.balance", severity: "error", cells: balanceCells("researchInstitution") },
      { code: "requests.balance", severity: "error", cells: balanceCells("total") },
    ]);
  });

  it("requests.rowTotal for a changed total of an outcome row (+ the outcome total)", () => {
    const r = withCell(validEmpty(), rq("granted", "total"), 1);
    expect(brief(checkReport(r))).toEqual([
      { code: "requests.rowTotal", severity: "error", cells: rowCells("granted") },
      { code: "requests.outcomeTotal", severity: "error", cells: outcomeCells("total") },
    ]);
  });

  it("requests.outcomeTotal for a changed (七)总计, with the narrative that states it", () => {
    const findings = checkReport(withCell(huaian2024(), rq("totalProcessed", "total"), 3051));
    expect(brief(findings)).toEqual([
      { code: "requests.balance", severity: "error", cells: balanceCells("total") },
      { code: "requests.rowTotal", severity: "error", cells: rowCells("totalProcessed") },
      { code: "requests.outcomeTotal", severity: "error", cells: outcomeCells("total") },
      { code: "fees.notStated", severity: "warning", cells: expect.any(Array) },
      {
        code: "narrative.numberMismatch",
        severity: "warning",
        cells: [rq("totalProcessed", "total"), "overview.requests"],
      },
    ]);
    expect(findings[2]!.message.zh).toBe(
      "三、“自然人”列：“（七）总计”为 3051，21 项办理结果之和为 3050，相差 1。".replace(
        "自然人",
        "总计",
      ),
    );
    expect(findings[4]!.message.zh).toContain("答复3050件");
    expect(findings[4]!.message.zh).toContain("3051");
  });

  it("appeals.total in each block, pointing at its five cells", () => {
    for (const block of ["review", "litigationDirect", "litigationAfterReview"]) {
      const r = withCell(validEmpty(), `appeals.${block}.pending`, 1);
      expect(brief(checkReport(r))).toEqual([
        {
          code: "appeals.total",
          severity: "error",
          cells: ["upheld", "corrected", "other", "pending", "total"].map(
            (c) => `appeals.${block}.${c}`,
          ),
        },
      ]);
    }
  });

  it("appeals.total in huaian also contradicts the narrative's breakdown", () => {
    const findings = checkReport(withCell(huaian2024(), "appeals.review.pending", 38));
    expect(brief(findings).map((f) => [f.code, f.cells])).toEqual([
      ["appeals.total", APPEAL(["upheld", "corrected", "other", "pending", "total"])],
      ["fees.notStated", ["fees.noticesIssued", "fees.amountNotifiedYuan"]],
      ["narrative.numberMismatch", ["appeals.review.pending", "overview.requests"]],
    ]);
  });

  it.each([
    ["blank", null, "空白"],
    ["negative", -1, "-1"],
    ["fractional", 1.5, "1.5"],
    ["NaN", Number.NaN, "NaN"],
    ["a slash", "/", '"/"'],
    ["missing", undefined, "空白"],
  ])("value.invalid for a %s cell, and no arithmetic finding about it", (_, value, shown) => {
    for (const p of [rq("granted", "naturalPerson"), rq("newReceived", "total")]) {
      const r = withCell(validEmpty(), p, value);
      const findings = checkReport(r);
      expect(brief(findings)).toEqual([{ code: "value.invalid", severity: "error", cells: [p] }]);
      expect(findings[0]!.message.zh).toContain(shown);
    }
  });

  it("value.invalid for each invalid cell, one finding per cell", () => {
    const r = validEmpty();
    setCell(r, rq("granted", "naturalPerson"), null);
    setCell(r, rq("granted", "total"), -2);
    setCell(r, "appeals.review.total", 0.5);
    setCell(r, "proactive.rules.issued", null);
    setCell(r, "proactive.fees.amountWanYuan", -1);
    setCell(r, "fees.amountNotifiedYuan", -3);
    expect(brief(checkReport(r))).toEqual(
      [
        "proactive.rules.issued",
        "proactive.fees.amountWanYuan",
        rq("granted", "naturalPerson"),
        rq("granted", "total"),
        "appeals.review.total",
        "fees.amountNotifiedYuan",
      ].map((p) => ({ code: "value.invalid", severity: "error", cells: [p] })),
    );
  });

  it("money may have decimals; counts may not", () => {
    const r = validEmpty();
    setCell(r, "proactive.fees.amountWanYuan", 96171.6);
    setCell(r, "fees.amountNotifiedYuan", 12.5);
    setCell(r, "fees.amountCollectedYuan", 12.5);
    setCell(r, "fees.noticesIssued", 1.5);
    expect(brief(checkReport(r))).toEqual([
      { code: "value.invalid", severity: "error", cells: ["fees.noticesIssued"] },
    ]);
  });

  it("fees.collectedExceedsNotified", () => {
    const r = validEmpty();
    r.fees = { noticesIssued: 2, amountNotifiedYuan: 100, amountCollectedYuan: 120.5 };
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      {
        code: "fees.collectedExceedsNotified",
        severity: "warning",
        cells: ["fees.amountCollectedYuan", "fees.amountNotifiedYuan"],
      },
    ]);
    expect(findings[0]!.message.zh).toContain("120.5");
  });

  it("fees.unpaidWithoutNotice, not when a notice was issued", () => {
    const r = validEmpty();
    for (const row of ["newReceived", "otherFeeUnpaid", "totalProcessed"])
      for (const c of ["commercialEnterprise", "total"]) setCell(r, rq(row, c), 1);
    expect(brief(checkReport(r))).toEqual([
      {
        code: "fees.unpaidWithoutNotice",
        severity: "warning",
        cells: [rq("otherFeeUnpaid", "total"), "fees.noticesIssued"],
      },
    ]);
    setCell(r, "fees.noticesIssued", 1);
    expect(checkReport(r)).toEqual([]);
  });

  it("fees.notStated when the fee statement is blank, not value.invalid", () => {
    const r = validEmpty();
    r.fees = { noticesIssued: null, amountNotifiedYuan: null, amountCollectedYuan: null };
    const findings = checkReport(r);
    expect(brief(findings)).toEqual([
      {
        code: "fees.notStated",
        severity: "warning",
        cells: ["fees.noticesIssued", "fees.amountNotifiedYuan", "fees.amountCollectedYuan"],
      },
    ]);
    expect(findings[0]!.message.zh).toBe(
      "六、其他需要报告的事项未说明发出收费通知的件数、收费通知总金额（元）、实际收取的总金额（元）。",
    );
    // A report without a fee statement at all.
    const bare = validEmpty() as Partial<ReportDraft>;
    delete bare.fees;
    expect(brief(checkReport(bare as ReportDraft)).map((f) => f.code)).toEqual(["fees.notStated"]);
  });

  it("narrative.missing when section 五 is empty or blank", () => {
    for (const problems of ["", "  \n "]) {
      const r = validEmpty();
      r.problems = problems;
      const findings = checkReport(r);
      expect(brief(findings)).toEqual([
        { code: "narrative.missing", severity: "warning", cells: ["problems"] },
      ]);
      expect(findings[0]!.message.zh).toContain("五、存在的主要问题及改进情况");
    }
  });
});

const APPEAL = (cols: string[]) => cols.map((c) => `appeals.review.${c}`);

describe("narrative.numberMismatch", () => {
  const withText = (text: string, edit?: (r: ReportDraft) => void) => {
    const r = validEmpty();
    for (const [row, v] of [
      ["newReceived", 10],
      ["carriedOver", 2],
      ["granted", 9],
      ["totalProcessed", 9],
      ["carriedForward", 3],
    ] as const) {
      setCell(r, rq(row, "naturalPerson"), v);
      setCell(r, rq(row, "total"), v);
    }
    r.appeals.review = { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 };
    r.appeals.litigationDirect = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
    r.appeals.litigationAfterReview = { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 };
    r.overview.requests = text;
    edit?.(r);
    return checkReport(r);
  };
  const mismatches = (fs: Finding[]) =>
    fs.filter((f) => f.code === "narrative.numberMismatch").map((f) => f.cells);

  it("accepts text that agrees with the table, however it is broken or written", () => {
    expect(
      withText(
        "全年共收到政府信息公开申请１０件，答\n复 9 件（含上年度结转申请 2 件），3 件结转下年度继续办理。行政复议 2 件，其中结果维持1件，尚未审结1件；行政诉讼 2 件，其中结果维持1件，结果纠正1件。",
      ),
    ).toEqual([]);
    // "受理 N 件" counting the carried-over applications too
    expect(withText("共受理政府信息公开申请 12 件。")).toEqual([]);
    expect(withText("结转下年度办理的申请 3 件。上年结转申请2件。")).toEqual([]);
  });

  it.each([
    ["收到政府信息公开申请 11 件", "newReceived"],
    ["新收政府信息公开申请11条", "newReceived"],
    ["受理依申请公开申请 1,011 件", "newReceived"],
    ["答复 8 件", "totalProcessed"],
    ["办结申请 8 件", "totalProcessed"],
    ["上年度结转申请 1 件", "carriedOver"],
    ["另有 4 件顺延到下年度答复", "carriedForward"],
    ["结转下年度继续办理 4 件", "carriedForward"],
    ["顺延到下年度 4 件", "carriedForward"],
    ["上一年度结转的申请 1 件", "carriedOver"],
    ["共收到各类政府信息公开申请 1１ 件", "newReceived"],
  ])("flags “%s” against the %s total", (text, row) => {
    const found = mismatches(withText(`2024年，${text}。`));
    expect(found).toEqual([[rq(row, "total"), "overview.requests"]]);
  });

  it("flags appeal counts, litigation being both blocks together", () => {
    expect(mismatches(withText("政府信息公开行政复议 3 件。"))).toEqual([
      ["appeals.review.total", "overview.requests"],
    ]);
    expect(mismatches(withText("行政复议2件，其中结果维持2件。"))).toEqual([
      ["appeals.review.upheld", "overview.requests"],
    ]);
    expect(mismatches(withText("行政诉讼 3 件，其中尚未审结 1 件。"))).toEqual([
      [
        "appeals.litigationDirect.total",
        "appeals.litigationAfterReview.total",
        "overview.requests",
      ],
      [
        "appeals.litigationDirect.pending",
        "appeals.litigationAfterReview.pending",
        "overview.requests",
      ],
    ]);
  });

  it("reads every overview part and names it", () => {
    const fs = withText("", (r) => {
      r.overview.intro = "收到政府信息公开申请 7 件。";
      r.overview.supervision = "答复 1 件。";
    });
    expect(mismatches(fs)).toEqual([
      [rq("newReceived", "total"), "overview.intro"],
      [rq("totalProcessed", "total"), "overview.supervision"],
    ]);
    expect(fs[1]!.message.zh).toContain("（五）监督保障");
  });

  it("says nothing when the table cell is invalid (value.invalid does)", () => {
    const fs = withText("收到政府信息公开申请 7 件。", (r) =>
      setCell(r, rq("newReceived", "total"), null),
    );
    expect(fs.map((f) => f.code)).toEqual(["value.invalid"]);
  });

  it("ignores other numbers (documents, press conferences, percentages)", () => {
    expect(
      withText(
        "全年新增公开市政府规章 1 件、政策性文件 11 件，新闻发布会 12 场，答复率 100%，公开年报 1 条。",
      ),
    ).toEqual([]);
  });
});

describe("cross-year rules", () => {
  const previous = () => {
    const p = huaian2024();
    p.year = 2023;
    p.requests = structuredClone(emptyReport({ name: "x" }, 2023).requests);
    p.requests.newReceived = single(34);
    p.requests.carriedForward = single(34);
    p.proactive.rules.inForce = 10;
    p.proactive.normativeDocuments.inForce = 84;
    return p;
  };
  const crossYear = (fs: Finding[]) => brief(fs).filter((f) => f.code !== "fees.notStated");

  it("finds nothing when this year continues last year", () => {
    expect(crossYear(checkReport(huaian2024(), { previous: previous() }))).toEqual([]);
  });

  it("requests.carryOverMismatch per column, pointing at this year's cell", () => {
    const p = previous();
    p.requests.carriedForward = row(30, 4, 0, 0, 0, 0, 34);
    const fs = checkReport(huaian2024(), { previous: p });
    expect(crossYear(fs)).toEqual([
      {
        code: "requests.carryOverMismatch",
        severity: "error",
        cells: [rq("carriedOver", "naturalPerson")],
      },
      {
        code: "requests.carryOverMismatch",
        severity: "error",
        cells: [rq("carriedOver", "commercialEnterprise")],
      },
    ]);
    expect(fs.find((f) => f.code === "requests.carryOverMismatch")!.message.zh).toBe(
      "三、“自然人”列：本年“二、上年结转政府信息公开申请数量”为 34，上年（2023 年）报告“四、结转下年度继续办理”为 30。",
    );
  });

  it("proactive.inForceDrift as a warning", () => {
    const p = previous();
    p.proactive.normativeDocuments.inForce = 80;
    const fs = checkReport(huaian2024(), { previous: p });
    expect(crossYear(fs)).toEqual([
      {
        code: "proactive.inForceDrift",
        severity: "warning",
        cells: [
          "proactive.normativeDocuments.inForce",
          "proactive.normativeDocuments.issued",
          "proactive.normativeDocuments.repealed",
        ],
      },
    ]);
    expect(fs.at(-1)!.message.zh).toContain("80 + 本年制发件数 8 − 本年废止件数 26 = 62");
  });

  it("only warns when the previous report is not of the year before", () => {
    const p = previous();
    p.year = 2022;
    p.requests.carriedForward = single(1);
    const fs = crossYear(checkReport(huaian2024(), { previous: p }));
    expect(fs).toEqual([{ code: "requests.carryOverMismatch", severity: "warning", cells: [] }]);
  });

  it("skips comparisons with invalid cells of the previous report", () => {
    const p = previous();
    p.requests.carriedForward.naturalPerson = null;
    p.proactive.rules.inForce = null;
    expect(crossYear(checkReport(huaian2024(), { previous: p }))).toEqual([]);
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
