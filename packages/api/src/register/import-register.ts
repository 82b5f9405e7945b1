// Importing a register (use case): the rows a CSV file gave, registered (and concluded, when
// the file says so) in one transaction, all or nothing, with the import's audit entry. Each
// application is written with its conclusion by one statement, many applications at a time.
import {
  addCounts,
  agencyAncestors,
  createApplications,
  type NewApplication,
  newId,
  type Recorder,
} from "@ogi/db";
import {
  type ApplicantType,
  type Application,
  type Channel,
  type CountDelta,
  contributionDelta,
  type DatedCountDelta,
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

/** Applications per statement of an import. */
export const IMPORT_CHUNK = 500;

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
      const lend = () => deps.lend?.(closed) ?? new Promise((ok) => setImmediate(ok));
      await lend();
      const counts: { agencyCode: string; applicationId: string; deltas: readonly CountDelta[] }[] =
        [];
      const daily: {
        agencyCode: string;
        applicationId: string;
        deltas: readonly DatedCountDelta[];
      }[] = [];
      // A chunk of applications per statement (each with its conclusion, decided here), and a
      // turn for other requests between chunks: on PGlite, other agencies' reads are served
      // there (see Deps.lend), so they wait at most one statement. Smaller statements would let
      // them in sooner but cost the import far more (measured: 100 rows a statement made
      // 20,000 rows take 5 times as long).
      for (let from = 0; from < rows.length; ) {
        const chunk = rows
          .slice(from, from + IMPORT_CHUNK)
          .map((r) => ({ r, ...decideRow(r, by) }));
        from += chunk.length;
        // The counts are added once at the end (see addCounts), not by each statement.
        const written = await createApplications(
          tx,
          code,
          chunk.map((x) => ({ ...x.registration, deltas: [], dailyDeltas: [] })),
        );
        for (const [i, { row }] of written.entries()) {
          counts.push({
            agencyCode: code,
            applicationId: row.id,
            deltas: chunk[i]!.registration.deltas,
          });
          daily.push({
            agencyCode: code,
            applicationId: row.id,
            deltas: chunk[i]!.registration.dailyDeltas,
          });
        }
        for (const [i, { row }] of written.entries())
          created.push({ line: chunk[i]!.r.line, id: row.id, number: row.number });
        await lend();
      }
      await addCounts(tx, counts, daily);
      return {
        status: 200 as const,
        body: { dryRun: false, accepted: rows.length, rejected: [], created },
      };
    },
  );
