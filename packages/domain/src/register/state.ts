// The state of one application on a day, from its effective events.
//
// The status at the end of a day D comes from the effective events dated on or before D: an
// application is open from its `received` date until a `concluded`, open again after a
// `reopened`, and so on. Among status events (concluded/reopened), the latest date wins and,
// on the same date, the one recorded last. A status event dated before receipt counts as dated
// on the day of receipt (the API refuses such events; the fold stays balanced anyway). A
// `reopened` on an open application changes nothing; a `concluded` on a concluded one only
// replaces the outcome (the API refuses both: see `validateTransition`). An application without
// an effective `received` event (its receipt withdrawn by an amendment: recorded by mistake)
// counts nowhere.
import type { ApplicantType, Channel, Outcome } from "../report/catalog.ts";
import { effectiveEvents } from "./effective-events.ts";
import type { Application, IsoDate, PlainEvent } from "./schema.ts";

/** A status event dated before receipt counts as dated on the day of receipt. */
export const clampDate = (date: string, receivedOn: string): string => {
  if (date < receivedOn) return receivedOn;
  return date;
};

/**
 * What an application's effective events say on a day: received, concluded, paused, extended and so
 * on.
 */
export type ApplicationState = {
  /** false when the application has no effective `received` event dated on or before asOf. */
  received: boolean;
  receivedOn: IsoDate | null;
  applicantType: ApplicantType | null;
  channel: Channel | null;
  status: "notReceived" | "open" | "concluded";
  open: boolean;
  /** The outcome of the conclusion in force (null while open). */
  outcome: Outcome | null;
  concludedOn: IsoDate | null;
  /** The date of the latest conclusion or reopening (null when there is none). */
  lastStatusChangeOn: IsoDate | null;
  reopenedCount: number;
  /** A correction was requested and the corrected application has not arrived. */
  awaitingCorrection: boolean;
  correctionRequestedCount: number;
  /** Consultations started and not ended (第三十二条 / 第三十四条). */
  openConsultations: number;
  inConsultation: boolean;
  /** A fee notice is outstanding (issued, not paid). */
  awaitingFee: boolean;
  /** The clock is stopped: consultation or unpaid fee notice. */
  paused: boolean;
  extended: boolean;
  /** The effective events dated on or before asOf, in recorded order. */
  events: PlainEvent[];
};

/**
 * The state at the end of day `asOf` (all events when omitted). Status events are ordered by
 * date, then by recorded order; other flags count events in recorded order.
 */
export const applicationState = (app: Application, asOf?: IsoDate): ApplicationState => {
  const all = effectiveEvents(app);
  const events = asOf === undefined ? all : all.filter((e) => e.date <= asOf);
  const received = events.find((e) => e.type === "received");
  const state: ApplicationState = {
    received: received !== undefined,
    receivedOn: received?.date ?? null,
    applicantType: received?.type === "received" ? received.applicantType : null,
    channel: received?.type === "received" ? received.channel : null,
    status: received ? "open" : "notReceived",
    open: received !== undefined,
    outcome: null,
    concludedOn: null,
    lastStatusChangeOn: null,
    reopenedCount: 0,
    awaitingCorrection: false,
    correctionRequestedCount: 0,
    openConsultations: 0,
    inConsultation: false,
    awaitingFee: false,
    paused: false,
    extended: false,
    events,
  };
  if (!received) return state;
  const r = received.date;
  // The latest status event by (date, recorded order), and the transitions it went through.
  let open = true;
  let outcome: Outcome | null = null;
  let concludedOn: IsoDate | null = null;
  let last: IsoDate | null = null;
  const statusEvents = events
    .map((e, i) => ({ e, i, d: clampDate(e.date, r) }))
    .filter(({ e }) => e.type === "concluded" || e.type === "reopened")
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i));
  for (const { e, d } of statusEvents) {
    last = d;
    if (e.type === "concluded") {
      if (open) concludedOn = d;
      open = false;
      outcome = e.outcome;
    } else if (e.type === "reopened" && !open) {
      open = true;
      outcome = null;
      concludedOn = null;
      state.reopenedCount++;
    }
  }
  let pendingFees = 0;
  for (const e of events) {
    if (e.type === "correctionRequested") {
      state.correctionRequestedCount++;
      state.awaitingCorrection = true;
    } else if (e.type === "correctionReceived") state.awaitingCorrection = false;
    else if (e.type === "consultationStarted") state.openConsultations++;
    else if (e.type === "consultationEnded")
      state.openConsultations = Math.max(0, state.openConsultations - 1);
    else if (e.type === "extended") state.extended = true;
    else if (e.type === "feeNoticeIssued") pendingFees++;
    else if (e.type === "feePaid") pendingFees = Math.max(0, pendingFees - 1);
  }
  state.open = open;
  state.status = open ? "open" : "concluded";
  state.outcome = outcome;
  state.concludedOn = concludedOn;
  state.lastStatusChangeOn = last;
  state.inConsultation = state.openConsultations > 0;
  state.awaitingFee = pendingFees > 0;
  state.paused = open && (state.inConsultation || state.awaitingFee);
  return state;
};
