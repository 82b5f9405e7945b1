import { defineConfig } from "vitest/config";

// The quick suite (`pnpm test`); the long runs are `*.soak.ts` under `pnpm test:soak`.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 180_000 },
});
