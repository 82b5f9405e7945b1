// The soak: 10,000 writes from 50 concurrent clients, kill -9 in the middle, on PGlite and on
// PostgreSQL (TEST_DATABASE_URL); the figures go to docs/reliability.md.
import { freshPostgres } from "@ogi/db";
import { afterAll, describe, expect, it } from "vitest";
import { type CrashFigures, runCrash } from "../src/crash-run.ts";
import { figuresTable, writeFigures } from "../src/figures.ts";
import { cleanup, tempDir } from "../src/server.ts";

const engines = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
const rows: CrashFigures[] = [];

afterAll(async () => {
  await cleanup();
  if (rows.length > 0)
    writeFigures(
      "crash",
      `Last run: ${new Date().toISOString().slice(0, 16)}Z, \`pnpm test:soak\` (test/crash.soak.ts).\n\n${figuresTable(rows)}`,
    );
});

describe.each(engines)("soak: kill -9 during 10,000 writes on %s", (engine) => {
  it("keeps every acknowledged write exactly once", async () => {
    const pg = engine === "postgres" ? await freshPostgres() : undefined;
    try {
      const storage = pg ? { databaseUrl: pg.url } : { dataDir: tempDir("soak") };
      const { figures, problems, refusals, findings } = await runCrash({
        storage,
        clients: 50,
        events: 10_000,
        timeLimitMs: 480_000,
      });
      rows.push(figures);
      console.info(JSON.stringify(figures));
      expect(problems).toEqual([]);
      expect(refusals).toEqual([]);
      expect(findings).toEqual([]);
      expect(figures.sent).toBe(10_000);
      expect(figures.killedAfterAcks).toBeGreaterThan(0);
      expect(figures.acknowledgedMissing).toBe(0);
      expect(figures.duplicates).toBe(0);
      expect(figures.halfWritten).toBe(0);
      expect(figures.serverErrors).toBe(0);
    } finally {
      await cleanup();
      await pg?.drop();
    }
  });
});
