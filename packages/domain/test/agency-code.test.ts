// The agency code is not printed: Markdown carries it in an HTML comment (read back, never shown
// where the Markdown is rendered), chat text not at all, HTML only in a data attribute. Files
// written before, with the printed code line, still read back with their code.
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { emptyReport, parseReport, renderReport } from "../src/index.ts";

const CODE = "411421-gov";
const report = emptyReport({ name: "某县人民政府办公室", code: CODE }, 2024);

/** Markdown as a renderer shows it: HTML comments are not shown. */
const shownMarkdown = (md: string) => md.replace(/<!--[\s\S]*?-->/g, "");

describe("the agency code", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`Markdown (${lang}): only in an HTML comment under the title, and read back`, async () => {
      const md = renderReport(report, { format: "md", lang });
      expect(md.split("\n")[2]).toBe(`<!-- agency-code: ${CODE} -->`);
      expect(shownMarkdown(md)).not.toContain(CODE);
      expect(md).not.toContain("机构代码");
      expect((await parseReport(md)).report.agency.code).toBe(CODE);
    });

    it(`chat text (${lang}): not at all; read back by the agency's name`, async () => {
      const txt = renderReport(report, { format: "txt", lang });
      expect(txt).not.toContain(CODE);
      expect(txt).not.toMatch(/机构代码|Agency code/);
      const back = (await parseReport(txt)).report;
      expect(back.agency).toEqual({ name: "某县人民政府办公室" });
      expect(back.requests).toEqual(report.requests);
    });
  }

  it("HTML: not in the page's text, only in data-agency-code", async () => {
    const html = renderReport(report, { format: "html", draft: true, date: "2025-01-20" });
    const dom = parseDocument(html, { decodeEntities: true });
    expect(DomUtils.textContent(dom)).not.toContain(CODE);
    expect((await parseReport(html)).report.agency.code).toBe(CODE);
  });

  it("a code with comment-ending or markup characters stays inside its comment", async () => {
    for (const code of ["a-->b", "<!-- x", "--!>", "%41 -- >", "代码 1"]) {
      const odd = emptyReport({ name: "测试局", code }, 2024);
      const md = renderReport(odd, { format: "md" });
      expect(shownMarkdown(md)).not.toContain(code);
      expect(md.match(/-->/g)).toHaveLength(1);
      expect((await parseReport(md)).report.agency.code).toBe(code);
    }
  });

  it("Markdown and text written with the printed code line read back with their code", async () => {
    const md = renderReport(report, { format: "md" }).replace(
      `<!-- agency-code: ${CODE} -->`,
      `机构代码：${CODE}`,
    );
    expect((await parseReport(md)).report.agency.code).toBe(CODE);
    const lines = renderReport(report, { format: "txt", lang: "en" }).split("\n");
    lines.splice(1, 0, `Agency code: ${CODE}`);
    const back = (await parseReport(lines.join("\n"))).report;
    expect(back.agency.code).toBe(CODE);
    expect(back.requests).toEqual(report.requests);
  });
});
