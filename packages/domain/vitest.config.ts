import { defineConfig } from "vitest/config";

// Property tests run hundreds of cases; CI is a shared 2-core machine running every package's
// tasks at once, so the limit is loose (speed is measured by `pnpm bench`, not here).
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 120_000 } });
