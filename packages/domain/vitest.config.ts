import { defineConfig } from "vitest/config";

// Property tests run hundreds of cases; CI is a shared 2-core machine running every package's
// tasks at once, so the limit is loose (speed is measured by `pnpm bench`, not here). Hooks too:
// a hook past vitest's default 10 s (Chromium's launch or close in the browser test, under that
// load) fails its file while every test passes, the likely cause of a red CI run with none failed.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
