/**
 * `checkReport` and its findings (the rule list, severities, codes). Loads
 * the report's catalog and cell helpers only: no validator (zod), no renderer, and never the
 * PDF or HTML readers. The findings' zod schema is in `@ogi/domain/report`.
 *
 * @module @ogi/domain/rules
 */
export {
  type Finding,
  hasErrors,
  RULE_CODES,
  type RuleCode,
  type Severity,
} from "../report/findings.ts";
export * from "../report/rules/index.ts";
