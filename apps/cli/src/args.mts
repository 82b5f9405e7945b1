// Argument parsing shared by the commands: node:util parseArgs, strict, with bilingual errors.
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Lang } from "@ogi/domain";
import { CliError, fromParseArgsError } from "./errors.mts";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const parse = <O extends Options>(args: string[], options: O) => {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw fromParseArgsError(e) ?? e;
  }
};

export const LANG_OPTION = { lang: { type: "string" } } as const;

export const langOf = (value: string | undefined): Lang => {
  if (value === undefined || value === "zh") return "zh";
  if (value === "en") return "en";
  throw new CliError({
    zh: `--lang 只能是 zh 或 en，而不是 ${value}`,
    en: `--lang must be zh or en, not ${value}`,
  });
};

/** Exactly one positional argument: the input file. */
export const oneFile = (positionals: string[], command: string): string => {
  if (positionals.length === 0)
    throw new CliError({
      zh: `缺少文件参数：ogi ${command} <文件>`,
      en: `Missing file argument: ogi ${command} <file>`,
    });
  if (positionals.length > 1)
    throw new CliError({
      zh: `多余的参数：${positionals[1]}`,
      en: `Unexpected argument: ${positionals[1]}`,
    });
  return positionals[0]!;
};
