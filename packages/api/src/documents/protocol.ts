// The messages between the API's thread and a document worker: reading a published report, and
// writing a report as Word, PDF or Excel.
import type { DocumentFormat, SheetColumn, SheetValue } from "@ogi/documents";
import type { Finding, Lang, ParseResult, ReportDraft } from "@ogi/domain";
import type { ContentLimit, DocumentLimits } from "./limits.ts";

export type ReadRequest = {
  id: number;
  kind: "read";
  bytes: Uint8Array;
  /** The body is text (HTML, plain text): decoded as UTF-8 in the worker. */
  text: boolean;
  filename?: string;
  limits: Pick<DocumentLimits, "maxPages" | "maxTextRuns" | "maxCharacters">;
};

export type ReadReply =
  | { id: number; kind: "ok"; result: ParseResult }
  | { id: number; kind: "limit"; limit: ContentLimit; max: number }
  | { id: number; kind: "import"; code: string; zh: string; en: string }
  | { id: number; kind: "unreadable" }
  | { id: number; kind: "failed"; message: string };

/** What `renderDocument` is given (all of it plain data: it is copied to the worker). */
export type RenderJob = {
  format: DocumentFormat;
  lang: Lang;
  draft: boolean;
  date?: string;
  findings?: Finding[];
};

/** A sheet of rows written as Excel (the register's export). */
export type SheetJob = {
  name: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
};

export type RenderRequest =
  | { id: number; kind: "render"; report: ReportDraft; job: RenderJob }
  | { id: number; kind: "sheet"; sheet: SheetJob }
  /** Load the writers and their fonts (a first file takes over a second): replies no bytes. */
  | { id: number; kind: "warm" };

export type RenderReply =
  | { id: number; kind: "rendered"; bytes: Uint8Array }
  | { id: number; kind: "failed"; message: string };

export type WorkerRequest = ReadRequest | RenderRequest;
