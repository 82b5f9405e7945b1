// /agency: act in the user's agency whose code has this digest (see agencyDigest).
import { step, token } from "./callback-data.ts";

export const agencyStep = step("ag", { digest: token(/^[A-Za-z0-9_-]{8}$/) });
