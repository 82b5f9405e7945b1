// ogi render <file> --format md|html|txt|csv|docx|pdf|xlsx [--lang zh|en] [--draft] [--findings]
//   [--date YYYY-MM-DD] [--font <file>] [-o <out>]
// Word, PDF and Excel are files: they need -o. A draft is watermarked 草稿; --findings lists the
// findings on a draft (and makes the rendering one).
import { readFile, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { DocumentFormat } from "@ogi/documents";
import { RENDER_FORMATS, type RenderFormat, renderReport } from "@ogi/domain";
import { LANG_OPTION, langOf, oneFile, parse } from "../args.mts";
import type { Command } from "../command.mts";
import { CliError, EXIT_OK } from "../errors.mts";
import { loadReport } from "../load.mts";
import { findingsOf } from "./check.mts";

const FORMAT_OF_EXTENSION: Record<string, RenderFormat | DocumentFormat> = {
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".txt": "txt",
  ".csv": "csv",
  ".docx": "docx",
  ".pdf": "pdf",
  ".xlsx": "xlsx",
};

// The writers of Word, PDF and Excel load only when one is asked for: every other command of the
// CLI starts without them (they double its start-up).
const DOCUMENT_FORMATS: readonly DocumentFormat[] = ["docx", "pdf", "xlsx"];
const isDocumentFormat = (f: string): f is DocumentFormat =>
  (DOCUMENT_FORMATS as readonly string[]).includes(f);
const FORMATS = [...RENDER_FORMATS, ...DOCUMENT_FORMATS];
const LIST = { zh: FORMATS.join("、"), en: FORMATS.join(", ") };

const formatOf = (
  format: string | undefined,
  out: string | undefined,
): RenderFormat | DocumentFormat => {
  if (format === undefined) {
    const inferred =
      out === undefined ? undefined : FORMAT_OF_EXTENSION[extname(out).toLowerCase()];
    if (inferred !== undefined) return inferred;
    throw new CliError({
      zh: `缺少 --format（${LIST.zh}）`,
      en: `Missing --format (${LIST.en})`,
    });
  }
  if ((FORMATS as readonly string[]).includes(format))
    return format as RenderFormat | DocumentFormat;
  throw new CliError({
    zh: `--format 只能是 ${LIST.zh}，而不是 ${format}`,
    en: `--format must be one of ${LIST.en}, not ${format}`,
  });
};

const dateOf = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    return value;
  throw new CliError({
    zh: `--date 应为 YYYY-MM-DD 格式的日期，而不是 ${value}`,
    en: `--date must be a date as YYYY-MM-DD, not ${value}`,
  });
};

export const renderCommand: Command = {
  name: "render",
  synopsis:
    "ogi render <file> --format md|html|txt|csv|docx|pdf|xlsx [--lang zh|en] [--draft] [--findings] [--date YYYY-MM-DD] [-o <out>]",
  summary: {
    zh: "按官方格式输出报告：Word、PDF、Excel、可打印的 HTML 页面、Markdown、聊天用纯文本或 CSV",
    en: "Render a report in the official layout: Word, PDF, Excel, a printable HTML page, Markdown, chat text or CSV",
  },
  details: [
    {
      zh: "-o, --output <文件>  写入文件（可由扩展名推断格式），否则输出到标准输出",
      en: "-o, --output <file>  write to a file (its extension can give the format), else stdout",
    },
    {
      zh: "docx、pdf、xlsx 是文件，须用 -o 指定输出文件",
      en: "docx, pdf and xlsx are files: give the output file with -o",
    },
    {
      zh: "--draft  草稿：每页标注“草稿”；--findings  在草稿中列出检查结果（HTML 中并标出相关单元格）",
      en: "--draft  a draft, watermarked 草稿; --findings  list the findings on the draft (HTML also marks their cells)",
    },
    {
      zh: "--date YYYY-MM-DD  落款日期；--font <文件>  PDF 使用的字体文件（TTF/OTF，默认 Noto Sans Hans）",
      en: "--date YYYY-MM-DD  the date under the agency's name; --font <file>  the font of the PDF (TTF/OTF; Noto Sans Hans by default)",
    },
  ],
  run: async (args, io) => {
    const { values, positionals } = parse(args, {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      findings: { type: "boolean" },
      draft: { type: "boolean" },
      date: { type: "string" },
      font: { type: "string" },
      ...LANG_OPTION,
    });
    const lang = langOf(values.lang);
    const format = formatOf(values.format, values.output);
    const date = dateOf(values.date);
    if (isDocumentFormat(format) && values.output === undefined)
      throw new CliError({
        zh: `${format} 是文件格式，请用 -o <文件> 指定输出文件`,
        en: `${format} is a file format: give the output file with -o <file>`,
      });
    const file = oneFile(positionals, "render");
    const loaded = await loadReport(file, io.cwd);
    const findings = values.findings ? findingsOf(loaded) : undefined;
    const draft = values.draft === true || findings !== undefined;
    const options = {
      lang,
      draft,
      ...(findings ? { findings } : {}),
      ...(date ? { date } : {}),
    };
    let output: string | Uint8Array;
    if (isDocumentFormat(format)) {
      const font = values.font === undefined ? undefined : await readFont(values.font, io.cwd);
      const { renderDocument } = await import("@ogi/documents");
      output = await renderDocument(loaded.report, {
        format,
        ...options,
        ...(font ? { pdfFonts: { regular: font } } : {}),
      });
    } else output = renderReport(loaded.report, { format, ...options });
    if (values.output === undefined) io.out(output as string);
    else {
      try {
        await writeFile(resolve(io.cwd, values.output), output);
      } catch (e) {
        throw new CliError(
          { zh: `无法写入文件：${values.output}`, en: `Cannot write file: ${values.output}` },
          { cause: e },
        );
      }
    }
    return EXIT_OK;
  },
};

const readFont = async (file: string, cwd: string): Promise<Uint8Array> => {
  try {
    return await readFile(resolve(cwd, file));
  } catch (e) {
    throw new CliError(
      { zh: `无法读取字体文件：${file}`, en: `Cannot read the font file: ${file}` },
      { cause: e },
    );
  }
};
