// The corpus (test/fixtures/corpus): real report texts and the real reports re-laid out the
// way pages, converters and flip-books lay them out. Each file reads to its expected cells,
// its agency and year, gives the findings it must, and no number that is not in its input.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cellPaths, getCell, ImportError, parseReport } from "../src/index.ts";
import { numbersIn, ownFixtures } from "./import-helpers.ts";

const dir = path.join(ownFixtures, "corpus");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".expected.json"))
  .sort();

type Expected = {
  origin: string;
  real: boolean;
  agency: string;
  year: number;
  cells: Record<string, number | null>;
  findings: string[];
  /** The ImportError code a file that cannot be read must give. */
  error?: string;
};

describe("the corpus", () => {
  it("holds at least 30 reports, each saying where it came from", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      const e = JSON.parse(readFileSync(path.join(dir, c), "utf8")) as Expected;
      expect(e.origin.length, c).toBeGreaterThan(20);
      expect(typeof e.real, c).toBe("boolean");
    }
  });

  for (const c of cases) {
    const file = c.replace(/\.expected\.json$/, "");
    it(file, async () => {
      const e = JSON.parse(readFileSync(path.join(dir, c), "utf8")) as Expected;
      const bytes = readFileSync(path.join(dir, file));
      if (e.error) {
        const failed = await parseReport(new Uint8Array(bytes), { filename: file }).catch((x) => x);
        expect(failed).toBeInstanceOf(ImportError);
        expect(failed.code).toBe(e.error);
        expect(failed.zh).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      const { report, findings } = await parseReport(new Uint8Array(bytes), { filename: file });
      const got = Object.fromEntries(Object.keys(e.cells).map((p) => [p, getCell(report, p)]));
      expect(got).toEqual(e.cells);
      expect(report.agency.name).toBe(e.agency);
      expect(report.year).toBe(e.year);
      const codes = new Set(findings.map((f) => f.code));
      for (const code of e.findings) expect(codes, code).toContain(code);
      // Never an invented number: every cell read is written in the input.
      if (!file.endsWith(".pdf")) {
        const written = numbersIn(bytes.toString("utf8"));
        for (const { path: p } of cellPaths()) {
          const v = getCell(report, p);
          if (typeof v === "number") expect(written.has(v), `${p} = ${v}`).toBe(true);
        }
      }
    });
  }
});
