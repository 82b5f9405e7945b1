// A large CSV import (20,000 rows) while another agency's staff reads: the import is written a
// chunk of applications per statement, all or nothing; the reads' latency is measured.
import { testEngines } from "@ogi/db";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createAgencies, setup } from "./helpers.ts";

const ROWS = Number(process.env.ROWS ?? 20_000);
const admin = { token: ADMIN_TOKEN };

const csvOf = (n: number) => {
  const lines = ["receivedOn,applicantType,channel,concludedOn,outcome"];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 11)).padStart(2, "0");
    lines.push(
      i % 3
        ? `2025-${month}-${day},naturalPerson,online,2025-${month}-${day},granted`
        : `2025-${month}-${day},commercialEnterprise,post,,`,
    );
  }
  return `${lines.join("\n")}\n`;
};

describe.each(testEngines())("a 20,000-row import on %s", (engine) => {
  it("is written whole, while another agency's reads are answered", async () => {
    const s = await setup(engine);
    try {
      await createAgencies(s, ["411421-big", "411421-other"]);
      const csv = csvOf(ROWS);
      let importing = true;
      const latencies: number[] = [];
      const halfSeen: number[] = [];
      const reads = (async () => {
        let i = 0;
        while (importing) {
          const t0 = performance.now();
          // A different asOf each time: no answer from the read cache.
          const r = await s.call(
            "GET",
            `/v1/agencies/411421-other/summary?asOf=2025-0${1 + (i % 9)}-1${i % 10}`,
            admin,
          );
          latencies.push(performance.now() - t0);
          expect(r.status).toBe(200);
          i++;
          await new Promise((ok) => setTimeout(ok, 20));
        }
      })();
      // The agency being imported is never seen half-imported: all or nothing.
      const own = (async () => {
        while (importing) {
          const seen = await s.call("GET", "/v1/agencies/411421-big/reports/2025", admin);
          expect([0, ROWS]).toContain(seen.data.report.requests.newReceived.total);
          halfSeen.push(seen.data.report.requests.newReceived.total);
          await new Promise((ok) => setTimeout(ok, 50));
        }
      })();
      const t0 = performance.now();
      const res = await s.app.request("/v1/agencies/411421-big/applications/import?commit=true", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
        body: csv,
      });
      const seconds = (performance.now() - t0) / 1000;
      importing = false;
      await Promise.all([reads, own]);
      const body = (await res.json()) as { accepted: number; created: unknown[] };
      expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(200);
      expect(body.accepted).toBe(ROWS);
      expect(body.created).toHaveLength(ROWS);
      const report = await s.call("GET", "/v1/agencies/411421-big/reports/2025", admin);
      expect(report.data.report.requests.newReceived.total).toBe(ROWS);
      expect(report.data.report.requests.granted.total).toBe(ROWS - Math.ceil(ROWS / 3));
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
      console.info(
        JSON.stringify({
          engine,
          rows: ROWS,
          importSeconds: Number(seconds.toFixed(1)),
          reads: latencies.length,
          readP50ms: Math.round(latencies[Math.floor(latencies.length / 2)]!),
          readP99ms: Math.round(p99),
          readMaxMs: Math.round(latencies.at(-1)!),
        }),
      );
      expect(latencies.length).toBeGreaterThan(0);
      expect(halfSeen.length).toBeGreaterThan(0);
      // PostgreSQL answers other connections during the import's transaction (p99 about 90 ms
      // measured on 2 shared cores). PGlite's one connection is lent between the import's
      // statements to other agencies' reads (see @ogi/db lending.ts): they wait at most one
      // statement (was: the whole import, about 5 s). Generous bounds for a loaded machine;
      // the figures are in docs/benchmarks.md.
      expect(p99).toBeLessThan(engine === "postgres" ? 1000 : 2000);
    } finally {
      await s.close();
    }
  }, 300_000);
});
