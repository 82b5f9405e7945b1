import { defineConfig } from "vitest/config";

// The API on PGlite starts in a few seconds, more on a busy machine.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], hookTimeout: 60_000, testTimeout: 60_000 },
});
