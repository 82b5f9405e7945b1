// Load, kill -9, restart, verify. `clients` concurrent clients register applications and record
// three events on each (correction requested, received, concluded) until `events` writes were
// sent; when half of them are acknowledged the API is killed with SIGKILL and started again on
// the same data. Even-numbered clients retry an unanswered write with its Idempotency-Key after
// the restart; odd-numbered ones abandon it (so some writes stay unacknowledged). Then the
// database is read directly and every write is accounted for.
import { randomBytes } from "node:crypto";
import { createDb, loadRegister, queryRows, requestsTable } from "@ogi/db";
import { checkReport, deriveRequests } from "@ogi/domain";
import { sql } from "drizzle-orm";
import { type ApiProcess, SERVER_ADMIN_TOKEN, type Storage, startApi } from "./server.ts";

export type CrashOptions = {
  storage: Storage;
  clients: number;
  events: number;
  /** Upper bound of the whole load phase. */
  timeLimitMs: number;
};

export type CrashFigures = {
  engine: string;
  clients: number;
  sent: number;
  acknowledged: number;
  abandoned: number;
  retriedAfterRestart: number;
  foundAfterRestart: number;
  acknowledgedMissing: number;
  duplicates: number;
  halfWritten: number;
  serverErrors: number;
  otherRefusals: number;
  killedAfterAcks: number;
  reportErrors: number;
  seconds: number;
};

type Step = 0 | 1 | 2 | 3;
type Write = {
  key: string;
  client: number;
  marker: string;
  step: Step;
  state: "pending" | "acked" | "abandoned" | "refused";
};
const STEP_TYPE = ["received", "correctionRequested", "correctionReceived", "concluded"] as const;

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export const runCrash = async (o: CrashOptions) => {
  const started = Date.now();
  const year = new Date().getUTCFullYear() - 1;
  const code = `crash-${randomBytes(4).toString("hex")}`;
  const auth = {
    authorization: `Bearer ${SERVER_ADMIN_TOKEN}`,
    "content-type": "application/json",
  };
  let api: ApiProcess = await startApi(o.storage);
  // While the API is down, `restarted` is the promise of the new one.
  let restarted: Promise<ApiProcess> | undefined;
  const created = await fetch(`${api.url}/v1/agencies`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ code, name: "压力测试局", regionCode: "419999" }),
  });
  if (created.status !== 201) throw new Error(`agency: ${created.status} ${await created.text()}`);

  const writes: Write[] = [];
  let sent = 0;
  let acked = 0;
  let serverErrors = 0;
  let otherRefusals = 0;
  let retriedAfterRestart = 0;
  let killedAfterAcks = -1;
  const refusals: string[] = [];
  const deadline = started + o.timeLimitMs;

  const kill = async () => {
    killedAfterAcks = acked;
    const old = api;
    restarted = (async () => {
      await old.kill9();
      api = await startApi(o.storage);
      return api;
    })();
    await restarted;
    restarted = undefined;
  };

  /** One HTTP attempt: the status, or "down" when the connection failed. */
  const attempt = async (path: string, key: string, body: unknown) => {
    try {
      const res = await fetch(`${api.url}${path}`, {
        method: "POST",
        headers: { ...auth, "Idempotency-Key": key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      return { status: res.status, text };
    } catch {
      return { status: "down" as const, text: "" };
    }
  };

  const client = async (i: number) => {
    const retries = i % 2 === 0;
    for (let j = 0; sent < o.events && Date.now() < deadline; j++) {
      const marker = `c${i}-a${j}`;
      const received = addDays(`${year}-01-04`, (i * 7 + j) % 300);
      let id = "";
      for (const step of [0, 1, 2, 3] as Step[]) {
        if (sent >= o.events || Date.now() >= deadline) return;
        const w: Write = { key: `${marker}-${step}`, client: i, marker, step, state: "pending" };
        writes.push(w);
        sent++;
        const path =
          step === 0 ? `/v1/agencies/${code}/applications` : `/v1/applications/${id}/events`;
        const body =
          step === 0
            ? {
                receivedOn: received,
                applicantType: "naturalPerson",
                channel: "online",
                subject: marker,
              }
            : step === 1
              ? { type: "correctionRequested", date: addDays(received, 1) }
              : step === 2
                ? { type: "correctionReceived", date: addDays(received, 3) }
                : {
                    type: "concluded",
                    date: addDays(received, 10),
                    outcome: j % 3 === 0 ? "partiallyGranted" : "granted",
                  };
        let r = await attempt(path, w.key, body);
        // At most 5 tries, each after the restart (the only planned outage).
        for (let tries = 0; r.status === "down" && retries && tries < 5; tries++) {
          if (restarted) await restarted;
          else await new Promise((ok) => setTimeout(ok, 200));
          retriedAfterRestart++;
          r = await attempt(path, w.key, body);
        }
        if (r.status === 201) {
          w.state = "acked";
          acked++;
          if (step === 0) id = (JSON.parse(r.text) as { id: string }).id;
          if (killedAfterAcks < 0 && acked >= o.events / 2) void kill();
          continue;
        }
        if (r.status === "down") {
          w.state = "abandoned";
          // The next application waits for the API to be back.
          if (restarted) await restarted;
        } else {
          w.state = "refused";
          if (r.status >= 500) serverErrors++;
          else otherRefusals++;
          if (refusals.length < 10) refusals.push(`${r.status} ${r.text.slice(0, 200)}`);
        }
        break; // this application is left as it is; the client starts another
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, i) => client(i)));
  if (restarted) await restarted;

  // The report of the year, as the restarted API serves it.
  let report: { report: unknown; findings?: { severity: string }[] };
  try {
    report = (await (
      await fetch(`${api.url}/v1/agencies/${code}/reports/${year}`, { headers: auth })
    ).json()) as typeof report;
  } catch (error) {
    throw new Error(
      `the restarted API does not answer (${api.ended() ?? "running"}; acked ${acked} of ${sent}):\n${api.output().slice(-3000)}`,
      { cause: error },
    );
  }
  await api.stop();

  // Read everything back directly.
  const database = await createDb(
    "dataDir" in o.storage
      ? { dataDir: o.storage.dataDir }
      : { databaseUrl: o.storage.databaseUrl },
  );
  try {
    const register = await loadRegister(database.db, [code]);
    const apps = await queryRows<{ id: string; subject: string; number: number }>(
      database.db,
      sql`select id, subject, number from applications where agency_code = ${code}`,
    );
    const events = await queryRows<{ application_id: string; type: string }>(
      database.db,
      sql`select e.application_id, e.type from application_events e
          join applications a on a.id = e.application_id where a.agency_code = ${code}`,
    );
    const keys = new Set(
      (
        await queryRows<{ key: string }>(
          database.db,
          sql`select key from idempotency_keys where key like 'c%-a%-%'`,
        )
      ).map((r) => r.key),
    );
    const audits = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where target = ${code} and action = 'application.create'`,
    );
    const bySubject = new Map<string, { id: string }[]>();
    for (const a of apps) bySubject.set(a.subject, [...(bySubject.get(a.subject) ?? []), a]);
    const eventsOf = new Map<string, string[]>();
    for (const e of events)
      eventsOf.set(e.application_id, [...(eventsOf.get(e.application_id) ?? []), e.type]);

    let found = 0;
    let missing = 0;
    let duplicates = 0;
    let halfWritten = 0;
    const problems: string[] = [];
    for (const w of writes) {
      const rows = bySubject.get(w.marker) ?? [];
      if (rows.length > 1) duplicates++;
      const types = rows[0] ? (eventsOf.get(rows[0].id) ?? []) : [];
      const n = types.filter((t) => t === STEP_TYPE[w.step]).length;
      if (n > 1) duplicates++;
      if (n === 1) found++;
      if (w.state === "acked" && n !== 1) {
        missing++;
        if (problems.length < 10) problems.push(`acknowledged ${w.key} found ${n} times`);
      }
      if (w.state === "refused" && n !== 0) halfWritten++;
      // Written iff its idempotency record is: the event and the answer commit together.
      if (keys.has(w.key) !== (n === 1)) {
        halfWritten++;
        if (problems.length < 10) problems.push(`${w.key}: key ${keys.has(w.key)}, event ${n}`);
      }
    }
    // Every application has its receipt; the running numbers have no gap and no repeat.
    for (const a of apps) if (!(eventsOf.get(a.id) ?? []).includes("received")) halfWritten++;
    const numbers = apps.map((a) => a.number).sort((x, y) => x - y);
    if (numbers.some((n, k) => n !== k + 1)) {
      halfWritten++;
      problems.push(`application numbers are not 1..${numbers.length}`);
    }
    if ((audits[0]?.n ?? 0) !== apps.length) {
      halfWritten++;
      problems.push(`audit entries ${audits[0]?.n} for ${apps.length} applications`);
    }
    // The incremental counts equal the fold of the events; the report passes every rule.
    const stored = await requestsTable(database.db, code, year);
    const folded = deriveRequests(register, year);
    if (JSON.stringify(stored) !== JSON.stringify(folded)) {
      halfWritten++;
      problems.push("stored request counts differ from the fold of the events");
    }
    const findings = [
      ...checkReport(report.report as Parameters<typeof checkReport>[0]),
      ...(report.findings ?? []),
    ].filter((f) => f.severity === "error");
    const figures: CrashFigures = {
      engine: "dataDir" in o.storage ? "PGlite" : "PostgreSQL",
      clients: o.clients,
      sent,
      acknowledged: acked,
      abandoned: writes.filter((w) => w.state === "abandoned").length,
      retriedAfterRestart,
      foundAfterRestart: found,
      acknowledgedMissing: missing,
      duplicates,
      halfWritten,
      serverErrors,
      otherRefusals,
      killedAfterAcks,
      reportErrors: findings.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    return { figures, problems, refusals, findings };
  } finally {
    await database.close();
  }
};
