// The soak of the second process: 2,000 registrations from 20 clients into the embedded
// database while second APIs keep trying to start on its folder and the CLI invites staff
// through the running API; every acknowledged write is there exactly once after a restart.
// The figures go to docs/reliability.md.
import { afterAll, describe, expect, it } from "vitest";
import { figuresTable, writeFigures } from "../src/figures.ts";
import { runSecondProcess, type SecondProcessFigures } from "../src/owner-run.ts";
import { cleanup, tempDir } from "../src/server.ts";

const rows: SecondProcessFigures[] = [];

afterAll(async () => {
  await cleanup();
  if (rows.length > 0)
    writeFigures(
      "second-process",
      `Last run: ${new Date().toISOString().slice(0, 16)}Z, \`pnpm test:soak\` (test/owner.soak.ts).\n\n${figuresTable(rows)}`,
    );
});

describe("soak: a second process on the embedded database's folder", () => {
  it("is refused every time; the owner loses and doubles nothing", async () => {
    const { figures, problems } = await runSecondProcess({
      dataDir: tempDir("soak-owner"),
      registrations: 2_000,
      clients: 20,
      secondOpeners: 10,
      cliInvites: 10,
    });
    rows.push(figures);
    console.info(JSON.stringify(figures));
    expect(problems).toEqual([]);
    expect(figures.acknowledged).toBe(2_000);
    expect(figures.refused).toBe(10);
    expect(figures.lost).toBe(0);
    expect(figures.duplicateNumbers).toBe(0);
    expect(figures.withoutReceipt).toBe(0);
    expect(figures.cliThroughApi).toBe(10);
  });
});
