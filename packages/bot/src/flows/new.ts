// /new: applicant type → receipt date → channel (optional) → the card → written.
import { APPLICANT_TYPES, CHANNELS } from "@ogi/domain";
import { date, indexOf, orNone, step } from "./callback-data.ts";

const type = indexOf(APPLICANT_TYPES);
const channel = orNone(indexOf(CHANNELS));

export const newFlow = {
  /** The applicant type chosen → choose the date. */
  type: step("nt", { type }),
  /** The date chosen → choose the channel (optional). */
  date: step("nd", { type, date }),
  /** The channel chosen or skipped → the confirmation card. */
  card: step("nc", { type, date, channel }),
  /** Confirmed → written. */
  confirm: step("nx", { type, date, channel }),
};
