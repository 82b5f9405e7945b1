// ogi render <file> --format md|html|txt|csv [--lang zh|en] [--findings] [-o <out>]
import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { checkReport, RENDER_FORMATS, type RenderFormat, renderReport } from "@ogi/domain";
import { LANG_OPTION, langOf, oneFile, parse } from "../args.ts";
import type { Command } from "../command.ts";
import { CliError, EXIT_OK } from "../errors.ts";
import { loadReport } from "../load.ts";
import { mergeFindings } from "./check.ts";

const FORMAT_OF_EXTENSION: Record<string, RenderFormat> = {
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".txt": "txt",
  ".csv": "csv",
};

const formatOf = (format: string | undefined, out: string | undefined): RenderFormat => {
  if (format === undefined) {
    const inferred =
      out === undefined ? undefined : FORMAT_OF_EXTENSION[extname(out).toLowerCase()];
    if (inferred !== undefined) return inferred;
    throw new CliError({
      zh: "缺少 --format（md、html、txt 或 csv）",
      en: "Missing --format (md, html, txt or csv)",
    });
  }
  if ((RENDER_FORMATS as readonly string[]).includes(format)) return format as RenderFormat;
  throw new CliError({
    zh: `--format 只能是 md、html、txt 或 csv，而不是 ${format}`,
    en: `--format must be md, html, txt or csv, not ${format}`,
  });
};

export const renderCommand: Command = {
  name: "render",
  synopsis: "ogi render <file> --format md|html|txt|csv [--lang zh|en] [--findings] [-o <out>]",
  summary: {
    zh: "按官方格式输出报告：Markdown、可打印的 HTML 页面、聊天用纯文本或 CSV",
    en: "Render a report in the official layout: Markdown, a printable HTML page, chat text or CSV",
  },
  details: [
    {
      zh: "-o, --output <文件>  写入文件（可由扩展名推断格式），否则输出到标准输出",
      en: "-o, --output <file>  write to a file (its extension can give the format), else stdout",
    },
    {
      zh: "--findings  在 HTML 中列出检查结果并标出相关单元格",
      en: "--findings  list the findings in the HTML page and mark their cells",
    },
  ],
  run: async (args, io) => {
    const { values, positionals } = parse(args, {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      findings: { type: "boolean" },
      ...LANG_OPTION,
    });
    const lang = langOf(values.lang);
    const format = formatOf(values.format, values.output);
    const file = oneFile(positionals, "render");
    const loaded = await loadReport(file, io.cwd);
    const findings = values.findings
      ? mergeFindings(loaded.findings, checkReport(loaded.report))
      : undefined;
    const text = renderReport(
      loaded.report,
      findings ? { format, lang, findings } : { format, lang },
    );
    if (values.output === undefined) io.out(text);
    else {
      try {
        await writeFile(resolve(io.cwd, values.output), text);
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
