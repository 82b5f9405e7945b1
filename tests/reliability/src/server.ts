// The API as a real child process (`node apps/api/src/main.ts`) on loopback, which a test can
// kill -9 and start again on the same data. Every process and temp dir is tracked so that
// `cleanup()` removes them, also after a failure.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { repoRoot } from "./harness.ts";

export const SERVER_ADMIN_TOKEN = "reliability-server-admin-token-0123456789";

const children = new Set<ChildProcess>();
const dirs = new Set<string>();

export const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `ogi-${prefix}-`));
  dirs.add(dir);
  return dir;
};

/** A free loopback port (for a server that must come back on the same address). */
export const freePort = () =>
  new Promise<number>((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });

export type Storage = { dataDir: string } | { databaseUrl: string };

export type ApiProcess = {
  url: string;
  pid: number;
  output: () => string;
  /** How it ended, once it has: "exit 1", "SIGKILL"… */
  ended: () => string | undefined;
  /** SIGKILL: no shutdown hook runs, the database sees a crash. */
  kill9: () => Promise<void>;
  /** SIGTERM: the graceful stop. */
  stop: () => Promise<void>;
};

const exited = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once("exit", () => ok());
  });

/** Starts the API and waits (at most `timeoutMs`) until it prints its URL and /health answers. */
export const startApi = async (
  storage: Storage,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ApiProcess> => {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PORT: "0",
    HOST: "127.0.0.1",
    OGI_ADMIN_TOKEN: SERVER_ADMIN_TOKEN,
    LOG_LEVEL: "silent",
    ...("dataDir" in storage
      ? { OGI_DATA_DIR: storage.dataDir }
      : { DATABASE_URL: storage.databaseUrl }),
    ...options.env,
  };
  const child = spawn(process.execPath, [resolve(repoRoot, "apps/api/src/main.ts")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let out = "";
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${out}`);
    const m = /API:\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(out);
    if (m) {
      url = m[1];
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!url || Date.now() >= deadline) {
    child.kill("SIGKILL");
    throw new Error(`the API did not start within ${timeoutMs} ms:\n${out}`);
  }
  return {
    url,
    pid: child.pid!,
    output: () => out,
    ended: () =>
      child.signalCode ?? (child.exitCode !== null ? `exit ${child.exitCode}` : undefined),
    kill9: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
    stop: async () => {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(t);
    },
  };
};

/** Kills every child this module started and removes every temp dir it made. */
export const cleanup = async () => {
  for (const child of [...children]) {
    child.kill("SIGKILL");
    await exited(child);
  }
  for (const dir of [...dirs]) {
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  }
};

// A test process that dies still takes its children with it.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
