// What the events of an application derive, cached on its row for filters and lists.
import { applicationState } from "./fold.ts";
import type { Application } from "./schema.ts";

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

export const applicationRowState = (
  app: Application,
  dueDate: (app: Application) => string | null = () => null,
): ApplicationRowState => {
  const s = applicationState(app);
  if (!s.receivedOn || !s.applicantType || !s.channel)
    throw new Error(`application ${app.id} has no effective receipt`);
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
