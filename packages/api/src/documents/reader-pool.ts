// The document workers behind POST /v1/parse and the report's Word, PDF and Excel downloads:
// two bounded pools (worker-pool.ts) over one worker script (document-worker.ts).
//   Reads: at most `workers` documents read at once, at most `queue` waiting (one more is
//   refused at once, 503 parseBusy), each read ended after `timeoutMs`, each worker's heap
//   capped at `memoryMb`.
//   Writes: at most `renderWorkers` files written at once, at most `renderQueue` waiting (503
//   renderBusy), within the same time and heap. A PDF takes 100–300 ms of CPU: on the API's
//   thread, a few at once would hold up every other request.
import type { ParseResult, ReportDraft } from "@ogi/domain";
import type { Logger } from "pino";
import { ApiError } from "../errors.ts";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DEFAULT_RENDER_LIMITS,
  type DocumentLimits,
  documentLimitHit,
  parseBusy,
  parseTimeout,
  renderBusy,
  renderTimeout,
  tooLargeBody,
} from "./limits.ts";
import type {
  ReadReply,
  ReadRequest,
  RenderJob,
  RenderReply,
  RenderRequest,
  SheetJob,
} from "./protocol.ts";
import { createWorkerPool, type Settled } from "./worker-pool.ts";

export type DocumentInput = { bytes: Uint8Array; text: boolean; filename?: string | undefined };

export type DocumentReader = {
  readonly limits: DocumentLimits;
  /** The report read from the document; throws ApiError (413, 422, 503) when a limit is hit. */
  read: (input: DocumentInput) => Promise<ParseResult>;
  /** The report as a Word, PDF or Excel file, written in a worker; throws ApiError 503 when busy. */
  render: (report: ReportDraft, job: RenderJob) => Promise<Uint8Array>;
  /** Rows as an Excel sheet (the register's export), written in a worker like the reports. */
  renderSheet: (sheet: SheetJob) => Promise<Uint8Array>;
  /**
   * Starts a writer and loads Word, PDF and Excel in it, so that the first download after a
   * start does not wait for them (a first PDF 1.0 s cold, 0.19 s warmed: docs/benchmarks.md).
   * Skipped when the writers are busy; never fails.
   */
  warm: () => Promise<void>;
  /** Reads running and waiting, files being written and waiting, workers alive. */
  stats: () => {
    reading: number;
    queued: number;
    rendering: number;
    renderQueued: number;
    workers: number;
  };
  close: () => Promise<void>;
};

const WORKER_URL = new URL("./document-worker.ts", import.meta.url);

export const createDocumentReader = (limits: DocumentLimits, logger?: Logger): DocumentReader => {
  const retryAfter = Math.min(10, Math.max(1, Math.ceil(limits.timeoutMs / 1000)));
  const common = {
    url: WORKER_URL,
    timeoutMs: limits.timeoutMs,
    memoryMb: limits.memoryMb,
    outOfMemory: () => documentLimitHit("memory", limits.memoryMb),
    logger,
  };
  const reads = createWorkerPool({
    ...common,
    workers: limits.workers,
    queue: limits.queue,
    busy: () => parseBusy(retryAfter),
    timeout: () => parseTimeout(limits.timeoutMs, retryAfter),
  });
  const renders = createWorkerPool({
    ...common,
    workers: limits.renderWorkers ?? DEFAULT_RENDER_LIMITS.renderWorkers,
    queue: limits.renderQueue ?? DEFAULT_RENDER_LIMITS.renderQueue,
    busy: () => renderBusy(retryAfter),
    timeout: () => renderTimeout(limits.timeoutMs, retryAfter),
  });

  const settleRead = (reply: { id: number }): Settled<ParseResult> => {
    const r = reply as ReadReply;
    // A read stopped at a limit may still be running in the worker: end it.
    const keep = r.kind !== "limit";
    return r.kind === "ok"
      ? { keep, value: r.result }
      : { keep, error: replyError(r, limits, "document reader") };
  };
  const settleRender = (reply: { id: number }): Settled<Uint8Array> => {
    const r = reply as RenderReply;
    return r.kind === "rendered"
      ? { keep: true, value: r.bytes }
      : { keep: true, error: new Error(`document writer: ${r.message}`) };
  };

  return {
    limits,
    read: (input) => {
      if (input.bytes.byteLength > limits.maxBytes) throw tooLargeBody(limits.maxBytes);
      const { bytes, text, filename } = input;
      // The body's bytes move to the worker (not copied) when they own their buffer.
      const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      return reads.run(
        (id): ReadRequest => ({
          id,
          kind: "read",
          bytes,
          text,
          ...(filename ? { filename } : {}),
          limits: {
            maxPages: limits.maxPages,
            maxTextRuns: limits.maxTextRuns,
            maxCharacters: limits.maxCharacters,
          },
        }),
        owns ? [bytes.buffer as ArrayBuffer] : [],
        settleRead,
      );
    },
    render: (report, job) =>
      renders.run((id): RenderRequest => ({ id, kind: "render", report, job }), [], settleRender),
    renderSheet: (sheet) =>
      renders.run((id): RenderRequest => ({ id, kind: "sheet", sheet }), [], settleRender),
    warm: async () => {
      try {
        await renders.run((id): RenderRequest => ({ id, kind: "warm" }), [], settleRender);
      } catch (err) {
        logger?.warn({ err }, "the document writers were not warmed");
      }
    },
    stats: () => {
      const r = reads.stats();
      const w = renders.stats();
      return {
        reading: r.running,
        queued: r.queued,
        rendering: w.running,
        renderQueued: w.queued,
        workers: r.workers + w.workers,
      };
    },
    close: async () => {
      await Promise.all([reads.close(), renders.close()]);
    },
  };
};

/** The document reader given, or one with the configured limits (the defaults otherwise). */
export const documentReaderOf = (deps: {
  documents?: DocumentReader | undefined;
  config: { documents?: DocumentLimits | undefined };
  logger?: Logger | undefined;
}): DocumentReader =>
  deps.documents ??
  createDocumentReader(deps.config.documents ?? DEFAULT_DOCUMENT_LIMITS, deps.logger);

const replyError = (
  reply: Exclude<ReadReply, { kind: "ok" }>,
  limits: DocumentLimits,
  who: string,
) => {
  switch (reply.kind) {
    case "limit":
      return documentLimitHit(reply.limit, reply.max);
    case "import":
      return new ApiError(422, `import.${reply.code}`, { zh: reply.zh, en: reply.en });
    case "unreadable":
      return new ApiError(422, "import.unreadable", {
        zh: "无法读取该文件（结构过深或过大）。",
        en: "The file can't be read (nested too deep or too large).",
      });
    case "failed":
      return new Error(`${who}: ${reply.message} (limits ${JSON.stringify(limits)})`);
  }
};
