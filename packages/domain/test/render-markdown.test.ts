// The Markdown renderer (report/render/markdown.ts), read back by a small local reader.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  BALANCE_NOTE,
  emptyReport,
  REQUEST_COLUMN_CATALOG,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type ReportDraft,
  renderReport,
  requestRowLevels,
  SECTION_TITLES,
  SECTIONS,
  unescapeMarkdown,
} from "../src/index.ts";
import { distinctReport, mdSection, mdTableRows, show, textArb } from "./render-readers.ts";

// ── Markdown ──────────────────────────────────────────────────────────────────

describe("renderReport md", () => {
  it("has the title, the six sections in order and the 25 × 7 cells of 三 in place", () => {
    const report = distinctReport();
    const md = renderReport(report, { format: "md" });
    expect(md.split("\n")[0]).toBe("# 测试县测试局2024年政府信息公开工作年度报告");
    const positions = SECTIONS.map((s) => md.indexOf(`\n## ${SECTION_TITLES[s].zh}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const [header, align, ...rows] = mdTableRows(mdSection(md, SECTION_TITLES.requests.zh));
    expect(header).toEqual([
      BALANCE_NOTE.zh,
      "",
      "",
      ...REQUEST_COLUMN_CATALOG.map((c) =>
        c.group ? `${c.group.zh} / ${c.label.zh}` : c.label.zh,
      ),
    ]);
    expect(align).toHaveLength(10);
    expect(rows).toHaveLength(25);
    REQUEST_ROWS.forEach((r, i) => {
      expect(rows[i]!.slice(0, 3)).toEqual(requestRowLevels(r, "zh"));
      expect(rows[i]!.slice(3)).toEqual(REQUEST_COLUMNS.map((c) => show(report.requests[r][c])));
    });
    expect(rows[4]!.slice(0, 3)).toEqual([
      "三、本年度办理结果",
      "（三）不予公开",
      "1.属于国家秘密",
    ]);
    expect(rows[4]![3 + 2]).toBe(""); // the null cell is blank
  });

  it("renders 二, 四 and the fee statement of 六 as tables with every cell", () => {
    const report = distinctReport();
    const md = renderReport(report, { format: "md" });
    const proactive = mdTableRows(mdSection(md, SECTION_TITLES.proactive.zh));
    expect(proactive.filter((r) => r[0] === "规章")[0]).toEqual(["规章", "1", "2", "3"]);
    expect(proactive.find((r) => r[0] === "行政事业性收费")).toEqual(["行政事业性收费", "96171.6"]);
    const appeals = mdTableRows(mdSection(md, SECTION_TITLES.appeals.zh));
    expect(appeals[0]).toEqual(["", ...APPEAL_COLUMNS.map((c) => APPEAL_COLUMN_LABELS[c].zh)]);
    expect(appeals.slice(2).map((r) => r[0])).toEqual([
      "行政复议",
      "行政诉讼 / 未经复议直接起诉",
      "行政诉讼 / 复议后起诉",
    ]);
    for (const [i, b] of APPEAL_BLOCKS.entries())
      expect(appeals[i + 2]!.slice(1)).toEqual(
        APPEAL_COLUMNS.map((c) => show(report.appeals[b][c])),
      );
    const fees = mdTableRows(mdSection(md, SECTION_TITLES.otherMatters.zh));
    expect(fees[0]).toEqual([
      "发出收费通知的件数",
      "收费通知总金额（元）",
      "实际收取的总金额（元）",
    ]);
    expect(fees[2]).toEqual([
      show(report.fees.noticesIssued),
      show(report.fees.amountNotifiedYuan),
      show(report.fees.amountCollectedYuan),
    ]);
  });

  it("escapes text so that no line of it reads as a heading or a table", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const report = emptyReport({ name: "局" }, 2024) as ReportDraft;
        report.problems = text;
        const block = mdSection(renderReport(report, { format: "md" }), SECTION_TITLES.problems.zh);
        const lines = block.split("\n").slice(3); // "", "## 五、…", ""
        const body = lines.slice(0, lines.length - 1);
        for (const l of body) expect(l.startsWith("#") || l.startsWith("|")).toBe(false);
        expect(unescapeMarkdown(body.join("\n"))).toBe(text === "" ? "" : `${text}`);
      }),
    );
  });
});
