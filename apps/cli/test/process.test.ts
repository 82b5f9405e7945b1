// How the CLI ends as a process: a closed pipe (`… | head`) ends it quietly; started by an older
// Node, its entry says in one line that Node 24 is needed, before any TypeScript loads.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");

// An older Node on the machine (Debian's), to run the entry under.
const oldNode = ["/usr/bin/node", "/usr/local/bin/node"].find((p) => {
  if (!existsSync(p)) return false;
  const v = spawnSync(p, ["--version"], { encoding: "utf8" }).stdout.trim();
  return /^v(\d+)/.test(v) && Number(/^v(\d+)/.exec(v)![1]) < 24;
});

describe("the CLI as a process", () => {
  it("ends quietly when the reader of its output has gone (| head)", () => {
    // `true` exits at once: every write of the CLI meets a closed pipe.
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${main}" help | true`], {
      encoding: "utf8",
    });
    expect(r.stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("runs from any folder", () => {
    const r = spawnSync(process.execPath, [main, "help", "check"], {
      encoding: "utf8",
      cwd: "/",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ogi check <file>");
  });

  it.skipIf(!oldNode)("under an older Node: one line, exit 2, nothing loaded", () => {
    const r = spawnSync(oldNode!, [main, "help"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^需要 Node 24，请用 \.\/ogi start \/ needs Node 24 \(found v\d+\.\d+\.\d+\): run \.\/ogi start, which fetches it\n$/,
    );
  });
});
