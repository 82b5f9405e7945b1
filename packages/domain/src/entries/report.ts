/**
 * The annual report's format: its schema (ReportDraft and the cells),
 * the catalog of rows and columns with the verbatim labels of the 2021 format, the findings'
 * shape, the words for applicants, channels and outcomes, the sum of several reports, and the
 * shared text helpers. Loads neither the rules, the renderers nor the import (own subpaths).
 *
 * @module @ogi/domain/report
 */
export * from "../report/aggregate.ts";
export * from "../report/catalog.ts";
export * from "../report/findings.ts";
export * from "../report/schema.ts";
export * from "../report/words.ts";
export * from "../text.ts";
