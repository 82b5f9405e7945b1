// .docx input: the official template's tables come out with their merged cells spread as the
// HTML reader expects, and a zip that is not a report's Word file is refused in both languages
// before anything large is inflated.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportError, parseReport } from "../src/index.ts";
import { DOCX_LIMITS, docxToHtml, docxXmlToHtml } from "../src/report/import/docx-source.ts";

const template = () =>
  readFileSync(
    resolve(import.meta.dirname, "../../../../shared/fixtures/format-2021-template.docx"),
  );

const refusal = async (bytes: Uint8Array) => {
  try {
    await parseReport(bytes, { filename: "x.docx" });
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    const err = e as ImportError;
    expect(err.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(err.message).toMatch(/[a-z]/);
    expect(`${err.zh} ${err.message}`).not.toContain("\n");
    return err;
  }
  throw new Error("not refused");
};

describe("docx-source", () => {
  it("spreads the template's merged cells: gridSpan as colspan, vMerge repeating the cell above", () => {
    const html = docxToHtml(template());
    expect(html).toContain('<td colspan="7">申请人情况</td>');
    // The 22 rows of 三、本年度办理结果 carry it (the first, then 21 vMerge continues).
    expect(html.match(/<td>三、本年度办理结果<\/td>/g)?.length).toBe(22);
    expect(html).toContain("<p>一、总体情况</p>");
  });

  it("skips deleted text and field codes, keeps tabs and breaks", () => {
    const xml =
      "<w:document><w:body><w:p><w:r><w:t>甲</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:tab/><w:t>乙</w:t><w:br/><w:t>丙&amp;</w:t></w:r></w:p></w:body></w:document>";
    expect(docxXmlToHtml(xml)).toContain("<p>甲 乙<br>丙&amp;</p>");
  });

  it("refuses a zip bomb (a small entry that inflates a thousandfold) in both languages", async () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const err = await refusal(bomb);
    expect(err.code).toBe("too-large");
    expect(err.message).toContain("zip bomb");
  });

  it("refuses a zip with too many entries", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DOCX_LIMITS.entries; i++) files[`x/${i}.xml`] = strToU8(String(i));
    const err = await refusal(zipSync(files, { level: 0 }));
    expect(err.message).toContain("too many entries");
  });

  it("refuses a damaged zip and a zip without word/document.xml", async () => {
    const good = template();
    const damaged = new Uint8Array(good.subarray(0, 3000));
    expect((await refusal(damaged)).message).toContain("not a valid Word document");
    const other = zipSync({ "hello.txt": strToU8("你好") });
    expect((await refusal(other)).message).toContain("not a valid Word document");
  });

  it("mutated Word files give a report or one ImportError, never a crash", async () => {
    const good = template();
    let seed = 17;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 40; i++) {
      const bytes = new Uint8Array(good);
      for (let k = 0; k < 1 + (i % 8); k++) bytes[next() % bytes.length] = next() & 0xff;
      try {
        await parseReport(bytes, { filename: "x.docx" });
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }
  });
});
