import { defineConfig } from "vitest/config";

// Database tests wait on real engines; the machine is shared (2 cores), so time limits are loose.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
