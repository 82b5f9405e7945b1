// parseReport on the two real reports, in every form we get them: web text, `pdftotext
// -layout`, plain `pdftotext`, and the PDF itself.
import { describe, expect, it } from "vitest";
import { parseReport, parseReportText, REQUEST_COLUMNS, REQUEST_ROWS } from "../src/index.ts";
import {
  huaianNumbers,
  numbersOf,
  readOwn,
  readShared,
  readSharedText,
  squeeze,
} from "./import-helpers.ts";

const HUAIAN_FINDINGS = ["fees.notStated"]; // 六 states only the amount collected

describe("淮安市人民政府 2024 (city government, real counts)", () => {
  const inputs = {
    "pdftotext -layout": () => parseReport(readSharedText("huaian-2024.layout.txt")),
    "plain pdftotext": () => parseReport(readOwn("huaian-2024.plain.txt")),
    "the PDF (pdf.js)": () =>
      parseReport(new Uint8Array(readShared("huaian-2024.pdf")), { filename: "huaian-2024.pdf" }),
  };

  for (const [name, parse] of Object.entries(inputs)) {
    describe(name, () => {
      it("reads every cell of 二, 三, 四 and the fee statement", async () => {
        const { report } = await parse();
        expect(numbersOf(report)).toEqual(huaianNumbers());
      });

      it("reads the agency and the year from the title", async () => {
        const { report } = await parse();
        expect(report.agency).toEqual({ name: "淮安市人民政府" });
        expect(report.year).toBe(2024);
        expect(report.formatVersion).toBe("2021");
      });

      it("has no finding but the unstated fee notices", async () => {
        const { findings } = await parse();
        expect(findings.map((f) => f.code)).toEqual(HUAIAN_FINDINGS);
        expect(findings[0]!.cells).toEqual(["fees.noticesIssued", "fees.amountNotifiedYuan"]);
      });

      it("splits the overview into its parts and reads 五 and 六", async () => {
        const { report } = await parse();
        const o = report.overview;
        expect(squeeze(o.intro)).toMatch(/^2024年，我市坚持以习近平.*圆满完成了各项任务。$/);
        expect(squeeze(o.proactive)).toMatch(/^2024年，市政府网站主动公开.*回应舆论关切。$/);
        expect(squeeze(o.requests)).toMatch(/^定期对政府信息公开申请集中的领域.*尚未审结7件。$/);
        expect(squeeze(o.management)).toMatch(/^在政府网站、政务新媒体.*政务服务平台。$/);
        expect(squeeze(o.platform)).toMatch(/^进一步优化政务公开专栏设置.*合格率均为100%。$/);
        expect(squeeze(o.supervision)).toMatch(/^根据省政务公开年度和季度监测指标.*能力和水平。$/);
        expect(squeeze(report.problems)).toMatch(/^对照上级新要求.*增强队伍凝聚力。$/);
        expect(squeeze(report.otherMatters)).toBe(
          "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。",
        );
        // Page footers ("-2-") and wrapped lines leave no trace in the prose.
        for (const text of [...Object.values(o), report.problems, report.otherMatters])
          expect(text).not.toMatch(/-\s*\d\s*-|\n\n/);
      });
    });
  }

  it("reads the same prose from the layout text, the plain text and the PDF", async () => {
    const [layout, plain, pdf] = await Promise.all([
      inputs["pdftotext -layout"](),
      inputs["plain pdftotext"](),
      inputs["the PDF (pdf.js)"](),
    ]);
    const prose = (r: typeof layout.report) =>
      [...Object.values(r.overview), r.problems, r.otherMatters].map(squeeze);
    expect(prose(plain.report)).toEqual(prose(layout.report));
    expect(prose(pdf.report)).toEqual(prose(layout.report));
  });

  it("reads the PDF without fetching anything, and leaves the caller's bytes intact", async () => {
    const fetched: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: unknown[]) => {
      fetched.push(args[0]);
      throw new Error("no network in the domain");
    }) as typeof fetch;
    try {
      const bytes = new Uint8Array(readShared("huaian-2024.pdf"));
      const copy = bytes.slice();
      const { report } = await parseReport(bytes);
      expect(report.requests.newReceived.total).toBe(3119);
      expect(bytes).toEqual(copy);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });

  it("keeps paragraphs where the layout shows them (indented first lines)", async () => {
    const { report } = await inputs["pdftotext -layout"]();
    expect(report.problems.split("\n")).toHaveLength(2);
    expect(report.problems.split("\n")[1]).toMatch(/^针对存在问题/);
  });
});

describe("民权县工业和信息化和科技局 2023 (county bureau, web page text, all zeros)", () => {
  const parse = () => parseReport(readSharedText("minquan-gxkj-2023.txt"));

  it("reads every cell as 0", async () => {
    const { report } = await parse();
    for (const r of REQUEST_ROWS)
      for (const c of REQUEST_COLUMNS) expect(report.requests[r][c], `${r}.${c}`).toBe(0);
    expect(report.proactive).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: { decisions: 0 },
      penalty: { decisions: 0 },
      coercion: { decisions: 0 },
      fees: { amountWanYuan: 0 },
    });
    for (const block of Object.values(report.appeals))
      expect(block).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it("reads the title, the fee statement, and has no findings", async () => {
    const { report, findings } = await parse();
    expect(report.agency).toEqual({ name: "民权县工业和信息化和科技局" });
    expect(report.year).toBe(2023);
    // "发出收费通知的件数和总金额，以及实际收取的总金额均为0"
    expect(report.fees).toEqual({
      noticesIssued: 0,
      amountNotifiedYuan: 0,
      amountCollectedYuan: 0,
    });
    expect(findings).toEqual([]);
  });

  it("splits the overview into its five parts without their headings", async () => {
    const { report } = await parse();
    const o = report.overview;
    expect(o.intro).toBe("");
    expect(o.proactive).toMatch(/^及时公开、主动公开文件.*领导分工 2 条。$/);
    expect(o.requests).toMatch(/^按照职责分工.*收到政府信息公开申请 0 条。$/);
    expect(o.management).toMatch(/^严格按照“谁公开、谁负责”/);
    expect(o.platform).toMatch(/^我局充分发挥政务信息公开平台的作用/);
    expect(o.supervision).toMatch(/^继续深化绩效考核激励导向作用/);
    expect(report.problems.split("\n").map((p) => p.slice(0, 7))).toEqual([
      "存在的主要问题",
      "改进情况：一是",
    ]);
    expect(report.otherMatters).toBe(
      "2023年度本机关未收取信息处理费。发出收费通知的件数和总金额，以及实际收取的总金额均为0。",
    );
  });

  it("is read the same by the sync text reader", async () => {
    const sync = parseReportText(readSharedText("minquan-gxkj-2023.txt"));
    expect(sync).toEqual(await parse());
  });
});
