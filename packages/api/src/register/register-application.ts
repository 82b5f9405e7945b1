// Registering an application (use case): its `received` event decided with the domain's rules
// (not in the future, its year not locked, its derived state and counts), then written through
// the registration batcher in one statement with the agency's others of the moment: the number,
// the row, the event, the counts, the audit entry and the Idempotency-Key answer.
import { newId, type Tx, YearLockedError } from "@ogi/db";
import { receiptDateProblem, receiptDateRule } from "@ogi/domain";
import { deadlineView } from "../calendar.ts";
import { actorOf, type Ctx, channelOf, type Deps, type Principal } from "../context.ts";
import { todayIn } from "../domain.ts";
import { invalid } from "../errors.ts";
import type { CreateApplicationBody } from "../schemas.ts";
import { assertYearsOpen, type Written, writeOnce } from "../write.ts";
import { futureDate, registrationOf, yearsOf } from "./decide.ts";

export type Registered = {
  id: string;
  number: number;
  dueDate: string | null;
  /** The due date counts days of a year whose holidays are not yet published (暂定). */
  provisional: boolean;
  /** The id of its `received` event (to amend or withdraw it). */
  receivedEventId: string;
  /** Which day counts as received for its channel (第三十一条). */
  receiptRule: { zh: string; en: string };
};

export const registerApplication = async (
  deps: Deps,
  c: Ctx,
  p: Principal,
  code: string,
  input: CreateApplicationBody,
): Promise<Written<Registered, 201>> => {
  const now = deps.clock.now();
  const today = todayIn(now);
  if (input.receivedOn > today) throw futureDate(input.receivedOn, today);
  const channel = input.channel ?? ("other" as const);
  // 第三十一条: the day of receipt is the signature or confirmation, never before the day sent.
  const receiptRule = receiptDateRule(channel).basis;
  const problem = receiptDateProblem(channel, input.receivedOn, input.submittedOn);
  if (problem) throw invalid([{ path: "receivedOn", message: `${problem.zh} / ${problem.en}` }]);
  const received = {
    id: "e1",
    type: "received" as const,
    date: input.receivedOn,
    applicantType: input.applicantType,
    channel,
    ...(input.submittedOn && input.submittedOn !== input.receivedOn
      ? { submittedOn: input.submittedOn }
      : {}),
  };
  // With this request's calendar (the batch is written from another request's turn).
  const registration = registrationOf(
    received,
    { actor: actorOf(p), channel: channelOf(p), now },
    { subject: input.subject, applicant: input.applicant },
  );
  const years = yearsOf(registration.deltas, input.receivedOn);
  const { provisional } = deadlineView({ id: "new", events: [received] }, today);
  return writeOnce<Registered, 201>(
    deps,
    c,
    { code, ...input },
    { action: "application.create", target: code },
    async (tail) => {
      const id = newId();
      try {
        const { row } = await deps.registrations!.register(code, {
          ...registration,
          id,
          years,
          // The statement fills in the number of the stored answer.
          tail: tail(201, {
            id,
            number: 0,
            dueDate: registration.state.dueDate,
            provisional,
            receivedEventId: received.id,
            receiptRule,
          }),
        });
        deps.numbers!.remember(code, [row]);
        return {
          status: 201,
          body: {
            id: row.id,
            number: row.number,
            dueDate: row.dueDate,
            provisional,
            receivedEventId: received.id,
            receiptRule,
          },
        };
      } catch (error) {
        // The statement names no year: a registration changes only its receipt's.
        if (error instanceof YearLockedError)
          await assertYearsOpen(deps.db as Tx, code, years, years);
        throw error;
      }
    },
  );
};
