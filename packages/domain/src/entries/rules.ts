// `@ogi/domain/rules`: checkReport and its findings (the rule list, severities, codes). Loads
// the report's schema and catalog only: no renderer, and never the PDF or HTML readers.
export * from "../report/findings.ts";
export * from "../report/rules/index.ts";
