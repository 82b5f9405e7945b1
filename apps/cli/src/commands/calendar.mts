// ogi calendar load <file>: loads the State Council's holiday arrangement of a year the package
// does not know yet (chinese-days' JSON shape) into the API's database, as POST
// /v1/calendar/holidays does: one transaction that stores the file, recomputes the due dates of
// open applications and writes an audit entry on the `cli` channel. When the API owns the
// embedded folder, both go through its routes (POST and GET /v1/calendar/holidays).
// ogi calendar show <year>: the year's holidays and make-up working days.
// ogi calendar notice <year> <file.txt> [--yes]: reads the State Council's notice as published
// (its paragraphs pasted into a text file), shows what it read, and with --yes loads it like a
// holiday file (issue 19).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  createWorkingCalendar,
  dueDate,
  type HolidayFile,
  parseHolidayFile,
  parseHolidayNotice,
} from "@ogi/domain";
import { parse } from "../args.mts";
import type { Command } from "../command.mts";
import { apiJson, type DbLib, ownerApi, withDb } from "../database.mts";
import { CliError, EXIT_OK } from "../errors.mts";
import type { Io } from "../io.mts";

type Lib = DbLib;

const storedFiles = async (lib: Lib, ex: Parameters<Lib["listHolidayFiles"]>[0]) => {
  const files: HolidayFile[] = [];
  for (const row of await lib.listHolidayFiles(ex)) {
    const parsed = parseHolidayFile(row.raw);
    if (parsed.ok) files.push(parsed.file);
  }
  return files;
};

const readText = async (file: string | undefined, io: Io, what: { zh: string; en: string }) => {
  if (!file) throw new CliError({ zh: `缺少参数：${what.zh}`, en: `Missing argument: ${what.en}` });
  const path = resolve(io.cwd, file);
  try {
    return { path, text: new TextDecoder().decode(await readFile(path)) };
  } catch (e) {
    throw new CliError(
      { zh: `无法读取文件：${file}`, en: `Cannot read the file: ${file}` },
      { cause: e },
    );
  }
};

const load = async (file: string | undefined, io: Io) => {
  const { path, text: raw } = await readText(file, io, { zh: "放假安排文件", en: "holiday file" });
  await store(raw, path, io);
};

/** ogi calendar notice <year> <file> [--yes]: the notice's text → a holiday file, confirmed. */
const notice = async (
  yearArg: string | undefined,
  file: string | undefined,
  yes: boolean,
  io: Io,
) => {
  const year = Number(yearArg);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new CliError({
      zh: `年份应为 2000–2100 的整数：${yearArg ?? ""}`,
      en: `The year must be a whole number from 2000 to 2100: ${yearArg ?? ""}`,
    });
  const { path, text } = await readText(file, io, { zh: "通知文本文件", en: "notice text file" });
  const read = parseHolidayNotice(text, year);
  if (!read.ok)
    throw new CliError({
      zh: `无法读取放假通知：${read.errors.map((e) => e.zh).join("；")}`,
      en: `Cannot read the holiday notice: ${read.errors.map((e) => e.en).join("; ")}`,
    });
  io.out(`${year} 年放假安排 / ${year} holiday arrangement:\n`);
  for (const line of read.summary) io.out(`  ${line.zh} / ${line.en}\n`);
  if (!yes) {
    io.out(
      "请与通知原文核对；无误后加 --yes 载入 / Check against the notice; add --yes to load it\n",
    );
    return;
  }
  await store(JSON.stringify(read.file), path, io);
};

const store = async (raw: string, path: string, io: Io) => {
  const parsed = parseHolidayFile(raw);
  if (!parsed.ok)
    throw new CliError({
      zh: `放假安排文件有误：${parsed.errors.map((e) => `${e.path ? `${e.path}：` : ""}${e.zh}`).join("；")}`,
      en: `The holiday file is invalid: ${parsed.errors.map((e) => `${e.path ? `${e.path}: ` : ""}${e.en}`).join("; ")}`,
    });
  const now = new Date();
  const api = await ownerApi(io);
  const { id, moved } = api
    ? await apiJson<{
        id: number;
        recomputed: { id: string; from: string | null; to: string | null }[];
      }>(api, "POST", "/calendar/holidays", raw).then((r) => ({ id: r.id, moved: r.recomputed }))
    : await withDb((database, lib) =>
        database.db.transaction(async (tx) => {
          const earlier = await storedFiles(lib, tx);
          const by = { actor: "cli", channel: "cli" as const, now };
          const row = await lib.addHolidayFile(tx, { raw, years: parsed.years }, by);
          const calendar = createWorkingCalendar({ extraYears: [...earlier, parsed.file] });
          const moved = await lib.recomputeDueDates(tx, (app) => dueDate(app, calendar).dueDate);
          await lib.audit(
            tx,
            {
              actor: "cli",
              channel: "cli",
              action: "calendar.load",
              target: parsed.years.join(","),
              detail: { years: parsed.years, file: path, recomputed: moved.length },
            },
            now,
          );
          return { id: row.id, moved };
        }),
      );
  const years = parsed.years.join(", ");
  io.out(
    `已载入放假安排 / holiday file loaded (#${id}): ${years}\n` +
      `重新计算了 ${moved.length} 件在办申请的答复期限 / due dates recomputed for ${moved.length} open application(s)\n`,
  );
  for (const m of moved) io.out(`  ${m.id}: ${m.from ?? "—"} → ${m.to ?? "—"}\n`);
};

const show = async (yearArg: string | undefined, io: Io) => {
  const year = Number(yearArg);
  if (!Number.isInteger(year) || year < 1901 || year > 2100)
    throw new CliError({
      zh: `年份应为 1901–2100 的整数：${yearArg ?? ""}`,
      en: `The year must be a whole number from 1901 to 2100: ${yearArg ?? ""}`,
    });
  const api = await ownerApi(io);
  const files = api
    ? (
        await apiJson<{ files: { file: unknown }[] }>(api, "GET", "/calendar/holidays")
      ).files.flatMap((f) => {
        const parsed = parseHolidayFile(JSON.stringify(f.file));
        return parsed.ok ? [parsed.file] : [];
      })
    : await withDb((database, lib) => storedFiles(lib, database.db));
  const calendar = createWorkingCalendar({ extraYears: files });
  const source = calendar.sourceOf(year);
  io.out(
    `${year}: ${
      {
        package: "chinese-days",
        file: "已载入的文件 / loaded file",
        statutory: "法定节假日推算（暂定）/ statutory fallback (provisional)",
      }[source]
    }\n`,
  );
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const d = calendar.describe(new Date(t).toISOString().slice(0, 10));
    if (d.kind === "holiday" || d.kind === "makeUpWorkday")
      io.out(
        `${d.date} ${d.weekday.zh} ${d.kind === "holiday" ? "放假" : "上班"} ${d.festival?.zh ?? ""} / ${d.kind === "holiday" ? "off" : "working"} ${d.festival?.en ?? ""}\n`,
      );
  }
};

const run = async (args: string[], io: Io): Promise<number> => {
  const [action, ...rest] = args;
  const { positionals, values } = parse(rest, { yes: { type: "boolean" } });
  switch (action) {
    case "notice":
      await notice(positionals[0], positionals[1], values.yes === true, io);
      return EXIT_OK;
    case "load":
      await load(positionals[0], io);
      return EXIT_OK;
    case "show":
      await show(positionals[0], io);
      return EXIT_OK;
    default:
      throw new CliError({
        zh: `用法：ogi calendar load <文件> | ogi calendar show <年份> | ogi calendar notice <年份> <通知文本> [--yes]`,
        en: `Usage: ogi calendar load <file> | ogi calendar show <year> | ogi calendar notice <year> <text> [--yes]`,
      });
  }
};

export const calendarCommand: Command = {
  name: "calendar",
  synopsis: "ogi calendar load <file> | show <year> | notice <year> <text> [--yes]",
  summary: {
    zh: "载入国务院放假安排（chinese-days 格式），重新计算在办申请的期限",
    en: "Load the State Council's holiday arrangement (chinese-days shape); recompute open due dates",
  },
  details: [
    {
      zh: 'load <文件>：{ "holidays": { "2027-01-01": "New Year\'s Day,元旦,1", … }, "workdays": { … } }',
      en: 'load <file>: { "holidays": { "2027-01-01": "New Year\'s Day,元旦,1", … }, "workdays": { … } }',
    },
    {
      zh: "notice <年份> <文本文件> [--yes]：读取国务院放假通知原文（粘贴各段），列出放假和调休上班日；核对无误后加 --yes 载入",
      en: "notice <year> <text file> [--yes]: read the State Council's notice as published (its paragraphs pasted), list the days off and worked; add --yes to load it once checked",
    },
    {
      zh: "show <年份>：该年的放假与调休上班日",
      en: "show <year>: the year's days off and make-up working days",
    },
    {
      zh: "数据库：DATABASE_URL（PostgreSQL）或 OGI_DATA_DIR（默认 .data/；API 运行时经由 API）",
      en: "Database: DATABASE_URL (PostgreSQL) or OGI_DATA_DIR (default .data/; through the API while it runs)",
    },
  ],
  run,
};
