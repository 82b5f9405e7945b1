// Findings as text for the terminal, shared by check (one report or a set) and parse.
import type { Finding, Lang } from "@ogi/domain";

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
