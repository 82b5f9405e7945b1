import { defineConfig } from "vitest/config";

// The API on PGlite starts in a few seconds; on a 2-core CI machine running every package's tests
// at once, a spawned host or chat can take a minute or more.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], hookTimeout: 180_000, testTimeout: 180_000 },
});
