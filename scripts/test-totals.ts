// Adds up the "Tests  N passed | M failed" lines that vitest prints for each package into one
// closing line, "N passed, M failed", so a reader of the CI log sees the whole count at once.
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split("\n")) {
  const m = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!m) continue;
  passed += Number(/(\d+) passed/.exec(m[1]!)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(m[1]!)?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(m[1]!)?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
