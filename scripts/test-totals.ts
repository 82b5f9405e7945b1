// Adds up the "Tests  N passed | M failed" lines that vitest prints for each package into one
// closing line, "N passed, M failed", so a reader of the CI log sees the whole count at once.
// A run can fail with every test passed (a file that fails to load or whose hook throws, an
// unhandled error after a test): those are counted too, and every FAIL line and unhandled
// error is repeated at the end, where a reader of the log's tail sees it.
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
let failedFiles = 0;
let errors = 0;
const reasons = new Set<string>();
const lines = text.split("\n");
for (const [i, line] of lines.entries()) {
  const tests = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (tests) {
    passed += Number(/(\d+) passed/.exec(tests[1]!)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(tests[1]!)?.[1] ?? 0);
    skipped += Number(/(\d+) skipped/.exec(tests[1]!)?.[1] ?? 0);
  }
  const files = /\bTest Files\s+(.*)\(\d+\)\s*$/.exec(line);
  if (files) failedFiles += Number(/(\d+) failed/.exec(files[1]!)?.[1] ?? 0);
  const errorCount = /\bErrors\s+(\d+) errors?\b/.exec(line);
  if (errorCount) errors += Number(errorCount[1]);
  // "FAIL  test/x.test.ts > case" and the first line of each unhandled error, with its package.
  if (/\bFAIL\s+\S/.test(line) || /Unhandled (Error|Rejection)/.test(line)) {
    const next = /Unhandled/.test(line) ? ` ${lines[i + 1]?.trim() ?? ""}` : "";
    reasons.add(`${line.trim()}${next}`.slice(0, 300));
  }
  if (/ERROR\s+command .* exited \(\d+\)/.test(line)) reasons.add(line.trim().slice(0, 300));
}
for (const reason of reasons) console.log(`  ${reason}`);
const extra = [
  skipped ? `${skipped} skipped` : "",
  failedFiles ? `${failedFiles} test files failed` : "",
  errors ? `${errors} unhandled errors` : "",
].filter(Boolean);
console.log(`${passed} passed, ${failed} failed${extra.length ? `, ${extra.join(", ")}` : ""}`);
