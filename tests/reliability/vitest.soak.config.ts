import { defineConfig } from "vitest/config";

// `pnpm test:soak`: the long runs, one file at a time (they start servers and load them).
export default defineConfig({
  test: {
    include: ["test/**/*.soak.ts"],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
