// Markdown rendering. Exact layout (for parsing back; `L` = the chosen language's label from
// catalog.ts, lines separated by "\n", blocks by one blank line, the file ends with "\n"):
//
//   # <title>                       reportTitle(): "XX局2024年政府信息公开工作年度报告"
//   <!-- agency-code: <code> -->     only when agency.code is present: an HTML comment, so
//                                    the code is read back but never shows where the Markdown
//                                    is rendered (the code is encodeURIComponent'd: no "-->")
//   ## <SECTION_TITLES.overview>
//   <overview.intro>                 text block (see below)
//   ### <OVERVIEW_PART_LABELS[p]>    for the five parts, each followed by its text block
//   ## <SECTION_TITLES.proactive>
//   ### <article>                    per PROACTIVE_CATALOG table, then a pipe table:
//   | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |   (documents) or
//   | 信息内容 | 本年处理决定数量 | / | 信息内容 | 本年收费金额（单位：万元） |, one row per item
//   ## <SECTION_TITLES.requests>
//   | <BALANCE_NOTE> |  |  | 自然人 | 法人或其他组织 / 商业企业 | … | 总计 |
//     then the 25 rows in REQUEST_ROWS order, three label columns (requestRowLevels(): level
//     1, 2, 3, blank where the template merges) and the 7 values in REQUEST_COLUMNS order
//   ## <SECTION_TITLES.appeals>
//   |  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |, rows 行政复议,
//     行政诉讼 / 未经复议直接起诉, 行政诉讼 / 复议后起诉 (APPEAL_BLOCKS order)
//   ## <SECTION_TITLES.problems>      text block
//   ## <SECTION_TITLES.otherMatters>  text block, then the fee table:
//   | 发出收费通知的件数 | 收费通知总金额（元） | 实际收取的总金额（元） | and one row of values
//
// Every table's second line is the alignment row. Cells: the number as String(n), "" for null.
// Text blocks (narratives, agency name): the text's own lines, each escaped with a
// backslash before \ ` * _ [ ] < > # | ~ & anywhere and before a line-initial - + = or the
// "." / ")" of a line-initial number, so no text line starts with "#" or "|"; unescape with
// /\\([!-/:-@[-`{-~])/g → "$1". A text block is its lines followed by one blank line; an empty
// text is nothing at all (the heading's blank line is directly followed by the next heading).
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  BALANCE_NOTE,
  CONTENT_LABEL,
  DECISIONS_LABEL,
  FEE_AMOUNT_LABEL,
  FEES_LABELS,
  OVERVIEW_PART_LABELS,
  OVERVIEW_PARTS,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  PROACTIVE_DOCUMENT_COLUMNS,
  REQUEST_COLUMN_CATALOG,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  SECTION_TITLES,
} from "../catalog.ts";
import type { ReportDraft } from "../schema.ts";
import {
  appealBlockLabel,
  formatCell,
  type Lang,
  reportTitle,
  requestRowLevels,
} from "./common.ts";

/** Escapes text so that Markdown shows it literally and no line reads as structure. */
export const escapeMarkdown = (text: string): string =>
  text
    .split("\n")
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>#|~&]/g, "\\$&")
        .replace(/^(\s*)([-+=])/, "$1\\$2")
        .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
    )
    .join("\n");

const CODE_COMMENT = /^<!-- agency-code: (\S*) -->$/;

/**
 * The agency code as an HTML comment line: read back by `agencyCodeOfComment`, invisible
 * wherever the Markdown is rendered, so the published page prints no code.
 */
export const agencyCodeComment = (code: string): string =>
  `<!-- agency-code: ${encodeURIComponent(code)} -->`;

/** The code of an `agencyCodeComment` line, or undefined when the line is not one. */
export const agencyCodeOfComment = (line: string): string | undefined => {
  const m = CODE_COMMENT.exec(line);
  if (m === null) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
};

/** Undoes `escapeMarkdown`. */
export const unescapeMarkdown = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");

const row = (cells: readonly string[]) =>
  `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
const table = (header: readonly string[], rows: readonly (readonly string[])[], labelColumns = 1) =>
  [
    row(header),
    row(header.map((_, i) => (i < labelColumns ? "---" : "---:"))),
    ...rows.map(row),
  ].join("\n");

const textBlock = (text: string): string[] => (text === "" ? [] : [escapeMarkdown(text)]);

export const renderMarkdown = (report: ReportDraft, lang: Lang = "zh"): string => {
  const blocks: string[] = [`# ${escapeMarkdown(reportTitle(report, lang))}`];
  if (report.agency.code !== undefined) blocks.push(agencyCodeComment(report.agency.code));

  blocks.push(`## ${SECTION_TITLES.overview[lang]}`, ...textBlock(report.overview.intro));
  for (const part of OVERVIEW_PARTS)
    blocks.push(`### ${OVERVIEW_PART_LABELS[part][lang]}`, ...textBlock(report.overview[part]));

  blocks.push(`## ${SECTION_TITLES.proactive[lang]}`);
  const p = report.proactive;
  for (const sub of PROACTIVE_CATALOG) {
    blocks.push(`### ${sub.article[lang]}`);
    if (sub.kind === "documents") {
      blocks.push(
        table(
          [
            CONTENT_LABEL[lang],
            ...PROACTIVE_DOCUMENT_COLUMNS.map((c) => PROACTIVE_DOCUMENT_COLUMN_LABELS[c][lang]),
          ],
          sub.rows.map(({ key, label }) => {
            const cells = p[key as "rules" | "normativeDocuments"];
            return [label[lang], ...PROACTIVE_DOCUMENT_COLUMNS.map((c) => formatCell(cells[c]))];
          }),
        ),
      );
    } else if (sub.kind === "decisions") {
      blocks.push(
        table(
          [CONTENT_LABEL[lang], DECISIONS_LABEL[lang]],
          sub.rows.map(({ key, label }) => [
            label[lang],
            formatCell(p[key as "licensing" | "penalty" | "coercion"].decisions),
          ]),
        ),
      );
    } else {
      blocks.push(
        table(
          [CONTENT_LABEL[lang], FEE_AMOUNT_LABEL[lang]],
          sub.rows.map(({ label }) => [label[lang], formatCell(p.fees.amountWanYuan)]),
        ),
      );
    }
  }

  blocks.push(`## ${SECTION_TITLES.requests[lang]}`);
  blocks.push(
    table(
      [
        BALANCE_NOTE[lang],
        "",
        "",
        ...REQUEST_COLUMN_CATALOG.map((c) =>
          c.group ? `${c.group[lang]} / ${c.label[lang]}` : c.label[lang],
        ),
      ],
      REQUEST_ROWS.map((r) => [
        ...requestRowLevels(r, lang),
        ...REQUEST_COLUMNS.map((c) => formatCell(report.requests[r][c])),
      ]),
      3,
    ),
  );

  blocks.push(`## ${SECTION_TITLES.appeals[lang]}`);
  blocks.push(
    table(
      ["", ...APPEAL_COLUMNS.map((c) => APPEAL_COLUMN_LABELS[c][lang])],
      APPEAL_BLOCKS.map((b) => [
        appealBlockLabel(b, lang),
        ...APPEAL_COLUMNS.map((c) => formatCell(report.appeals[b][c])),
      ]),
    ),
  );

  blocks.push(`## ${SECTION_TITLES.problems[lang]}`, ...textBlock(report.problems));
  blocks.push(`## ${SECTION_TITLES.otherMatters[lang]}`, ...textBlock(report.otherMatters));
  const fees = ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const;
  blocks.push(
    table(
      fees.map((k) => FEES_LABELS[k][lang]),
      [fees.map((k) => formatCell(report.fees[k]))],
      0,
    ),
  );
  return `${blocks.join("\n\n")}\n`;
};
