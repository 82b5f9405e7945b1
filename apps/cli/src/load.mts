// Reading a report from a file: canonical JSON (validated with reportDraftSchema) or a
// published report (.txt, .html, .pdf, .docx; also our own .md and .csv renders) through parseReport.
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { type Finding, parseReport, type ReportDraft, reportDraftSchema } from "@ogi/domain";

import { CliError } from "./errors.mts";

export type Loaded = { report: ReportDraft; findings: Finding[] };

const TEXT_EXTENSIONS = [".txt", ".text", ".htm", ".html", ".md", ".markdown", ".csv"];
export const INPUT_EXTENSIONS = [".json", ".pdf", ".docx", ...TEXT_EXTENSIONS];

export const readInput = async (file: string, cwd: string): Promise<Uint8Array> => {
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined)
    throw new CliError({ zh: `找不到文件：${file}`, en: `File not found: ${file}` });
  if (!info.isFile()) throw new CliError({ zh: `不是文件：${file}`, en: `Not a file: ${file}` });
  try {
    return await readFile(path);
  } catch (e) {
    throw new CliError(
      { zh: `无法读取文件：${file}`, en: `Cannot read file: ${file}` },
      { cause: e },
    );
  }
};

/** UTF-8 (a BOM is dropped), else GB 18030; for the JSON, which the CLI validates itself. */
export const decodeText = (bytes: Uint8Array): string => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
};

const firstIssue = (issues: readonly { path: PropertyKey[]; message: string }[]) => {
  const issue = issues[0];
  if (issue === undefined) return "";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
};

export const parseJsonReport = (text: string, file: string): ReportDraft => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CliError({
      zh: `不是有效的 JSON：${file}（${detail}）`,
      en: `Not valid JSON: ${file} (${detail})`,
    });
  }
  const result = reportDraftSchema.safeParse(data);
  if (!result.success) {
    const detail = firstIssue(result.error.issues);
    const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1})` : "";
    throw new CliError({
      zh: `JSON 不是规范格式的年度报告：${file}：${detail}${more}`,
      en: `The JSON is not an annual report in the canonical format: ${file}: ${detail}${more}`,
    });
  }
  return result.data;
};

export const loadReport = async (file: string, cwd: string): Promise<Loaded> =>
  loadBytes(file, await readInput(file, cwd));

/** A report from a file's bytes, told by its name's extension (a member of a set, too). */
export const loadBytes = async (file: string, bytes: Uint8Array): Promise<Loaded> => {
  const ext = extname(file).toLowerCase();
  if (!INPUT_EXTENSIONS.includes(ext))
    throw new CliError({
      zh: `不支持的文件类型：${ext || file}（支持 ${INPUT_EXTENSIONS.join(" ")}）`,
      en: `Unsupported file type: ${ext || file} (supported: ${INPUT_EXTENSIONS.join(" ")})`,
    });
  if (ext === ".json") return { report: parseJsonReport(decodeText(bytes), file), findings: [] };
  // The bytes as they are: parseReport tells PDF from text and knows the encodings.
  const { report, findings } = await parseReport(bytes, { filename: file });
  return { report, findings };
};
