// Importing a register (use case): the rows a CSV file gave, registered (and concluded, when
// the file says so) in one transaction, all or nothing, with the import's audit entry. Each
// application is written with its conclusion by one statement, many applications at a time, in
// steps sized by time with a turn for other requests between them (see steps).
import {
  addCountRows,
  agencyAncestors,
  countSums,
  createApplications,
  type NewApplication,
  newId,
  prepareLongWrite,
  type Recorder,
  takeNumbers,
} from "@ogi/db";
import {
  type ApplicantType,
  type Application,
  type Channel,
  contributionDelta,
  datedContributionDelta,
  type Outcome,
  validateTransition,
} from "@ogi/domain";
import { actorOf, type Ctx, type Deps, type Principal } from "../context.ts";
import { conflict } from "../errors.ts";
import { assertYearsOpen, write } from "../write.ts";
import { registrationOf, rowState } from "./decide.ts";

/** One application of the file, read and checked (see readRegisterCsv). */
export type ImportRow = {
  line: number;
  receivedOn: string;
  applicantType: ApplicantType;
  channel: Channel;
  subject: string | undefined;
  applicant: { name?: string; contact?: string } | undefined;
  concludedOn: string | undefined;
  outcome: Outcome | undefined;
};

/**
 * How long one step of an import (a statement with the work that prepares it) may hold up other
 * requests on PGlite: they wait for the step in progress (its statement runs on this thread, and
 * the connection is lent only between statements). Steps are sized to stay near it.
 */
export const IMPORT_STEP_MS = 40;

/**
 * The same on PostgreSQL, where other requests wait only for the step's own work on the event
 * loop (the statement runs in the server, other requests on other connections): its CPU time on
 * this thread. Smaller: statements cost little there, and this work is what a read waits for.
 */
export const IMPORT_STEP_CPU_MS = 20;

/**
 * Runs an import's steps, each sized by time: the first has `first` items; each next one as
 * many as would have fit the budget at the last one's pace, at most twice as many as the last,
 * between `least` and `most`. `shared`: the connection is this thread's (PGlite), so a step
 * costs its whole time (budget IMPORT_STEP_MS); otherwise this thread's CPU time during it
 * (IMPORT_STEP_CPU_MS). Keeps the number of steps and the longest (time and CPU time).
 */
export const steps = (shared: boolean, first: number, least: number, most: number) => {
  let size = first;
  const stats = { steps: 0, longestMs: 0, longestCpuMs: 0 };
  return {
    stats,
    /** Runs `step` with the next size; it returns how many items it did. */
    async run(step: (size: number) => Promise<number>) {
      const t0 = performance.now();
      const cpu0 = process.threadCpuUsage();
      const items = await step(size);
      const ms = performance.now() - t0;
      const used = process.threadCpuUsage(cpu0);
      const cpuMs = (used.user + used.system) / 1000;
      stats.steps++;
      stats.longestMs = Math.max(stats.longestMs, ms);
      stats.longestCpuMs = Math.max(stats.longestCpuMs, cpuMs);
      const fit = shared
        ? (items * IMPORT_STEP_MS) / Math.max(ms, 1)
        : (items * IMPORT_STEP_CPU_MS) / Math.max(cpuMs, 1);
      size = Math.max(least, Math.min(most, 2 * items, Math.round(fit)));
    },
  };
};

/** One row of the file as a registration with its conclusion, if any (checked like an event). */
const decideRow = (r: ImportRow, by: Recorder) => {
  const received = {
    id: "e1",
    type: "received" as const,
    date: r.receivedOn,
    applicantType: r.applicantType,
    channel: r.channel,
  };
  const id = newId();
  const base = registrationOf(received, by, { id, subject: r.subject, applicant: r.applicant });
  if (!(r.concludedOn && r.outcome)) return { registration: base };
  const concluded = {
    id: "e2",
    type: "concluded" as const,
    date: r.concludedOn,
    outcome: r.outcome,
  };
  const verdict = validateTransition({ id, events: [received] }, concluded);
  if (!verdict.ok) throw conflict(verdict.code, verdict.message);
  const app: Application = { id, events: [received, concluded] };
  return {
    registration: {
      ...base,
      later: [concluded],
      state: rowState(app),
      deltas: contributionDelta(undefined, app),
      dailyDeltas: datedContributionDelta(undefined, app),
    } satisfies NewApplication,
  };
};

export const importRegister = (
  deps: Deps,
  c: Ctx,
  p: Principal,
  code: string,
  text: string,
  rows: readonly ImportRow[],
) =>
  write(
    deps,
    c,
    { code, text },
    {
      action: "application.import",
      target: code,
      detail: { rows: rows.length },
      channel: "import",
      rows: rows.length,
    },
    async (tx) => {
      await assertYearsOpen(
        tx,
        code,
        rows.flatMap((r) =>
          [r.receivedOn, ...(r.concludedOn ? [r.concludedOn] : [])].map((d) =>
            Number(d.slice(0, 4)),
          ),
        ),
      );
      const created: { line: number; id: string; number: number }[] = [];
      const by = { actor: actorOf(p), channel: "import" as const, now: deps.clock.now() };
      // Reads about this agency or the agencies summing it wait for the import (they would see
      // it half-done); any other agency's reads are served between its statements.
      const closed = deps.lend ? await agencyAncestors(tx, code) : [];
      const lend = () => deps.lend?.(closed) ?? new Promise<void>((ok) => setImmediate(ok));
      // The numbers are taken at once, the agency's row held to the end; the foreign-key checks
      // planned for the tables as they grow (see prepareLongWrite).
      const first = await takeNumbers(tx, code, rows.length);
      if (first === undefined) throw new Error(`unknown agency ${code}`);
      await prepareLongWrite(tx);
      await lend();
      const sums = countSums();
      const t0 = performance.now();
      // Applications (each with its conclusion, decided here) a statement per step, and a turn
      // for other requests between steps: on PGlite, other agencies' reads are served there
      // (see Deps.lend). The counts are summed as they come and written at the end.
      const shared = deps.lend !== undefined;
      const appSteps = steps(shared, 20, 10, 5000);
      for (let from = 0; from < rows.length; ) {
        await appSteps.run(async (size) => {
          const chunk = rows.slice(from, from + size).map((r) => ({ r, ...decideRow(r, by) }));
          const written = await createApplications(
            tx,
            code,
            chunk.map((x) => ({ ...x.registration, deltas: [], dailyDeltas: [] })),
            { first: first + from },
          );
          for (const [i, { row }] of written.entries()) {
            const x = chunk[i]!;
            sums.add(code, x.registration.deltas, x.registration.dailyDeltas);
            created.push({ line: x.r.line, id: row.id, number: row.number });
          }
          from += chunk.length;
          return chunk.length;
        });
        await lend();
      }
      // The counter rows, a slice per step in the same way (the years' few with the first).
      const { years, days } = sums.rows();
      const countSteps = steps(shared, 200, 50, 20_000);
      for (let from = 0; from === 0 || from < days.length; ) {
        await countSteps.run(async (size) => {
          const slice = days.slice(from, from + size);
          await addCountRows(tx, from === 0 ? years : [], slice);
          from += Math.max(slice.length, 1);
          return slice.length;
        });
        await lend();
      }
      const all = [appSteps.stats, countSteps.stats];
      deps.logger.info(
        {
          agency: code,
          rows: rows.length,
          ms: Math.round(performance.now() - t0),
          statements: appSteps.stats.steps + countSteps.stats.steps,
          longestStepMs: Math.round(Math.max(...all.map((x) => x.longestMs))),
          longestStepCpuMs: Math.round(Math.max(...all.map((x) => x.longestCpuMs))),
        },
        "import written",
      );
      return {
        status: 200 as const,
        body: { dryRun: false, accepted: rows.length, rejected: [], created },
      };
    },
  );
