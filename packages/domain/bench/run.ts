// `pnpm bench` for the domain package: the fold over a large register, the rules, and the
// import of a real published PDF. Writes its section of docs/benchmarks.md.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import {
  APPLICANT_TYPES,
  type Application,
  checkReport,
  deriveRequests,
  emptyReport,
  OUTCOMES,
  parseReport,
  type Register,
} from "../src/index.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
const pad = (n: number) => String(n).padStart(2, "0");

/** A deterministic register: receipts spread over two years, four in five concluded. */
const makeRegister = (size: number): Register => {
  const applications: Application[] = new Array(size);
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < size; i++) {
    const year = 2025 + (next() % 2);
    const month = 1 + (next() % 12);
    const day = 1 + (next() % 28);
    const receivedOn = `${year}-${pad(month)}-${pad(day)}`;
    const events: Application["events"] = [
      {
        id: `r${i}`,
        type: "received",
        date: receivedOn,
        applicantType: APPLICANT_TYPES[next() % APPLICANT_TYPES.length]!,
        channel: "online",
      },
    ];
    if (next() % 5 !== 0) {
      const cMonth = Math.min(12, month + (next() % 2));
      events.push({
        id: `c${i}`,
        type: "concluded",
        date: `${year}-${pad(cMonth)}-${pad(day)}`,
        outcome: OUTCOMES[next() % OUTCOMES.length]!,
      });
    }
    applications[i] = { id: `a${i}`, number: i + 1, events };
  }
  return { applications, openingBalances: [] };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void, runs: number) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
};

const size = 1_000_000;
const register = makeRegister(size);
time(() => deriveRequests(register, 2026), 2); // warm-up
const foldTimes = time(() => deriveRequests(register, 2026), 7);
const foldMedian = median(foldTimes);
const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;

const report = emptyReport({ name: "基准测试局" }, 2026);
report.requests = deriveRequests(register, 2026);
const checkStart = performance.now();
let checks = 0;
while (performance.now() - checkStart < 2000) {
  checkReport(report);
  checks++;
}
const checksPerSecond = checks / ((performance.now() - checkStart) / 1000);

const pdf = readFileSync(resolve(repoRoot, "../shared/fixtures/reports/huaian-2024.pdf"));
await parseReport(new Uint8Array(pdf), { filename: "huaian-2024.pdf" }); // warm-up
const parseTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await parseReport(new Uint8Array(pdf), { filename: "huaian-2024.pdf" });
  parseTimes.push(performance.now() - t0);
}
const layout = readFileSync(
  resolve(repoRoot, "../shared/fixtures/reports/huaian-2024.layout.txt"),
  "utf8",
);
const layoutTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  await parseReport(layout, { filename: "huaian-2024.layout.txt" });
  layoutTimes.push(performance.now() - t0);
}

// A report copied from a web page (tab-separated tables): the re-laid Huai'an report of the
// corpus, and the same in traditional characters (opencc-js converts it first).
const webTimes = async (name: string) => {
  const text = readFileSync(resolve(import.meta.dirname, "../test/fixtures/corpus", name), "utf8");
  for (let i = 0; i < 5; i++) await parseReport(text, { filename: name });
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await parseReport(text, { filename: name });
    times.push(performance.now() - t0);
  }
  return times;
};
const webText = await webTimes("huaian-2024.tabs.txt");
const webTraditional = await webTimes("huaian-2024.traditional.txt");
const webHtml = await webTimes("huaian-2024.docx-html.html");

const ms = (x: number) => `${x.toFixed(1)} ms`;
const body = `
| Measure | Result | Target |
|---|---|---|
| \`deriveRequests\` over ${size.toLocaleString("en")} applications (median of 7, after 2 warm-up runs) | ${ms(foldMedian)} (min ${ms(Math.min(...foldTimes))}, max ${ms(Math.max(...foldTimes))}) | under 1,000 ms |
| \`checkReport\` on a full report | ${Math.round(checksPerSecond).toLocaleString("en")} reports/s | — |
| \`parseReport\` of \`huaian-2024.pdf\` (6 pages, pdf.js; median of 10) | ${ms(median(parseTimes))} (min ${ms(Math.min(...parseTimes))}) | under 150 ms |
| \`parseReport\` of \`huaian-2024.layout.txt\` (median of 20) | ${ms(median(layoutTimes))} | — |
| \`parseReport\` of a web-text report (\`corpus/huaian-2024.tabs.txt\`; median of 30) | ${ms(median(webText))} (min ${ms(Math.min(...webText))}) | under 10 ms |
| the same in traditional characters (\`corpus/huaian-2024.traditional.txt\`, opencc-js) | ${ms(median(webTraditional))} | — |
| the same as a .docx converter's HTML (\`corpus/huaian-2024.docx-html.html\`) | ${ms(median(webHtml))} | — |

Heap in use after building the register and folding it: ${heapMiB.toFixed(0)} MiB.
Load average when the run ended: ${loadavg()
  .map((l) => l.toFixed(1))
  .join(", ")} on ${availableParallelism()} cores (the machine is shared: under load the
medians of the reads move up while their minimums stay near the unloaded figures).
`;
console.log(body);
writeBenchSection("Domain", "pnpm bench (packages/domain: node bench/run.ts)", body);
