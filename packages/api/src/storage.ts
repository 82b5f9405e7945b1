// The database's storage as the API sees it: a failed write is told apart (disk full, read-only,
// an I/O error, the connection lost) and answered 503 databaseUnavailable in both languages;
// /health reports it until a write succeeds again. Nothing is cached about the failure but the
// report: the next write simply tries again, so freeing space needs no restart. PGlite stopped by
// a read-only disk is opened again once its folder can be written (see gate).
import { constants } from "node:fs";
import { access, rm, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Bilingual } from "./errors.ts";
import { isConnectionLost } from "./guards.ts";

export type StorageProblem = "diskFull" | "readOnly" | "ioError" | "connection";

/** PGlite's folder with less free space than this is reported full (a page and its WAL). */
export const MIN_FREE_BYTES = 1024 * 1024;
/** PostgreSQL: a failure is reported this long after the last one, unless a write succeeds. */
const REPORTED_FOR_MS = 60_000;
/** PGlite stopped: how often requests and /health may try whether its folder is writable again. */
export const REOPEN_PROBE_MS = 2_000;

const messages: Record<StorageProblem, Bilingual> = {
  diskFull: {
    zh: "数据库所在磁盘已满，本次请求未保存。请管理员释放磁盘空间；空间恢复后无需重启即可继续使用。",
    en: "The database's disk is full; nothing was saved. An administrator must free space; the API resumes by itself, without a restart.",
  },
  readOnly: {
    zh: "数据库所在磁盘为只读，本次请求未保存。请管理员恢复磁盘的写入权限；恢复后无需重启即可继续使用。",
    en: "The database's disk is read-only; nothing was saved. An administrator must restore write access; the API resumes by itself, without a restart.",
  },
  ioError: {
    zh: "数据库读写磁盘出错，本次请求未保存，请通知管理员检查磁盘；磁盘可写后无需重启即可继续使用。",
    en: "The database hit a disk I/O error; nothing was saved. Tell an administrator to check the disk; once it can be written, the API resumes without a restart.",
  },
  connection: {
    zh: "数据库暂时不可用，本次请求未保存，请稍后重试。",
    en: "The database is unavailable; nothing was saved. Please try again shortly.",
  },
};

/** The problem `error` (or one of its causes) shows, if it is one of the storage's. */
export const storageProblemOf = (error: unknown): StorageProblem | undefined => {
  if (isConnectionLost(error)) return "connection";
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 10; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : "";
    // PostgreSQL's disk_full; errno names from Node's fs.
    if (code === "53100" || code === "ENOSPC" || /No space left on device/i.test(text))
      return "diskFull";
    // PostgreSQL reports EROFS as insufficient_privilege (42501): the text tells.
    if (code === "EROFS" || /Read-only file system/i.test(text)) return "readOnly";
    if (code === "58030" || code === "EIO" || /Input\/output error/i.test(text)) return "ioError";
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

export const unavailableBody = (problem: StorageProblem) => ({
  error: { code: "databaseUnavailable", problem, message: messages[problem] },
});

export type StorageWatch = {
  failed: (problem: StorageProblem) => void;
  succeeded: () => void;
  /**
   * The problem now: the data folder's free space and write access (PGlite), else the last
   * failure. PGlite stopped: first tries to reopen it (see gate).
   */
  check: () => Promise<StorageProblem | undefined>;
  /**
   * PGlite only, after a failed write: the problem that refuses this request before it reaches
   * PGlite. A full disk refuses writes until the folder has room again. A disk gone read-only
   * (or an I/O error) fails PostgreSQL's log write, which stops PGlite for good: any further
   * query spins inside its WebAssembly and blocks the event loop, so every request is refused
   * until PGlite is opened again. At most every REOPEN_PROBE_MS a request (or /health) writes a
   * probe file in the folder; once that works, `reopen` opens PGlite again (recovering from its
   * log every acknowledged write) and this request and the next are served.
   */
  gate: (write: boolean) => Promise<StorageProblem | undefined>;
  /** PGlite stopped after a read-only disk or an I/O error (until it is reopened). */
  stopped: () => boolean;
  /** Stopped, and nothing here can reopen it: only a restart brings it back. */
  restartNeeded: () => boolean;
};

/** Writes and removes a small file in `folder`: the problem if that fails (else undefined). */
const probeWrite = async (folder: string, otherwise: StorageProblem) => {
  // A file system the kernel made read-only after an error passes access(): only a write tells.
  const probe = join(folder, ".ogi-health-probe");
  try {
    await writeFile(probe, Buffer.alloc(8192));
    await rm(probe, { force: true });
    return undefined;
  } catch (error) {
    await rm(probe, { force: true }).catch(() => {});
    return storageProblemOf(error) ?? otherwise;
  }
};

export const createStorageWatch = (
  dataDir: string | undefined,
  /** PGlite in a folder: opens it again after it stopped (Database.reopen, then caches cleared). */
  reopen?: () => Promise<void>,
  onReopenFailed?: (error: unknown) => void,
): StorageWatch => {
  let last: { problem: StorageProblem; at: number } | undefined;
  const folder = dataDir && dataDir !== "memory" ? dataDir : undefined;
  let probedAt = 0;
  let reopening: Promise<boolean> | undefined;
  /** Stopped: whether PGlite serves again (one attempt at a time, at most every REOPEN_PROBE_MS). */
  const recover = (): Promise<boolean> => {
    if (reopening) return reopening;
    if (!folder || !reopen || !last || Date.now() - probedAt < REOPEN_PROBE_MS)
      return Promise.resolve(false);
    probedAt = Date.now();
    const problem = last.problem;
    reopening = (async () => {
      try {
        if (await probeWrite(folder, problem)) return false;
        await reopen();
        last = undefined;
        return true;
      } catch (error) {
        onReopenFailed?.(error);
        return false;
      } finally {
        reopening = undefined;
      }
    })();
    return reopening;
  };
  const watch: StorageWatch = {
    failed: (problem) => {
      // Stopped stays stopped: a later failure (of a request that raced the first) does not
      // turn it into a problem the next write would simply retry.
      if (watch.stopped() && problem !== "readOnly" && problem !== "ioError") return;
      last = { problem, at: Date.now() };
    },
    succeeded: () => {
      last = undefined;
    },
    check: async () => {
      if (watch.stopped() && !(await recover())) return last?.problem;
      if (folder) {
        try {
          await access(folder, constants.W_OK);
          const fs = await statfs(folder);
          if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return "diskFull";
        } catch (error) {
          const problem = storageProblemOf(error);
          if (problem) return problem;
        }
      }
      if (!last) return undefined;
      // PostgreSQL: the last failure, for a while (its disk is the server's to watch).
      if (!folder || last.problem === "connection")
        return Date.now() - last.at < REPORTED_FOR_MS ? last.problem : undefined;
      // PGlite after a failed write: whether the folder can be written now.
      return probeWrite(folder, last.problem);
    },
    stopped: () =>
      !!folder && !!last && (last.problem === "readOnly" || last.problem === "ioError"),
    restartNeeded: () => watch.stopped() && !reopen,
    gate: async (write) => {
      if (!folder || !last) return undefined;
      if (watch.stopped() && !(await recover())) return last?.problem;
      if (!last || !write) return undefined;
      const problem = await watch.check();
      if (problem) last = { problem, at: Date.now() };
      return problem;
    },
  };
  return watch;
};

export const storageMessage = (problem: StorageProblem) => messages[problem];
