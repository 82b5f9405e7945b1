// The CLI's one kind of expected failure: a bilingual message and exit status 2. Anything else
// thrown is a bug, reported the same way (one line) unless OGI_DEBUG asks for the stack.
import type { Bilingual } from "@ogi/domain";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  readonly zh: string;
  constructor(message: Bilingual, options?: ErrorOptions) {
    super(message.en, options);
    this.name = "CliError";
    this.zh = message.zh;
  }
}

/** CliError and the domain's ImportError (its `message` is English, `zh` Chinese). */
const isBilingualError = (e: unknown): e is Error & { zh: string } =>
  e instanceof Error && typeof (e as { zh?: unknown }).zh === "string";

/** "中文 / English" for any error, on one line. */
export const errorLine = (e: unknown): string => {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();
  if (isBilingualError(e)) return `ogi: ${oneLine(e.zh)} / ${oneLine(e.message)}`;
  const message = e instanceof Error ? e.message : String(e);
  return `ogi: 内部错误：${oneLine(message)} / Internal error: ${oneLine(message)}`;
};

/** Turns node:util parseArgs errors into one bilingual line. */
export const fromParseArgsError = (e: unknown): CliError | undefined => {
  if (!(e instanceof Error) || !("code" in e)) return undefined;
  const code = (e as { code: unknown }).code;
  const quoted = e.message.match(/'([^']+)'/)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new CliError({ zh: `未知选项：${quoted}`, en: `Unknown option: ${quoted}` });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new CliError({
        zh: `选项缺少值或值无效：${quoted}`,
        en: `Missing or invalid option value: ${quoted}`,
      });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new CliError({ zh: `多余的参数：${quoted}`, en: `Unexpected argument: ${quoted}` });
    default:
      return undefined;
  }
};
