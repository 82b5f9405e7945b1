// The messages between the API's thread and a reading worker.
import type { ParseResult } from "@ogi/domain";
import type { ContentLimit, DocumentLimits } from "./limits.ts";

export type ReadRequest = {
  id: number;
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
