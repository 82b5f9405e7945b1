// Whatever comes in, parseReport answers with findings or an ImportError: never another
// exception, never a hang.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findingSchema,
  ImportError,
  type ParseResult,
  parseReport,
  parseReportHtml,
  parseReportText,
  reportDraftSchema,
} from "../src/index.ts";
import { readOwn, readShared, readSharedText } from "./import-helpers.ts";

const layout = readSharedText("huaian-2024.layout.txt");
const plain = readOwn("huaian-2024.plain.txt");
const minquan = readSharedText("minquan-gxkj-2023.txt");
const pdf = new Uint8Array(readShared("huaian-2024.pdf"));

/** A result or an ImportError; anything else fails the test. */
const outcome = async (run: () => ParseResult | Promise<ParseResult>) => {
  try {
    const result = await run();
    // The shape is the canonical one; name and year may be unknown ("" and 0, with a finding).
    const { report } = result;
    const known = { ...report, agency: { ...report.agency, name: "x" }, year: 2024 };
    const check = reportDraftSchema.safeParse(known);
    if (!check.success) throw new Error(JSON.stringify(check.error.issues.slice(0, 3)));
    if (report.agency.name === "" || report.year === 0)
      expect(result.findings.some((f) => f.code === "import.unreadable")).toBe(true);
    else expect(report.year).toBeGreaterThanOrEqual(2008);
    for (const f of result.findings) expect(findingSchema.parse(f)).toEqual(f);
    return result;
  } catch (e) {
    if (e instanceof ImportError) {
      expect(e.message).not.toBe("");
      expect(e.zh).not.toBe("");
      return e;
    }
    throw e;
  }
};

/** A minimal PDF; `content` is the page's content stream. */
const makePdf = (content: string, resources: string, extra: string[] = []): Uint8Array => {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...extra,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
};

/** A "scan": one page that is only an image. */
const scannedPdf = () =>
  makePdf("q 595 0 0 842 0 0 cm /Im1 Do Q", "<< /XObject << /Im1 5 0 R >> >>", [
    "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream",
  ]);

const textPdf = (text: string) =>
  makePdf(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, "<< /Font << /F1 5 0 R >> >>", [
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);

describe("input that cannot be read at all: ImportError", () => {
  it("a scanned PDF without a text layer says so", async () => {
    const e = await parseReport(scannedPdf(), { filename: "scan.pdf" }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe("scanned-pdf");
    expect(e.message).toMatch(/scanned PDF without a text layer/);
    expect(e.zh).toMatch(/扫描版 PDF，没有文字层/);
  });

  it("a PDF with text that is not a report", async () => {
    const e = await parseReport(textPdf("Quarterly sales figures for the northern region")).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe("not-a-report");
  });

  it("a 'PDF' that is not a PDF (damaged, or only the magic)", async () => {
    for (const bytes of [
      new TextEncoder().encode("%PDF-1.7\nthis is not really a pdf\n%%EOF"),
      pdf.slice(0, 2000),
    ]) {
      const e = await parseReport(bytes, { filename: "x.pdf" }).catch((x) => x);
      expect(e).toBeInstanceOf(ImportError);
      expect(["damaged-pdf", "scanned-pdf", "not-a-report"]).toContain(e.code);
    }
  });

  it("a file named .pdf that holds the report's text is read by its content", async () => {
    const { report } = await parseReport(new TextEncoder().encode(minquan), { filename: "a.pdf" });
    expect(report.year).toBe(2023);
  });

  it("empty input, binary junk, a text that is not a report, broken JSON", async () => {
    const cases: [string | Uint8Array, string][] = [
      ["", "empty"],
      ["   \n\n ", "empty"],
      [new Uint8Array(), "empty"],
      [new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7, 8]), "binary"],
      ["Lorem ipsum dolor sit amet.\nNothing to see here.", "not-a-report"],
      ['{"formatVersion": "2021"', "invalid-json"],
      ['{"formatVersion": "2021"}', "invalid-json"],
    ];
    for (const [input, code] of cases) {
      const e = await parseReport(input, {
        filename: typeof input === "string" && input.startsWith("{") ? "r.json" : undefined,
      }).catch((x) => x);
      expect(e, String(input)).toBeInstanceOf(ImportError);
      expect(e.code, String(input)).toBe(code);
    }
  });

  it("GB 18030 text (as many government sites serve it) is decoded", async () => {
    // The minquan text re-encoded: every character of it is in GB 18030's two-byte range.
    const decoder = new TextDecoder("gb18030");
    const table: Record<string, number[]> = {};
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && table[ch] === undefined) table[ch] = [hi, lo];
      }
    const bytes: number[] = [];
    for (const ch of minquan) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else if (table[ch]) bytes.push(...table[ch]!);
      else return; // a character outside the table: nothing to test with
    }
    const { report } = await parseReport(new Uint8Array(bytes));
    expect(report.agency.name).toBe("民权县工业和信息化和科技局");
  });
});

describe("damaged input: findings, never a crash", () => {
  it("truncated at any point", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(layout, plain, minquan),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (text, at) => {
          await outcome(() => parseReportText(text.slice(0, Math.floor(text.length * at))));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("lines shuffled", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(layout, plain, minquan),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (text, random) => {
          const lines = text.split("\n");
          const keys = lines.map(() => random.next().value as number);
          const shuffled = lines
            .map((l, i) => [keys[i]!, l] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, l]) => l);
          await outcome(() => parseReportText(shuffled.join("\n")));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("lines dropped or duplicated", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(layout, plain, minquan),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (text, drop, dup) => {
          const lines = text.split("\n");
          const out: string[] = [];
          lines.forEach((l, i) => {
            if (drop.some((d) => d % lines.length === i)) return;
            out.push(l);
            if (dup.some((d) => d % lines.length === i)) out.push(l);
          });
          await outcome(() => parseReportText(out.join("\n")));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("random bytes, random text, random markup", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ unit: "binary", maxLength: 2000 }),
          fc
            .array(
              fc.constantFrom(
                "<table>",
                "<tr>",
                '<td rowspan="3">',
                '<td colspan="99999">',
                "</td>",
                "</tr>",
                "</table>",
                "<p>",
                "一、总体情况",
                "三、收到和处理政府信息公开申请情况",
                "1.属于国家秘密",
                "0",
                "3,119",
                "/",
                "\t",
                "\n",
                "四、结转下年度继续办理",
                "&nbsp;",
              ),
              { maxLength: 300 },
            )
            .map((a) => a.join("")),
        ),
        async (input) => {
          await outcome(() => parseReport(input));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the PDF with bytes flipped", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: pdf.length - 1 }), { minLength: 1, maxLength: 30 }),
        async (at) => {
          const bytes = pdf.slice();
          for (const i of at) bytes[i] = bytes[i]! ^ 0x5a;
          await outcome(() => parseReport(bytes));
        },
      ),
      { numRuns: 6 },
    );
  }, 60_000);

  it("lines built to make a backtracking regular expression hang", () => {
    for (const line of [
      `规章 ${"1".repeat(64)}x`,
      `${"1 ".repeat(5000)}x`,
      `（${"一".repeat(5000)}`,
      `${"。".repeat(20000)}x`,
      `${"-".repeat(20000)}1`,
    ])
      expect(() => parseReportText(minquan.replace("规章\t0\t0\t0", line))).not.toThrow();
  });

  it("a huge input (a few MB) is read, not hung on", async () => {
    const huge = `${minquan}\n`.repeat(Math.ceil(4_000_000 / minquan.length));
    expect(huge.length).toBeGreaterThan(3_000_000);
    const result = await outcome(() => parseReportText(huge));
    expect(result).not.toBeInstanceOf(ImportError);
    const { report } = result as ParseResult;
    expect(report.year).toBe(2023);
    expect(report.requests.newReceived.total).toBe(0);
    const html = `<html><body>${'<table><tr><td rowspan="50">x</td><td>1</td></tr></table>'.repeat(40_000)}</body></html>`;
    await outcome(() => parseReportHtml(html));
    const e = await parseReport("三".repeat(10_000_001)).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe("too-large");
  }, 60_000);
});
