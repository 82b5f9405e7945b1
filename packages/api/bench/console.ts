// `pnpm --filter @ogi/api bench:console`: the web console's pages measured server-side (in
// process, app.request with a signed-in session, the HTML read to its end) on PGlite: the agency
// page and the register's first page of an agency with 1,000,000 applications, and the region
// page of 1,000 agencies. Median of 30 runs after 3 of warm-up, with the read cache off (every
// request reads the database) and on (as `pnpm start` serves PGlite). Writes the "Console"
// section of docs/benchmarks.md.

import { loadavg } from "node:os";
import { analyze, createDb, type Db, sql } from "@ogi/db";
import pino from "pino";
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import { createApp } from "../src/app.ts";
import { outcomes, seedEventsAndFlows, types } from "./seed.ts";

const TOKEN = "bench-admin-token-0123456789";
const N = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 1_000);
const RUNS = 30;
const NOW = new Date("2025-12-20T02:00:00Z");
const log = (s: string) => process.stderr.write(`${s}\n`);

/**
 * `n` applications of 2025, written with SQL (the API would take hours): received evenly over
 * the year to 19 December; one in ten of those received from 15 November on is still open,
 * due 28 days after receipt (so some are overdue, some due soon, most on time), every other is
 * concluded five days after receipt. The flows (request_counts, by day too) are computed from
 * them in a GROUP BY, as the API's writes keep them.
 */
const bulkAgency = async (db: Db, agency: string, n: number) => {
  await db.execute(sql`insert into agencies (code, name, region_code, created_at, next_number)
    values (${agency}, '基准测试科学技术局', '999999', now(), ${n + 1})`);
  await db.execute(sql`insert into staff (id, agency_code, name, role, created_at)
    values ('bench-clerk', ${agency}, '基准登记员', 'clerk', now())`);
  await db.execute(sql`insert into applications (id, agency_code, number, subject, received_on, received_year,
      applicant_type, channel, status, concluded_on, outcome, due_date, created_at)
    select ${agency} || '-' || i, ${agency}, i, '申请公开的信息 ' || i,
      to_char(d, 'YYYY-MM-DD'), 2025, (${types})[1 + i % 6], 'online',
      case when o then 'open' else 'concluded' end,
      case when o then null else to_char(d + 5, 'YYYY-MM-DD') end,
      case when o then null else (${outcomes})[1 + i % 21] end,
      case when o then to_char(d + 28, 'YYYY-MM-DD') end,
      now()
    from (select i, date '2025-01-01' + (i::bigint * 352 / ${n})::int as d from generate_series(1, ${n}) i) x,
      lateral (select x.d >= date '2025-11-15' and x.i % 10 = 0 as o) y`);
  await db.execute(sql`analyze applications`);
  await seedEventsAndFlows(db, agency, "bench-clerk");
};

/** A region of `n` agencies, each with two years of flows (as the API bench's region). */
const bulkRegion = async (db: Db, region: string, n: number) => {
  await db.execute(sql`insert into agencies (code, name, region_code, created_at)
    select ${region} || '-a' || i, '区域机构 ' || i, ${region}, now() from generate_series(1, ${n}) i`);
  await db.execute(sql`insert into request_counts (agency_code, year, row, col, n)
    select a.code, v.y, v.r, v.c, v.k + (a.i % 7)
    from (select ${region} || '-a' || i as code, i from generate_series(1, ${n}) i) a,
      (values (2024, 'newReceived', 'naturalPerson', 11), (2024, 'newReceived', 'total', 11),
              (2024, 'granted', 'naturalPerson', 10), (2024, 'granted', 'total', 10),
              (2024, 'totalProcessed', 'naturalPerson', 10), (2024, 'totalProcessed', 'total', 10),
              (2025, 'newReceived', 'naturalPerson', 10), (2025, 'newReceived', 'total', 10),
              (2025, 'granted', 'naturalPerson', 8), (2025, 'granted', 'total', 8),
              (2025, 'totalProcessed', 'naturalPerson', 8), (2025, 'totalProcessed', 'total', 8)) v(y, r, c, k)`);
};

const signedIn = async (app: ReturnType<typeof createApp>) => {
  const login = await app.request("/console/login");
  const form = /ogi_console_form=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")![1]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
  const res = await app.request("/console/login", {
    method: "POST",
    headers: {
      cookie: `ogi_console_form=${form}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ _csrf: csrf, token: TOKEN }).toString(),
  });
  const session = /ogi_console=([^;]+)/.exec(res.headers.getSetCookie().join("; "))![1]!;
  return `ogi_console=${session}`;
};

const median = async (app: ReturnType<typeof createApp>, cookie: string, path: string) => {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${new TextDecoder().decode(body).slice(0, 400)}`);
    bytes = body.byteLength;
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    min: times[0]!,
    max: times.at(-1)!,
    bytes,
  };
};

const database = await createDb({ dataDir: "memory" });
let t0 = performance.now();
await bulkAgency(database.db, "999999-big", N);
await bulkRegion(database.db, "888888", AGENCIES);
await analyze(database.db);
log(
  `seeded ${N} applications and ${AGENCIES} agencies in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);

const pages = [
  [`agency page, ${N.toLocaleString("en")} applications`, "/console/agencies/999999-big"],
  [
    `register, first page (50), ${N.toLocaleString("en")} applications`,
    "/console/agencies/999999-big/applications",
  ],
  [
    `督办 page (overdue and due soon), ${N.toLocaleString("en")} applications`,
    "/console/agencies/999999-big/supervision",
  ],
  [`region page, ${AGENCIES.toLocaleString("en")} agencies`, "/console/regions/888888"],
] as const;
const rows: string[] = [];
const loadBefore = loadavg()[0]!;
for (const cacheReads of [false, true]) {
  const app = createApp({
    db: database.db,
    clock: { now: () => NOW },
    logger: pino({ level: "error" }),
    config: { adminToken: TOKEN, cacheReads },
  });
  const cookie = await signedIn(app);
  for (const [what, path] of pages) {
    t0 = performance.now();
    const m = await median(app, cookie, path);
    log(`${what} (cache ${cacheReads ? "on" : "off"}): median ${m.median.toFixed(1)} ms`);
    rows.push(
      `| ${what} | ${cacheReads ? "on" : "off"} | ${m.median.toFixed(1)} | ${m.min.toFixed(1)}–${m.max.toFixed(1)} | ${(m.bytes / 1024).toFixed(0)} KB |`,
    );
  }
}
await database.close();
const table = [
  "| Page (PGlite, in process, signed in as admin) | Read cache | Median ms | Range ms | HTML |",
  "| --- | --- | ---: | ---: | ---: |",
  ...rows,
].join("\n");
const body = `Server-side time of a console page: \`app.request\` with a session cookie, the HTML read to its end (the session's look-up, the API's routes called in process, the rendering). ${RUNS} runs after 3 of warm-up; the target is under 100 ms at the median. "Read cache off": every request reads the database; "on": as \`pnpm start\` serves PGlite, repeated reads answered from memory until the next write. Seeded with SQL: one agency with ${N.toLocaleString("en")} applications received over 2025 (one in ten of the last five weeks' still open, with a due date; the rest concluded), and a region of ${AGENCIES.toLocaleString("en")} agencies with two years of flows.

${table}

Load average (1 min) of the machine at the start and end of the measurements: ${loadBefore.toFixed(1)} and ${loadavg()[0]!.toFixed(1)} (it was shared with other work; the times grow with it).
`;
if (!process.env.BENCH_APPLICATIONS && !process.env.BENCH_AGENCIES)
  writeBenchSection(
    "Console",
    "pnpm --filter @ogi/api bench:console (node bench/console.ts)",
    body,
  );
process.stdout.write(`${table}\n`);
