import { defineConfig } from "vitest/config";

// The tests spawn the real CLI (a Node process each), and parsing a PDF takes a moment.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 180_000 } });
