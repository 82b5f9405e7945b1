import { defineConfig } from "vitest/config";

// Rendering and reading back whole documents on a shared 2-core machine: a loose limit (speed is
// measured by `pnpm bench`).
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
