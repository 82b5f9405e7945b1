// Cancel: the button under every card that ends its flow.
import { step } from "./callback-data.ts";

export const cancelStep = step("x", {});
