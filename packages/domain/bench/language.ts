// `pnpm bench` (second part): the language module's throughput on the phrase corpus of issue
// 15, one core (Node runs the reader on one thread). Writes its section of docs/benchmarks.md.
import { performance } from "node:perf_hooks";
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import { readMessage, readSlot } from "../src/index.ts";
import { CORPUS, EARLIEST, TODAY } from "../test/language/corpus.ts";

const context = { today: TODAY, earliest: EARLIEST };
const messages = CORPUS.map(([m]) => m);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Messages read per second of CPU time over about `ms` milliseconds: the machine is shared, so
 * wall-clock time would count other processes' turns on the core as the reader's.
 */
const rate = (read: (m: string) => unknown, ms: number) => {
  let n = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t0 < ms) {
    for (const m of messages) read(m);
    n += messages.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpu: n / ((cpu.user + cpu.system) / 1e6), wall: n / ((performance.now() - t0) / 1000) };
};

rate((m) => readMessage(m, context), 500); // warm-up
const runs = Array.from({ length: 5 }, () => rate((m) => readMessage(m, context), 1000));
const slotRuns = Array.from({ length: 3 }, () => rate((m) => readSlot("date", m, context), 500));
const perSecond = median(runs.map((r) => r.cpu));
const cpus = runs.map((r) => r.cpu);

const fmt = (x: number) => Math.round(x).toLocaleString("en");
const body = `
| Measure | Result | Target |
|---|---|---|
| \`readMessage\` over the phrase corpus (${messages.length} messages, one thread; median of 5 one-second runs, per second of CPU time) | ${fmt(perSecond)} messages/s (min ${fmt(Math.min(...cpus))}, max ${fmt(Math.max(...cpus))}; wall clock ${fmt(median(runs.map((r) => r.wall)))}) | ≥ 10,000 messages/s |
| \`readSlot("date", …)\` over the same messages (median of 3, CPU time) | ${fmt(median(slotRuns.map((r) => r.cpu)))} messages/s | — |
`;
console.log(body);
writeBenchSection("Domain: language", "pnpm bench (packages/domain: node bench/language.ts)", body);
if (perSecond < 10_000) {
  console.error(`readMessage: ${fmt(perSecond)} messages/s, under the target of 10,000`);
  process.exitCode = 1;
}
