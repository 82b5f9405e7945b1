import { readFileSync } from "node:fs";
import { parseReport } from "./src/index.ts";
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const f of ["huaian-2024.tabs.txt", "huaian-2024.pipes.txt", "huaian-2024.traditional.txt", "huaian-2024.docx-html.html"]) {
  const s = readFileSync("test/fixtures/corpus/" + f, "utf8");
  for (let i = 0; i < 5; i++) await parseReport(s, { filename: f });
  const t = [];
  for (let i = 0; i < 30; i++) { const t0 = performance.now(); await parseReport(s, { filename: f }); t.push(performance.now() - t0); }
  console.log(f, med(t).toFixed(2));
}
