// Copies of the real reports with one thing wrong get exactly the findings that point at it.
import { describe, expect, it } from "vitest";
import {
  APPLICANT_TYPES,
  type Finding,
  OUTCOMES,
  parseReportText,
  REQUEST_COLUMNS,
} from "../src/index.ts";
import { huaianNumbers, numbersOf, readOwn, readSharedText } from "./import-helpers.ts";

const layout = readSharedText("huaian-2024.layout.txt");
const plain = readOwn("huaian-2024.plain.txt");
const minquan = readSharedText("minquan-gxkj-2023.txt");

const summary = (findings: Finding[]) => findings.map((f) => [f.code, f.cells] as const);
const FEES_NOT_STATED = [
  "fees.notStated",
  ["fees.noticesIssued", "fees.amountNotifiedYuan"],
] as const;

const replaced = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe("one changed cell", () => {
  it("huaian (layout): 予以公开 · 自然人 1288 → 1289 breaks its row total and its column", () => {
    const { report, findings } = parseReportText(
      replaced(layout, "1288        21", "1289        21"),
    );
    expect(report.requests.granted.naturalPerson).toBe(1289);
    expect(summary(findings)).toEqual([
      [
        "requests.rowTotal",
        [...APPLICANT_TYPES.map((t) => `requests.granted.${t}`), "requests.granted.total"],
      ],
      [
        "requests.outcomeTotal",
        [
          ...OUTCOMES.map((o) => `requests.${o}.naturalPerson`),
          "requests.totalProcessed.naturalPerson",
        ],
      ],
      FEES_NOT_STATED,
    ]);
  });

  it("huaian (plain pdftotext): 结转下年度 · 总计 103 → 104 breaks the balance and the row", () => {
    const text = plain.replace(/(四、结转下年度继续办理\n\n103\n(?:\n0\n){5}\n)103/, "$1104");
    expect(text).not.toBe(plain);
    const { report, findings } = parseReportText(text);
    expect(report.requests.carriedForward.total).toBe(104);
    expect(summary(findings)).toEqual([
      [
        "requests.balance",
        [
          "requests.newReceived.total",
          "requests.carriedOver.total",
          "requests.totalProcessed.total",
          "requests.carriedForward.total",
        ],
      ],
      [
        "requests.rowTotal",
        [
          ...APPLICANT_TYPES.map((t) => `requests.carriedForward.${t}`),
          "requests.carriedForward.total",
        ],
      ],
      FEES_NOT_STATED,
      // 一 says "另有 103 件顺延到下年度答复".
      ["narrative.numberMismatch", ["requests.carriedForward.total", "overview.requests"]],
    ]);
  });

  it("minquan: 行政复议 · 总计 0 → 5 breaks the appeals total", () => {
    const { report, findings } = parseReportText(
      replaced(
        minquan,
        "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
        "0\t0\t0\t0\t5\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
      ),
    );
    expect(report.appeals.review.total).toBe(5);
    expect(summary(findings)).toEqual([
      [
        "appeals.total",
        ["upheld", "corrected", "other", "pending", "total"].map((c) => `appeals.review.${c}`),
      ],
    ]);
  });
});

describe("a blank cell and a '/' cell become null and value.invalid, nothing else", () => {
  const cases: [string, string, string, string, string][] = [
    [
      "huaian layout, blank",
      layout,
      "1288        21",
      "1288          ",
      "requests.granted.commercialEnterprise",
    ],
    [
      "huaian layout, /",
      layout,
      "1288        21",
      "1288        / ",
      "requests.granted.commercialEnterprise",
    ],
    [
      "huaian layout, －",
      layout,
      "1288        21",
      "1288        － ",
      "requests.granted.commercialEnterprise",
    ],
    [
      "huaian layout, blank in 二",
      layout,
      "行政规范性文件       8          26       66",
      "行政规范性文件       8                   66",
      "proactive.normativeDocuments.repealed",
    ],
    [
      "minquan, blank",
      minquan,
      "(一) 予以公开\t0\t0\t0",
      "(一) 予以公开\t0\t0\t",
      "requests.granted.researchInstitution",
    ],
    ["minquan, /", minquan, "行政强制\t0", "行政强制\t/", "proactive.coercion.decisions"],
    [
      "minquan, ／ in 四",
      minquan,
      "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
      "0\t0\t0\t0\t0\t0\t0\t／\t0\t0\t0\t0\t0\t0\t0",
      "appeals.litigationDirect.other",
    ],
  ];
  for (const [name, text, from, to, cell] of cases)
    it(name, () => {
      const { report, findings } = parseReportText(replaced(text, from, to));
      const [section, row, column] = cell.split(".") as [string, string, string];
      expect(
        (report as unknown as Record<string, Record<string, Record<string, unknown>>>)[section]![
          row
        ]![column],
      ).toBeNull();
      const expected: (readonly [string, readonly string[]])[] = [["value.invalid", [cell]]];
      if (text === layout) expected.push(FEES_NOT_STATED);
      expect(summary(findings)).toEqual(expected);
    });

  it("all the other cells are still read", () => {
    const { report } = parseReportText(replaced(layout, "1288        21", "1288          "));
    const expected = huaianNumbers();
    expected.requests.granted.commercialEnterprise = null;
    expect(numbersOf(report)).toEqual(expected);
  });
});

describe("the 2019 trial columns", () => {
  const old = replaced(
    replaced(
      minquan,
      "本年制发件数\t本年度止件数\t现行有效件数",
      "本年新制作数量\t本年新公开数量\t对外公开总数量",
    ),
    "信息内容\t本年处理决定数量\t\t\n行政许可\t0",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t3\t1\t7",
  );

  it("are reported as format.outdated at their header lines, and not read as 2021 columns", () => {
    const { report, findings } = parseReportText(old);
    const documents = ["rules", "normativeDocuments"].flatMap((r) =>
      ["issued", "repealed", "inForce"].map((c) => `proactive.${r}.${c}`),
    );
    expect(findings.filter((f) => f.code === "format.outdated")).toMatchObject([
      { severity: "error", line: 30, cells: documents },
      { severity: "error", line: 34, cells: ["proactive.licensing.decisions"] },
    ]);
    // 处理决定数量 means 本年处理决定数量; the 2019 document columns have no 2021 counterpart.
    expect(report.proactive.licensing.decisions).toBe(7);
    expect(report.proactive.rules).toEqual({ issued: null, repealed: null, inForce: null });
    expect(summary(findings)).toEqual([
      ["format.outdated", documents],
      ["format.outdated", ["proactive.licensing.decisions"]],
      ...documents.map((p) => ["value.invalid", [p]] as const),
    ]);
  });
});

describe("tolerated variations", () => {
  it("full-width digits and thousands separators (3,119 and 3，119)", () => {
    const { report } = parseReportText(
      replaced(
        minquan,
        "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t\t３,１19\t0\t0\t0\t0\t0\t3，119",
      ),
    );
    expect(report.requests.newReceived).toEqual({
      naturalPerson: 3119,
      commercialEnterprise: 0,
      researchInstitution: 0,
      socialWelfareOrganization: 0,
      legalServiceAgency: 0,
      otherOrganization: 0,
      total: 3119,
    });
  });

  it("labels with 1、 or 1. or １．, （一） or (一), spaces inside", () => {
    const text = minquan
      .replace("1.属于国家秘密", "１． 属于 国家 秘密")
      .replace("2.重复申请", "2、重复申请")
      .replace("(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", "（一）予 以 公 开\t1\t0\t0\t0\t0\t0\t1");
    const { report } = parseReportText(text);
    expect(report.requests.granted.total).toBe(1);
    expect(report.requests.deniedStateSecret.total).toBe(0);
    expect(report.requests.notProcessedDuplicate.total).toBe(0);
  });

  it("rows matched by label, not by position: a missing row is reported, the others stay right", () => {
    const text = replaced(
      layout,
      "             1.属于国家秘密            2          0        0        0        0    0    2\n",
      "",
    );
    const { report, findings } = parseReportText(text);
    expect(report.requests.deniedStateSecret.total).toBeNull();
    expect(report.requests.deniedProhibitedByLaw.total).toBe(31);
    expect(report.requests.partiallyGranted.total).toBe(454);
    expect(findings[0]).toMatchObject({
      code: "import.missingRow",
      severity: "warning",
      cells: REQUEST_COLUMNS.map((c) => `requests.deniedStateSecret.${c}`),
    });
  });
});

describe("the 2019 layout of section 三", () => {
  it("one row （六）其他处理 instead of three: format.outdated, read as 3.其他, the others blank", () => {
    const lines = minquan.split("\n");
    const first = lines.findIndex((l) => l.includes("(六) 其他处理"));
    const old = [
      ...lines.slice(0, first),
      "\t(六) 其他处理\t\t2\t0\t0\t0\t0\t0\t2",
      ...lines.slice(first + 3),
    ].join("\n");
    const { report, findings } = parseReportText(old);
    expect(report.requests.otherOther.total).toBe(2);
    expect(report.requests.otherNoCorrection.total).toBeNull();
    expect(report.requests.otherFeeUnpaid.naturalPerson).toBeNull();
    expect(report.requests.totalProcessed.total).toBe(0);
    expect(findings[0]).toMatchObject({
      code: "format.outdated",
      severity: "error",
      line: first + 1,
    });
    expect(findings.filter((f) => f.code === "import.unreadable")).toEqual([]);
  });
});
