// A bounded pool of worker threads running one job each at a time: at most `workers` jobs at
// once, at most `queue` waiting (one more is refused at once with `busy()`), each job ended
// after `timeoutMs` (the worker is terminated: its memory goes with it), each worker's heap
// capped. Workers start on demand and are kept for the next job; an idle one does not keep the
// process alive. The document reader (reads) and the document writer (Word, PDF, Excel) are
// two such pools over the same worker script (document-worker.ts).
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";

/** What the pool does with a worker's reply: settle the job, and keep the worker or end it. */
export type Settled<T> = { keep: boolean } & ({ value: T } | { error: unknown });

export type PoolOptions = {
  url: URL;
  workers: number;
  queue: number;
  timeoutMs: number;
  memoryMb: number;
  /** The refusal when every worker is busy and the queue full (or the pool closed). */
  busy: () => Error;
  /** The error of a job ended at `timeoutMs`. */
  timeout: () => Error;
  /** The error of a job whose worker ran out of heap. */
  outOfMemory: () => Error;
  logger?: Logger | undefined;
};

export type WorkerPool = {
  /**
   * Runs `message` (given its id) on a worker; `settle` turns the worker's reply into the job's
   * outcome. Throws `busy()` at once when the pool is full.
   */
  run: <T>(
    message: (id: number) => { id: number },
    transfer: ArrayBuffer[],
    settle: (reply: { id: number }) => Settled<T>,
  ) => Promise<T>;
  /** Jobs running, jobs waiting, workers alive. */
  stats: () => { running: number; queued: number; workers: number };
  close: () => Promise<void>;
};

type Job = {
  message: (id: number) => { id: number };
  transfer: ArrayBuffer[];
  settle: (reply: { id: number }) => Settled<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

export const createWorkerPool = (o: PoolOptions): WorkerPool => {
  const idle: Worker[] = [];
  const alive = new Set<Worker>();
  const waiting: Job[] = [];
  let running = 0;
  let nextId = 1;
  let closed = false;

  const spawn = () => {
    const worker = new Worker(o.url, {
      resourceLimits: {
        maxOldGenerationSizeMb: o.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(o.memoryMb / 8))),
      },
    });
    alive.add(worker);
    worker.once("exit", () => alive.delete(worker));
    return worker;
  };

  const finished = () => {
    running--;
    const job = waiting.shift();
    if (job) start(job);
  };

  const start = (job: Job) => {
    running++;
    const worker = idle.pop() ?? spawn();
    worker.ref();
    const id = nextId++;
    let done = false;
    const end = (keep: boolean, outcome: () => void) => {
      if (done) return;
      done = true;
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
    const onMessage = (reply: { id: number }) => {
      if (reply.id !== id) return;
      let settled: Settled<unknown>;
      try {
        settled = job.settle(reply);
      } catch (error) {
        settled = { keep: false, error };
      }
      end(settled.keep, () =>
        "value" in settled ? job.resolve(settled.value) : job.reject(settled.error),
      );
    };
    const onError = (error: Error & { code?: string }) =>
      end(false, () => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") return job.reject(o.outOfMemory());
        o.logger?.error({ err: error }, "document worker failed");
        job.reject(error);
      });
    const onExit = (code: number) =>
      end(false, () => job.reject(new Error(`document worker exited (${code})`)));
    const timer = setTimeout(() => end(false, () => job.reject(o.timeout())), o.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job.message(id), job.transfer);
  };

  return {
    run: <T>(
      message: Job["message"],
      transfer: ArrayBuffer[],
      settle: (reply: { id: number }) => Settled<T>,
    ) => {
      if (closed) throw o.busy();
      const job = (resolve: (v: unknown) => void, reject: (e: unknown) => void): Job => ({
        message,
        transfer,
        settle,
        resolve,
        reject,
      });
      if (running < o.workers) return new Promise<T>((res, rej) => start(job(res as never, rej)));
      if (waiting.length >= o.queue) throw o.busy();
      return new Promise<T>((res, rej) => waiting.push(job(res as never, rej)));
    },
    stats: () => ({ running, queued: waiting.length, workers: alive.size }),
    close: async () => {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(o.busy());
      await Promise.all([...alive].map((w) => w.terminate()));
      idle.length = 0;
    },
  };
};
