// The report as a publication, independent of the file format: title, preamble, the six
// sections with their narratives and the template's tables (merged cells as spans, like HTML),
// the 落款 (agency and date), and for a draft the watermark and, when asked, the findings in
// words. The Word, PDF and Excel writers (@ogi/documents) lay this out; nothing in it is an
// internal code or a field path, and the agency code is not part of it.
import type { Lang } from "../../text.ts";
import {
  APPEAL_BLOCK_LABELS,
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPLICANT_HEADING,
  BALANCE_NOTE,
  type Bilingual,
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
  rowInfo,
  SECTION_TITLES,
  SECTIONS,
  type Section,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { getCell, type ReportDraft } from "../schema.ts";
import { formatCell, groupHasItems, groupInfo, reportTitle, SEVERITY_LABELS } from "./common.ts";

/** One cell of a table as printed: its text, spans, alignment, whether it is a label, and a figure's value for spreadsheets. */
export type LayoutCell = {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** A label (template wording) rather than a figure. */
  label?: boolean;
  align?: "left" | "center" | "right";
  /** A figure's value, for spreadsheets (null when blank). */
  value?: number | null;
};

/** A table of the official layout, row by row, with its merged cells. */
export type LayoutTable = {
  /** Relative column widths (the template's grid). */
  widths: number[];
  /** Rows at the top that repeat when the table breaks across pages. */
  headerRows: number;
  /** Cells as in HTML: a spanned position is not listed again in the rows it covers. */
  rows: LayoutCell[][];
  /** Smaller type for the wide tables. */
  size: "normal" | "small" | "tiny";
};

/** One block of the published report: a heading, a paragraph or a table. */
export type LayoutBlock =
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; name: Section | "fees"; table: LayoutTable };

/** The report laid out for publishing (title, preamble, blocks, 落款), which the HTML, Word, PDF and Excel writers draw. */
export type Publication = {
  title: string;
  /** 草稿 (or "DRAFT"), printed across every page, when the report is not the published one. */
  watermark?: string;
  /** Findings as sentences (draft only, and only when asked). */
  findings: { heading: string; items: string[] };
  preamble: string;
  blocks: LayoutBlock[];
  /** The 落款: agency name, then the date in words. */
  signOff: string[];
  lang: Lang;
};

/** How to lay a report out: the language, whether it is a draft, the date of the 落款 and the findings to list. */
export type PublicationOptions = {
  lang?: Lang;
  /** A draft is watermarked; findings are shown only on a draft. */
  draft?: boolean;
  findings?: readonly Finding[];
  /** The date for the 落款 (YYYY-MM-DD); left out, the 落款 carries the agency only. */
  date?: string;
};

/** The mark of a draft, in Chinese and English. */
export const WATERMARK: Bilingual = { zh: "草稿", en: "DRAFT" };
/** The heading of a draft's list of findings, in Chinese and English. */
export const FINDINGS_HEADING: Bilingual = {
  zh: "检查结果（草稿，发布前删除）",
  en: "Findings (draft; removed on publication)",
};

/**
 * The preamble that opens a published report (本报告根据……编制), with the statistical period.
 * The report's own intro replaces it when the agency wrote one.
 */
export const reportPreamble = (report: Pick<ReportDraft, "agency" | "year">, lang: Lang): string =>
  lang === "zh"
    ? `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，由${report.agency.name}编制。本报告中所列数据的统计期限自${report.year}年1月1日起至${report.year}年12月31日止。`
    : `This report was prepared by ${report.agency.name} under the Regulations on Government Information Disclosure and the 2021 annual report format (State Council General Office, 2021 No. 30). Its figures cover 1 January to 31 December ${report.year}.`;

/** "2025年1月20日" as 公文 write it in the 落款 (numerals: GB/T 9704-2012 §7.3.5.3). */
export const signOffDate = (date: string, lang: Lang): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  return lang === "zh"
    ? `${Number(y)}年${Number(mo)}月${Number(d)}日`
    : new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
};

const num = (report: ReportDraft, path: string): LayoutCell => {
  const value = getCell(report, path);
  return { text: formatCell(value), value, align: "center" };
};
const label = (text: string, spans: Partial<LayoutCell> = {}): LayoutCell => ({
  text,
  label: true,
  align: "center",
  ...spans,
});

const proactiveTable = (report: ReportDraft, lang: Lang): LayoutTable => {
  const rows: LayoutCell[][] = [];
  for (const sub of PROACTIVE_CATALOG) {
    rows.push([label(sub.article[lang], { colSpan: 4 })]);
    if (sub.kind === "documents") {
      rows.push([
        label(CONTENT_LABEL[lang]),
        ...PROACTIVE_DOCUMENT_COLUMNS.map((c) => label(PROACTIVE_DOCUMENT_COLUMN_LABELS[c][lang])),
      ]);
      for (const r of sub.rows)
        rows.push([
          label(r.label[lang]),
          ...PROACTIVE_DOCUMENT_COLUMNS.map((c) => num(report, `proactive.${r.key}.${c}`)),
        ]);
    } else {
      const head = sub.kind === "fees" ? FEE_AMOUNT_LABEL : DECISIONS_LABEL;
      const field = sub.kind === "fees" ? "amountWanYuan" : "decisions";
      rows.push([label(CONTENT_LABEL[lang]), label(head[lang], { colSpan: 3 })]);
      for (const r of sub.rows)
        rows.push([
          label(r.label[lang]),
          { ...num(report, `proactive.${r.key}.${field}`), colSpan: 3 },
        ]);
    }
  }
  return { widths: [2, 1, 1, 1], headerRows: 0, rows, size: "normal" };
};

const requestsTable = (report: ReportDraft, lang: Lang): LayoutTable => {
  const [natural, ...rest] = REQUEST_COLUMN_CATALOG;
  const grouped = rest.filter((c) => c.group);
  const total = rest.find((c) => !c.group)!;
  const rows: LayoutCell[][] = [
    [
      label(BALANCE_NOTE[lang], { colSpan: 3, rowSpan: 3, align: "left" }),
      label(APPLICANT_HEADING[lang], { colSpan: 7 }),
    ],
    [
      label(natural!.label[lang], { rowSpan: 2 }),
      label(grouped[0]!.group![lang], { colSpan: grouped.length }),
      label(total.label[lang], { rowSpan: 2 }),
    ],
    grouped.map((c) => label(c.label[lang])),
  ];
  const outcomeRows = REQUEST_ROWS.filter(
    (r) => rowInfo(r).group !== undefined || r === "totalProcessed",
  );
  for (const r of REQUEST_ROWS) {
    const info = rowInfo(r);
    const head: LayoutCell[] = [];
    if (r === outcomeRows[0])
      head.push(label(OUTCOMES_HEADING[lang], { rowSpan: outcomeRows.length }));
    if (info.group !== undefined && groupHasItems(info.group)) {
      const members = REQUEST_ROWS.filter((o) => rowInfo(o).group === info.group);
      if (members[0] === r)
        head.push(label(groupInfo(info.group).label[lang], { rowSpan: members.length }));
      head.push(label(info.label[lang], { align: "left" }));
    } else if (info.group !== undefined || r === "totalProcessed") {
      head.push(label(info.label[lang], { colSpan: 2, align: "left" }));
    } else {
      head.push(label(info.label[lang], { colSpan: 3, align: "left" }));
    }
    rows.push([...head, ...REQUEST_COLUMNS.map((c) => num(report, `requests.${r}.${c}`))]);
  }
  // The template's grid: 754, 921, 3271 and 7 × 685 twips.
  return {
    widths: [754, 921, 3271, ...REQUEST_COLUMNS.map(() => 685)],
    headerRows: 3,
    rows,
    size: "small",
  };
};

const appealsTable = (report: ReportDraft, lang: Lang): LayoutTable => {
  const [review, ...litigation] = APPEAL_BLOCKS;
  const rows: LayoutCell[][] = [
    [
      label(APPEAL_BLOCK_LABELS[review!][lang], { colSpan: 5 }),
      label(LITIGATION_LABEL[lang], { colSpan: 10 }),
    ],
    [
      ...APPEAL_COLUMNS.map((c) => label(APPEAL_COLUMN_LABELS[c][lang], { rowSpan: 2 })),
      ...litigation.map((b) => label(APPEAL_BLOCK_LABELS[b][lang], { colSpan: 5 })),
    ],
    litigation.flatMap(() => APPEAL_COLUMNS.map((c) => label(APPEAL_COLUMN_LABELS[c][lang]))),
    APPEAL_BLOCKS.flatMap((b) => APPEAL_COLUMNS.map((c) => num(report, `appeals.${b}.${c}`))),
  ];
  return {
    widths: APPEAL_BLOCKS.flatMap(() => APPEAL_COLUMNS.map(() => 1)),
    headerRows: 3,
    rows,
    size: "tiny",
  };
};

const FEE_KEYS = ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const;
const feesTable = (report: ReportDraft, lang: Lang): LayoutTable => ({
  widths: [1, 1, 1],
  headerRows: 1,
  rows: [
    FEE_KEYS.map((k) => label(FEES_LABELS[k][lang])),
    FEE_KEYS.map((k) => num(report, `fees.${k}`)),
  ],
  size: "normal",
});

/** Narrative text as paragraphs (one per line; blank lines dropped). */
const paragraphs = (text: string): LayoutBlock[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => ({ kind: "paragraph", text: line }));

/** A finding as a sentence: its severity and message; no rule codes, no field paths. */
const findingSentence = (f: Finding, lang: Lang) =>
  `${SEVERITY_LABELS[f.severity][lang]}${lang === "zh" ? "：" : ": "}${f.message[lang]}`;

/** Lays a report out for publishing (see Publication): pure, shared by every output format. */
export const reportPublication = (
  report: ReportDraft,
  options: PublicationOptions = {},
): Publication => {
  const lang = options.lang ?? "zh";
  const blocks: LayoutBlock[] = [];
  const sectionBody: Record<Section, () => LayoutBlock[]> = {
    overview: () =>
      OVERVIEW_PARTS.flatMap((p) => [
        { kind: "subheading", text: OVERVIEW_PART_LABELS[p][lang] } as LayoutBlock,
        ...paragraphs(report.overview[p]),
      ]),
    proactive: () => [{ kind: "table", name: "proactive", table: proactiveTable(report, lang) }],
    requests: () => [{ kind: "table", name: "requests", table: requestsTable(report, lang) }],
    appeals: () => [{ kind: "table", name: "appeals", table: appealsTable(report, lang) }],
    problems: () => paragraphs(report.problems),
    otherMatters: () => [
      ...paragraphs(report.otherMatters),
      { kind: "table", name: "fees", table: feesTable(report, lang) },
    ],
  };
  for (const s of SECTIONS)
    blocks.push({ kind: "heading", text: SECTION_TITLES[s][lang] }, ...sectionBody[s]());
  const draft = options.draft === true;
  const findings = draft ? (options.findings ?? []) : [];
  return {
    title: reportTitle(report, lang),
    ...(draft ? { watermark: WATERMARK[lang] } : {}),
    findings: {
      heading: FINDINGS_HEADING[lang],
      items: findings.map((f) => findingSentence(f, lang)),
    },
    preamble: report.overview.intro.trim() || reportPreamble(report, lang),
    blocks,
    signOff: [
      report.agency.name,
      ...(options.date === undefined ? [] : [signOffDate(options.date, lang)]),
    ],
    lang,
  };
};
