// The publish race on PostgreSQL, as an operator would meet it: two API processes on one
// database; 200 conclusions dated 2025-12-30 sent to both while 2025 is published, 20 rounds.
// Every conclusion answered 201 must be in the published snapshot; every other one is a 409
// yearLocked. The figures go to docs/reliability.md.
import { freshPostgres } from "@ogi/db";
import { afterAll, describe, expect, it } from "vitest";
import { writeFigures } from "../src/figures.ts";
import { cleanup, SERVER_ADMIN_TOKEN, startApi } from "../src/server.ts";

const A = "411499-race";
const ROUNDS = 20;
const PER_ROUND = 200;

afterAll(cleanup);

const call = async (base: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${SERVER_ADMIN_TOKEN}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the soak reads answers field by field
  return { status: res.status, data: (await res.json()) as any };
};

describe.skipIf(!process.env.TEST_DATABASE_URL)("soak: publishing races conclusions", () => {
  it(`${ROUNDS} rounds of ${PER_ROUND} conclusions against two API processes`, async () => {
    const pg = await freshPostgres();
    const started = Date.now();
    try {
      const one = await startApi({ databaseUrl: pg.url }, { env: { OGI_DEMO: "0" } });
      const two = await startApi({ databaseUrl: pg.url }, { env: { OGI_DEMO: "0" } });
      const bases = [one.url, two.url];
      const made = await call(one.url, "POST", "/agencies", {
        code: A,
        name: "民权县工业和信息化科技局",
        regionCode: "411499",
      });
      expect(made.status).toBe(201);
      let accepted = 0;
      let refused = 0;
      let other = 0;
      let snapshotMismatches = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const ids = await Promise.all(
          Array.from({ length: PER_ROUND }, async (_, i) => {
            const r = await call(bases[i % 2]!, "POST", `/agencies/${A}/applications`, {
              receivedOn: "2025-12-01",
              applicantType: "naturalPerson",
            });
            expect(r.status).toBe(201);
            return r.data.id as string;
          }),
        );
        const at = (round * 37) % PER_ROUND;
        const conclude = (id: string, i: number) =>
          call(bases[i % 2]!, "POST", `/applications/${id}/events`, {
            type: "concluded",
            date: "2025-12-30",
            outcome: "granted",
          });
        const sent = ids.slice(0, at).map(conclude);
        const publish = call(one.url, "POST", `/agencies/${A}/reports/2025/publish`);
        sent.push(...ids.slice(at).map((id, i) => conclude(id, at + i)));
        const [answers, published] = await Promise.all([Promise.all(sent), publish]);
        expect(published.status).toBe(200);
        for (const a of answers)
          if (a.status === 201) accepted++;
          else if (a.status === 409 && a.data.error.code === "yearLocked") refused++;
          else other++;
        if (published.data.report.requests.granted.total !== accepted) snapshotMismatches++;
        const reopened = await call(one.url, "POST", `/agencies/${A}/reports/2025/reopen`, {
          reason: "下一轮",
        });
        expect(reopened.status).toBe(200);
      }
      const figures = {
        engine: "PostgreSQL, 2 API processes",
        rounds: ROUNDS,
        conclusions: ROUNDS * PER_ROUND,
        accepted,
        refusedYearLocked: refused,
        otherAnswers: other,
        snapshotMismatches,
        seconds: ((Date.now() - started) / 1000).toFixed(1),
      };
      console.info(JSON.stringify(figures));
      writeFigures(
        "publish-race",
        `Last run: ${new Date().toISOString().slice(0, 16)}Z, \`pnpm test:soak\` (test/publish-race.soak.ts): _accepted_ conclusions answered 201, _refusedYearLocked_ answered 409 yearLocked, _snapshotMismatches_ rounds whose published snapshot did not count exactly the 201s.\n\n| ${Object.keys(figures).join(" | ")} |\n| ${Object.keys(
          figures,
        )
          .map(() => "---")
          .join(" | ")} |\n| ${Object.values(figures).join(" | ")} |`,
      );
      expect(other).toBe(0);
      expect(snapshotMismatches).toBe(0);
      expect(accepted + refused).toBe(ROUNDS * PER_ROUND);
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    } finally {
      await cleanup();
      await pg.drop();
    }
  });
});
