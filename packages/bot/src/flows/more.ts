// /more: the application → the event → (the amount) → the date → the card → written. An
// extension carries its working days (said in the message or typed on the card) in steps of
// its own: the buttons without them read as they always did (20 working days).
import { MAX_EXTENSION_WORKING_DAYS } from "@ogi/domain";
import { z } from "zod";
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
/** An extension's working days, 1 to 20 (第三十三条第二款). */
const days = z.codec(
  z.string().regex(/^[0-9a-z]{1,2}$/),
  z.number().int().min(1).max(MAX_EXTENSION_WORKING_DAYS),
  {
    decode: (s) => Number.parseInt(s, 36),
    encode: (n) => n.toString(36),
  },
);

export const moreFlow = {
  /** The application chosen → the event kinds. */
  application: step("ma", { number }),
  /** The event chosen → the date (a fee notice asks its amount first). */
  event: step("me", { number, event, fen }),
  /** Another date chosen → the card. */
  date: step("md", { number, event, date, fen }),
  /** Confirmed → written. */
  confirm: step("mx", { number, event, date, fen }),
  /** An extension of `days` working days: another date chosen → the card. */
  extensionDate: step("mf", { number, date, days }),
  /** An extension of `days` working days confirmed → written. */
  extensionConfirm: step("mg", { number, date, days }),
};
