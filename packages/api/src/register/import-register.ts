// Importing a register (use case): the rows a CSV file gave, registered (and concluded, when
// the file says so) in one transaction, all or nothing, with the import's audit entry.
import { createApplication } from "@ogi/db";
import type { ApplicantType, Channel, Outcome } from "@ogi/domain";
import { actorOf, type Ctx, type Deps, type Principal } from "../context.ts";
import { assertYearsOpen, write } from "../write.ts";
import { registrationOf } from "./decide.ts";
import { recordEvent } from "./record-event.ts";

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
      for (const r of rows) {
        const { row } = await createApplication(tx, {
          agencyCode: code,
          ...registrationOf(
            {
              id: "e1",
              type: "received",
              date: r.receivedOn,
              applicantType: r.applicantType,
              channel: r.channel,
            },
            by,
            { subject: r.subject, applicant: r.applicant },
          ),
        });
        if (r.concludedOn && r.outcome)
          await recordEvent(
            deps,
            tx,
            p,
            row.id,
            { type: "concluded", date: r.concludedOn, outcome: r.outcome },
            "import",
          );
        created.push({ line: r.line, id: row.id, number: row.number });
      }
      return {
        status: 200 as const,
        body: { dryRun: false, accepted: rows.length, rejected: [], created },
      };
    },
  );
