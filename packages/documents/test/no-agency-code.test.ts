// No published format prints the agency code: not the Markdown as rendered (the code rides in
// an HTML comment), not the chat text, not the HTML page's text, not any part of the Word or
// Excel file, not the PDF's text layer or its document information. CSV and JSON, the data
// exchange formats, keep it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Lang, parseReport, type ReportDraft, renderReport } from "@ogi/domain";
import { strFromU8, unzipSync } from "fflate";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../src/index.ts";

const CODE = "320800-gov";
const huaian = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "fixtures", "huaian-2024.json"), "utf8"),
) as ReportDraft;
const report: ReportDraft = { ...huaian, agency: { name: huaian.agency.name, code: CODE } };
const dir = mkdtempSync(join(tmpdir(), "ogi-code-"));

/** What a reader of each published format sees. */
const printed = {
  md: (lang: Lang, draft: boolean) =>
    // HTML comments are not shown where Markdown is rendered.
    renderReport(report, { format: "md", lang, draft }).replace(/<!--[\s\S]*?-->/g, ""),
  txt: (lang: Lang, draft: boolean) => renderReport(report, { format: "txt", lang, draft }),
  html: (lang: Lang, draft: boolean) =>
    DomUtils.textContent(
      parseDocument(renderReport(report, { format: "html", lang, draft, date: "2025-01-20" })),
    ),
  docx: async (lang: Lang, draft: boolean) =>
    Object.values(unzipSync(await renderDocument(report, { format: "docx", lang, draft })))
      .map((bytes) => strFromU8(bytes))
      .join("\n"),
  xlsx: async (lang: Lang, draft: boolean) =>
    Object.values(unzipSync(await renderDocument(report, { format: "xlsx", lang, draft })))
      .map((bytes) => strFromU8(bytes))
      .join("\n"),
  pdf: async (lang: Lang, draft: boolean) => {
    const file = join(dir, `report-${lang}-${draft}.pdf`);
    writeFileSync(file, await renderDocument(report, { format: "pdf", lang, draft }));
    const run = (cmd: string) => execFileSync(cmd, [file, ...(cmd === "pdftotext" ? ["-"] : [])]);
    return `${run("pdftotext")}\n${run("pdfinfo")}`;
  },
};

describe("no published format prints the agency code", () => {
  for (const [format, seen] of Object.entries(printed))
    for (const lang of ["zh", "en"] as const)
      it(`${format} (${lang}), published and draft`, async () => {
        for (const draft of [false, true]) {
          const text = await seen(lang, draft);
          expect(text.length).toBeGreaterThan(1000);
          expect(text).not.toContain(CODE);
          expect(text).not.toMatch(/机构代码|Agency code/);
        }
      });

  it("the Markdown still reads back with its code; CSV, an exchange format, carries it", async () => {
    expect((await parseReport(renderReport(report, { format: "md" }))).report.agency.code).toBe(
      CODE,
    );
    const csv = renderReport(report, { format: "csv" });
    expect(csv).toContain(CODE);
    expect((await parseReport(csv)).report.agency.code).toBe(CODE);
  });
});
