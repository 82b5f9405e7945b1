// One owner process per PGlite data folder. PGlite is a single-process PostgreSQL: two processes
// on one folder each believe they own it, and acknowledged writes are lost. The owner holds an
// OS lock (an open-file-description lock, fcntl F_OFD_SETLK on Linux, flock on macOS, through
// fs-native-extensions) on `.ogi-owner.lock` for as long as it lives; the kernel drops it when the
// process ends however it ends (exit, signal, kill -9, crash), so a lock is never stale. Beside it,
// `.ogi-owner.json` (mode 0600) says who the owner is, and for the API host where it answers and
// the per-run local admin token that lets `pnpm ogi` and `pnpm chat` go through it.
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve } from "node:path";

// The part of fs-native-extensions (which has no types of its own) used here.
const fsx = createRequire(import.meta.url)("fs-native-extensions") as {
  /** A non-blocking exclusive lock on the open file; false when another description holds it. */
  tryLock: (fd: number) => boolean;
  unlock: (fd: number) => void;
};

export const LOCK_FILE = ".ogi-owner.lock";
export const OWNER_FILE = ".ogi-owner.json";

export type DataDirOwner = {
  pid: number;
  /** How the owner was started, e.g. `node apps/api/src/main.ts`. */
  command: string;
  startedAt: string;
  /** The API host: where its HTTP API answers (loopback). */
  apiUrl?: string;
  /** The API host: an admin token valid for this run only (the CLI's actor and channel). */
  localAdminToken?: string;
};

/** A second opener of an owned folder: one bilingual line naming the owner. */
export class DataDirInUseError extends Error {
  readonly zh: string;
  readonly dataDir: string;
  readonly owner: DataDirOwner | undefined;
  constructor(dataDir: string, owner: DataDirOwner | undefined) {
    const who = owner ? `${owner.pid}` : "?";
    const command = owner?.command ?? "?";
    super(`The data folder ${dataDir} is in use by process ${who} (${command}).`);
    this.name = "DataDirInUseError";
    this.zh = `数据目录 ${dataDir} 正由进程 ${who}（${command}）使用。`;
    this.dataDir = dataDir;
    this.owner = owner;
  }
  /** "中文。/ English." on one line. */
  line() {
    return `${this.zh} / ${this.message}`;
  }
}

export type DataDirLock = {
  dataDir: string;
  owner: DataDirOwner;
  /** Adds to the owner information (the API host's URL and local admin token). */
  record: (extra: Pick<DataDirOwner, "apiUrl" | "localAdminToken">) => void;
  release: () => void;
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The running command, paths relative to the working directory: `node apps/cli/src/main.ts admin …`. */
const commandLine = () =>
  [
    "node",
    ...process.argv.slice(1).map((a) => {
      if (!isAbsolute(a)) return a;
      const r = relative(process.cwd(), a);
      return r.startsWith("..") ? a : r;
    }),
  ]
    .join(" ")
    .slice(0, 300);

const writeOwner = (dataDir: string, owner: DataDirOwner) => {
  // Written whole and renamed, so a reader never sees half of it; 0600: it holds a token.
  const tmp = join(dataDir, `${OWNER_FILE}.${process.pid}.${randomBytes(4).toString("hex")}`);
  writeFileSync(tmp, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, join(dataDir, OWNER_FILE));
};

const readOwner = (dataDir: string): DataDirOwner | undefined => {
  try {
    const v = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), "utf8")) as DataDirOwner;
    return typeof v.pid === "number" ? v : undefined;
  } catch {
    return undefined;
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * The folder's owner while the lock is held; the information it wrote (retried briefly: an owner
 * that just took the lock writes it a moment later).
 */
const heldBy = (dataDir: string): DataDirOwner | undefined => {
  for (let i = 0; i < 40; i++) {
    const owner = readOwner(dataDir);
    if (owner && (owner.pid === process.pid || alive(owner.pid))) return owner;
    sleepSync(25);
  }
  return undefined;
};

/** Tries the lock on an open descriptor a few times (a reader's look holds it for microseconds). */
const tryLock = (fd: number) => {
  for (let i = 0; i < 10; i++) {
    if (fsx.tryLock(fd)) return true;
    sleepSync(20);
  }
  return false;
};

const held = new Map<string, DataDirLock>();

/**
 * Takes the folder for this process, or throws DataDirInUseError at once naming the owner.
 * Held until release() or the end of the process.
 */
export const lockDataDir = (dir: string): DataDirLock => {
  const dataDir = resolve(dir);
  mkdirSync(dataDir, { recursive: true });
  const fd = openSync(join(dataDir, LOCK_FILE), "a+", 0o600);
  if (!tryLock(fd)) {
    closeSync(fd);
    throw new DataDirInUseError(dataDir, heldBy(dataDir));
  }
  const owner: DataDirOwner = {
    pid: process.pid,
    command: commandLine(),
    startedAt: new Date().toISOString(),
  };
  try {
    writeOwner(dataDir, owner);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(dataDir);
    process.off("exit", release);
    // The information goes first, then the lock: a reader never sees a free folder described.
    if (readOwner(dataDir)?.pid === process.pid) rmSync(join(dataDir, OWNER_FILE), { force: true });
    closeSync(fd);
  };
  // The kernel drops the lock at any exit; removing the description is a courtesy.
  process.on("exit", release);
  const lock: DataDirLock = {
    dataDir,
    owner,
    record: (extra) => {
      Object.assign(owner, extra);
      writeOwner(dataDir, owner);
    },
    release,
  };
  held.set(dataDir, lock);
  return lock;
};

/** The live owner of the folder, or undefined when no process holds it. */
export const dataDirOwner = (dir: string): DataDirOwner | undefined => {
  const dataDir = resolve(dir);
  const mine = held.get(dataDir);
  if (mine) return { ...mine.owner };
  const path = join(dataDir, LOCK_FILE);
  if (!existsSync(path)) return undefined;
  let fd: number;
  try {
    fd = openSync(path, "r+");
  } catch {
    return undefined;
  }
  try {
    if (fsx.tryLock(fd)) {
      fsx.unlock(fd);
      return undefined;
    }
  } finally {
    closeSync(fd);
  }
  return heldBy(dataDir) ?? { pid: 0, command: "?", startedAt: "" };
};
