// What the API's use cases hand the repository (plain rows), built for these tests with the
// domain's rules: a registration's derived state and counts, an event's new row and deltas.
import {
  type Application,
  type ApplicationEvent,
  applicationRowState,
  contributionDelta,
  datedContributionDelta,
} from "@ogi/domain";
import {
  type ApplicationState,
  derivedColumns,
  type EventAppend,
  type NewApplication,
  type Recorder,
  type StoredApplication,
} from "../src/index.ts";

type State = (app: Application) => ApplicationState;

/** A registration of `input` (its `received` event), its state derived by `state`. */
export const registration = <
  I extends Omit<NewApplication, "state" | "deltas" | "dailyDeltas" | "by">,
>(
  input: I,
  by: Recorder,
  state: State = applicationRowState,
): I & NewApplication => {
  const app: Application = { id: input.id ?? "new", events: [input.received] };
  return {
    ...input,
    state: state(app),
    deltas: contributionDelta(undefined, app),
    dailyDeltas: datedContributionDelta(undefined, app),
    by,
  };
};

/** The append of `event` to `stored`, and the application as it leaves it. */
export const appended = (
  stored: StoredApplication,
  event: ApplicationEvent,
  by: Recorder,
  state: State = applicationRowState,
): { item: EventAppend; row: EventAppend["row"]; application: Application } => {
  const application = { ...stored.application, events: [...stored.application.events, event] };
  const row = { ...stored.row, ...derivedColumns(state(application)) };
  const deltas = contributionDelta(stored.application, application);
  const dailyDeltas = datedContributionDelta(stored.application, application);
  return { item: { row, event, by, deltas, dailyDeltas }, row, application };
};
