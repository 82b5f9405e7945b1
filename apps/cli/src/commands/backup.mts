// ogi backup <file> / ogi restore <file>: the embedded database's folder as a gzipped tar. A
// backup is taken by the folder's owner between transactions: through the running API
// (POST /v1/backup) or, with none, by this process owning the folder for the while. A restore
// needs the folder free. PostgreSQL has its own tools (pg_dump / pg_restore; docs/operations.md).
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rename, rm, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { oneFile, parse } from "../args.mts";
import type { Command } from "../command.mts";
import { callApi, databaseUrl, dataDir, ownerApi, withDb } from "../database.mts";
import { CliError, EXIT_OK } from "../errors.mts";
import type { Io } from "../io.mts";

const postgres = (command: "backup" | "restore") =>
  new CliError({
    zh: `使用 PostgreSQL（DATABASE_URL）时请用 ${command === "backup" ? "pg_dump" : "pg_restore"}（见 docs/operations.md）`,
    en: `With PostgreSQL (DATABASE_URL), use ${command === "backup" ? "pg_dump" : "pg_restore"} (see docs/operations.md)`,
  });

const cannotWrite = (file: string, e: unknown) =>
  new CliError({ zh: `无法写入：${file}`, en: `Cannot write: ${file}` }, { cause: e });

/** Writes the stream to `path` whole or not at all (a temporary file renamed at the end). */
const writeWhole = async (path: string, file: string, body: ReadableStream<Uint8Array>) => {
  const tmp = `${path}.${randomBytes(4).toString("hex")}.partial`;
  try {
    await pipeline(
      Readable.fromWeb(body as never),
      createWriteStream(tmp, { flags: "wx", mode: 0o600 }),
    );
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e instanceof CliError ? e : cannotWrite(file, e);
  }
};

const backup = async (args: string[], io: Io) => {
  const file = oneFile(parse(args, {}).positionals, "backup");
  if (databaseUrl()) throw postgres("backup");
  const path = resolve(io.cwd, file);
  const api = await ownerApi(io);
  if (api) {
    const res = await callApi(api, "POST", "/backup");
    if (!res.body) throw cannotWrite(file, undefined);
    await writeWhole(path, file, res.body);
  } else {
    const tarball = await withDb(async (database) => database.dump!());
    await writeWhole(path, file, tarball.stream());
  }
  const { size } = await stat(path);
  io.out(`已备份 / backed up: ${dataDir()} → ${file} (${(size / 1024 / 1024).toFixed(1)} MB)\n`);
  return EXIT_OK;
};

const restore = async (args: string[], io: Io) => {
  const file = oneFile(parse(args, {}).positionals, "restore");
  if (databaseUrl()) throw postgres("restore");
  const dir = dataDir();
  const lib = await import("@ogi/db");
  const owner = lib.dataDirOwner(dir);
  if (owner)
    throw new CliError({
      zh: `数据目录 ${dir} 正由进程 ${owner.pid}（${owner.command}）使用，恢复前请先停止它。`,
      en: `The data folder ${dir} is in use by process ${owner.pid} (${owner.command}); stop it before restoring.`,
    });
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (e) {
    throw new CliError(
      { zh: `无法读取文件：${file}`, en: `Cannot read file: ${file}` },
      { cause: e },
    );
  }
  let restored: Awaited<ReturnType<typeof lib.restoreDataDir>>;
  try {
    restored = await lib.restoreDataDir(dir, bytes);
  } catch (e) {
    const { zh, message } = e as { zh?: string; message: string };
    throw zh ? new CliError({ zh, en: message }, { cause: e }) : e;
  }
  io.out(
    `已恢复 / restored: ${file} → ${dir} (${restored.applications} applications)\n` +
      (restored.previous
        ? `原数据已保留 / the previous data is kept in: ${restored.previous}\n`
        : ""),
  );
  return EXIT_OK;
};

export const backupCommand: Command = {
  name: "backup",
  synopsis: "ogi backup <file>",
  summary: {
    zh: "备份内嵌数据库（API 运行时经由 API，保持一致）",
    en: "Back the embedded database up (through the API while it runs, consistently)",
  },
  details: [
    {
      zh: "写出数据目录（OGI_DATA_DIR，默认 .data/）的 .tar.gz；PostgreSQL 请用 pg_dump",
      en: "Writes the data folder (OGI_DATA_DIR, default .data/) as a .tar.gz; for PostgreSQL use pg_dump",
    },
  ],
  run: backup,
};

export const restoreCommand: Command = {
  name: "restore",
  synopsis: "ogi restore <file>",
  summary: {
    zh: "从备份恢复内嵌数据库（须先停止 API）",
    en: "Restore the embedded database from a backup (stop the API first)",
  },
  details: [
    {
      zh: "先检查备份，再替换数据目录；原目录保留为 <目录>.before-restore-<时间>",
      en: "Checks the backup first, then replaces the folder; the previous one is kept as <folder>.before-restore-<time>",
    },
  ],
  run: restore,
};
