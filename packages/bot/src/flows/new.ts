// /new: applicant type → channel (optional) → receipt date, asked as the channel's rule (第三十一条:
// the day a letter is signed for, an online or fax application confirmed) → the card (where the
// subject and the applicant can be added, and the date changed) → written. The particulars are text too long for a button: they
// are kept in the store as a draft, and the buttons of a registration that has one carry its
// reference (`p`), in steps of their own: the buttons without a draft read as they always did.
import { APPLICANT_TYPES, CHANNELS } from "@ogi/domain";
import { z } from "zod";
import { date, indexOf, orNone, step, token } from "./callback-data.ts";

const type = indexOf(APPLICANT_TYPES);
const channel = orNone(indexOf(CHANNELS));
/** The reference of a draft of the particulars (drafts.ts). */
export const draftRef = token(/^[A-Za-z0-9_-]{8}$/);
const p = draftRef;
const field = z.enum(["subject", "applicant"]);

export const newFlow = {
  /** The applicant type chosen → choose the date. */
  type: step("nt", { type }),
  /** The channel chosen or skipped → the receipt date, asked as the channel's rule. */
  channel: step("nh", { type, channel }),
  /** The date chosen (the buttons of an earlier version, date before channel) → the channel. */
  date: step("nd", { type, date }),
  /** The channel chosen or skipped → the confirmation card. */
  card: step("nc", { type, date, channel }),
  /** Confirmed → written. */
  confirm: step("nx", { type, date, channel }),
  // The same steps of a registration with particulars (the draft `p`).
  typeDrafted: step("nu", { type, p }),
  channelDrafted: step("ni", { type, channel, p }),
  dateDrafted: step("nv", { type, date, p }),
  cardDrafted: step("nw", { type, date, channel, p }),
  confirmDrafted: step("ny", { type, date, channel, p }),
  /** On the card: type the subject or the applicant (`p` empty: no draft yet). */
  edit: step("ne", { type, date, channel, p: orNone(p), field }),
};

export type NewState = {
  type: (typeof APPLICANT_TYPES)[number];
  date: string;
  channel: (typeof CHANNELS)[number] | null;
  p: string | null;
};
