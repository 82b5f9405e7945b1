// The pure part of the register's writes: what a registration or an event hands the repository
// (plain rows: the row's derived state with its due date, the count deltas), decided with the
// domain's rules, and the checks every write of the register makes.
import {
  type ApplicationState,
  derivedColumns,
  type EventAppend,
  type NewApplication,
  type Recorder,
  type StoredApplication,
} from "@ogi/db";
import {
  type Application,
  type ApplicationEvent,
  applicationEventSchema,
  applicationRowState,
  contributionDelta,
  datedContributionDelta,
  dueDate,
  type WorkingCalendar,
} from "@ogi/domain";
import { currentCalendar } from "../domain.ts";
import { conflict, invalid, zodIssues } from "../errors.ts";
import type { EventBody } from "../schemas.ts";

/** What an application's events derive for its row, its due date by `calendar`. */
export const rowState = (
  app: Application,
  calendar: WorkingCalendar = currentCalendar(),
): ApplicationState => applicationRowState(app, (a) => dueDate(a, calendar).dueDate);

export const futureDate = (date: string, today: string) =>
  conflict("futureDate", {
    zh: `日期 ${date} 晚于今天（${today}），不能登记未来发生的事。`,
    en: `The date ${date} is after today (${today}); the future can't be recorded.`,
  });

/** The years a write changes: those of its count deltas and of its dates. */
export const yearsOf = (deltas: readonly { year: number }[], ...dates: (string | undefined)[]) => [
  ...deltas.map((d) => d.year),
  ...dates.filter((d): d is string => d !== undefined).map((d) => Number(d.slice(0, 4))),
];

/** Gives a posted event its id (and its replacement's) and the schema's defaults. */
export const toEvent = (posted: EventBody, id: string): ApplicationEvent => {
  const candidate =
    posted.type === "amended" && posted.replacement
      ? { ...posted, id, replacement: { ...posted.replacement, id: `${id}r` } }
      : { ...posted, id };
  const r = applicationEventSchema.safeParse(candidate);
  if (!r.success) throw invalid(zodIssues(r.error));
  return r.data;
};

/** A registration of `received`: its derived state and what it adds to the counts. */
export const registrationOf = (
  received: NewApplication["received"],
  by: Recorder,
  more: Pick<NewApplication, "id" | "subject" | "applicant"> = {},
  calendar?: WorkingCalendar,
): NewApplication => {
  const app: Application = { id: more.id ?? "new", events: [received] };
  return {
    ...more,
    received,
    state: rowState(app, calendar),
    deltas: contributionDelta(undefined, app),
    dailyDeltas: datedContributionDelta(undefined, app),
    by,
  };
};

/**
 * The append of `event` (already allowed) to `stored`: what the repository writes, and the
 * application as it will be, events included, without reading it again.
 */
export const appended = (
  stored: StoredApplication,
  event: ApplicationEvent,
  by: Recorder,
  options: { calendar?: WorkingCalendar | undefined; deltas?: EventAppend["deltas"] } = {},
): { item: EventAppend; recorded: StoredApplication } => {
  const application: Application = {
    ...stored.application,
    events: [...stored.application.events, event],
  };
  const row = { ...stored.row, ...derivedColumns(rowState(application, options.calendar)) };
  const deltas = options.deltas ?? contributionDelta(stored.application, application);
  const events = [
    ...stored.events,
    {
      seq: 0,
      applicationId: row.id,
      eventId: event.id,
      type: event.type,
      date: event.date,
      payload: event as unknown,
      recordedBy: by.actor,
      channel: by.channel,
      recordedAt: by.now,
    },
  ];
  const dailyDeltas = datedContributionDelta(stored.application, application);
  return {
    item: { row, event, by, deltas, dailyDeltas },
    recorded: { row, application, events },
  };
};
