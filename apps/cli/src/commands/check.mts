// ogi check <file> [--previous <file>] [--json] [--lang zh|en]: the findings of a report;
// exit status 1 when one of them is an error.
import { checkReport, type Finding, hasErrors, type ReportDraft } from "@ogi/domain";
import { LANG_OPTION, langOf, oneFile, parse } from "../args.mts";
import type { Command } from "../command.mts";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.mts";
import { type Loaded, loadReport } from "../load.mts";
import { checkSet, formatSet, isSetPath } from "./check-set.mts";
import { formatFindings, mergeFindings } from "./findings-text.mts";

export { formatFindings, mergeFindings };

/** A loaded report's findings: those of reading it, then the rules' (with last year's report). */
export const findingsOf = (loaded: Loaded, previous?: ReportDraft): Finding[] =>
  mergeFindings(
    loaded.findings,
    checkReport(loaded.report, previous === undefined ? {} : { previous }),
  );

export const checkCommand: Command = {
  name: "check",
  synopsis: "ogi check <file> [--previous <file>] [--county <file>] [--json] [--lang zh|en]",
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
    {
      zh: "<文件夹|.zip>  一次检查一个县的全部报告：逐份读取和检查，并将县级政府报告第三部分与各部门报告之和核对",
      en: "<folder|.zip>  check a county's reports at once: each read and checked, and the county government's section 3 against the sum of its departments'",
    },
    {
      zh: "--county <文件>  指明哪一份是县级政府的报告（默认按机关名称识别）",
      en: "--county <file>  which file is the county government's report (told by its agency's name otherwise)",
    },
  ],
  run: async (args, io) => {
    const { values, positionals } = parse(args, {
      previous: { type: "string" },
      county: { type: "string" },
      json: { type: "boolean" },
      ...LANG_OPTION,
    });
    const lang = langOf(values.lang);
    const file = oneFile(positionals, "check");
    if (await isSetPath(file, io.cwd)) {
      const result = await checkSet(file, io.cwd, values.county);
      io.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatSet(result, lang));
      return result.summary.errors > 0 || result.summary.failed > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    const loaded = await loadReport(file, io.cwd);
    const previous =
      values.previous === undefined
        ? undefined
        : (await loadReport(values.previous, io.cwd)).report;
    const findings = findingsOf(loaded, previous);
    io.out(values.json ? `${JSON.stringify(findings, null, 2)}\n` : formatFindings(findings, lang));
    return hasErrors(findings) ? EXIT_FINDINGS : EXIT_OK;
  },
};
