// /more: the application → the event → (the amount) → the date → the card → written.
import { amount, date, indexOf, orNone, positive, step } from "./callback-data.ts";

/** Events `/more` records, in the register's order; consultation names its party. */
export const MORE_EVENTS = [
  "correctionRequested",
  "correctionReceived",
  "consultationStartedThirdParty",
  "consultationStartedAgency",
  "consultationEnded",
  "extended",
  "feeNoticeIssued",
  "feePaid",
] as const;
export type MoreEvent = (typeof MORE_EVENTS)[number];

const number = positive;
const event = indexOf(MORE_EVENTS);
const fen = orNone(amount);

export const moreFlow = {
  /** The application chosen → the event kinds. */
  application: step("ma", { number }),
  /** The event chosen → the date (a fee notice asks its amount first). */
  event: step("me", { number, event, fen }),
  /** Another date chosen → the card. */
  date: step("md", { number, event, date, fen }),
  /** Confirmed → written. */
  confirm: step("mx", { number, event, date, fen }),
};
