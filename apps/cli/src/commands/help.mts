// ogi help [command]: the usage text, bilingual.
import type { Command } from "../command.mts";

export const usage = (commands: readonly Command[]): string =>
  [
    "ogi — 政府信息公开工作年度报告工具 / annual reports on government information disclosure",
    "",
    "用法 / Usage:",
    ...commands.flatMap((c) => [
      `  ${c.synopsis}`,
      `      ${c.summary.zh}`,
      `      ${c.summary.en}`,
    ]),
    "",
    "退出码 / Exit status: 0 正常 ok · 1 发现错误 errors found · 2 用法或输入错误 usage or input error",
    "",
  ].join("\n");

export const commandUsage = (command: Command): string =>
  [
    `用法 / Usage: ${command.synopsis}`,
    `  ${command.summary.zh}`,
    `  ${command.summary.en}`,
    ...(command.details ?? []).flatMap((d) => ["", `  ${d.zh}`, `  ${d.en}`]),
    "",
  ].join("\n");
