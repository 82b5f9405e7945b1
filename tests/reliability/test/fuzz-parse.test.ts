// parseReport on mutated published reports: never a crash or a hang, always a report with
// findings or one ImportError with a Chinese and an English message, within time and memory.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { figuresTable, writeFigures } from "../src/figures.ts";
import {
  deepHtmlCase,
  hugeCase,
  loadFixtures,
  parseCases,
  parseRunner,
} from "../src/fuzz-parse.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const fixtures = loadFixtures();
const runner = parseRunner({ timeoutMs: 60_000, maxHeapMb: 1024 });
const parseStats = { cases: 0, reports: 0, importErrors: 0, maxMs: 0, maxHeapMb: 0 };

afterAll(async () => {
  console.info(`fuzz-parse: ${JSON.stringify(parseStats)}`);
  if (process.env.OGI_SOAK)
    writeFigures(
      "fuzz-parse",
      `Last soak: ${new Date().toISOString().slice(0, 16)}Z, ${RUNS} mutated fixtures and a 15 MB file, each in a worker (60 s, 1 GB heap limits).\n\n${figuresTable([parseStats])}`,
    );
  await runner.close();
});

describe("fuzzing parseReport", () => {
  it("finds the fixtures", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it("mutated fixtures: a report with findings or one ImportError, never a crash or a hang", async () => {
    await fc.assert(
      fc.asyncProperty(parseCases(fixtures), async (c) => {
        const r = await runner.run(c);
        parseStats.cases++;
        parseStats.maxMs = Math.max(
          parseStats.maxMs,
          Math.round(r.ok || !("hang" in r) ? r.ms : 0),
        );
        if ("heapMb" in r)
          parseStats.maxHeapMb = Math.max(parseStats.maxHeapMb, Math.round(r.heapMb));
        if (r.ok) {
          parseStats.reports++;
          expect(r.hasReport, c.label).toBe(true);
          expect(r.findingsValid, c.label).toBe(true);
        } else {
          expect("hang" in r, `${c.label}: ${r.message}`).toBe(false);
          expect(r, c.label).toMatchObject({ name: "ImportError" });
          expect((r as { zh?: string }).zh, c.label).toBeTruthy();
          parseStats.importErrors++;
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it("a few-MB file is read or refused within the limits", async () => {
    const r = await runner.run(hugeCase(fixtures, process.env.OGI_SOAK ? 15 : 4));
    parseStats.cases++;
    expect("hang" in r, r.ok ? "" : r.message).toBe(false);
    if (!r.ok) expect(r).toMatchObject({ name: "ImportError" });
  });

  // HTML nested 80,000 deep (420 KB) once overflowed the stack of the recursive readers; the
  // import now refuses absurd nesting before it reads.
  it("deeply nested HTML is refused with an ImportError, not a stack overflow", async () => {
    const r = await runner.run(deepHtmlCase);
    expect(r).toMatchObject({ ok: false, name: "ImportError" });
  });
});
