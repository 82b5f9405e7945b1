// Headers on every answer: nosniff, and a Content-Security-Policy that lets an HTML answer (a
// report rendered as HTML) load nothing and be framed by no one; /docs replaces it with the
// allowances the Scalar reference needs (routes/meta.ts).
// Set before the handler runs, not after (as hono's secureHeaders does), so that the read cache,
// which stores the answer's headers and replays them before the framework, keeps them too.
import type { MiddlewareHandler } from "hono";

/** An HTML report: inline styles only (its <style> and col widths), no script, no framing. */
export const STRICT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const securityHeaders = (): MiddlewareHandler => async (c, next) => {
  c.header("X-Content-Type-Options", "nosniff");
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "no-referrer");
  // /docs sets its own (see routes/meta.ts).
  c.header("Content-Security-Policy", STRICT_CSP);
  await next();
};
