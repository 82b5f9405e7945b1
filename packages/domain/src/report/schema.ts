// The canonical JSON of a report (shared/spec/annual-report-2021.md). Two shapes:
// `Report`, where every cell is a valid count, and `ReportDraft`, where a cell may be null
// (blank, missing or "/" in a published document) or any number, so that imports and
// half-filled drafts can be checked and explained instead of rejected.
import { z } from "zod";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMNS,
  OVERVIEW_PARTS,
  PROACTIVE_DOCUMENT_COLUMNS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestRow,
} from "./catalog.ts";

/** The zod schema of a count: a non-negative safe integer. */
export const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** Money, at most 4 decimal places (万元 to the yuan, 元 to the fen and below). */
export const money = z
  .number()
  .nonnegative()
  .max(1e15)
  // Compare through the decimal form: a float tolerance fails on large amounts (1048778.61).
  .refine((v) => Number(v.toFixed(4)) === v, "at most 4 decimal places");
/** A cell as read from a document: null when blank, missing or "/". */
export const draftCell = z.number().nullable();

const objectOf = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

const requestsOf = <S extends z.ZodType>(cell: S) =>
  objectOf(REQUEST_ROWS, objectOf(REQUEST_COLUMNS, cell));
const appealsOf = <S extends z.ZodType>(cell: S) =>
  objectOf(APPEAL_BLOCKS, objectOf(APPEAL_COLUMNS, cell));
const proactiveOf = <C extends z.ZodType, M extends z.ZodType>(cell: C, amount: M) =>
  z.strictObject({
    rules: objectOf(PROACTIVE_DOCUMENT_COLUMNS, cell),
    normativeDocuments: objectOf(PROACTIVE_DOCUMENT_COLUMNS, cell),
    licensing: z.strictObject({ decisions: cell }),
    penalty: z.strictObject({ decisions: cell }),
    coercion: z.strictObject({ decisions: cell }),
    fees: z.strictObject({ amountWanYuan: amount }),
  });
const feesOf = <C extends z.ZodType, M extends z.ZodType>(cell: C, amount: M) =>
  z.strictObject({
    noticesIssued: cell,
    amountNotifiedYuan: amount,
    amountCollectedYuan: amount,
  });

/** The zod schema of section 一: the texts of its parts. */
export const overviewSchema = z.strictObject({
  /** Text before the first numbered part (preamble), if any. */
  intro: z.string().default(""),
  ...(Object.fromEntries(OVERVIEW_PARTS.map((p) => [p, z.string().default("")])) as Record<
    (typeof OVERVIEW_PARTS)[number],
    z.ZodDefault<z.ZodString>
  >),
});

/** The zod schema of the reporting agency: its name and optional code. */
export const agencySchema = z.strictObject({
  name: z.string().min(1).max(200),
  code: z.string().max(64).optional(),
});

/** The first report year accepted (the 条例 came into force in 2008). */
export const YEAR_MIN = 2008; // the first year of the 条例 (2007 version in force 2008-05-01)
/** The last report year accepted. */
export const YEAR_MAX = 2100;
/** The zod schema of a report year. */
export const yearSchema = z.number().int().min(YEAR_MIN).max(YEAR_MAX);

const reportOf = <C extends z.ZodType, M extends z.ZodType>(cell: C, amount: M) =>
  z.strictObject({
    formatVersion: z.literal("2021"),
    agency: agencySchema,
    year: yearSchema,
    overview: overviewSchema,
    proactive: proactiveOf(cell, amount),
    requests: requestsOf(cell),
    appeals: appealsOf(cell),
    problems: z.string(),
    otherMatters: z.string(),
    fees: feesOf(cell, amount),
  });

/** The zod schema of section 三, every cell a count. */
export const requestsTableSchema = requestsOf(count);
/** The zod schema of section 四, every cell a count. */
export const appealsSchema = appealsOf(count);
/** The zod schema of section 二. */
export const proactiveSchema = proactiveOf(count, money);
/** The zod schema of the fee figures. */
export const feesSchema = feesOf(count, money);
/** The zod schema of a complete report: every cell a valid count. */
export const reportSchema = reportOf(count, money);

/** The zod schema of section 三 in a draft: a cell may be null or any number. */
export const requestsTableDraftSchema = requestsOf(draftCell);
/**
 * The zod schema of a draft report: a cell may be null (blank) or any number, so it can be checked.
 */
export const reportDraftSchema = reportOf(draftCell, draftCell);

/** Section 一. */
export type Overview = z.infer<typeof overviewSchema>;
/** Section 三, every cell a count. */
export type RequestsTable = z.infer<typeof requestsTableSchema>;
/** One row of section 三, by applicant type. */
export type ApplicantCounts = RequestsTable[RequestRow];
/** Section 四. */
export type Appeals = z.infer<typeof appealsSchema>;
/** Section 二. */
export type Proactive = z.infer<typeof proactiveSchema>;
/** The fee figures. */
export type Fees = z.infer<typeof feesSchema>;
/** A complete report: every cell a valid count. */
export type Report = z.infer<typeof reportSchema>;
/** A report as drafted or imported: a cell may be null or any number. */
export type ReportDraft = z.infer<typeof reportDraftSchema>;
/** Section 三 of a draft. */
export type RequestsTableDraft = z.infer<typeof requestsTableDraftSchema>;

// The constructors and the cells by path need no zod: they live in cells.ts, so that the rules
// and the renderers (which use only them) bundle without the validators.
export * from "./cells.ts";
