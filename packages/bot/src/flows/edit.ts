// /edit, 更正, 补充: add or correct an application's subject or applicant. The field → the typed
// text (kept as a draft in the store) → the card → the amendment written through the API.
import { z } from "zod";
import { positive, step } from "./callback-data.ts";
import { draftRef } from "./new.ts";

const number = positive;
const field = z.enum(["subject", "applicant"]);

export const editFlow = {
  /** The field chosen → type it. */
  field: step("ef", { number, field }),
  /** Confirmed → written. */
  confirm: step("ex", { number, p: draftRef }),
};
