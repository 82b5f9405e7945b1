// The shape of a row of the phrase corpus (corpus.ts) and the day it is read on.
import type { Intent } from "../../src/index.ts";

/** Thursday: this week runs from Monday 2026-12-07 to Sunday 2026-12-13. */
export const TODAY = "2026-12-10";
export const EARLIEST = "2020-01-01";

/**
 * An intent with exactly its slots (`refused`: how many stated slots are refused), the
 * candidate readings offered (each matched as a subset), or not understood.
 */
export type Expected = (Intent & { refused?: number }) | { ask: Partial<Intent>[] } | "unknown";
export type Row = [message: string, expected: Expected];
export const UNKNOWN = "unknown" as const;
export const ask = (...choices: Partial<Intent>[]): Expected => ({ ask: choices });
