// Shared pieces of the renderers: options, the report's title, numbers, and the label
// levels of section 三. Every label comes from catalog.ts; nothing official is re-typed here.

import type { Lang } from "../../text.ts";
import {
  APPEAL_BLOCK_LABELS,
  type AppealBlock,
  type Bilingual,
  LITIGATION_LABEL,
  OUTCOME_GROUP_CATALOG,
  OUTCOMES_HEADING,
  type OutcomeGroup,
  type RequestRow,
  rowInfo,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import type { ReportDraft } from "../schema.ts";

export type { Lang };
/** The formats `renderReport` writes: Markdown, an HTML page, chat text, CSV. */
export type RenderFormat = "md" | "html" | "txt" | "csv";
/** The formats `renderReport` writes. */
export const RENDER_FORMATS: readonly RenderFormat[] = ["md", "html", "txt", "csv"];

/** Options of `renderReport`: the format, the language, and findings to mark (HTML). */
export type RenderOptions = {
  format: RenderFormat;
  /** Chinese by default. */
  lang?: Lang;
  /**
   * Findings to list (as sentences, without rule codes or cell paths) and to mark on their
   * cells: HTML only, and only on a draft; the other formats ignore them.
   */
  findings?: readonly Finding[];
  /** A draft is watermarked 草稿 (HTML). Given findings, the rendering is a draft unless told. */
  draft?: boolean;
  /** The date of the 落款 under the agency's name (YYYY-MM-DD), HTML. */
  date?: string;
};

/** The words of the title that are not the agency or the year. */
export const REPORT_TITLE: Bilingual = {
  zh: "政府信息公开工作年度报告",
  en: "Annual Report on Government Information Disclosure",
};

/**
 * "XX局2024年政府信息公开工作年度报告" / "XX局: 2024 Annual Report on Government Information
 * Disclosure". Parse back with TITLE_PATTERN (greedy name, so a name with digits still works).
 */
export const reportTitle = (report: Pick<ReportDraft, "agency" | "year">, lang: Lang): string =>
  lang === "zh"
    ? `${report.agency.name}${report.year}年${REPORT_TITLE.zh}`
    : `${report.agency.name}: ${report.year} ${REPORT_TITLE.en}`;

/** The report's title in each language, as a pattern giving the agency and the year. */
export const TITLE_PATTERN: Record<Lang, RegExp> = {
  zh: /^(.+)(\d{4})年政府信息公开工作年度报告$/u,
  en: /^(.+): (\d{4}) Annual Report on Government Information Disclosure$/u,
};

/** A cell's text: blank for null, otherwise the number as JavaScript writes it ("96171.6"). */
export const formatCell = (value: number | null | undefined): string =>
  value === null || value === undefined ? "" : String(value);

export const groupInfo = (group: OutcomeGroup) =>
  OUTCOME_GROUP_CATALOG.find((g) => g.key === group)!;

/** Groups whose rows are numbered items under the group label ("（三）不予公开" › "1.…"). */
export const groupHasItems = (group: OutcomeGroup): boolean =>
  group !== "granted" && group !== "partiallyGranted";

/**
 * The three label levels of a row of section 三, as the template's merged cells show them:
 * ["一、本年新收…", "", ""], ["三、本年度办理结果", "（一）予以公开", ""],
 * ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"], ["三、本年度办理结果", "（七）总计", ""].
 */
export const requestRowLevels = (row: RequestRow, lang: Lang): [string, string, string] => {
  const info = rowInfo(row);
  if (info.group !== undefined) {
    const group = groupInfo(info.group);
    return groupHasItems(info.group)
      ? [OUTCOMES_HEADING[lang], group.label[lang], info.label[lang]]
      : [OUTCOMES_HEADING[lang], info.label[lang], ""];
  }
  if (row === "totalProcessed") return [OUTCOMES_HEADING[lang], info.label[lang], ""];
  return [info.label[lang], "", ""];
};

/** "行政复议", "行政诉讼 / 未经复议直接起诉", "行政诉讼 / 复议后起诉". */
export const appealBlockLabel = (block: AppealBlock, lang: Lang): string =>
  block === "review"
    ? APPEAL_BLOCK_LABELS[block][lang]
    : `${LITIGATION_LABEL[lang]} / ${APPEAL_BLOCK_LABELS[block][lang]}`;

/** Severity words for finding lists. */
export const SEVERITY_LABELS: Record<Finding["severity"], Bilingual> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
};
