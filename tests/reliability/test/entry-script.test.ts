// `./ogi` on a machine as a newcomer has it: a PATH with only the distribution's older Node and
// no pnpm. The script must pick the pinned Node and pnpm (from its cache folder, which `.ci/run`
// filled through the same script), start the API on the embedded database with demo data, and
// pass anything else through to pnpm. The hosts' entries started with the old Node directly
// (`node apps/api/src/main.ts`, and the CLI's and the chat's) say in one line that Node 24 is
// needed and how to get it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/harness.ts";
import { cleanup, tempDir } from "../src/server.ts";

afterAll(cleanup);

const script = resolve(repoRoot, "ogi");
const oldPath = "/usr/bin:/bin";

const versionIn = (path: string, command: string) => {
  const r = spawnSync(command, ["--version"], { env: { PATH: path }, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const oldNode = versionIn(oldPath, "node");
const oldNodeMajor = oldNode ? Number(/^v(\d+)/.exec(oldNode)?.[1]) : undefined;
// The machines CI runs on carry Debian's Node 20; elsewhere the case may not exist.
const haveOldNode = oldNodeMajor !== undefined && oldNodeMajor < 24;
if (!haveOldNode && process.env.CI)
  throw new Error(`CI needs an older Node on ${oldPath} for this test (found ${oldNode})`);

const env = (extra: Record<string, string> = {}) => ({
  HOME: process.env.HOME ?? "",
  PATH: oldPath,
  ...(process.env.OGI_TOOLS_DIR ? { OGI_TOOLS_DIR: process.env.OGI_TOOLS_DIR } : {}),
  ...extra,
});

describe.skipIf(!haveOldNode)("./ogi with only an older Node and no pnpm on PATH", () => {
  it("the PATH really lacks Node 24 and pnpm", () => {
    expect(oldNodeMajor).toBeLessThan(24);
    expect(versionIn(oldPath, "pnpm")).toBeUndefined();
  });

  it("runs pnpm's commands on the pinned Node and pnpm", () => {
    const out = execFileSync("sh", [script, "exec", "node", "--version"], {
      env: env(),
      encoding: "utf8",
      timeout: 600_000,
    });
    expect(out.trim()).toMatch(/^v24\./);
    const pnpm = execFileSync("sh", [script, "--version"], { env: env(), encoding: "utf8" });
    const pinned = /pnpm@([\d.]+)/.exec(
      execFileSync("cat", [resolve(repoRoot, "package.json")], { encoding: "utf8" }),
    )?.[1];
    expect(pnpm.trim()).toBe(pinned);
  });

  it("`./ogi help` says what it does; every entry on the old Node says in one line it needs Node 24", () => {
    const help = execFileSync("sh", [script, "help"], { env: env(), encoding: "utf8" });
    expect(help).toContain("./ogi start");
    expect(help).toContain("./ogi test");
    for (const args of [
      ["apps/api/src/main.ts"],
      ["apps/api/src/bot.ts"],
      ["apps/api/src/chat.ts", "--as", "钱主任"],
      ["apps/cli/src/main.ts", "check", "x"],
    ]) {
      const [entry, ...rest] = args as [string, ...string[]];
      const direct = spawnSync("node", [entry, ...rest], {
        cwd: repoRoot,
        env: { PATH: oldPath },
        encoding: "utf8",
      });
      expect(direct.stdout, entry).toBe("");
      expect(direct.stderr, entry).toMatch(/^需要 Node 24.*needs Node 24.*\.\/ogi start[^\n]*\n$/);
      expect(direct.status, entry).toBe(2);
    }
  });

  it("`./ogi start` starts the API on the embedded database with demo data", async () => {
    const dataDir = tempDir("ogi-start");
    const child = spawn("sh", [script, "start"], {
      env: env({ PORT: "0", HOST: "127.0.0.1", OGI_DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    try {
      let url: string | undefined;
      let healthy = false;
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline && !healthy && child.exitCode === null) {
        url ??= /API:\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(out)?.[1];
        if (url)
          healthy = await fetch(`${url}/health`).then(
            (r) => r.ok,
            () => false,
          );
        if (!healthy) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy, out).toBe(true);
      // Demo data on the embedded database, readable with the admin token the first start prints.
      expect(out).toMatch(
        /已载入演示数据 \/ demo data loaded: \d+ agencies, [1-9]\d* applications/,
      );
      expect(existsSync(resolve(dataDir, ".ogi-owner.json"))).toBe(true);
      const token = /admin token \(shown only this once\):\s+(\S+)/.exec(out)?.[1];
      const summary = await fetch(`${url}/v1/agencies/411421-gov/summary`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(summary.status).toBe(200);
    } finally {
      // pnpm runs the API as its child: the whole group is stopped.
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((ok) => child.once("exit", ok));
    }
  });
});
