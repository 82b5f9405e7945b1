// kill -9 under load (a short run; the 10,000-event run is crash.soak.ts): every acknowledged
// write is there exactly once, none is half there, the report passes every rule.
import { freshPostgres } from "@ogi/db";
import { afterAll, describe, expect, it } from "vitest";
import { runCrash } from "../src/crash-run.ts";
import { cleanup, tempDir } from "../src/server.ts";

afterAll(cleanup);

const engines = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

describe.each(engines)("kill -9 under load on %s", (engine) => {
  it("keeps every acknowledged write exactly once", async () => {
    const pg = engine === "postgres" ? await freshPostgres() : undefined;
    try {
      const storage = pg ? { databaseUrl: pg.url } : { dataDir: tempDir("crash") };
      const { figures, problems, refusals, findings } = await runCrash({
        storage,
        clients: 50,
        events: 600,
        timeLimitMs: 150_000,
      });
      console.info(JSON.stringify(figures));
      expect(problems).toEqual([]);
      expect(refusals).toEqual([]);
      expect(findings).toEqual([]);
      expect(figures.killedAfterAcks).toBeGreaterThan(0);
      expect(figures.sent).toBe(600);
      expect(figures.acknowledgedMissing).toBe(0);
      expect(figures.duplicates).toBe(0);
      expect(figures.halfWritten).toBe(0);
      expect(figures.serverErrors).toBe(0);
      expect(figures.acknowledged).toBeGreaterThan(300);
    } finally {
      await cleanup();
      await pg?.drop();
    }
  });
});
