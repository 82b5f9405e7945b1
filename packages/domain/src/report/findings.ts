// A finding: one rule broken (or one thing an import could not read), pointing at cells.
import { z } from "zod";

export const RULE_CODES = [
  "requests.balance",
  "requests.rowTotal",
  "requests.outcomeTotal",
  "appeals.total",
  "value.invalid",
  "requests.carryOverMismatch",
  "proactive.inForceDrift",
  "fees.collectedExceedsNotified",
  "fees.unpaidWithoutNotice",
  "fees.notStated",
  "narrative.numberMismatch",
  "narrative.missing",
  "format.outdated",
  "import.unreadable",
  "requests.openCarriedAsCounts",
  "requests.previousYearMissing",
  "fees.amountWithoutNotice",
  "fees.registerDiffers",
  "register.outcomeImplausible",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const findingSchema = z.object({
  code: z.enum(RULE_CODES),
  severity: z.enum(["error", "warning"]),
  /** JSON paths of the cells concerned, e.g. "requests.granted.total". */
  cells: z.array(z.string()),
  message: z.object({ zh: z.string(), en: z.string() }),
  /** For import findings: the 1-based line of the input it concerns. */
  line: z.number().int().positive().optional(),
});
export type Finding = z.infer<typeof findingSchema>;
export type Severity = Finding["severity"];

export const hasErrors = (findings: readonly Finding[]) =>
  findings.some((f) => f.severity === "error");
