// /undo: the reason → the card → the amendment written. `ref` names the record withdrawn, so a
// newer record makes the buttons stale.
import { indexOf, step, token } from "./callback-data.ts";

export const UNDO_REASONS = ["mistake", "duplicate", "wrongApplication"] as const;
export type UndoReason = (typeof UNDO_REASONS)[number];

const reason = indexOf(UNDO_REASONS);
const ref = token(/^[A-Za-z0-9_-]{1,16}$/);

export const undoFlow = {
  /** The reason chosen → the card. */
  reason: step("ur", { reason, ref }),
  /** Confirmed → written. */
  confirm: step("ux", { reason, ref }),
};
