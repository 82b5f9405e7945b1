// A full or read-only disk under PGlite's data folder (issue 14, item 6): writes are 503
// databaseUnavailable (in both languages, saying which), /health reports it, reads go on, and
// when space is freed, or the disk can be written again, writes succeed again without a restart.
// The disks are real: a tmpfs of 48 MB and an ext4 image on a loop device, made by the test (root
// only; skipped otherwise).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createDb, type Database, queryRows, sql } from "@ogi/db";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { createStorageWatch, REOPEN_PROBE_MS } from "../src/storage.ts";
import { ADMIN_TOKEN, fixedClock } from "./helpers.ts";

const sh = (cmd: string, ...args: string[]) =>
  execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] })
    .toString()
    .trim();
const tryMount = (...args: string[]) => {
  try {
    sh("mount", ...args);
    return true;
  } catch {
    return false;
  }
};

const isRoot = process.getuid?.() === 0;
const CODE = "411421-zrzy";

const open = async (dataDir: string) => {
  const database: Database = await createDb({ dataDir });
  const app = createApp({
    db: database.db,
    clock: fixedClock("2025-12-20T02:00:00Z"),
    logger: pino({ level: "silent" }),
    // As `pnpm start` serves PGlite: reads cached until the next write (and a reopen).
    config: { adminToken: ADMIN_TOKEN, dataDir, cacheReads: true },
    ...(database.reopen ? { reopen: database.reopen } : {}),
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
    return { status: res.status, data: (await res.json()) as any, headers: res.headers };
  };
  expect(
    (
      await call("POST", "/v1/agencies", {
        code: CODE,
        name: "民权县自然资源局",
        regionCode: "411421",
      })
    ).status,
  ).toBe(201);
  let n = 0;
  const register = () =>
    call("POST", `/v1/agencies/${CODE}/applications`, {
      receivedOn: "2025-05-06",
      applicantType: "naturalPerson",
      channel: "online",
      subject: `申请 ${++n} ${"内容".repeat(90)}`,
      applicant: { name: "王某", contact: "x".repeat(100) },
    });
  const count = async () => {
    const r = await call("GET", `/v1/agencies/${CODE}/reports/2025`);
    expect(r.status).toBe(200);
    return r.data.report.requests.newReceived.total as number;
  };
  return { database, call, register, count };
};

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const f of cleanups.reverse())
    try {
      f();
    } catch {}
});

describe.skipIf(!isRoot)("the database's disk", () => {
  it("full: 503 databaseUnavailable (diskFull), /health says so, reads go on; freeing space resumes writes without a restart", async (ctx) => {
    const mnt = mkdtempSync(join(tmpdir(), "ogi-full-"));
    if (!tryMount("-t", "tmpfs", "-o", "size=48m", "tmpfs", mnt)) {
      ctx.skip("the sandbox refuses mount -t tmpfs");
      return;
    }
    cleanups.push(() => rmSync(mnt, { recursive: true, force: true }));
    cleanups.push(() => sh("umount", "-l", mnt));
    const s = await open(join(mnt, "data"));
    try {
      expect((await s.register()).status).toBe(201);
      const fs = statfsSync(mnt);
      const filler = join(mnt, "filler");
      writeFileSync(filler, Buffer.alloc(fs.bavail * fs.bsize - 16 * 1024));
      let accepted = 1;
      let refused: Awaited<ReturnType<typeof s.register>> | undefined;
      for (let i = 0; i < 2000 && !refused; i++) {
        const r = await s.register();
        expect([201, 503]).toContain(r.status);
        if (r.status === 201) accepted++;
        else refused = r;
      }
      expect(refused?.data.error.code).toBe("databaseUnavailable");
      expect(refused?.data.error.problem).toBe("diskFull");
      expect(refused?.data.error.message.zh).toContain("磁盘已满");
      expect(refused?.data.error.message.en).toContain("disk is full");
      expect(refused?.headers.get("retry-after")).toBe("5");
      // Every further write is refused the same way, never a 500.
      for (let i = 0; i < 5; i++) expect((await s.register()).status).toBe(503);
      const health = await s.call("GET", "/health");
      expect(health.status).toBe(200);
      expect(health.data.database).toMatchObject({ available: false, problem: "diskFull" });
      expect(await s.count()).toBe(accepted);

      rmSync(filler);
      const again = await s.register();
      expect(again.status).toBe(201);
      expect((await s.call("GET", "/health")).data).toEqual({ ok: true });
      expect(await s.count()).toBe(accepted + 1);
    } finally {
      await s.database.close().catch(() => {});
    }
  });

  // PostgreSQL cannot write its log on a read-only disk and stops PGlite for good (a query after
  // that spins and blocks the event loop): every request is refused and the API keeps answering.
  // The kernel's read-only after an error lasts while the disk is mounted: the administrator's
  // remedy is to unmount it, check it and mount it again; then PGlite is opened again on the
  // same folder, without a restart, with every acknowledged write.
  it("read-only: 503 databaseUnavailable (readOnly) for every request, the API keeps answering; writable again, it serves again without a restart, every acknowledged write kept", async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), "ogi-ro-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const image = join(dir, "disk.img");
    const mnt = join(dir, "mnt");
    let loop: string;
    let loopAgain: string | undefined;
    try {
      sh("truncate", "-s", "64M", image);
      sh("mkfs.ext4", "-q", "-F", "-O", "^has_journal", image);
      loop = sh("losetup", "-f", "--show", image);
    } catch {
      ctx.skip("the sandbox refuses a loop device (losetup / mkfs.ext4)");
      return;
    }
    cleanups.push(() => sh("losetup", "-d", loop));
    sh("mkdir", "-p", mnt);
    if (!tryMount("-o", "errors=remount-ro", loop, mnt)) {
      ctx.skip("the sandbox refuses mounting a loop device");
      return;
    }
    cleanups.push(() => sh("umount", "-l", mnt));
    const s = await open(join(mnt, "data"));
    try {
      for (let i = 1; i <= 5; i++) {
        const w = await s.register();
        expect(w.status).toBe(201);
        expect(w.data.number).toBe(i);
      }
      const acknowledged = await s.count();
      expect(acknowledged).toBe(5);
      // PGlite's file system (Emscripten's NODEFS) never calls fsync: an acknowledged write is in
      // the kernel's page cache, which a file system stopped by an error never writes out. What
      // was written out (here by `sync`, as the kernel does within seconds) is all kept.
      sh("sync", "-f", mnt);
      // The kernel's own "errors=remount-ro": read-only at once, open files and all (a plain
      // `mount -o remount,ro` is refused while PGlite holds files open for writing).
      writeFileSync(`/sys/fs/ext4/${basename(loop)}/trigger_fs_error`, "1");
      const r = await s.register();
      expect(r.status).toBe(503);
      expect(r.data.error.code).toBe("databaseUnavailable");
      expect(r.data.error.problem).toBe("readOnly");
      expect(r.data.error.message.zh).toContain("只读");
      expect(r.data.error.message.en).toContain("without a restart");
      const health = await s.call("GET", "/health");
      expect(health.data.database).toMatchObject({
        available: false,
        problem: "readOnly",
        restartNeeded: false,
      });
      for (const [method, path] of [
        ["POST", `/v1/agencies/${CODE}/applications`],
        ["GET", `/v1/agencies/${CODE}/reports/2025`],
      ] as const) {
        const again = await s.call(
          method,
          path,
          method === "POST"
            ? { receivedOn: "2025-05-06", applicantType: "naturalPerson" }
            : undefined,
        );
        expect(again.status).toBe(503);
        expect(again.data.error.problem).toBe("readOnly");
      }
      // Still read-only a while later: still refused (each probe fails), never a 500 or a hang.
      await new Promise((done) => setTimeout(done, REOPEN_PROBE_MS + 100));
      expect((await s.register()).status).toBe(503);
      expect((await s.call("GET", "/health")).data.database.problem).toBe("readOnly");

      // The administrator's remedy: the stopped instance still holds files on the old mount, so
      // it is let go lazily; the image is checked and mounted again at the same path.
      sh("umount", "-l", mnt);
      try {
        execFileSync("e2fsck", ["-fy", image], { stdio: "ignore" });
      } catch (error) {
        // 1: errors corrected (the error the test triggered is recorded in the superblock).
        if ((error as { status?: number }).status !== 1) throw error;
      }
      loopAgain = sh("losetup", "-f", "--show", image);
      cleanups.push(() => sh("losetup", "-d", loopAgain!));
      sh("mount", "-o", "errors=remount-ro", loopAgain, mnt);
      cleanups.push(() => sh("umount", "-l", mnt));

      // Within a probe interval /health and requests find the folder writable and reopen PGlite.
      let healthy: Awaited<ReturnType<typeof s.call>> | undefined;
      for (let i = 0; i < 40 && healthy?.data.ok !== true; i++) {
        await new Promise((done) => setTimeout(done, 250));
        const h = await s.call("GET", "/health");
        if (!h.data.database) healthy = h;
      }
      expect(healthy?.data).toEqual({ ok: true });
      expect(await s.count()).toBe(acknowledged);
      // The refused write left nothing behind: the numbers go on from the last acknowledged one.
      const numbers: number[] = [];
      for (let i = 0; i < 3; i++) {
        const w = await s.register();
        expect(w.status).toBe(201);
        numbers.push(w.data.number);
      }
      expect(numbers).toEqual([acknowledged + 1, acknowledged + 2, acknowledged + 3]);
      expect(await s.count()).toBe(acknowledged + 3);
    } finally {
      await s.database.close().catch(() => {});
    }
  });
});

// Any user: the watch's side of reopening, on a real PGlite in a folder that stays writable (the
// failure is reported as the app's error handler reports it).
describe("a stopped embedded database", () => {
  it("is reopened by the first request once its folder can be written, at most every REOPEN_PROBE_MS; without reopen a restart is needed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ogi-reopen-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const database = await createDb({ dataDir: dir });
    try {
      let attempts = 0;
      let fail = true;
      const watch = createStorageWatch(dir, async () => {
        attempts++;
        if (fail) throw new Error("not yet");
        await database.reopen!();
      });
      await database.db.execute(sql`create table reopen_probe (n int)`);
      await database.db.execute(sql`insert into reopen_probe values (7)`);
      watch.failed("readOnly");
      expect(watch.stopped()).toBe(true);
      expect(watch.restartNeeded()).toBe(false);
      // A failed attempt: refused, and the next request within the interval does not try again.
      expect(await watch.gate(false)).toBe("readOnly");
      expect(await watch.gate(true)).toBe("readOnly");
      expect(await watch.check()).toBe("readOnly");
      expect(attempts).toBe(1);
      fail = false;
      await new Promise((done) => setTimeout(done, REOPEN_PROBE_MS + 50));
      // Requests at once share one attempt.
      expect(await Promise.all([watch.gate(true), watch.gate(false)])).toEqual([
        undefined,
        undefined,
      ]);
      expect(attempts).toBe(2);
      expect(watch.stopped()).toBe(false);
      expect(await watch.check()).toBeUndefined();
      // The reopened instance serves what the first one committed, under the same drizzle handle.
      expect(await queryRows(database.db, sql`select n from reopen_probe`)).toEqual([{ n: 7 }]);

      const alone = createStorageWatch(dir);
      alone.failed("ioError");
      expect(alone.restartNeeded()).toBe(true);
      expect(await alone.gate(false)).toBe("ioError");
    } finally {
      await database.close();
    }
  });
});
