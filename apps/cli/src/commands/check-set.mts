// ogi check <folder|.zip>: a county's reports at once. Each report read and checked (a file
// that cannot be read is reported, the others still read), then the county government's
// section 三 against the sum of its departments'; one table of findings per report, a summary.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import {
  checkReport,
  type Finding,
  type Lang,
  REPORT_FILE,
  readReportSet,
  type SetFile,
  type SetResult,
  unzipReports,
} from "@ogi/domain";
import { CliError } from "../errors.mts";
import { loadBytes, readInput } from "../load.mts";
import { formatFindings, mergeFindings } from "./findings-text.mts";

const MAX_FILES = 500;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Whether the argument names a set: a folder or a .zip. */
export const isSetPath = async (file: string, cwd: string): Promise<boolean> => {
  if (/\.zip$/i.test(file)) return true;
  const info = await stat(resolve(cwd, file)).catch(() => undefined);
  return info?.isDirectory() ?? false;
};

/** The report files of a folder (and its subfolders), by name. */
const folderFiles = async (root: string): Promise<SetFile[]> => {
  const names: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if (depth > 4) return;
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path, depth + 1);
      else if (e.isFile() && REPORT_FILE.test(e.name)) names.push(path);
      if (names.length > MAX_FILES)
        throw new CliError({
          zh: `文件夹中的报告文件多于 ${MAX_FILES} 个`,
          en: `The folder holds more than ${MAX_FILES} report files`,
        });
    }
  };
  await walk(root, 0);
  const files: SetFile[] = [];
  for (const path of names) {
    const size = (await stat(path)).size;
    const name = relative(root, path);
    // Too large to be one report: given to the reader as empty, so it is reported, not read.
    files.push({ name, bytes: size > MAX_FILE_BYTES ? new Uint8Array(0) : await readFile(path) });
  }
  return files;
};

export const loadSet = async (file: string, cwd: string): Promise<SetFile[]> => {
  if (/\.zip$/i.test(file)) {
    const bytes = await readInput(file, cwd);
    try {
      return unzipReports(bytes);
    } catch (e) {
      const err = e as { zh?: string; message: string };
      throw new CliError({
        zh: `${file}：${err.zh ?? err.message}`,
        en: `${file}: ${err.message}`,
      });
    }
  }
  return folderFiles(resolve(cwd, file));
};

export const checkSet = async (file: string, cwd: string, county?: string): Promise<SetResult> => {
  const files = await loadSet(file, cwd);
  if (files.length === 0)
    throw new CliError({
      zh: `${file} 中没有报告文件（.txt .html .pdf .md .json）`,
      en: `${file} holds no report file (.txt .html .pdf .md .json)`,
    });
  const read = async (f: SetFile) => {
    const { report, findings } = await loadBytes(f.name, f.bytes);
    return { report, findings: mergeFindings(findings, checkReport(report)) };
  };
  return readReportSet(files, read, county ? { county } : {});
};

const line = "─".repeat(60);

export const formatSet = (result: SetResult, lang: Lang): string => {
  const zh = lang === "zh";
  const out: string[] = [];
  for (const e of result.entries) {
    out.push(line);
    if (!e.ok) {
      out.push(`${e.name}`);
      out.push(
        zh
          ? `无法读取（${e.error.code}）：${e.error.zh}`
          : `Not read (${e.error.code}): ${e.error.en}`,
      );
      continue;
    }
    const who = `${e.report.agency.name || (zh ? "（机关名称未读出）" : "(agency not read)")} ${e.report.year || "?"}`;
    out.push(
      `${e.name}  ${who}${result.summary.county === e.name ? (zh ? "（县级政府）" : " (county government)") : ""}`,
    );
    out.push(formatFindings(mergeFindings(e.findings, []), lang).trimEnd());
  }
  const s = result.summary;
  if (s.county && s.departments === 0) {
    out.push(line);
    out.push(
      zh
        ? `层级核对：集合中没有与 ${s.county} 同年度的部门报告，未核对。`
        : `Hierarchy: no department's report of the same year as ${s.county} in the set; not checked.`,
    );
  } else if (s.county) {
    out.push(line);
    out.push(
      zh
        ? `层级核对：${s.county} 第三部分 与 ${s.departments} 个部门报告之和`
        : `Hierarchy: ${s.county} section 3 against the sum of ${s.departments} departments' reports`,
    );
    out.push(formatFindings(result.hierarchy as Finding[], lang).trimEnd());
  }
  out.push(line);
  out.push(
    zh
      ? `汇总：${s.files} 个文件，读取 ${s.read} 个，无法读取 ${s.failed} 个；错误 ${s.errors} 个，警告 ${s.warnings} 个；${s.county ? `层级不一致 ${s.hierarchyMismatches} 处` : "没有县级政府报告，未做层级核对"}。`
      : `Summary: ${s.files} files, ${s.read} read, ${s.failed} not read; ${s.errors} errors, ${s.warnings} warnings; ${s.county ? `${s.hierarchyMismatches} hierarchy mismatches` : "no county government's report, no hierarchy check"}.`,
  );
  return `${out.join("\n")}\n`;
};
