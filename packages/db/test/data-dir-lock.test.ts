// One owner per PGlite data folder, checked with real processes: a child holds the folder, this
// process is refused naming it; kill -9 frees the folder at once (the kernel drops the lock).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createDb,
  DataDirInUseError,
  dataDirOwner,
  insertAgency,
  listAgencies,
  lockDataDir,
  OWNER_FILE,
  RestoreError,
  restoreDataDir,
} from "../src/index.ts";

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "ogi-lock-"));
  dirs.push(dir);
  return dir;
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const lockModule = resolve(import.meta.dirname, "../src/data-dir-lock.ts");

/** A child process that takes the folder and waits; resolves once it holds it. */
const holder = (dir: string) =>
  new Promise<ChildProcess>((ok, fail) => {
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { lockDataDir } = await import(${JSON.stringify(lockModule)});
         lockDataDir(${JSON.stringify(dir)}).record({ apiUrl: "http://127.0.0.1:9", localAdminToken: "t0ken" });
         console.log("held"); setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    children.push(child);
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("held")) ok(child);
    });
    child.once("exit", (code) => fail(new Error(`holder exited ${code}`)));
  });

describe("the data folder's owner", () => {
  it("refuses a second process at once, naming the owner; kill -9 frees it", async () => {
    const dir = fresh();
    const child = await holder(dir);
    const owner = dataDirOwner(dir);
    expect(owner).toMatchObject({
      pid: child.pid,
      apiUrl: "http://127.0.0.1:9",
      localAdminToken: "t0ken",
    });
    expect(owner!.command).toMatch(/^node/);
    expect(statSync(join(dir, OWNER_FILE)).mode & 0o777).toBe(0o600);
    const started = Date.now();
    let refused: unknown;
    try {
      await createDb({ dataDir: dir });
    } catch (e) {
      refused = e;
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    const line = (refused as DataDirInUseError).line();
    expect(line).toContain(`数据目录 ${resolve(dir)} 正由进程 ${child.pid}（node`);
    expect(line).toContain(`The data folder ${resolve(dir)} is in use by process ${child.pid} (`);
    expect(line).not.toContain("\n");
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    // The stale description is still on disk, but nobody holds the lock.
    expect(existsSync(join(dir, OWNER_FILE))).toBe(true);
    expect(dataDirOwner(dir)).toBeUndefined();
    const database = await createDb({ dataDir: dir });
    expect(dataDirOwner(dir)?.pid).toBe(process.pid);
    await database.close();
    expect(dataDirOwner(dir)).toBeUndefined();
    expect(existsSync(join(dir, OWNER_FILE))).toBe(false);
  });

  it("is one owner within a process too, and free again after close", async () => {
    const dir = fresh();
    const a = await createDb({ dataDir: dir });
    await expect(createDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    await a.close();
    const b = await createDb({ dataDir: dir });
    await b.close();
    // In memory: nothing to own.
    const m1 = await createDb({ dataDir: "memory" });
    const m2 = await createDb({ dataDir: "memory" });
    expect(m1.dataDirLock).toBeUndefined();
    await Promise.all([m1.close(), m2.close()]);
  });

  it("restores a dump into a folder nobody owns, keeping the previous one", async () => {
    const dir = fresh();
    const database = await createDb({ dataDir: dir });
    await insertAgency(database.db, { code: "a-1", name: "甲" }, new Date());
    const dump = new Uint8Array(await (await database.dump!()).arrayBuffer());
    await insertAgency(database.db, { code: "a-2", name: "乙" }, new Date());
    await expect(restoreDataDir(dir, dump)).rejects.toBeInstanceOf(DataDirInUseError);
    await database.close();
    const restored = await restoreDataDir(dir, dump);
    expect(restored.previous).toMatch(/\.before-restore-/);
    dirs.push(restored.previous!);
    const again = await createDb({ dataDir: dir });
    expect((await listAgencies(again.db)).map((a) => a.code)).toEqual(["a-1"]);
    await again.close();
    await expect(restoreDataDir(fresh(), new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(
      RestoreError,
    );
  });
});
