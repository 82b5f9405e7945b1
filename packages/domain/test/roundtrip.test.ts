// Render → parse is the identity, for every format and language, on generated reports: valid
// ones (arbReport) and drafts with blank cells and arbitrary text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellPaths,
  checkReport,
  type Lang,
  parseReport,
  RENDER_FORMATS,
  type ReportDraft,
  renderReport,
  setCell,
} from "../src/index.ts";
import { arbReport } from "./arbitraries.ts";

const CHARS = [
  ..."政府信息公开申请总计其他（一）、。，：；“”《》０１２３",
  ..."abcXYZ 0123456789.,;:!?-+=*_#|<>&'\"\\/`~[](){}@%",
  "\n",
  "\t",
  "\u3000",
];
const arbText = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(""));
const arbName = fc
  .array(fc.constantFrom(...CHARS.filter((c) => c !== "\n" && c !== "\t")), {
    minLength: 1,
    maxLength: 20,
  })
  .map((cs) => cs.join(""))
  .filter((s) => s.trim() === s && s !== "");

const paths = [...cellPaths()].map((c) => c.path);

/** A draft: a valid report with some cells blank, odd numbers, and any text. */
const arbDraft: fc.Arbitrary<ReportDraft> = fc
  .record({
    base: arbReport(),
    blanks: fc.uniqueArray(fc.constantFrom(...paths), { maxLength: 12 }),
    odd: fc.array(
      fc.tuple(
        fc.constantFrom(...paths),
        // -0 is left out: every format writes it as "0" (String(-0)).
        fc
          .oneof(
            fc.integer({ min: -1000, max: 1e9 }),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          )
          .map((v) => (Object.is(v, -0) ? 0 : v)),
      ),
      { maxLength: 4 },
    ),
    name: arbName,
    texts: fc.array(arbText, { minLength: 8, maxLength: 8 }),
  })
  .map(({ base, blanks, odd, name, texts }) => {
    const r = structuredClone(base) as ReportDraft;
    r.agency.name = name;
    for (const p of blanks) setCell(r, p, null);
    for (const [p, v] of odd) setCell(r, p, v);
    const [intro, a, b, c, d, e, problems, other] = texts as [string, ...string[]];
    r.overview = {
      intro,
      proactive: a!,
      requests: b!,
      management: c!,
      platform: d!,
      supervision: e!,
    };
    r.problems = problems!;
    r.otherMatters = other!;
    return r;
  });

const LANGS: Lang[] = ["zh", "en"];

/**
 * What a format gives back: everything, but for chat text, which is published as it is and so
 * does not carry the agency code (its reader gives the agency by name).
 */
const expected = (report: ReportDraft, format: string): ReportDraft => {
  if (format !== "txt" || report.agency.code === undefined) return report;
  const { code: _code, ...agency } = report.agency;
  return { ...report, agency };
};

describe("render → parse is the identity", () => {
  for (const format of RENDER_FORMATS)
    for (const lang of LANGS) {
      it(`${format} (${lang}) on valid reports`, async () => {
        await fc.assert(
          fc.asyncProperty(arbReport(), async (report) => {
            const { report: back, findings } = await parseReport(
              renderReport(report, { format, lang }),
            );
            expect(back).toEqual(expected(report, format));
            expect(findings).toEqual([]);
          }),
          { numRuns: 40 },
        );
      });

      it(`${format} (${lang}) on drafts with blank cells, odd numbers and any text`, async () => {
        await fc.assert(
          fc.asyncProperty(arbDraft, async (draft) => {
            const { report: back } = await parseReport(renderReport(draft, { format, lang }));
            expect(back).toEqual(expected(draft, format));
          }),
          { numRuns: 60 },
        );
      });
    }

  it("html with its findings listed and marked on the cells", async () => {
    await fc.assert(
      fc.asyncProperty(arbDraft, async (draft) => {
        const findings = checkReport(draft);
        const html = renderReport(draft, { format: "html", findings });
        const back = await parseReport(html);
        expect(back.report).toEqual(draft);
        expect(back.findings).toEqual(findings);
      }),
      { numRuns: 30 },
    );
  });

  it("also from bytes with a file name, as the CLI reads files", async () => {
    await fc.assert(
      fc.asyncProperty(arbReport(), fc.constantFrom(...RENDER_FORMATS), async (report, format) => {
        const bytes = new TextEncoder().encode(renderReport(report, { format }));
        const { report: back } = await parseReport(bytes, { filename: `report.${format}` });
        expect(back).toEqual(expected(report, format));
      }),
      { numRuns: 20 },
    );
  });
});
