// The report's constructors (empty report, tables) and its cells by JSON path. Zod-free on
// purpose: the rules and the renderers use only these, and a browser bundle of them should
// not carry the validators (schema.ts, which re-exports this file).
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMNS,
  type AppealBlock,
  type AppealColumn,
  PROACTIVE_DOCUMENT_COLUMNS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestColumn,
  type RequestRow,
} from "./catalog.ts";
import type {
  Appeals,
  ApplicantCounts,
  Fees,
  Overview,
  Proactive,
  Report,
  ReportDraft,
  RequestsTable,
} from "./schema.ts";

// ── Constructors ──────────────────────────────────────────────────────────────

const fill = <K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> =>
  Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, V>;

/** One row of section 三 with every count 0. */
export const emptyApplicantCounts = (): ApplicantCounts => fill(REQUEST_COLUMNS, () => 0);
/** Section 三 with every count 0. */
export const emptyRequestsTable = (): RequestsTable =>
  fill(REQUEST_ROWS, emptyApplicantCounts) as RequestsTable;
/** Section 四 with every count 0. */
export const emptyAppeals = (): Appeals =>
  fill(APPEAL_BLOCKS, () => fill(APPEAL_COLUMNS, () => 0)) as Appeals;
/** Section 二 with every count 0. */
export const emptyProactive = (): Proactive => ({
  rules: { issued: 0, repealed: 0, inForce: 0 },
  normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
  licensing: { decisions: 0 },
  penalty: { decisions: 0 },
  coercion: { decisions: 0 },
  fees: { amountWanYuan: 0 },
});
/** The fee figures, all 0. */
export const emptyFees = (): Fees => ({
  noticesIssued: 0,
  amountNotifiedYuan: 0,
  amountCollectedYuan: 0,
});
/** Section 一 with every part empty. */
export const emptyOverview = (): Overview => ({
  intro: "",
  proactive: "",
  requests: "",
  management: "",
  platform: "",
  supervision: "",
});

/** A report with every count 0 and every text empty. */
export const emptyReport = (agency: { name: string; code?: string }, year: number): Report => ({
  formatVersion: "2021",
  agency,
  year,
  overview: emptyOverview(),
  proactive: emptyProactive(),
  requests: emptyRequestsTable(),
  appeals: emptyAppeals(),
  problems: "",
  otherMatters: "",
  fees: emptyFees(),
});

/** Every cell of a report with its JSON path, in the official order. */
export type CellRef = { path: string; section: "proactive" | "requests" | "appeals" | "fees" };

/** The JSON path of a cell of section 三 ("requests.granted.total"). */
export const requestCellPath = (row: RequestRow, column: RequestColumn) =>
  `requests.${row}.${column}`;
/** The JSON path of a cell of section 四 ("appeals.review.upheld"). */
export const appealCellPath = (block: AppealBlock, column: AppealColumn) =>
  `appeals.${block}.${column}`;

/** Every cell of a report with its JSON path and section, in the official order. */
export function* cellPaths(): Generator<CellRef> {
  for (const row of ["rules", "normativeDocuments"] as const)
    for (const c of PROACTIVE_DOCUMENT_COLUMNS)
      yield { path: `proactive.${row}.${c}`, section: "proactive" };
  for (const row of ["licensing", "penalty", "coercion"] as const)
    yield { path: `proactive.${row}.decisions`, section: "proactive" };
  yield { path: "proactive.fees.amountWanYuan", section: "proactive" };
  for (const r of REQUEST_ROWS)
    for (const c of REQUEST_COLUMNS) yield { path: requestCellPath(r, c), section: "requests" };
  for (const b of APPEAL_BLOCKS)
    for (const c of APPEAL_COLUMNS) yield { path: appealCellPath(b, c), section: "appeals" };
  for (const k of ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const)
    yield { path: `fees.${k}`, section: "fees" };
}

/** Reads a cell by its JSON path ("requests.granted.total"); undefined when there is none. */
export const getCell = (report: ReportDraft | Report, path: string): number | null | undefined => {
  let node: unknown = report;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "number" || node === null ? node : undefined;
};

/** Writes a cell by its JSON path, in place. */
export const setCell = (report: ReportDraft | Report, path: string, value: number | null) => {
  const parts = path.split(".");
  const last = parts.pop()!;
  let node = report as unknown as Record<string, Record<string, unknown>>;
  for (const part of parts) node = node[part] as unknown as Record<string, Record<string, unknown>>;
  (node as Record<string, unknown>)[last] = value;
};
