// Reads a whole report from source lines: title (agency and year), the six sections, the
// tables, the narrative and the fee statement.
import { FEES_LABELS, rowInfo, SECTION_TITLES, SECTIONS, type Section } from "../catalog.ts";
import type { Finding } from "../findings.ts";
import { cellPaths, type ReportDraft, setCell, YEAR_MAX, YEAR_MIN } from "../schema.ts";
import { unreadable } from "./findings.ts";
import { fullLineWidth, paragraphsOf, readFeeStatement, readOverview } from "./narrative.ts";
import { coreKey, fold, labelKey, numberingOf, readCell, stripMarkup } from "./normalize.ts";
import { readAppeals } from "./read-appeals.ts";
import { readProactive } from "./read-proactive.ts";
import { readRequests } from "./read-requests.ts";
import { readTitle } from "./read-title.ts";
import type { SourceDoc, SourceLine } from "./source-lines.ts";

export type ReadResult = {
  report: ReportDraft;
  findings: Finding[];
  /** How many headings and tables were recognized: 0 means this is not a report. */
  recognized: number;
};

/** A draft with every cell null and every text empty. */
export const blankDraft = (): ReportDraft => {
  const draft = {
    formatVersion: "2021",
    agency: { name: "" },
    year: 0,
    overview: {
      intro: "",
      proactive: "",
      requests: "",
      management: "",
      platform: "",
      supervision: "",
    },
    proactive: {
      rules: {},
      normativeDocuments: {},
      licensing: {},
      penalty: {},
      coercion: {},
      fees: {},
    },
    requests: {},
    appeals: {},
    problems: "",
    otherMatters: "",
    fees: {},
  } as unknown as ReportDraft;
  for (const { path } of cellPaths()) {
    const parts = path.split(".");
    let node = draft as unknown as Record<string, Record<string, unknown>>;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as unknown as Record<string, Record<string, unknown>>;
    }
    setCell(draft, path, null);
  }
  return draft;
};

const NUMERALS = ["一", "二", "三", "四", "五", "六"];

// Headings of older formats (before 2019) and common rewordings, besides the 2021 titles.
const SECTION_ALIASES: Record<Section, string[]> = {
  overview: ["概述", "基本情况", "总体工作情况", "政府信息公开总体工作情况", "基本工作情况"],
  proactive: ["主动公开情况"],
  requests: ["依申请公开政府信息情况", "政府信息依申请公开办理情况", "依申请公开情况"],
  appeals: [
    "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "因政府信息公开申请行政复议和提起行政诉讼的情况",
    "政府信息公开行政复议及行政诉讼情况",
    "行政复议、行政诉讼情况",
  ],
  problems: [
    "政府信息公开工作存在的主要问题及改进情况",
    "存在的主要问题和改进措施",
    "存在的主要问题及改进措施",
    "存在问题及改进情况",
  ],
  otherMatters: ["其他需要报告的事项", "需要说明的事项"],
};
const HEADING_CORES = Object.fromEntries(
  SECTIONS.map((s) => [s, [SECTION_TITLES[s].zh, ...SECTION_ALIASES[s]].map(coreKey)]),
) as Record<Section, string[]>;

/** Whether a line is the heading of a section ("一、总体情况", "## 三、收到和处理…", "一、概述"). */
const isHeading = (line: SourceLine, section: Section): boolean => {
  if (line.text === "" || line.cells.length > 2) return false;
  const text = stripMarkup(line.text);
  const core = coreKey(text);
  const matches = HEADING_CORES[section].some(
    (t) => core === t || (core.startsWith(t) && core.length <= t.length + 6),
  );
  if (!matches) return false;
  const numbering = numberingOf(text);
  const numeral = NUMERALS[SECTIONS.indexOf(section)]!;
  return numbering === "" || numbering.includes(numeral);
};

const findHeadings = (lines: readonly SourceLine[]): Map<Section, number> => {
  const found = new Map<Section, number>();
  let from = 0;
  for (const s of SECTIONS) {
    for (let i = from; i < lines.length; i++)
      if (isHeading(lines[i]!, s)) {
        found.set(s, i);
        from = i + 1;
        break;
      }
  }
  return found;
};

/** Lines of a section: after its heading, up to the next heading found. */
const regionOf = (
  lines: readonly SourceLine[],
  headings: Map<Section, number>,
  section: Section,
): SourceLine[] | null => {
  const start = headings.get(section);
  if (start === undefined) return null;
  const later = SECTIONS.slice(SECTIONS.indexOf(section) + 1)
    .map((s) => headings.get(s))
    .filter((i): i is number => i !== undefined);
  const end = later.length > 0 ? Math.min(...later) : lines.length;
  return lines.slice(start + 1, end);
};

const YEAR = /([0-9０-９]{4})\s*年/;

export const readDocument = (doc: SourceDoc): ReadResult => {
  // Markdown: headings and prose without their marks and escapes (tables keep their cells).
  const lines =
    doc.kind === "markdown"
      ? doc.lines.map((l) =>
          l.explicit || l.text === ""
            ? l
            : {
                ...l,
                text: stripMarkup(l.text),
                cells: l.cells.map((c) => ({ ...c, text: stripMarkup(c.text) })),
              },
        )
      : doc.lines;
  const report = blankDraft();
  const findings: Finding[] = [];
  const headings = findHeadings(lines);
  let recognized = headings.size;
  const firstHeading = Math.min(...[...headings.values(), lines.length]);
  const width = fullLineWidth(lines);

  // Title: agency and year.
  const title = readTitle(
    lines.slice(0, Math.max(firstHeading, Math.min(lines.length, 12))),
    lines,
  );
  if (title.name) report.agency.name = title.name;
  else
    findings.push(
      unreadable(
        title.line,
        ["agency.name"],
        "未能从标题、首句或落款中读出机关名称。",
        "Could not read the agency's name from the title, the first sentence or the signature.",
      ),
    );
  if (title.year && title.yearSure && title.year >= YEAR_MIN && title.year <= YEAR_MAX)
    report.year = title.year;
  else {
    // The first plausible year in the text, flagged for checking.
    for (const l of lines) {
      const y = Number(fold(YEAR.exec(l.text)?.[1] ?? "0"));
      if (y >= YEAR_MIN && y <= YEAR_MAX) {
        report.year = y;
        break;
      }
    }
    findings.push(
      unreadable(
        title.line,
        ["year"],
        "未能从标题或统计期限中读出报告年度。",
        "Could not read the report's year from the title or the statistics period.",
      ),
    );
  }

  const lineOf = (s: Section) => {
    const i = headings.get(s);
    return i === undefined ? 1 : lines[i]!.no;
  };
  const missing = (s: Section) =>
    findings.push(
      unreadable(
        1,
        [s],
        `找不到第${NUMERALS[SECTIONS.indexOf(s)]}部分“${SECTION_TITLES[s].zh}”的标题。`,
        `The heading of section ${SECTIONS.indexOf(s) + 1} ("${SECTION_TITLES[s].zh}") was not found.`,
      ),
    );

  const overview = regionOf(lines, headings, "overview");
  if (overview) report.overview = readOverview(prose(overview), doc.wrapped, width);
  else missing("overview");

  // Tables: by their sections, or by their labels where a heading is missing.
  const proactive =
    regionOf(lines, headings, "proactive") ??
    lines.slice(headings.get("overview") ?? 0, headings.get("requests") ?? lines.length);
  if (!headings.has("proactive")) missing("proactive");
  const proactiveFindings: Finding[] = [];
  const proactiveRows = readProactive(proactive, report, proactiveFindings, lineOf("proactive"));
  if (proactiveRows > 0 || headings.has("proactive")) findings.push(...proactiveFindings);
  if (proactiveRows > 0) recognized++;

  const requests = regionOf(lines, headings, "requests") ?? fallbackRequests(lines);
  if (!headings.has("requests")) missing("requests");
  const requestFindings: Finding[] = [];
  const requestRows = readRequests(requests, report, requestFindings, lineOf("requests"));
  if (requestRows > 0 || headings.has("requests")) findings.push(...requestFindings);
  if (requestRows > 0) recognized++;

  const appeals = regionOf(lines, headings, "appeals");
  if (appeals) readAppeals(appeals, report, findings, lineOf("appeals"));
  else missing("appeals");

  const problems = regionOf(lines, headings, "problems");
  if (problems) report.problems = paragraphsOf(prose(problems), doc.wrapped, width);
  else missing("problems");

  const other = withoutTrailer(regionOf(lines, headings, "otherMatters"), report.agency.name);
  if (other) {
    report.otherMatters = paragraphsOf(prose(other), doc.wrapped, width);
    report.fees = { ...readFeeStatement(report.otherMatters), ...readFeeTable(other) };
  } else missing("otherMatters");

  return { report, findings, recognized };
};

/** Lines of prose: table rows (cells from markup or tabs) are not part of a text. */
const prose = (lines: SourceLine[]) => lines.filter((l) => !(l.explicit && l.cells.length >= 2));

const FEE_COLUMNS = (["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const).map(
  (k) => ({
    k,
    key: labelKey(FEES_LABELS[k].zh),
    short: labelKey(FEES_LABELS[k].zh.replace(/（元）$/, "")),
  }),
);

/** A fee table in 六 (a header naming the three fee items, then a row of values). */
const readFeeTable = (lines: readonly SourceLine[]): Partial<ReportDraft["fees"]> => {
  const rows = lines.filter((l) => l.explicit && l.cells.length >= 2);
  for (const [i, header] of rows.entries()) {
    const cols = header.cells.map((c) => {
      const k = labelKey(c.text);
      return FEE_COLUMNS.find((f) => k === f.key || k === f.short)?.k;
    });
    if (cols.every((c) => c === undefined)) continue;
    const values = rows[i + 1];
    if (!values) return {};
    const fees: Partial<ReportDraft["fees"]> = {};
    cols.forEach((k, ci) => {
      if (!k) return;
      const v = readCell(values.cells[ci]?.text ?? "");
      fees[k] = v?.kind === "number" ? v.value : null;
    });
    return fees;
  }
  return {};
};

// Page furniture after the last section of a web page.
const FOOTER =
  /主办单位|承办单位|版权所有|ICP备|公网安备|网站标识码|网站地图|联系我们|技术支持|Copyright|©/i;
const DATE_LINE = /^\s*[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*$/;

/**
 * The last section without what follows the report: the site's footer, and the signature
 * (the agency's name, the date) under the text.
 */
const withoutTrailer = (lines: SourceLine[] | null, agency: string): SourceLine[] | null => {
  if (!lines) return lines;
  let end = lines.findIndex((l) => FOOTER.test(l.text));
  if (end < 0) end = lines.length;
  const agencyKey = labelKey(agency);
  const isSignature = (l: SourceLine) => {
    const t = l.text.trim();
    if (t === "") return true;
    if (DATE_LINE.test(fold(t))) return true;
    const k = labelKey(t);
    return (
      k.length <= 30 &&
      !/[。；;，,]/.test(t) &&
      (/(?:人民政府|办公室|委员会|局|厅|委|办|中心|院|署)$/.test(k) ||
        (agencyKey !== "" && k.includes(agencyKey)))
    );
  };
  while (end > 0 && isSignature(lines[end - 1]!)) end--;
  return lines.slice(0, end);
};

/** Without the heading of 三, the table is where its first and last rows are. */
const fallbackRequests = (lines: readonly SourceLine[]): SourceLine[] => {
  const firstRow = coreKey(rowInfo("newReceived").label.zh);
  const lastRow = coreKey(rowInfo("carriedForward").label.zh);
  const first = lines.findIndex((l) => labelKey(l.text).includes(firstRow));
  if (first < 0) return [];
  let last = lines.findIndex((l, i) => i > first && labelKey(l.text).includes(lastRow));
  if (last < 0) last = Math.min(lines.length - 1, first + 80);
  return lines.slice(Math.max(0, first - 12), last + 3);
};
