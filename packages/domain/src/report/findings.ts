// A finding: one rule broken (or one thing an import could not read), pointing at cells.
import { z } from "zod";

/** The codes of the findings: one per rule of `checkReport` and per import problem. */
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
  "import.missingRow",
  "hierarchy.sumMismatch",
  "requests.openCarriedAsCounts",
  "requests.previousYearMissing",
  "fees.amountWithoutNotice",
  "fees.registerDiffers",
  "register.outcomeImplausible",
] as const;
/** A finding's code. */
export type RuleCode = (typeof RULE_CODES)[number];

// Built in a pure call, so that a bundle using only the codes, the type or hasErrors (the
// rules) drops it and zod with it.
/**
 * The zod schema of a finding: code, severity, the cells concerned, the message in both languages.
 */
export const findingSchema = /* @__PURE__ */ (() =>
  z.object({
    code: z.enum(RULE_CODES),
    severity: z.enum(["error", "warning"]),
    /** JSON paths of the cells concerned, e.g. "requests.granted.total". */
    cells: z.array(z.string()),
    message: z.object({ zh: z.string(), en: z.string() }),
    /** For import findings: the 1-based line of the input it concerns. */
    line: z.number().int().positive().optional(),
  }))();
/** One rule broken (or one thing an import could not read), pointing at cells. */
export type Finding = z.infer<typeof findingSchema>;
/** An error (the report is wrong) or a warning (it should be looked at). */
export type Severity = Finding["severity"];

/** Whether any finding is an error. */
export const hasErrors = (findings: readonly Finding[]) =>
  findings.some((f) => f.severity === "error");
