// HTML rendering: one self-contained page (inline CSS, no scripts, no external assets) whose
// tables have the merged cells of the official template and print on A4. Exact layout, for
// parsing back (all text is HTML-escaped: & < > " '):
//
//   <html lang="zh-CN|en" data-format-version="2021">
//   <body data-agency-name="…" [data-agency-code="…"] data-year="2024">
//   <h1 class="title">reportTitle()</h1> (the agency code is not printed: data-agency-code only)
//   a draft: <div class="watermark" aria-hidden="true" data-watermark="草稿"></div> (drawn by CSS
//   from the attribute, so that copying the page's text does not pick it up), and <section class="findings">
//     when findings were given, as sentences without codes or paths (ignore both when parsing)
//   <p class="preamble"> (本报告根据……) when the report has no intro of its own (ignore it)
//   <section data-section="overview|proactive|requests|appeals|problems|otherMatters">, each with
//     <h2>SECTION_TITLES</h2>. Narrative texts are <div class="text" data-field="overview.intro">
//     (overview.<part> under <h3>OVERVIEW_PART_LABELS</h3>, "problems", "otherMatters") whose
//     text content is the exact text (white-space: pre-wrap keeps its line breaks).
//   Every cell is a <td data-cell="<JSON path>"> whose text content is String(n), or empty for
//   null; label cells are <th>. Section 二 is one table (the template's), 三 the 28-row table of
//   the template (3 header rows, 25 body rows), 四 the 4-row table (3 header rows, 15 cells),
//   六 ends with a <table class="fees"> of the three fee cells.
//   <div class="sign-off"> at the end: the agency's name and the date (ignore it when parsing).
//   With findings, a flagged cell also gets class="flagged flagged-error|flagged-warning" and a
//   title attribute with the messages.

import { escapeHtml } from "../../text.ts";
import {
  APPEAL_BLOCK_LABELS,
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPLICANT_HEADING,
  BALANCE_NOTE,
  CONTENT_LABEL,
  DECISIONS_LABEL,
  FEE_AMOUNT_LABEL,
  FEES_LABELS,
  LITIGATION_LABEL,
  OUTCOMES_HEADING,
  OVERVIEW_PART_LABELS,
  OVERVIEW_PARTS,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  PROACTIVE_DOCUMENT_COLUMNS,
  REQUEST_COLUMN_CATALOG,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestRow,
  rowInfo,
  SECTION_TITLES,
  type Section,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { getCell, type ReportDraft } from "../schema.ts";
import {
  formatCell,
  groupHasItems,
  groupInfo,
  type Lang,
  reportTitle,
  SEVERITY_LABELS,
} from "./common.ts";
import { FINDINGS_HEADING, reportPreamble, signOffDate, WATERMARK } from "./layout.ts";

export { escapeHtml };

const STYLE = `
@page { size: A4; margin: 20mm 15mm 18mm; }
:root { color: #000; background: #fff; }
body {
  margin: 0 auto; max-width: 180mm; padding: 8mm 0;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "SimSun", "宋体",
    "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 12pt; line-height: 1.6;
}
h1, h2, h3 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: bold; break-after: avoid; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.5em; }
h3 { font-size: 12pt; margin: 0.8em 0 0.3em; }
.preamble { text-indent: 2em; }
.sign-off { text-align: right; margin: 2em 4em 0 0; }
.sign-off p { margin: 0; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 120pt; color: rgba(0, 0, 0, 0.16); transform: rotate(-45deg); pointer-events: none; user-select: none; z-index: -1; }
.watermark::before { content: attr(data-watermark); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; text-indent: 0; }
table { width: 100%; max-width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.5em 0 1em; font-size: 10pt; line-height: 1.35; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; overflow-wrap: break-word; hyphens: auto; vertical-align: middle; }
th { font-weight: normal; text-align: center; }
th[scope="row"] { text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tr, thead { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table.requests { font-size: 9pt; }
table.requests th.outcomes { writing-mode: vertical-rl; text-align: center; letter-spacing: 0.2em; }
table.requests .corner { font-size: 8pt; text-align: left; }
table.appeals { font-size: 8pt; }
html:lang(en) table.appeals, html:lang(en) table.requests thead th { font-size: 6.5pt; }
table.appeals td { text-align: center; }
.findings { border: 1pt solid #b00; padding: 0.3em 0.8em; margin: 0 0 1em; break-inside: avoid; }
.findings h2 { margin: 0.2em 0; font-size: 12pt; }
.findings ul { margin: 0.2em 0; padding-left: 1.2em; }
.findings .error { color: #b00; }
.findings code { font-size: 9pt; }
.flagged-error { background: #fdd; outline: 1.5pt solid #b00; outline-offset: -1.5pt; }
.flagged-warning { background: #ffd; outline: 1.5pt dashed #a60; outline-offset: -1.5pt; }
@media print {
  body { padding: 0; max-width: none; }
  .findings { font-size: 9pt; }
}
`;

type Marks = Map<string, { severity: Finding["severity"]; titles: string[] }>;

const markFindings = (findings: readonly Finding[], lang: Lang): Marks => {
  const marks: Marks = new Map();
  for (const f of findings)
    for (const path of f.cells) {
      const mark = marks.get(path) ?? { severity: "warning", titles: [] };
      if (f.severity === "error") mark.severity = "error";
      mark.titles.push(f.message[lang]);
      marks.set(path, mark);
    }
  return marks;
};

const attr = (name: string, value: string | number | undefined) =>
  value === undefined ? "" : ` ${name}="${escapeHtml(String(value))}"`;

export type HtmlOptions = { draft?: boolean; findings?: readonly Finding[]; date?: string };

export const renderHtml = (
  report: ReportDraft,
  lang: Lang = "zh",
  options: HtmlOptions = {},
): string => {
  const draft = options.draft === true;
  const findings = draft ? (options.findings ?? []) : [];
  const marks = markFindings(findings, lang);
  const L = <T extends { zh: string; en: string }>(b: T) => escapeHtml(b[lang]);
  const td = (path: string, colspan?: number) => {
    const mark = marks.get(path);
    const cls = mark ? `flagged flagged-${mark.severity}` : undefined;
    return `<td${attr("colspan", colspan)}${attr("class", cls)}${attr("title", mark?.titles.join("\n"))} data-cell="${path}">${escapeHtml(formatCell(getCell(report, path)))}</td>`;
  };
  const th = (
    text: string,
    spans: { colspan?: number; rowspan?: number; scope?: string; cls?: string } = {},
  ) =>
    `<th${attr("colspan", spans.colspan)}${attr("rowspan", spans.rowspan)}${attr("scope", spans.scope)}${attr("class", spans.cls)}>${text}</th>`;
  const text = (field: string, value: string) =>
    `<div class="text" data-field="${field}">${escapeHtml(value)}</div>`;
  const section = (key: Section, body: string[]) =>
    `<section data-section="${key}">\n<h2>${L(SECTION_TITLES[key])}</h2>\n${body.join("\n")}\n</section>`;

  // 二: the template's single 4-column table.
  const proactive: string[] = [
    '<table class="proactive">',
    '<colgroup><col span="4"></colgroup>',
    "<tbody>",
  ];
  for (const sub of PROACTIVE_CATALOG) {
    proactive.push(`<tr>${th(L(sub.article), { colspan: 4, cls: "article" })}</tr>`);
    if (sub.kind === "documents") {
      proactive.push(
        `<tr>${th(L(CONTENT_LABEL))}${PROACTIVE_DOCUMENT_COLUMNS.map((c) => th(L(PROACTIVE_DOCUMENT_COLUMN_LABELS[c]))).join("")}</tr>`,
      );
      for (const r of sub.rows)
        proactive.push(
          `<tr>${th(L(r.label), { scope: "row" })}${PROACTIVE_DOCUMENT_COLUMNS.map((c) => td(`proactive.${r.key}.${c}`)).join("")}</tr>`,
        );
    } else {
      const label = sub.kind === "fees" ? FEE_AMOUNT_LABEL : DECISIONS_LABEL;
      const field = sub.kind === "fees" ? "amountWanYuan" : "decisions";
      proactive.push(`<tr>${th(L(CONTENT_LABEL))}${th(L(label), { colspan: 3 })}</tr>`);
      for (const r of sub.rows)
        proactive.push(
          `<tr>${th(L(r.label), { scope: "row" })}${td(`proactive.${r.key}.${field}`, 3)}</tr>`,
        );
    }
  }
  proactive.push("</tbody>", "</table>");

  // 三: column widths from the template's grid (754, 921, 3271, 7 × 685 twips).
  const requests: string[] = [
    '<table class="requests">',
    '<colgroup><col style="width:7.7%"><col style="width:9.5%"><col style="width:33.6%"><col span="7" style="width:7.03%"></colgroup>',
    "<thead>",
    `<tr>${th(L(BALANCE_NOTE), { colspan: 3, rowspan: 3, cls: "corner" })}${th(L(APPLICANT_HEADING), { colspan: 7 })}</tr>`,
  ];
  const [natural, ...rest] = REQUEST_COLUMN_CATALOG;
  const grouped = rest.filter((c) => c.group);
  const total = rest.find((c) => !c.group)!;
  requests.push(
    `<tr>${th(L(natural!.label), { rowspan: 2 })}${th(L(grouped[0]!.group!), { colspan: grouped.length })}${th(L(total.label), { rowspan: 2 })}</tr>`,
    `<tr>${grouped.map((c) => th(L(c.label))).join("")}</tr>`,
    "</thead>",
    "<tbody>",
  );
  const outcomeRows = REQUEST_ROWS.filter(
    (r) => rowInfo(r).group !== undefined || r === "totalProcessed",
  );
  const cells = (r: RequestRow) => REQUEST_COLUMNS.map((c) => td(`requests.${r}.${c}`)).join("");
  for (const r of REQUEST_ROWS) {
    const info = rowInfo(r);
    let head = "";
    if (r === outcomeRows[0])
      head += th(L(OUTCOMES_HEADING), {
        rowspan: outcomeRows.length,
        scope: "rowgroup",
        cls: lang === "zh" ? "outcomes" : undefined,
      });
    if (info.group !== undefined && groupHasItems(info.group)) {
      const members = REQUEST_ROWS.filter((o) => rowInfo(o).group === info.group);
      if (members[0] === r)
        head += th(L(groupInfo(info.group).label), { rowspan: members.length, scope: "rowgroup" });
      head += th(L(info.label), { scope: "row" });
    } else if (info.group !== undefined || r === "totalProcessed") {
      head += th(L(info.label), { colspan: 2, scope: "row" });
    } else {
      head += th(L(info.label), { colspan: 3, scope: "row" });
    }
    requests.push(`<tr>${head}${cells(r)}</tr>`);
  }
  requests.push("</tbody>", "</table>");

  // 四: 行政复议 over 5 columns, 行政诉讼 over 10 with its two blocks below.
  const [review, ...litigation] = APPEAL_BLOCKS;
  const appeals = [
    '<table class="appeals">',
    "<thead>",
    `<tr>${th(L(APPEAL_BLOCK_LABELS[review!]), { colspan: 5 })}${th(L(LITIGATION_LABEL), { colspan: 10 })}</tr>`,
    `<tr>${APPEAL_COLUMNS.map((c) => th(L(APPEAL_COLUMN_LABELS[c]), { rowspan: 2 })).join("")}${litigation.map((b) => th(L(APPEAL_BLOCK_LABELS[b]), { colspan: 5 })).join("")}</tr>`,
    `<tr>${litigation.map(() => APPEAL_COLUMNS.map((c) => th(L(APPEAL_COLUMN_LABELS[c]))).join("")).join("")}</tr>`,
    "</thead>",
    "<tbody>",
    `<tr>${APPEAL_BLOCKS.map((b) => APPEAL_COLUMNS.map((c) => td(`appeals.${b}.${c}`)).join("")).join("")}</tr>`,
    "</tbody>",
    "</table>",
  ];

  const feeKeys = ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const;
  const fees = [
    '<table class="fees">',
    `<thead><tr>${feeKeys.map((k) => th(L(FEES_LABELS[k]))).join("")}</tr></thead>`,
    `<tbody><tr>${feeKeys.map((k) => td(`fees.${k}`)).join("")}</tr></tbody>`,
    "</table>",
  ];

  const findingList =
    findings.length === 0
      ? []
      : [
          `<section class="findings">`,
          `<h2>${L(FINDINGS_HEADING)}</h2>`,
          "<ul>",
          ...findings.map(
            (f) =>
              `<li class="${f.severity}">${L(SEVERITY_LABELS[f.severity])}${lang === "zh" ? "：" : ": "}${L(f.message)}</li>`,
          ),
          "</ul>",
          "</section>",
        ];

  const title = escapeHtml(reportTitle(report, lang));
  return [
    "<!doctype html>",
    `<html lang="${lang === "zh" ? "zh-CN" : "en"}" data-format-version="${escapeHtml(report.formatVersion)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    `<body${attr("data-agency-name", report.agency.name)}${attr("data-agency-code", report.agency.code)}${attr("data-year", report.year)}>`,
    `<h1 class="title">${title}</h1>`,
    ...(draft
      ? [`<div class="watermark" aria-hidden="true" data-watermark="${L(WATERMARK)}"></div>`]
      : []),
    ...findingList,
    ...(report.overview.intro.trim() === ""
      ? [`<p class="preamble">${escapeHtml(reportPreamble(report, lang))}</p>`]
      : []),
    section("overview", [
      text("overview.intro", report.overview.intro),
      ...OVERVIEW_PARTS.flatMap((p) => [
        `<h3>${L(OVERVIEW_PART_LABELS[p])}</h3>`,
        text(`overview.${p}`, report.overview[p]),
      ]),
    ]),
    section("proactive", proactive),
    section("requests", requests),
    section("appeals", appeals),
    section("problems", [text("problems", report.problems)]),
    section("otherMatters", [text("otherMatters", report.otherMatters), ...fees]),
    `<div class="sign-off"><p>${escapeHtml(report.agency.name)}</p>${options.date ? `<p>${escapeHtml(signOffDate(options.date, lang))}</p>` : ""}</div>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
};
