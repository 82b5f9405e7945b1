// The pool of reading workers behind POST /v1/parse: at most `workers` documents read at once,
// at most `queue` waiting (one more is refused at once, 503 parseBusy), each read ended after
// `timeoutMs` (the worker is terminated: its memory goes with it) and each worker's heap capped.
// Workers are started on demand and kept for the next read; an idle one does not keep the
// process alive.
import { Worker } from "node:worker_threads";
import type { ParseResult } from "@ogi/domain";
import type { Logger } from "pino";
import { ApiError } from "../errors.ts";
import {
  type DocumentLimits,
  documentLimitHit,
  parseBusy,
  parseTimeout,
  tooLargeBody,
} from "./limits.ts";
import type { ReadReply, ReadRequest } from "./protocol.ts";

export type DocumentInput = { bytes: Uint8Array; text: boolean; filename?: string | undefined };

export type DocumentReader = {
  readonly limits: DocumentLimits;
  /** The report read from the document; throws ApiError (413, 422, 503) when a limit is hit. */
  read: (input: DocumentInput) => Promise<ParseResult>;
  /** Reads running, reads waiting, workers alive. */
  stats: () => { reading: number; queued: number; workers: number };
  close: () => Promise<void>;
};

type Job = {
  input: DocumentInput;
  resolve: (r: ParseResult) => void;
  reject: (e: unknown) => void;
};

const WORKER_URL = new URL("./read-worker.ts", import.meta.url);

export const createDocumentReader = (limits: DocumentLimits, logger?: Logger): DocumentReader => {
  const idle: Worker[] = [];
  const alive = new Set<Worker>();
  const waiting: Job[] = [];
  let reading = 0;
  let nextId = 1;
  let closed = false;
  const retryAfter = Math.min(10, Math.max(1, Math.ceil(limits.timeoutMs / 1000)));

  const spawn = () => {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: {
        maxOldGenerationSizeMb: limits.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(limits.memoryMb / 8))),
      },
    });
    alive.add(worker);
    worker.once("exit", () => alive.delete(worker));
    return worker;
  };

  const finished = () => {
    reading--;
    const job = waiting.shift();
    if (job) start(job);
  };

  const start = (job: Job) => {
    reading++;
    const worker = idle.pop() ?? spawn();
    worker.ref();
    const id = nextId++;
    let settled = false;
    const settle = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (keep && !closed) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      outcome();
      finished();
    };
    const onMessage = (reply: ReadReply) => {
      if (reply.id !== id) return;
      // A read stopped at a limit may still be running in the worker: end it.
      settle(reply.kind !== "limit", () => {
        if (reply.kind === "ok") return job.resolve(reply.result);
        job.reject(replyError(reply, limits));
      });
    };
    const onError = (error: Error & { code?: string }) =>
      settle(false, () => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
          return job.reject(documentLimitHit("memory", limits.memoryMb));
        logger?.error({ err: error }, "document reader failed");
        job.reject(error);
      });
    const onExit = (code: number) =>
      settle(false, () => job.reject(new Error(`document reader exited (${code})`)));
    const timer = setTimeout(
      () => settle(false, () => job.reject(parseTimeout(limits.timeoutMs, retryAfter))),
      limits.timeoutMs,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    const { bytes, text, filename } = job.input;
    const request: ReadRequest = {
      id,
      bytes,
      text,
      ...(filename ? { filename } : {}),
      limits: {
        maxPages: limits.maxPages,
        maxTextRuns: limits.maxTextRuns,
        maxCharacters: limits.maxCharacters,
      },
    };
    // The body's bytes move to the worker (not copied) when they own their buffer.
    const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    worker.postMessage(request, owns ? [bytes.buffer as ArrayBuffer] : []);
  };

  return {
    limits,
    read: (input) => {
      if (input.bytes.byteLength > limits.maxBytes) throw tooLargeBody(limits.maxBytes);
      if (closed) throw parseBusy(retryAfter);
      if (reading < limits.workers)
        return new Promise((resolve, reject) => start({ input, resolve, reject }));
      if (waiting.length >= limits.queue) throw parseBusy(retryAfter);
      return new Promise((resolve, reject) => waiting.push({ input, resolve, reject }));
    },
    stats: () => ({ reading, queued: waiting.length, workers: alive.size }),
    close: async () => {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(parseBusy(retryAfter));
      await Promise.all([...alive].map((w) => w.terminate()));
      idle.length = 0;
    },
  };
};

const replyError = (reply: Exclude<ReadReply, { kind: "ok" }>, limits: DocumentLimits) => {
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
      return new Error(`document reader: ${reply.message} (limits ${JSON.stringify(limits)})`);
  }
};
