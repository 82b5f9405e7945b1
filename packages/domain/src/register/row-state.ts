// What the events of an application derive, cached on its row for filters and lists.
import type { Application } from "./schema.ts";
import { applicationState } from "./state.ts";

/** The state kept on an application's row (the database's `applications` columns). */
export type ApplicationRowState = {
  receivedOn: string;
  applicantType: string;
  channel: string;
  status: "open" | "concluded";
  concludedOn: string | null;
  outcome: string | null;
  dueDate: string | null;
};

/** The application has no effective `received` event (its receipt was withdrawn): no row state. */
export class NoEffectiveReceiptError extends Error {
  readonly applicationId: string;
  constructor(applicationId: string) {
    super(`application ${applicationId} has no effective receipt`);
    this.name = "NoEffectiveReceiptError";
    this.applicationId = applicationId;
  }
}

/** The row state of `app`; throws NoEffectiveReceiptError when its receipt was withdrawn. */
export const applicationRowState = (
  app: Application,
  dueDate: (app: Application) => string | null = () => null,
): ApplicationRowState => {
  const s = applicationState(app);
  if (!s.receivedOn || !s.applicantType || !s.channel) throw new NoEffectiveReceiptError(app.id);
  return {
    receivedOn: s.receivedOn,
    applicantType: s.applicantType,
    channel: s.channel,
    status: s.open ? "open" : "concluded",
    concludedOn: s.concludedOn,
    outcome: s.outcome,
    dueDate: s.open ? dueDate(app) : null,
  };
};
