// Fuzzing the reader (issue 20): tables laid out with shuffled separators, labels wrapped at
// random places, text cut off anywhere, random bytes. Never a crash (an ImportError is an
// answer), never a number in a cell that is not written in the input.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellPaths, getCell, ImportError, type ParseResult, parseReport } from "../src/index.ts";
import { numbersIn, ownFixtures } from "./import-helpers.ts";

const corpus = (name: string) => readFileSync(path.join(ownFixtures, "corpus", name), "utf8");
const tabs = corpus("huaian-2024.tabs.txt");
const minquanTabs = corpus("minquan-gxkj-2023.tabs.txt");

/** Reads the input; an ImportError is an answer, any other exception fails. */
const read = async (input: string | Uint8Array, filename?: string) => {
  try {
    return await parseReport(input, filename ? { filename } : {});
  } catch (e) {
    if (e instanceof ImportError) return null;
    throw e;
  }
};

/** Every number in a cell is written in the input (fees in 万元 may be its ×10000). */
const noInventedNumber = (result: ParseResult | null, input: string) => {
  if (!result) return;
  const written = numbersIn(input);
  for (const { path: p } of cellPaths()) {
    const v = getCell(result.report, p);
    if (typeof v !== "number") continue;
    const ok = written.has(v) || (p.startsWith("fees.") && written.has(Math.round(v / 100) / 100));
    expect(ok, `${p} = ${v} is not in the input`).toBe(true);
  }
};

const SEPARATORS = ["\t", " | ", "｜", "  ", " ", "\t\t", " \t "];

describe("fuzzing the reader", () => {
  it("shuffled separators: never a crash, never a number not in the input", async () => {
    const lines = tabs.split("\n");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...SEPARATORS), {
          minLength: lines.length,
          maxLength: lines.length,
        }),
        fc.boolean(),
        async (seps, trailingPipe) => {
          const text = lines
            .map((l, i) => {
              if (!l.includes("\t")) return l;
              const row = l.split("\t").join(seps[i]!);
              return trailingPipe && seps[i]!.includes("|") ? `${row} |` : row;
            })
            .join("\n");
          noInventedNumber(await read(text), text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("labels wrapped at random places: never a crash, never a number not in the input", async () => {
    const lines = tabs.split("\n");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(40), { minLength: lines.length, maxLength: lines.length }),
        fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }),
        async (cuts, wrap) => {
          const text = lines
            .map((l, i) => {
              if (!wrap[i]) return l;
              const at = Math.min(cuts[i]!, l.length);
              return `${l.slice(0, at)}\n${l.slice(at)}`;
            })
            .join("\n");
          noInventedNumber(await read(text), text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("text cut off anywhere: never a crash, never a number not in the input", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(tabs, minquanTabs, corpus("huaian-2024.docx-html.html")),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (full, where) => {
          const text = full.slice(0, Math.floor(full.length * where));
          noInventedNumber(await read(text), text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a report's tokens in random order: never a crash, never a number not in the input", async () => {
    const tokens = [...new Set(tabs.split(/[\t\n]/).filter((t) => t !== ""))];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...tokens),
            fc.constantFrom("\t", "\n", " | ", " ", "/", "\n|\n"),
          ),
          { maxLength: 300 },
        ),
        async (parts) => {
          const text = parts.map(([t, s]) => t + s).join("");
          noInventedNumber(await read(text), text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("random bytes: never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom(undefined, "r.txt", "r.html", "r.pdf", "r.md"),
        async (bytes, filename) => {
          const result = await read(bytes, filename);
          if (result) noInventedNumber(result, new TextDecoder().decode(bytes));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("random text in traditional characters and full width: never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom(
            ..."資訊開請處報與關門區縣０１２３４５６７８９｜（）、\n\t 年度政府信息公开",
          ),
          maxLength: 500,
        }),
        async (text) => {
          noInventedNumber(await read(text), text);
        },
      ),
      { numRuns: 100 },
    );
  });
});
