// Publishing polish: the HTML page prints no agency code, lists findings only on a draft and
// without rule codes or cell paths, is watermarked 草稿 as a draft, opens with the preamble and
// ends with the 落款; the publication layout the Word and PDF writers use says the same; the
// drafting suggestion for section 一 is built from the register's figures.
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  checkReport,
  emptyReport,
  emptyRequestsTable,
  type Finding,
  renderReport,
  reportPublication,
  signOffDate,
  suggestRequestsParagraph,
} from "../src/index.ts";

const report = { ...emptyReport({ name: "某县人民政府办公室", code: "411421-gov" }, 2024) };
const finding: Finding = {
  code: "requests.balance",
  severity: "error",
  cells: ["requests.newReceived.total"],
  message: { zh: "收支不平衡", en: "Does not balance" },
};
const visibleText = (html: string) => {
  const d = parseDocument(html, { decodeEntities: true });
  const body = DomUtils.getElementsByTagName("body", d)[0]!;
  return DomUtils.textContent(body);
};

describe("HTML as published", () => {
  it("does not print the agency code; has the preamble and the 落款", () => {
    const html = renderReport(report, { format: "html", date: "2025-01-20" });
    const text = visibleText(html);
    expect(text).not.toContain("411421-gov");
    expect(text).toContain("本报告根据《中华人民共和国政府信息公开条例》");
    expect(text).toContain("由某县人民政府办公室编制");
    expect(text).toMatch(/某县人民政府办公室\s*2025年1月20日\s*$/);
    expect(html).not.toContain('class="watermark"');
  });

  it("lists findings only on a draft, as sentences without codes or cell paths", () => {
    const draft = renderReport(report, { format: "html", findings: [finding] });
    expect(draft).toContain('class="watermark"');
    const text = visibleText(draft);
    expect(text).toContain("草稿");
    expect(text).toContain("错误：收支不平衡");
    expect(text).not.toContain("requests.balance");
    expect(text).not.toContain("requests.newReceived.total");
    // The watermark is drawn by CSS from an attribute: the page's text (what a copy takes) has
    // no 草稿 unless the findings' heading says it.
    const bare = renderReport(report, { format: "html", draft: true });
    expect(bare).toContain('data-watermark="草稿"');
    expect(visibleText(bare)).not.toContain("草稿");
    const published = renderReport(report, { format: "html", findings: [finding], draft: false });
    expect(visibleText(published)).not.toContain("收支不平衡");
    expect(published).not.toContain('class="watermark"');
  });
});

describe("publication layout", () => {
  it("has no codes or paths, the preamble, the 落款, and findings only on a draft", () => {
    const findings = checkReport(report);
    const pub = reportPublication(report, { findings, date: "2025-01-20" });
    const all = JSON.stringify(pub);
    expect(all).not.toContain("411421-gov");
    expect(all).not.toMatch(/requests\.|proactive\.|appeals\./);
    expect(pub.findings.items).toEqual([]);
    expect(pub.watermark).toBeUndefined();
    expect(pub.signOff).toEqual(["某县人民政府办公室", "2025年1月20日"]);
    const draft = reportPublication(report, { findings: [finding], draft: true, lang: "en" });
    expect(draft.watermark).toBe("DRAFT");
    expect(draft.findings.items).toEqual(["Error: Does not balance"]);
  });

  it("writes the 落款 date as 公文 do", () => {
    expect(signOffDate("2025-01-05", "zh")).toBe("2025年1月5日");
    expect(signOffDate("2025-01-05", "en")).toBe("5 January 2025");
  });
});

describe("drafting suggestion for section 一（二）", () => {
  it("counts received, concluded by outcome, carried forward, and the change on last year", () => {
    const table = emptyRequestsTable();
    table.newReceived.total = 120;
    table.carriedOver.total = 5;
    table.granted.total = 80;
    table.deniedStateSecret.total = 2;
    table.unableNotHeld.total = 30;
    table.totalProcessed.total = 112;
    table.carriedForward.total = 13;
    const last = emptyRequestsTable();
    last.newReceived.total = 100;
    expect(suggestRequestsParagraph(2024, table, last)).toBe(
      "2024年，共收到政府信息公开申请120件，比上年增加20件（增长20.0%）；上年结转5件。全年办结112件，其中予以公开80件，不予公开2件，无法提供30件。结转下年度继续办理13件。",
    );
    expect(suggestRequestsParagraph(2024, table, undefined, "en")).toBe(
      "In 2024, 120 applications were received; 5 were carried over. 112 were concluded (granted 80, denied 2, unable to provide 30). 13 are carried forward to next year.",
    );
    last.newReceived.total = 120;
    expect(suggestRequestsParagraph(2024, table, last)).toContain("与上年持平");
  });
});
