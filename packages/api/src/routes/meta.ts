// /health, and /docs: the interactive reference, with its script served from node_modules so
// that it works without the internet.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { type StorageWatch, storageMessage } from "../storage.ts";

const scalarBundle = join(
  dirname(fileURLToPath(import.meta.resolve("@scalar/api-reference"))),
  "browser/standalone.js",
);
let bundle: Promise<Buffer> | undefined;

// The page's one inline script, allowed by its hash in the page's Content-Security-Policy:
// scripts from this origin and this one, nothing else (no eval, no other inline script).
const DOCS_INIT = `Scalar.createApiReference("#app", {
  url: "/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
});
`;

const DOCS_CSP = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash("sha256").update(DOCS_INIT).digest("base64")}'`,
  // Scalar injects its styles; it fetches the spec (and "try it" requests) from this origin.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const DOCS_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开年报 API · OGI API</title>
</head>
<body>
<div id="app"></div>
<script src="/docs/standalone.js"></script>
<script>${DOCS_INIT}</script>
</body>
</html>
`;

export const metaApp = (storage: StorageWatch) =>
  new Hono<AppEnv>()
    // The process answers (200) while the database may not: then `database` says why.
    .get("/health", async (c) => {
      const problem = await storage.check();
      if (!problem) return c.json({ ok: true as const }, 200);
      return c.json(
        {
          ok: true as const,
          database: {
            available: false as const,
            code: "databaseUnavailable" as const,
            problem,
            restartNeeded: storage.restartNeeded(),
            message: storageMessage(problem),
          },
        },
        200,
      );
    })
    .get("/docs", (c) => c.html(DOCS_HTML, 200, { "Content-Security-Policy": DOCS_CSP }))
    .get("/docs/standalone.js", async (c) => {
      bundle ??= readFile(scalarBundle);
      return c.body(new Uint8Array(await bundle), 200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "public, max-age=86400",
      });
    });
