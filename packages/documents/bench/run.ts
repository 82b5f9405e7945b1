// `pnpm bench` for @ogi/documents: rendering a full report (淮安市人民政府 2024, read from its
// published PDF) as Word, PDF and Excel, and reading the Word file back. Writes its section of
// docs/benchmarks.md. Wall time and the process's CPU time are both given: on a shared machine
// the wall time also counts waiting for a core.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseReport, type ReportDraft } from "@ogi/domain";
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import { type DocumentFormat, renderDocument } from "../src/index.ts";

const report = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../test/fixtures/huaian-2024.json"), "utf8"),
) as ReportDraft;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (v: number) => `${v.toFixed(1)} ms`;

const measure = async (run: () => Promise<unknown>, times: number) => {
  for (let i = 0; i < 2; i++) await run(); // warm-up: module loading, the font parsed once
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu), min: Math.min(...wall) };
};

const rows: string[] = [];
const sizes: Partial<Record<DocumentFormat, number>> = {};
const load = loadavg()[0]!;
for (const format of ["docx", "pdf", "xlsx"] as const) {
  sizes[format] = (await renderDocument(report, { format, date: "2025-01-20" })).length;
  const r = await measure(() => renderDocument(report, { format, date: "2025-01-20" }), 15);
  const target = format === "xlsx" ? "—" : "under 300 ms";
  rows.push(
    `| render ${format.toUpperCase()} (${Math.round(sizes[format]! / 1024)} KB; median of 15) | ${ms(r.wall)} (min ${ms(r.min)}) | ${ms(r.cpu)} | ${target} |`,
  );
  console.log(format, r);
}
const docx = await renderDocument(report, { format: "docx" });
const read = await measure(() => parseReport(docx, { filename: "report.docx" }), 15);
rows.push(
  `| \`parseReport\` of the DOCX (median of 15) | ${ms(read.wall)} (min ${ms(read.min)}) | ${ms(read.cpu)} | — |`,
);

const body = `
A full report: 淮安市人民政府 2024 (4 PDF pages, every table filled), after two warm-up renders (the
PDF font, Noto Sans Hans from \`@embedpdf/fonts-sc\`, is parsed once per process). CPU is the
process's user + system time per render (pdfmake compresses on the same thread). Load average
when the run started: ${load.toFixed(1)} on this machine's cores.

| Measure | Wall (median) | CPU (median) | Target |
| --- | --- | --- | --- |
${rows.join("\n")}
`;
writeBenchSection("Documents", "pnpm --filter @ogi/documents bench", body);
