// ogi parse <file> [--json]: a report in, its canonical JSON or a short summary out.
import { checkReport, type Lang, type ReportDraft, rowInfo } from "@ogi/domain";
import { LANG_OPTION, langOf, oneFile, parse } from "../args.mts";
import type { Command } from "../command.mts";
import { EXIT_OK } from "../errors.mts";
import { loadReport } from "../load.mts";
import { mergeFindings } from "./check.mts";

const cell = (v: number | null) => (v === null ? "—" : String(v));

export const summarize = (report: ReportDraft, findings: number, errors: number, lang: Lang) => {
  const rows = ["newReceived", "carriedOver", "totalProcessed", "carriedForward"] as const;
  const lines =
    lang === "zh"
      ? [`机构：${report.agency.name}`, `年度：${report.year}`]
      : [`Agency: ${report.agency.name}`, `Year: ${report.year}`];
  if (report.agency.code !== undefined)
    lines.push(
      lang === "zh" ? `机构代码：${report.agency.code}` : `Agency code: ${report.agency.code}`,
    );
  for (const r of rows)
    lines.push(
      `${rowInfo(r).label[lang]}${lang === "zh" ? "：" : ": "}${cell(report.requests[r].total)}`,
    );
  lines.push(
    lang === "zh"
      ? `检查结果：${findings} 项，其中错误 ${errors} 项（详见 ogi check）`
      : `Findings: ${findings}, ${errors} of them errors (see ogi check)`,
  );
  return `${lines.join("\n")}\n`;
};

export const parseCommand: Command = {
  name: "parse",
  synopsis: "ogi parse <file> [--json] [--lang zh|en]",
  summary: {
    zh: "读取报告（.txt .html .pdf .docx .json），输出摘要；--json 输出规范 JSON",
    en: "Read a report (.txt .html .pdf .docx .json); print a summary, or the canonical JSON with --json",
  },
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: "boolean" }, ...LANG_OPTION });
    const lang = langOf(values.lang);
    const file = oneFile(positionals, "parse");
    const { report, findings } = await loadReport(file, io.cwd);
    if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const all = mergeFindings(findings, checkReport(report));
      io.out(summarize(report, all.length, all.filter((f) => f.severity === "error").length, lang));
    }
    return EXIT_OK;
  },
};
