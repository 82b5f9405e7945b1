// The report wing (年度报告): the 2021 format's schema and label catalog, its rules by
// section, the sum of reports, and the documents: render and import.
export * from "./aggregate.ts";
export * from "./catalog.ts";
export * from "./findings.ts";
export * from "./import/index.ts";
export * from "./render/index.ts";
export * from "./rules/index.ts";
export * from "./schema.ts";
export * from "./suggestions.ts";
export * from "./words.ts";
