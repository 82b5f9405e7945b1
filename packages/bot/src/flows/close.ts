// /close: the application → the outcome group → the outcome → the date → the card → written.
import { OUTCOME_GROUPS, OUTCOMES } from "@ogi/domain";
import { date, indexOf, positive, step } from "./callback-data.ts";

const number = positive;
const outcome = indexOf(OUTCOMES);

export const closeFlow = {
  /** The application chosen → the outcome groups. */
  application: step("ca", { number }),
  /** Back to the groups. */
  back: step("cb", { number }),
  /** A group chosen → its sub-rows. */
  group: step("cg", { number, group: indexOf(OUTCOME_GROUPS) }),
  /** The outcome chosen → dated today. */
  outcome: step("co", { number, outcome }),
  /** Another date chosen → the card. */
  date: step("cd", { number, outcome, date }),
  /** Confirmed → written. */
  confirm: step("cx", { number, outcome, date }),
};
