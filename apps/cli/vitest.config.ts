import { defineConfig } from "vitest/config";

// The tests spawn the real CLI (a Node process each), and parsing a PDF takes a moment; the
// admin test spawns a dozen, which on a loaded 2-core CI machine takes minutes.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 400_000, hookTimeout: 180_000 },
});
