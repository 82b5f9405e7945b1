// A large CSV import (20,000 rows) while another agency's staff reads: the import is written in
// steps of about 40 ms (a statement each, sized by time), all or nothing; the reads' latency is
// measured. The 200 ms target at p99 is the benchmark's (`pnpm --filter @ogi/api bench:import`,
// docs/benchmarks.md); the bounds here hold on a loaded 2-core CI machine.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Writable } from "node:stream";
import { sql, testEngines } from "@ogi/db";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { registerCsv as csvOf } from "../src/testing.ts";
import { ADMIN_TOKEN, createAgencies, type Setup, setup } from "./helpers.ts";

const ROWS = Number(process.env.ROWS ?? 20_000);
const admin = { token: ADMIN_TOKEN };

type ImportLog = { statements: number; longestStepMs: number; longestStepCpuMs: number };

/** A logger that keeps the API's "import written" lines. */
const importLogger = () => {
  const written: ImportLog[] = [];
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk, _encoding, done) {
        const line = JSON.parse(String(chunk)) as ImportLog & { msg: string };
        if (line.msg === "import written") written.push(line);
        done();
      },
    }),
  );
  return { logger, written };
};

const importCsv = async (s: Setup, code: string, csv: string) =>
  await s.app.request(`/v1/agencies/${code}/applications/import?commit=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
    body: csv,
  });

/**
 * Until `done`: another agency's summary read every 25 ms, each sent without waiting for the
 * last (a different asOf each time: never from the read cache), and `code`'s own report every
 * 50 ms, whose count must be 0 or `all`. Returns the reads' latencies and the counts seen.
 */
const readDuring = async (s: Setup, code: string, all: number, done: Promise<unknown>) => {
  const latencies: number[] = [];
  const seen: number[] = [];
  const pending: Promise<void>[] = [];
  let i = 0;
  const read = async () => {
    const n = i++;
    const t0 = performance.now();
    const r = await s.call(
      "GET",
      `/v1/agencies/411421-other/summary?asOf=2025-${String(1 + (n % 11)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`,
      admin,
    );
    latencies.push(performance.now() - t0);
    expect(r.status).toBe(200);
  };
  const own = async () => {
    const r = await s.call("GET", `/v1/agencies/${code}/reports/2025`, admin);
    expect([0, all]).toContain(r.data.report.requests.newReceived.total);
    seen.push(r.data.report.requests.newReceived.total);
  };
  const timers = [
    setInterval(() => pending.push(read()), 25),
    setInterval(() => pending.push(own()), 50),
  ];
  await done.catch(() => {});
  for (const t of timers) clearInterval(t);
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { latencies, seen };
};

describe.each(testEngines())("a 20,000-row import on %s", (engine) => {
  it("is written whole, in steps, while another agency's reads are answered", async () => {
    const { logger, written } = importLogger();
    const s = await setup(engine, undefined, { logger });
    try {
      await createAgencies(s, ["411421-big", "411421-other"]);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const t0 = performance.now();
      const importing = importCsv(s, "411421-big", csvOf(ROWS));
      const { latencies, seen } = await readDuring(s, "411421-big", ROWS, importing);
      const res = await importing;
      const seconds = (performance.now() - t0) / 1000;
      loop.disable();
      const body = (await res.json()) as { accepted: number; created: unknown[] };
      expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(200);
      expect(body.accepted).toBe(ROWS);
      expect(body.created).toHaveLength(ROWS);
      const report = await s.call("GET", "/v1/agencies/411421-big/reports/2025", admin);
      expect(report.data.report.requests.newReceived.total).toBe(ROWS);
      expect(report.data.report.requests.granted.total).toBe(ROWS - Math.ceil(ROWS / 3));
      const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]!;
      const steps = written.at(-1)!;
      console.info(
        JSON.stringify({
          engine,
          rows: ROWS,
          importSeconds: Number(seconds.toFixed(1)),
          reads: latencies.length,
          readP50ms: Math.round(latencies[Math.floor(latencies.length / 2)]!),
          readP99ms: Math.round(p99),
          readMaxMs: Math.round(latencies.at(-1)!),
          eventLoopMaxMs: Math.round(loop.max / 1e6),
          ...steps,
        }),
      );
      expect(latencies.length).toBeGreaterThan(0);
      expect(seen.length).toBeGreaterThan(0);
      // Written in many short steps, none holding the thread long (CPU time: the machine's load
      // barely stretches it). Measured on 2 shared cores: 40 to 250 statements, the longest
      // step 50 to 150 ms of CPU (one statement of all the counts took 2 to 5 s).
      expect(steps.statements).toBeGreaterThan(ROWS / 2000);
      expect(steps.longestStepCpuMs).toBeLessThan(1000);
      // Measured in process on 2 shared cores at a load of 3 to 8: p99 37 to 300 ms (before the
      // steps: 336 and 547 ms, and up to 5 s for a read that met the one statement of all the
      // counts). A bound for a loaded CI machine; the 200 ms target is the benchmark's.
      expect(p99).toBeLessThan(1000);
    } finally {
      await s.close();
    }
  }, 300_000);

  it("writes nothing when a late step fails; the agency's readers never see a part", async () => {
    const s = await setup(engine);
    try {
      await createAgencies(s, ["411421-half", "411421-other"]);
      // A number the import will reach in a late step is taken already (the unique number
      // index refuses that step's statement): the import fails after many statements.
      const rows = 4_000;
      await s.database.db.execute(sql`insert into applications (id, agency_code, number,
          received_on, received_year, applicant_type, channel, status, created_at)
        values ('taken-3900', '411421-half', 3900, '2025-01-02', 2025, 'naturalPerson',
          'online', 'open', now())`);
      const importing = importCsv(s, "411421-half", csvOf(rows));
      const { seen } = await readDuring(s, "411421-half", rows, importing);
      const res = await importing;
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(seen.every((n) => n === 0)).toBe(true);
      const report = await s.call("GET", "/v1/agencies/411421-half/reports/2025", admin);
      expect(report.data.report.requests.newReceived.total).toBe(0);
      const left = await s.database.db.execute(
        sql`select count(*)::int as n from applications where agency_code = '411421-half'`,
      );
      expect((left as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
      const agency = await s.database.db.execute(
        sql`select next_number from agencies where code = '411421-half'`,
      );
      expect((agency as unknown as { rows: { next_number: number }[] }).rows[0]!.next_number).toBe(
        1,
      );
    } finally {
      await s.close();
    }
  }, 300_000);
});
