// A message that could mean several things: its candidate readings are kept in the store under a
// short reference, and each button names the reference and the candidate's place.
import { amount, step, token } from "./callback-data.ts";

export const readingFlow = {
  /** The candidate `index` of the readings kept under `ref` chosen → its flow opens. */
  choice: step("rq", { ref: token(/^[A-Za-z0-9_-]{8}$/), index: amount }),
};
