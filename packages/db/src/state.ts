// What the events of an application derive, cached on its row for filters and lists.
import { type Application, applicationState } from "@ogi/domain";
import type { ApplicationState } from "./repo.ts";

export const applicationRowState = (
  app: Application,
  dueDate: (app: Application) => string | null = () => null,
): ApplicationState => {
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
