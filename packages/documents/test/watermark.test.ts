// A draft's watermark 草稿: in Word, the WordArt shape Word writes for a text watermark, in the
// header of every page, light grey, diagonal, behind the text; in the PDF, glyph outlines drawn
// behind each page's text, so a page image shows them (pdftoppm) and the text layer does not
// (pdftotext gives exactly the published report's text).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cellPaths, getCell, parseReport, type ReportDraft } from "@ogi/domain";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../src/index.ts";

const huaian = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "fixtures", "huaian-2024.json"), "utf8"),
) as ReportDraft;
const dir = mkdtempSync(join(tmpdir(), "ogi-watermark-"));
const date = "2025-01-20";

const parts = async (draft: boolean, lang: "zh" | "en" = "zh") => {
  const files = unzipSync(await renderDocument(huaian, { format: "docx", draft, date, lang }));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
};

describe("Word: the watermark Word and WPS write", () => {
  it("a header on every page holds the WordArt shape 草稿: diagonal, light grey, behind the text", async () => {
    const files = await parts(true);
    const document = files["word/document.xml"]!;
    // One header, the default one: every page of the (single) section.
    const refs = [...document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    expect(refs.map((r) => r[1])).toEqual(["default"]);
    const target = new RegExp(`Id="${refs[0]![2]}"[^>]*Target="([^"]+)"`).exec(
      files["word/_rels/document.xml.rels"]!,
    )?.[1];
    const header = files[`word/${target}`]!;
    expect(header).toMatch(/^<\?xml[^>]*>\s*<w:hdr /);
    // The prefixes the shape uses are declared on the header's root.
    expect(header).toContain('xmlns:v="urn:schemas-microsoft-com:vml"');
    expect(header).toContain('xmlns:o="urn:schemas-microsoft-com:office:office"');
    expect(header).toContain('xmlns:w10="urn:schemas-microsoft-com:office:word"');
    const shape = /<v:shape (id="PowerPlusWaterMarkObject\d*"[^>]*)>([\s\S]*?)<\/v:shape>/.exec(
      header,
    );
    expect(shape).not.toBeNull();
    const [, attrs, inner] = shape as unknown as [string, string, string];
    expect(header).toContain('<v:shapetype id="_x0000_t136"');
    expect(attrs).toContain('type="#_x0000_t136"');
    const style = Object.fromEntries(
      /style="([^"]+)"/
        .exec(attrs)![1]!
        .split(";")
        .map((kv) => kv.split(":") as [string, string]),
    );
    expect(style.position).toBe("absolute");
    expect(style.rotation).toBe("315"); // diagonal, rising to the right
    expect(Number(style["z-index"])).toBeLessThan(0); // behind the text
    expect(style["mso-position-horizontal"]).toBe("center");
    expect(style["mso-position-vertical"]).toBe("center");
    expect(style["mso-position-horizontal-relative"]).toBe("margin");
    expect(parseFloat(style.width!)).toBeGreaterThanOrEqual(300); // large
    expect(attrs).toContain('fillcolor="silver"');
    expect(attrs).toContain('stroked="f"');
    expect(inner).toContain('<v:fill opacity=".5"/>');
    expect(inner).toMatch(
      /<v:textpath style="font-family:&quot;黑体&quot;;[^"]*" string="草稿"\/>/,
    );
    // No red header line any more, and the body text is the published one.
    expect(header).not.toContain("C00000");
    expect(header).not.toContain("<w:t");
    // The body up to the section's properties (which name the header) is the published one.
    const body = (xml: string) => xml.slice(0, xml.indexOf("<w:sectPr>"));
    expect(body(document) === body((await parts(false))["word/document.xml"]!)).toBe(true);
  });

  it("in English the watermark reads DRAFT; a published report has no header", async () => {
    expect(Object.values(await parts(true, "en")).join("")).toContain('string="DRAFT"');
    const published = await parts(false);
    expect(Object.keys(published).filter((n) => /header/.test(n))).toEqual([]);
    expect(published["word/document.xml"]).not.toContain("headerReference");
  });

  it("a draft's Word file reads back to the same cells", async () => {
    const bytes = await renderDocument(huaian, { format: "docx", draft: true, date });
    const { report } = await parseReport(bytes, { filename: "draft.docx" });
    for (const { path } of cellPaths()) expect(getCell(report, path)).toBe(getCell(huaian, path));
  });
});

const pdfOf = async (draft: boolean, lang: "zh" | "en" = "zh") => {
  const file = join(dir, `${draft ? "draft" : "published"}-${lang}.pdf`);
  writeFileSync(file, await renderDocument(huaian, { format: "pdf", draft, date, lang }));
  return file;
};
const text = (file: string) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });

/** Page 1 as an image (pdftoppm: PGM grey, or PPM colour): width, height and samples. */
const page1 = (file: string, dpi: number, colour = false) => {
  const stem = `${file}-${dpi}${colour ? "c" : ""}`;
  const args = ["-r", String(dpi), "-f", "1", "-l", "1", file, stem];
  execFileSync("pdftoppm", colour ? args : ["-gray", ...args]);
  const image = readFileSync(`${stem}-1.${colour ? "ppm" : "pgm"}`);
  const m = /^P[56]\s+(\d+)\s+(\d+)\s+255\s/.exec(image.subarray(0, 50).toString("latin1"))!;
  return { w: Number(m[1]), h: Number(m[2]), px: image.subarray(m[0].length) };
};

describe("PDF: the watermark is outlines behind the text", () => {
  it("pdftotext of a draft has no 草稿: the text layer is the published report's", async () => {
    const [draft, published] = [await pdfOf(true), await pdfOf(false)];
    const t = text(draft);
    expect(t).not.toMatch(/[草稿]/);
    expect(t).toBe(text(published));
    const en = text(await pdfOf(true, "en"));
    expect(en).not.toContain("DRAFT");
  });

  it("pdftoppm shows it: light grey across the middle of the page, the text still on top", async () => {
    const draft = page1(await pdfOf(true), 40);
    const published = page1(await pdfOf(false), 40);
    expect([draft.w, draft.h]).toEqual([published.w, published.h]);
    const { w, h } = draft;
    let grey = 0;
    let [sx, sy] = [0, 0];
    let covered = 0;
    let dark = 0;
    for (let i = 0; i < w * h; i++) {
      const [d, p] = [draft.px[i]!, published.px[i]!];
      // White in the published page, light grey in the draft: the watermark.
      if (p === 255 && d >= 170 && d <= 235) {
        grey++;
        sx += i % w;
        sy += Math.floor(i / w);
      }
      // Ink of the published page: still ink in the draft (the watermark is behind it).
      if (p < 80) {
        dark++;
        if (d > 120) covered++;
      }
    }
    expect(grey).toBeGreaterThan(w * h * 0.05); // large
    // Centred on the page.
    expect(Math.abs(sx / grey - w / 2)).toBeLessThan(w * 0.1);
    expect(Math.abs(sy / grey - h / 2)).toBeLessThan(h * 0.1);
    // Diagonal: the grey reaches both the lower left and the upper right quarter.
    const [hw, hh] = [Math.floor(w / 2), Math.floor(h / 2)];
    const quarter = (x0: number, y0: number) => {
      let n = 0;
      for (let y = y0; y < y0 + hh; y++)
        for (let x = x0; x < x0 + hw; x++)
          if (published.px[y * w + x] === 255 && draft.px[y * w + x]! <= 235) n++;
      return n;
    };
    const [lowerLeft, upperRight] = [quarter(0, hh), quarter(hw, 0)];
    const [upperLeft, lowerRight] = [quarter(0, 0), quarter(hw, hh)];
    expect(Math.min(lowerLeft, upperRight)).toBeGreaterThan(Math.max(upperLeft, lowerRight));
    expect(dark).toBeGreaterThan(1000);
    expect(covered).toBe(0);
    // The margins above and below the text block stay white.
    for (let x = 0; x < w; x++) expect(draft.px[x]).toBe(255);
  });

  it("the watermark is grey, not a colour", async () => {
    const draft = page1(await pdfOf(true), 30, true);
    const published = page1(await pdfOf(false), 30, true);
    let [marked, tinted] = [0, 0];
    for (let i = 0; i < draft.w * draft.h; i++) {
      const at = (img: typeof draft) => [img.px[3 * i]!, img.px[3 * i + 1]!, img.px[3 * i + 2]!];
      const [d, p] = [at(draft), at(published)];
      if (p.every((v) => v === 255) && d.some((v) => v < 250)) {
        marked++;
        if (Math.max(...d) - Math.min(...d) > 6) tinted++;
      }
    }
    expect(marked).toBeGreaterThan(draft.w * draft.h * 0.05);
    expect(tinted).toBe(0);
  });
});
