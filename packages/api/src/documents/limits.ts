// The bounds on reading a published report (POST /v1/parse): how much one document may hold and
// cost, and how many are read at once; and on writing the report as Word, PDF or Excel (the
// report routes' ?format=docx|pdf|xlsx): how many are written at once. Each refusal names the
// limit it hit, in both languages.
import { ApiError } from "../errors.ts";

export type DocumentLimits = {
  /** Bytes of the body (413 beyond). */
  maxBytes: number;
  /** Pages of a PDF (422 documentLimit.pages). */
  maxPages: number;
  /** Text runs of a PDF's text layer, all pages together (422 documentLimit.textRuns). */
  maxTextRuns: number;
  /** Characters read: a PDF's text layer or a text / HTML body (422 documentLimit.characters). */
  maxCharacters: number;
  /** Wall time of one read; the worker is ended after it (503 parseTimeout). */
  timeoutMs: number;
  /** The heap of one reading worker, in MB (422 documentLimit.memory beyond). */
  memoryMb: number;
  /** Worker threads reading at once. */
  workers: number;
  /** Reads waiting for a worker; one more is refused (503 parseBusy). */
  queue: number;
  /** Worker threads writing Word, PDF or Excel files at once (2 by default). */
  renderWorkers?: number;
  /** Files waiting for a writing worker; one more is refused (503 renderBusy; 8 by default). */
  renderQueue?: number;
};

/** Writing workers and their queue when the limits do not say. */
export const DEFAULT_RENDER_LIMITS = { renderWorkers: 2, renderQueue: 8 } as const;

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 300,
  maxTextRuns: 200_000,
  maxCharacters: 2_000_000,
  timeoutMs: 30_000,
  memoryMb: 512,
  workers: 2,
  queue: 4,
};

/** The limits a read inside the worker checks itself (the others are the pool's). */
export type ContentLimit = "pages" | "textRuns" | "characters";
export type DocumentLimit = ContentLimit | "memory";

const named: Record<DocumentLimit, { zh: string; en: string; unit: { zh: string; en: string } }> = {
  pages: { zh: "页数", en: "pages", unit: { zh: "页", en: "pages" } },
  textRuns: { zh: "文字段数", en: "text runs", unit: { zh: "段", en: "text runs" } },
  characters: { zh: "字符数", en: "characters", unit: { zh: "个字符", en: "characters" } },
  memory: { zh: "内存", en: "memory", unit: { zh: "MB", en: "MB" } },
};

/** 422: the document is over one of its limits (code documentLimit.<limit>). */
export const documentLimitHit = (limit: DocumentLimit, max: number) => {
  const n = named[limit];
  return new ApiError(422, `documentLimit.${limit}`, {
    zh: `文件超出${n.zh}上限（${max} ${n.unit.zh}），不像是一份年度报告，未读取。`,
    en: `The document exceeds the limit on ${n.en} (${max} ${n.unit.en}) for one annual report; it was not read.`,
  });
};

/** 503: every reader busy and the queue full. */
export const parseBusy = (retryAfter: number) =>
  new ApiError(
    503,
    "parseBusy",
    {
      zh: `正在读取的文件过多（已达同时读取与排队的上限），请 ${retryAfter} 秒后重试。`,
      en: `Too many documents are being read (the limit on reads in flight and queued is reached); try again in ${retryAfter} s.`,
    },
    undefined,
    retryAfter,
  );

/** 503: every writing worker busy and its queue full. */
export const renderBusy = (retryAfter: number) =>
  new ApiError(
    503,
    "renderBusy",
    {
      zh: `正在生成的 Word、PDF 或 Excel 文件过多（已达同时生成与排队的上限），请 ${retryAfter} 秒后重试。`,
      en: `Too many Word, PDF or Excel files are being written (the limit on files in progress and queued is reached); try again in ${retryAfter} s.`,
    },
    undefined,
    retryAfter,
  );

/** 503: writing the file took longer than the limit and was stopped. */
export const renderTimeout = (ms: number, retryAfter: number) =>
  new ApiError(
    503,
    "renderTimeout",
    {
      zh: `生成文件超过时间上限（${ms / 1000} 秒）已停止；服务器正忙，请稍后重试。`,
      en: `Writing the file exceeded the time limit (${ms / 1000} s) and was stopped: the server is busy; try again later.`,
    },
    undefined,
    retryAfter,
  );

/** 503: the read took longer than the limit and was stopped. */
export const parseTimeout = (ms: number, retryAfter: number) =>
  new ApiError(
    503,
    "parseTimeout",
    {
      zh: `读取超过时间上限（${ms / 1000} 秒）已停止；文件可能过于复杂，或服务器正忙，请稍后重试。`,
      en: `Reading exceeded the time limit (${ms / 1000} s) and was stopped: the document may be too complex, or the server busy; try again later.`,
    },
    undefined,
    retryAfter,
  );

export const tooLargeBody = (limit: number) =>
  new ApiError(413, "tooLarge", {
    zh: `请求内容超过 ${limit / 1024 / 1024} MB 的上限。`,
    en: `The body exceeds the limit of ${limit / 1024 / 1024} MB.`,
  });
