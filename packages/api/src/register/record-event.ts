// Recording an event on an application (use case). Decided with the domain's rules (who may,
// the dates, the transition, the locked years), then handed to the repository as plain rows:
// through the event batcher (one read and one statement per batch, with no transaction around
// them) for a posted event, inside the caller's transaction for the import.
import {
  appendEvents,
  type Executor,
  type LoadedApplication,
  loadApplication,
  type StoredApplication,
  type Tx,
  YearLockedError,
} from "@ogi/db";
import { contributionDelta, validateTransition, type WorkingCalendar } from "@ogi/domain";
import {
  actorOf,
  type Ctx,
  channelOf,
  type Deps,
  type Principal,
  requireAgency,
} from "../context.ts";
import { currentCalendar, todayIn, withCalendar } from "../domain.ts";
import { conflict, notFound } from "../errors.ts";
import type { EventBody } from "../schemas.ts";
import { assertYearsOpen, refusedAsLocked, type Written, writeOnce } from "../write.ts";
import { appended, futureDate, toEvent, yearsOf } from "./decide.ts";

/**
 * What recording `posted` on the loaded application writes, once the access, the dates, the
 * transition and the locked years allow it, and the application as it will be.
 */
export const decideEvent = async (
  deps: Deps,
  ex: Executor,
  p: Principal,
  id: string,
  posted: EventBody,
  loaded: LoadedApplication | undefined,
  options: { channel?: "import" | undefined; calendar?: WorkingCalendar | undefined } = {},
) => {
  if (!loaded) throw notFound({ zh: `申请 ${id}`, en: `Application ${id}` });
  const { stored, lockedYears } = loaded;
  // The agency exists (the row refers to it); admins and the agency's own staff need no query.
  const own =
    p.kind === "admin" ||
    (p.kind === "staff" && p.memberships.some((m) => m.agencyCode === stored.row.agencyCode));
  if (!own) await requireAgency(ex, p, stored.row.agencyCode, "record");
  const now = deps.clock.now();
  const today = todayIn(now);
  const event = toEvent(posted, `e${stored.events.length + 1}`);
  const dates = [event.date, event.type === "amended" ? event.replacement?.date : undefined];
  for (const d of dates) if (d && d > today) throw futureDate(d, today);
  const verdict = validateTransition(stored.application, event);
  if (!verdict.ok) throw conflict(verdict.code, verdict.message);
  const after = { ...stored.application, events: [...stored.application.events, event] };
  const deltas = contributionDelta(stored.application, after);
  const years = yearsOf(deltas, ...dates);
  await assertYearsOpen(ex as Tx, stored.row.agencyCode, years, lockedYears);
  const by = { actor: actorOf(p), channel: options.channel ?? channelOf(p), now };
  const made = appended(stored, event, by, { calendar: options.calendar, deltas });
  // Checked again by the statement, under the agency row's lock (a publication may commit
  // between this read and the write).
  return { ...made, item: { ...made.item, years } };
};

/** Records one event on a stored application inside `tx` (the import). */
export const recordEvent = async (
  deps: Deps,
  tx: Tx,
  p: Principal,
  id: string,
  posted: EventBody,
  channel?: "import",
): Promise<StoredApplication> => {
  // The row stays locked until the transaction ends.
  const loaded = await loadApplication(tx, id, true);
  const { item, recorded } = await decideEvent(deps, tx, p, id, posted, loaded, { channel });
  try {
    await appendEvents(tx, [item]);
  } catch (error) {
    if (error instanceof YearLockedError) throw await refusedAsLocked(deps.db, error);
    throw error;
  }
  return recorded;
};

/**
 * Records a posted event on the application `idOf` names, through the event batcher: one read
 * and one statement (the event, its row and counts, the audit entry and the Idempotency-Key
 * answer), with no transaction to open and commit around them. `answer` shapes the body from
 * the application as the event leaves it (stored with the key, for a replay).
 */
export const recordPostedEvent = <B>(
  deps: Deps,
  c: Ctx,
  p: Principal,
  idOf: () => Promise<string>,
  posted: EventBody,
  keyed: Record<string, unknown>,
  answer: (recorded: StoredApplication) => B,
): Promise<Written<B, 201>> =>
  writeOnce<B, 201>(deps, c, keyed, { action: `event.${posted.type}` }, async (tail) => {
    const id = await idOf();
    // Decided in a batch with other requests' events, with this request's calendar.
    const calendar = currentCalendar();
    const { body } = await deps
      .events!.append(id, (loaded) =>
        withCalendar(calendar, async () => {
          const { item, recorded } = await decideEvent(deps, deps.db, p, id, posted, loaded, {
            calendar,
          });
          const body = answer(recorded);
          // The audit entry names the application by its id, however it was asked for.
          const t = tail(201, body);
          return { item: { ...item, tail: { ...t, audit: { ...t.audit, target: id } } }, body };
        }),
      )
      .catch(async (error: unknown) => {
        if (error instanceof YearLockedError) throw await refusedAsLocked(deps.db, error);
        throw error;
      });
    return { status: 201, body };
  });
