// Plain-text rendering for a chat message: monospace, at most about 36 columns (a CJK character
// counts 2), so it reads on a phone. Exact layout, for parsing back (lines end with "\n"):
//
//   <title>                           reportTitle()
//   <blank>
//   The agency code is not printed (the text is published as it is): the reader gives the
//   agency by its name only; who imports it knows the agency's code.
//   Then the six sections. A heading line is the verbatim SECTION_TITLES (or OVERVIEW_PART_LABELS
//   for the five parts of 一). A text block directly follows its heading: the text's own lines
//   (unchanged, so a text line equal to the next heading is the one ambiguity) and one blank
//   line; an empty text is just the blank line. Order: 一 heading, intro block, each part
//   heading + block; 二 … 四 as below, each followed by one blank line; 五 heading + block;
//   六 heading + block, then the three fee value lines, which end the document.
//
//   Value line: "  " + label + spaces + value, the value right-aligned so the line is WIDTH
//   columns wide (or one space when the label is too long); a null cell has no value (the
//   line is "  " + label). Parse it by the known label prefix, then the rest trimmed.
//   二: for each PROACTIVE_CATALOG table: the article line ("第二十条第（一）项"), then per item
//       its label line ("规章") and one value line per column (本年制发件数 …, 本年处理决定数量,
//       本年收费金额（单位：万元）).
//   三: renderRequestsText(): a legend line, then for each of the 25 rows (OUTCOMES_HEADING on
//       its own line before row 3) a line with the row's short label (SHORT_ROW_LABELS, the
//       only place labels are abbreviated) and the 总计 value right-aligned, followed by
//       indented lines "  自然人 3001 · 商业企业 53" listing, in column order, the applicant
//       cells that are not 0 (a null cell is its label alone); an omitted applicant cell is 0.
//   四: per block a label line ("行政复议", "行政诉讼 / 未经复议直接起诉", …) and five value lines.
//   六: value lines (no indent) 发出收费通知的件数, 收费通知总金额（元）, 实际收取的总金额（元）.
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPLICANT_TYPES,
  type ApplicantType,
  type Bilingual,
  DECISIONS_LABEL,
  FEE_AMOUNT_LABEL,
  FEES_LABELS,
  OUTCOMES_HEADING,
  OVERVIEW_PART_LABELS,
  OVERVIEW_PARTS,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  PROACTIVE_DOCUMENT_COLUMNS,
  REQUEST_ROWS,
  type RequestRow,
  SECTION_TITLES,
} from "../catalog.ts";
import {
  getCell,
  type ReportDraft,
  type RequestsTable,
  type RequestsTableDraft,
} from "../schema.ts";
import { appealBlockLabel, formatCell, type Lang, reportTitle } from "./common.ts";

/** Target line width in columns. */
export const TEXT_WIDTH = 32;

/** Short row labels of section 三 for the phone; the verbatim labels are in catalog.ts. */
export const SHORT_ROW_LABELS: Record<RequestRow, Bilingual> = {
  newReceived: { zh: "一、本年新收", en: "1. New" },
  carriedOver: { zh: "二、上年结转", en: "2. Carried over" },
  granted: { zh: "（一）予以公开", en: "(1) Granted" },
  partiallyGranted: { zh: "（二）部分公开", en: "(2) Partially granted" },
  deniedStateSecret: { zh: "（三）1 国家秘密", en: "(3)1 State secret" },
  deniedProhibitedByLaw: { zh: "（三）2 法律法规禁止", en: "(3)2 Prohibited by law" },
  deniedSecurityStability: { zh: "（三）3 三安全一稳定", en: "(3)3 Security/stability" },
  deniedThirdPartyRights: { zh: "（三）4 第三方权益", en: "(3)4 Third parties" },
  deniedInternalAffairs: { zh: "（三）5 内部事务", en: "(3)5 Internal affairs" },
  deniedProcessInformation: { zh: "（三）6 过程性信息", en: "(3)6 Process info" },
  deniedEnforcementFile: { zh: "（三）7 行政执法案卷", en: "(3)7 Enforcement files" },
  deniedAdministrativeQuery: { zh: "（三）8 行政查询", en: "(3)8 Admin. query" },
  unableNotHeld: { zh: "（四）1 本机关不掌握", en: "(4)1 Not held" },
  unableNeedsCreation: { zh: "（四）2 需另行制作", en: "(4)2 Needs creating" },
  unableStillUnclear: { zh: "（四）3 补正后仍不明确", en: "(4)3 Still unclear" },
  notProcessedComplaint: { zh: "（五）1 信访举报投诉", en: "(5)1 Complaint" },
  notProcessedDuplicate: { zh: "（五）2 重复申请", en: "(5)2 Duplicate" },
  notProcessedPublication: { zh: "（五）3 公开出版物", en: "(5)3 Publication" },
  notProcessedExcessive: { zh: "（五）4 大量反复申请", en: "(5)4 Excessive" },
  notProcessedReconfirmation: { zh: "（五）5 确认或重新出具", en: "(5)5 Re-confirmation" },
  otherNoCorrection: { zh: "（六）1 逾期不补正", en: "(6)1 No correction" },
  otherFeeUnpaid: { zh: "（六）2 逾期未缴费", en: "(6)2 Fee unpaid" },
  otherOther: { zh: "（六）3 其他", en: "(6)3 Other" },
  totalProcessed: { zh: "（七）总计", en: "(7) Total" },
  carriedForward: { zh: "四、结转下年度", en: "4. Carried forward" },
};

/** Short applicant column labels ("其他" alone would read like the row （六）3 其他). */
export const SHORT_APPLICANT_LABELS: Record<ApplicantType, Bilingual> = {
  naturalPerson: { zh: "自然人", en: "Natural" },
  commercialEnterprise: { zh: "商业企业", en: "Business" },
  researchInstitution: { zh: "科研机构", en: "Research" },
  socialWelfareOrganization: { zh: "社会公益组织", en: "Welfare" },
  legalServiceAgency: { zh: "法律服务机构", en: "Legal" },
  otherOrganization: { zh: "其他组织", en: "Other org." },
};

const REQUESTS_LEGEND: Bilingual = {
  zh: "右：总计；缩进：申请人（0不列）",
  en: "Total at right; applicants ≠ 0",
};

const WIDE =
  /[\u1100-\u115f\u2018\u2019\u201c\u201d\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Columns a string takes in a monospace font (CJK and full-width characters take 2). */
export const displayWidth = (text: string): number => {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
};

const valueLine = (label: string, value: string, indent = "  ") => {
  if (value === "") return `${indent}${label}`;
  const pad = TEXT_WIDTH - displayWidth(indent + label) - displayWidth(value);
  return `${indent}${label}${" ".repeat(Math.max(1, pad))}${value}`;
};

/** Section 三 as compact monospace lines (see the layout at the top of this file). */
export const renderRequestsText = (
  requests: RequestsTableDraft | RequestsTable,
  lang: Lang = "zh",
): string => {
  const lines = [REQUESTS_LEGEND[lang]];
  for (const row of REQUEST_ROWS) {
    if (row === "granted") lines.push(OUTCOMES_HEADING[lang]);
    const cells = requests[row];
    lines.push(valueLine(SHORT_ROW_LABELS[row][lang], formatCell(cells.total), ""));
    const items = APPLICANT_TYPES.filter((t) => cells[t] !== 0).map((t) =>
      `${SHORT_APPLICANT_LABELS[t][lang]} ${formatCell(cells[t])}`.trimEnd(),
    );
    let line = "";
    for (const item of items) {
      const next = line === "" ? item : `${line} · ${item}`;
      if (line !== "" && displayWidth(`  ${next}`) > TEXT_WIDTH) {
        lines.push(`  ${line}`);
        line = item;
      } else line = next;
    }
    if (line !== "") lines.push(`  ${line}`);
  }
  return `${lines.join("\n")}\n`;
};

export const renderText = (report: ReportDraft, lang: Lang = "zh"): string => {
  const out: string[] = [reportTitle(report, lang)];
  out.push("");
  const block = (heading: string, text: string) => {
    out.push(heading);
    if (text !== "") out.push(text);
    out.push("");
  };

  block(SECTION_TITLES.overview[lang], report.overview.intro);
  for (const part of OVERVIEW_PARTS) block(OVERVIEW_PART_LABELS[part][lang], report.overview[part]);

  out.push(SECTION_TITLES.proactive[lang]);
  for (const sub of PROACTIVE_CATALOG) {
    out.push(sub.article[lang]);
    for (const item of sub.rows) {
      out.push(item.label[lang]);
      if (sub.kind === "documents")
        for (const c of PROACTIVE_DOCUMENT_COLUMNS)
          out.push(
            valueLine(
              PROACTIVE_DOCUMENT_COLUMN_LABELS[c][lang],
              formatCell(getCell(report, `proactive.${item.key}.${c}`)),
            ),
          );
      else if (sub.kind === "decisions")
        out.push(
          valueLine(
            DECISIONS_LABEL[lang],
            formatCell(getCell(report, `proactive.${item.key}.decisions`)),
          ),
        );
      else
        out.push(
          valueLine(FEE_AMOUNT_LABEL[lang], formatCell(report.proactive.fees.amountWanYuan)),
        );
    }
  }
  out.push("");

  out.push(SECTION_TITLES.requests[lang]);
  out.push(renderRequestsText(report.requests, lang).trimEnd(), "");

  out.push(SECTION_TITLES.appeals[lang]);
  for (const b of APPEAL_BLOCKS) {
    out.push(appealBlockLabel(b, lang));
    for (const c of APPEAL_COLUMNS)
      out.push(valueLine(APPEAL_COLUMN_LABELS[c][lang], formatCell(report.appeals[b][c])));
  }
  out.push("");

  block(SECTION_TITLES.problems[lang], report.problems);
  block(SECTION_TITLES.otherMatters[lang], report.otherMatters);
  for (const k of ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const)
    out.push(valueLine(FEES_LABELS[k][lang], formatCell(report.fees[k]), ""));
  return `${out.join("\n")}\n`;
};
