import { defineConfig } from "vitest/config";

// `pnpm test:soak`: the long runs, one file at a time. The crash soak (10,000 writes, kill -9)
// and the fuzz and fault tests again with many more generated cases; each writes its figures
// into docs/reliability.md (OGI_SOAK).
export default defineConfig({
  test: {
    include: [
      "test/**/*.soak.ts",
      "test/fuzz-api.test.ts",
      "test/fuzz-parse.test.ts",
      "test/bot.test.ts",
      "test/pg-connection.test.ts",
    ],
    env: { FUZZ_RUNS: "200", OGI_SOAK: "1" },
    testTimeout: 900_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
