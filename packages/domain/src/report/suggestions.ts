// Drafting help: sentences built from the register's figures that a manager may take into the
// narrative, edit or ignore. They are suggestions only: nothing here is ever written into a
// report; the API offers them beside the draft (`suggestions`), the manager decides.
import type { Bilingual, Lang } from "../text.ts";
import { OUTCOME_GROUP_CATALOG, type OutcomeGroup, REQUEST_ROWS, rowInfo } from "./catalog.ts";
import type { RequestsTableDraft } from "./schema.ts";

export type ReportSuggestions = {
  /** Section 一（二）依申请公开: received, concluded by outcome, carried forward, year on year. */
  overviewRequests: Bilingual;
  /**
   * Section 六: the sentence on information-processing fees from the register's fee events
   * (built by the fee helper; absent until it is).
   */
  otherMattersFees?: Bilingual;
};

const total = (t: RequestsTableDraft, row: (typeof REQUEST_ROWS)[number]) => t[row].total ?? 0;
const groupTotal = (t: RequestsTableDraft, group: OutcomeGroup) =>
  REQUEST_ROWS.filter((r) => rowInfo(r).group === group).reduce((s, r) => s + total(t, r), 0);

/** "比上年增加12件（增长3.8%）" / "与上年持平"; nothing without last year's figure. */
const change = (now: number, before: number | undefined, lang: Lang): string => {
  if (before === undefined) return "";
  const diff = now - before;
  const pct = before === 0 ? undefined : Math.abs((diff / before) * 100).toFixed(1);
  if (lang === "zh") {
    if (diff === 0) return "，与上年持平";
    const word = diff > 0 ? "增加" : "减少";
    const rate = pct === undefined ? "" : `（${diff > 0 ? "增长" : "下降"}${pct}%）`;
    return `，比上年${word}${Math.abs(diff)}件${rate}`;
  }
  if (diff === 0) return ", the same as the year before";
  const rate = pct === undefined ? "" : ` (${diff > 0 ? "+" : "−"}${pct}%)`;
  return `, ${Math.abs(diff)} ${diff > 0 ? "more" : "fewer"} than the year before${rate}`;
};

/**
 * The paragraph on applications for section 一（二）, from this year's table of section 三 and,
 * when known, last year's (for the change in applications received).
 */
export const suggestRequestsParagraph = (
  year: number,
  table: RequestsTableDraft,
  lastYear: RequestsTableDraft | undefined,
  lang: Lang = "zh",
): string => {
  const received = total(table, "newReceived");
  const before = lastYear === undefined ? undefined : total(lastYear, "newReceived");
  const groups = OUTCOME_GROUP_CATALOG.map((g) => ({ g, n: groupTotal(table, g.key) })).filter(
    (x) => x.n > 0,
  );
  const concluded = total(table, "totalProcessed");
  const carriedOver = total(table, "carriedOver");
  const carriedForward = total(table, "carriedForward");
  if (lang === "zh") {
    const outcomes = groups.map(({ g, n }) => `${g.short.zh}${n}件`).join("，");
    return (
      `${year}年，共收到政府信息公开申请${received}件${change(received, before, lang)}；` +
      `上年结转${carriedOver}件。全年办结${concluded}件${outcomes ? `，其中${outcomes}` : ""}。` +
      `结转下年度继续办理${carriedForward}件。`
    );
  }
  const outcomes = groups.map(({ g, n }) => `${g.short.en.toLowerCase()} ${n}`).join(", ");
  return (
    `In ${year}, ${received} applications were received${change(received, before, lang)}; ` +
    `${carriedOver} were carried over. ${concluded} were concluded${outcomes ? ` (${outcomes})` : ""}. ` +
    `${carriedForward} are carried forward to next year.`
  );
};

/** Both languages of the section 一 suggestion (what the API serves beside a draft). */
export const suggestOverviewRequests = (
  year: number,
  table: RequestsTableDraft,
  lastYear: RequestsTableDraft | undefined,
): Bilingual => ({
  zh: suggestRequestsParagraph(year, table, lastYear, "zh"),
  en: suggestRequestsParagraph(year, table, lastYear, "en"),
});
