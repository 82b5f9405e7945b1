// Restoring a PGlite data folder from a backup (the gzipped tar of `Database.dump()`). The backup
// is opened in a folder beside the target first and checked; only then is the target swapped for
// it, the previous folder kept beside it. Needs the folder free: the lock is taken throughout.
import { existsSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { LOCK_FILE, lockDataDir, OWNER_FILE } from "./data-dir-lock.ts";

/** A backup that can't be restored, in both languages. */
export class RestoreError extends Error {
  readonly zh: string;
  constructor(zh: string, en: string, options?: ErrorOptions) {
    super(en, options);
    this.name = "RestoreError";
    this.zh = zh;
  }
}

export type Restored = {
  dataDir: string;
  /** Where the folder's previous contents were kept, if it had a database. */
  previous: string | undefined;
  applications: number;
};

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");

export const restoreDataDir = async (dir: string, tarball: Uint8Array): Promise<Restored> => {
  const dataDir = resolve(dir);
  const lock = lockDataDir(dataDir);
  const staging = `${dataDir}.restoring-${stamp()}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    let applications: number;
    try {
      const client = await PGlite.create({
        dataDir: staging,
        loadDataDir: new Blob([tarball as Uint8Array<ArrayBuffer>]),
      });
      try {
        const r = await client.query<{ n: number }>("select count(*)::int as n from applications");
        applications = r.rows[0]?.n ?? 0;
      } finally {
        await client.close();
      }
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw new RestoreError(
        `无法读取备份：${(e as Error).message}（应为 ogi backup 生成的 .tar.gz 文件）`,
        `Cannot read the backup: ${(e as Error).message} (expected a .tar.gz made by ogi backup)`,
        { cause: e },
      );
    }
    // The backed-up run's description (and its token) is not this folder's.
    rmSync(join(staging, OWNER_FILE), { force: true });
    rmSync(join(staging, LOCK_FILE), { force: true });
    let previous: string | undefined;
    if (existsSync(join(dataDir, "PG_VERSION"))) {
      previous = `${dataDir}.before-restore-${stamp()}`;
      renameSync(dataDir, previous);
      rmSync(join(previous, OWNER_FILE), { force: true });
    } else rmSync(dataDir, { recursive: true, force: true });
    renameSync(staging, dataDir);
    return { dataDir, previous, applications };
  } finally {
    lock.release();
  }
};
