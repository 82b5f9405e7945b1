// Publishing a year while conclusions dated in it arrive (PostgreSQL, where requests run on
// separate connections; PGlite's one connection serialises them and cannot race): every
// conclusion answered 201 is in the published snapshot, every other one is a 409 yearLocked.
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

const pgUrl = process.env.TEST_DATABASE_URL;
const A = "411421-gxkj";
const admin = { token: ADMIN_TOKEN };

const registerMany = async (s: Setup, n: number) =>
  Promise.all(
    Array.from({ length: n }, async () => {
      const r = await s.call("POST", `/v1/agencies/${A}/applications`, {
        ...admin,
        body: { receivedOn: "2025-12-01", applicantType: "naturalPerson" },
      });
      expect(r.status).toBe(201);
      return r.data.id as string;
    }),
  );

describe.skipIf(!pgUrl)("publishing races conclusions (PostgreSQL)", () => {
  it("20 rounds of 200 conclusions dated 2025-12-30 while 2025 is published", async () => {
    const s = await setup("postgres", "2025-12-31T02:00:00Z");
    try {
      const made = await s.call("POST", "/v1/agencies", {
        ...admin,
        body: { code: A, name: "民权县工业和信息化科技局", regionCode: "411421" },
      });
      expect(made.status).toBe(201);
      let accepted = 0;
      let refused = 0;
      for (let round = 0; round < 20; round++) {
        const ids = await registerMany(s, 200);
        // The publication is sent after `at` of the conclusions, at a different point each round.
        const at = (round * 37) % 200;
        const conclude = (id: string) =>
          s.call("POST", `/v1/applications/${id}/events`, {
            ...admin,
            body: { type: "concluded", date: "2025-12-30", outcome: "granted" },
          });
        const sent = ids.slice(0, at).map(conclude);
        const publish = s.call("POST", `/v1/agencies/${A}/reports/2025/publish`, admin);
        sent.push(...ids.slice(at).map(conclude));
        const [answers, published] = await Promise.all([Promise.all(sent), publish]);
        expect(published.status).toBe(200);
        const ok = answers.filter((a) => a.status === 201).length;
        for (const a of answers.filter((x) => x.status !== 201)) {
          expect(a.status).toBe(409);
          expect(a.data.error.code).toBe("yearLocked");
        }
        accepted += ok;
        refused += answers.length - ok;
        // Every 201 of every round so far, and nothing else, is in the snapshot.
        expect(published.data.report.requests.granted.total).toBe(accepted);
        expect(published.data.report.requests.totalProcessed.total).toBe(accepted);
        const reopened = await s.call("POST", `/v1/agencies/${A}/reports/2025/reopen`, {
          ...admin,
          body: { reason: "下一轮" },
        });
        expect(reopened.status).toBe(200);
        // The live counts agree with the snapshot (nothing written after it).
        expect(reopened.data.report.requests.granted.total).toBe(accepted);
      }
      // Both outcomes happened, or the test raced nothing.
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  }, 240_000);
});
