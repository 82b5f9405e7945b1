// ogi check <file> [--previous <file>] [--json] [--lang zh|en]: the findings of a report;
// exit status 1 when one of them is an error.
import { checkReport, type Finding, hasErrors, type Lang } from "@ogi/domain";
import { LANG_OPTION, langOf, oneFile, parse } from "../args.ts";
import type { Command } from "../command.ts";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.ts";
import { loadReport } from "../load.ts";

/** Import findings first (they carry the line), then the rules' findings not already there. */
export const mergeFindings = (first: readonly Finding[], second: readonly Finding[]): Finding[] => {
  const key = (f: Finding) => `${f.code}|${f.cells.join(",")}`;
  const seen = new Set(first.map(key));
  return [...first, ...second.filter((f) => !seen.has(key(f)))];
};

const SEVERITY = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
} as const;

export const formatFindings = (findings: readonly Finding[], lang: Lang): string => {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const lines = findings.map((f) => {
    const where =
      f.line === undefined ? "" : lang === "zh" ? `（第 ${f.line} 行）` : ` (line ${f.line})`;
    return `${SEVERITY[f.severity][lang]}  ${f.code}  ${f.message[lang]}${where}`;
  });
  lines.push(
    findings.length === 0
      ? lang === "zh"
        ? "未发现问题。"
        : "No findings."
      : lang === "zh"
        ? `共 ${findings.length} 项：${errors} 个错误，${warnings} 个警告。`
        : `${findings.length} findings: ${errors} errors, ${warnings} warnings.`,
  );
  return `${lines.join("\n")}\n`;
};

export const checkCommand: Command = {
  name: "check",
  synopsis: "ogi check <file> [--previous <file>] [--json] [--lang zh|en]",
  summary: {
    zh: "按规则检查报告（勾稽关系、空格、跨年衔接…）；有错误时退出码为 1",
    en: "Check a report against the rules (balances, blanks, carry-over…); exit status 1 on an error",
  },
  details: [
    {
      zh: "--previous <文件>  上一年度的报告，用于检查上年结转与现行有效件数",
      en: "--previous <file>  last year's report, for the carry-over and in-force checks",
    },
    { zh: "--json  输出检查结果数组（JSON）", en: "--json  print the findings array as JSON" },
  ],
  run: async (args, io) => {
    const { values, positionals } = parse(args, {
      previous: { type: "string" },
      json: { type: "boolean" },
      ...LANG_OPTION,
    });
    const lang = langOf(values.lang);
    const file = oneFile(positionals, "check");
    const loaded = await loadReport(file, io.cwd);
    const previous =
      values.previous === undefined
        ? undefined
        : (await loadReport(values.previous, io.cwd)).report;
    const findings = mergeFindings(
      loaded.findings,
      checkReport(loaded.report, previous === undefined ? {} : { previous }),
    );
    io.out(values.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindings(findings, lang));
    return hasErrors(findings) ? EXIT_FINDINGS : EXIT_OK;
  },
};
