// CSV rendering: one record per cell, RFC 4180 (CRLF line ends, fields with , " CR or LF
// quoted, " doubled), UTF-8 with a BOM so Excel reads the Chinese. Exact layout:
//
//   section,rowKey,columnKey,label,value                      (header)
//   formatVersion,,,<format label>,2021
//   agency,name,,<label>,<name>
//   agency,code,,<label>,<code>                                only when the report has a code
//   year,,,<label>,<year>
//   overview,intro,,一、总体情况,<text>
//   overview,<part>,,一、总体情况 / （一）主动公开,<text>        the five OVERVIEW_PARTS
//   proactive,<row>,<column>,规章 / 本年制发件数,<n>            10 cells, cellPaths() order
//   requests,<row>,<column>,<row label> / <column label>,<n>   175 cells, rows then columns
//   appeals,<block>,<column>,行政复议 / 结果维持,<n>            15 cells
//   problems,,,五、存在的主要问题及改进情况,<text>
//   otherMatters,,,六、其他需要报告的事项,<text>
//   fees,<key>,,<fee label>,<n>                               3 cells
//
// section.rowKey.columnKey (empty parts dropped) is the JSON path of the value. A count or
// amount is String(n), empty for null. Text values (name, code, narratives) that start with
// = + - @ tab, CR or ' get a leading ' (formula-injection guard; strip one leading ' from a
// text value when parsing). Labels are the verbatim catalog labels in the chosen language,
// joined with " / "; with a group, a request column reads "法人或其他组织 / 商业企业".
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  type Bilingual,
  columnInfo,
  DECISIONS_LABEL,
  FEE_AMOUNT_LABEL,
  FEES_LABELS,
  OVERVIEW_PART_LABELS,
  OVERVIEW_PARTS,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  PROACTIVE_DOCUMENT_COLUMNS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  rowInfo,
  SECTION_TITLES,
} from "../catalog.ts";
import { getCell, type ReportDraft } from "../schema.ts";
import { appealBlockLabel, formatCell, type Lang } from "./common.ts";

/** The header row of the CSV rendering. */
export const CSV_HEADER = ["section", "rowKey", "columnKey", "label", "value"] as const;

const META_LABELS: Record<"formatVersion" | "name" | "code" | "year", Bilingual> = {
  formatVersion: { zh: "格式版本", en: "Format version" },
  name: { zh: "机构名称", en: "Agency" },
  code: { zh: "机构代码", en: "Agency code" },
  year: { zh: "年度", en: "Year" },
};

/** A leading ' keeps spreadsheets from reading a text as a formula. */
export const guardFormula = (text: string): string =>
  /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;

export const csvField = (field: string): string =>
  /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;

export const renderCsv = (report: ReportDraft, lang: Lang = "zh"): string => {
  const records: string[][] = [[...CSV_HEADER]];
  const text = (section: string, rowKey: string, label: string, value: string) =>
    records.push([section, rowKey, "", guardFormula(label), guardFormula(value)]);
  const cell = (section: string, rowKey: string, columnKey: string, label: string) =>
    records.push([
      section,
      rowKey,
      columnKey,
      guardFormula(label),
      formatCell(getCell(report, [section, rowKey, columnKey].filter(Boolean).join("."))),
    ]);

  records.push(["formatVersion", "", "", META_LABELS.formatVersion[lang], report.formatVersion]);
  text("agency", "name", META_LABELS.name[lang], report.agency.name);
  if (report.agency.code !== undefined)
    text("agency", "code", META_LABELS.code[lang], report.agency.code);
  records.push(["year", "", "", META_LABELS.year[lang], String(report.year)]);

  const overview = SECTION_TITLES.overview[lang];
  text("overview", "intro", overview, report.overview.intro);
  for (const p of OVERVIEW_PARTS)
    text("overview", p, `${overview} / ${OVERVIEW_PART_LABELS[p][lang]}`, report.overview[p]);

  for (const sub of PROACTIVE_CATALOG)
    for (const item of sub.rows) {
      if (sub.kind === "documents")
        for (const c of PROACTIVE_DOCUMENT_COLUMNS)
          cell(
            "proactive",
            item.key,
            c,
            `${item.label[lang]} / ${PROACTIVE_DOCUMENT_COLUMN_LABELS[c][lang]}`,
          );
      else if (sub.kind === "decisions")
        cell("proactive", item.key, "decisions", `${item.label[lang]} / ${DECISIONS_LABEL[lang]}`);
      else
        cell(
          "proactive",
          item.key,
          "amountWanYuan",
          `${item.label[lang]} / ${FEE_AMOUNT_LABEL[lang]}`,
        );
    }

  for (const r of REQUEST_ROWS)
    for (const c of REQUEST_COLUMNS) {
      const col = columnInfo(c);
      const colLabel = col.group ? `${col.group[lang]} / ${col.label[lang]}` : col.label[lang];
      cell("requests", r, c, `${rowInfo(r).label[lang]} / ${colLabel}`);
    }

  for (const b of APPEAL_BLOCKS)
    for (const c of APPEAL_COLUMNS)
      cell("appeals", b, c, `${appealBlockLabel(b, lang)} / ${APPEAL_COLUMN_LABELS[c][lang]}`);

  text("problems", "", SECTION_TITLES.problems[lang], report.problems);
  text("otherMatters", "", SECTION_TITLES.otherMatters[lang], report.otherMatters);
  for (const k of ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const)
    cell("fees", k, "", FEES_LABELS[k][lang]);

  return `\uFEFF${records.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
};
