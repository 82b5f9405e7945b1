// `pnpm --filter @ogi/api bench:first-file`: the first Word or PDF file a freshly started API
// writes, with its document writers cold (the worker starts and loads pdfmake, docx and the PDF's
// font while the manager waits) and warmed (as `pnpm start` does once listening: see
// DocumentReader.warm). A fresh writer pool per trial; the report is 淮安市人民政府 2024 in full.
// Writes the "API: the first file after a start" section of docs/benchmarks.md.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { ReportDraft } from "@ogi/domain";
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import { DEFAULT_DOCUMENT_LIMITS } from "../src/documents/limits.ts";
import { createDocumentReader } from "../src/documents/reader-pool.ts";

const TRIALS = Number(process.env.BENCH_TRIALS ?? 7);
const report = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, "../../documents/test/fixtures/huaian-2024.json"),
    "utf8",
  ),
) as ReportDraft;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The wall time of the first file of a fresh pool, warmed first or not. */
const firstFile = async (format: "pdf" | "docx", warmed: boolean) => {
  const pool = createDocumentReader(DEFAULT_DOCUMENT_LIMITS);
  try {
    if (warmed) await pool.warm();
    const t0 = performance.now();
    await pool.render(report, { format, lang: "zh", draft: false, date: "2025-01-20" });
    return performance.now() - t0;
  } finally {
    await pool.close();
  }
};

const load = loadavg()[0]!;
const rows: string[] = [];
for (const format of ["pdf", "docx"] as const)
  for (const warmed of [false, true]) {
    const times: number[] = [];
    for (let i = 0; i < TRIALS; i++) times.push(await firstFile(format, warmed));
    rows.push(
      `| first ${format.toUpperCase()} after a start | ${warmed ? "warmed" : "cold"} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms |`,
    );
  }
const table = [
  "| File | Writers | Wall (median) | Range |",
  "| --- | --- | --- | --- |",
  ...rows,
].join("\n");
writeBenchSection(
  "API: the first file after a start",
  "pnpm --filter @ogi/api bench:first-file (node bench/first-file.ts)",
  `A fresh pool of document writers per trial (${TRIALS} trials per row): "cold" is the first
file with nothing loaded (the worker starts, then loads pdfmake, docx and the PDF's font while
the request waits); "warmed" is the same after \`DocumentReader.warm()\`, which \`pnpm start\`
calls once the API listens. The report: 淮安市人民政府 2024 in full. Load average when the run
started: ${load.toFixed(1)} on this machine's cores.

${table}`,
);
process.stdout.write(`${table}\n`);
