// narrative.numberMismatch: counts written in the text of 一、总体情况 ("全市共受理政府信息公开申请
// 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）") compared with the
// tables. Reports word these sentences freely, so only a few unambiguous phrasings are read;
// anything else is left alone (a missed mention costs nothing, a false alarm costs trust).
import {
  APPEAL_COLUMN_LABELS,
  type AppealColumn,
  OVERVIEW_PART_LABELS,
  OVERVIEW_PARTS,
  rowInfo,
  SECTION_TITLES,
} from "../catalog.ts";
import type { Finding } from "../findings.ts";
import type { ReportDraft } from "../schema.ts";

type Values = ReadonlyMap<string, number>;

/** Full-width digits to ASCII, whitespace (line breaks of PDF text) and thousands separators out. */
export const normalizeNarrative = (text: string): string =>
  text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, "")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");

const UNIT = "(?:件|条|宗|个|份|起)";
const AMOUNT = "(?:共计|共|总计|合计|总数为|总数|数量为|数量|为)?";

type Kind = "newReceived" | "totalProcessed" | "carriedOver" | "carriedForward";

const REQUEST_PATTERNS: readonly { kind: Kind; re: RegExp }[] = [
  // 收到/受理政府信息公开申请 N 件 (the gap may not mention 结转: that is the carried-over count)
  {
    kind: "newReceived",
    re: new RegExp(
      `(?:收到|受理|新收|接收|接到)((?:(?!结转|转结)[^\\d，。；、,;：:（）()]){0,12}?)申请${AMOUNT}(\\d+)${UNIT}`,
      "g",
    ),
  },
  {
    kind: "totalProcessed",
    re: new RegExp(`(?:答复|办结|办理完毕|处理完毕)()(?:申请)?${AMOUNT}(\\d+)${UNIT}`, "g"),
  },
  {
    kind: "carriedOver",
    re: new RegExp(
      `上一?年度?(?:结转|转结|遗留)()(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?${AMOUNT}(\\d+)${UNIT}`,
      "g",
    ),
  },
  // "103 件顺延到下年度" and "结转下年度继续办理 N 件"
  {
    kind: "carriedForward",
    re: new RegExp(`()(\\d+)${UNIT}(?:申请)?(?:顺延|结转|转入|转至)(?:到|至|入)?下一?年`, "g"),
  },
  {
    kind: "carriedForward",
    re: new RegExp(
      `(?:结转|顺延|转入)(?:到|至)?下一?年度?()(?:继续)?(?:办理|答复)?(?:的)?(?:申请)?${AMOUNT}(\\d+)${UNIT}`,
      "g",
    ),
  },
];

const APPEAL_SUBS = [
  { key: "upheld", re: new RegExp(`(?:结果)?维持(\\d+)${UNIT}`) },
  { key: "corrected", re: new RegExp(`(?:结果)?纠正(\\d+)${UNIT}`) },
  { key: "other", re: new RegExp(`其他结果(\\d+)${UNIT}`) },
  { key: "pending", re: new RegExp(`尚未审结(\\d+)${UNIT}`) },
] as const;

const APPEAL_PATTERNS = [
  {
    kind: "review",
    re: new RegExp(`行政复议(?:案件|申请)?${AMOUNT}(\\d+)${UNIT}`, "g"),
    blocks: ["review"],
    label: { zh: "行政复议", en: "administrative reconsideration" },
  },
  {
    kind: "litigation",
    re: new RegExp(`行政诉讼(?:案件)?${AMOUNT}(\\d+)${UNIT}`, "g"),
    blocks: ["litigationDirect", "litigationAfterReview"],
    label: { zh: "行政诉讼", en: "administrative litigation" },
  },
] as const;

const mismatch = (
  part: string,
  quote: string,
  written: number,
  cells: string[],
  table: number,
  what: { zh: string; en: string },
): Finding => {
  const partLabel =
    part === "intro"
      ? SECTION_TITLES.overview
      : {
          zh: `${SECTION_TITLES.overview.zh}${OVERVIEW_PART_LABELS[part as keyof typeof OVERVIEW_PART_LABELS].zh}`,
          en: `${SECTION_TITLES.overview.en}, ${OVERVIEW_PART_LABELS[part as keyof typeof OVERVIEW_PART_LABELS].en}`,
        };
  return {
    code: "narrative.numberMismatch",
    severity: "warning",
    cells: [...cells, `overview.${part}`],
    message: {
      zh: `${partLabel.zh}写有“${quote}”（${written}），但表中${what.zh}为 ${table}。`,
      en: `${partLabel.en} says “${quote}” (${written}), but ${what.en} in the table is ${table}.`,
    },
  };
};

// Issue 19: a count in a breakdown ("其中网上受理申请10件，信函受理申请5件": by channel) or a
// comparison ("较上年收到申请20件": a change, or last year's count) is not the year's total.
const BREAKDOWN =
  /其中|(?:网上|网络|在线|政府网站|信函|来信|邮寄|当面|现场|窗口|来访|传真|电子邮件|邮件|电话)$/;
const COMPARISON =
  /较上一?年|比上一?年|同比|环比|与上一?年|较去年|比去年|上一?年度?同期|上一?年度?(?:共|全年)?$|去年(?:共|全年)?$/;

/** The clause before position `at` (from the last punctuation mark). */
const clauseBefore = (text: string, at: number): string => {
  const head = text.slice(0, at);
  const cut = Math.max(...[..."，。；,;：:（(、"].map((p) => head.lastIndexOf(p)));
  return head.slice(cut + 1);
};

/** Whether the count at `at` is part of a breakdown or a comparison, not the year's total. */
const notTheTotal = (text: string, at: number): boolean => {
  const clause = clauseBefore(text, at);
  return BREAKDOWN.test(clause) || COMPARISON.test(clause);
};

export const checkNarrative = (report: ReportDraft, values: Values): Finding[] => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const key = `${f.cells.join(",")}|${f.message.zh}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };
  const overview = (report.overview ?? {}) as Record<string, unknown>;
  for (const part of ["intro", ...OVERVIEW_PARTS]) {
    const raw = overview[part];
    if (typeof raw !== "string" || raw === "") continue;
    const text = normalizeNarrative(raw);

    for (const { kind, re } of REQUEST_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const written = Number(m[2]);
        if (notTheTotal(text, m.index ?? 0)) continue;
        const path = `requests.${kind}.total`;
        const table = values.get(path);
        if (table === undefined || table === written) continue;
        // "受理 N 件" sometimes counts the carried-over applications too: accept that reading.
        if (kind === "newReceived") {
          const co = values.get("requests.carriedOver.total");
          if (co !== undefined && table + co === written) continue;
        }
        const label = rowInfo(kind).label;
        push(
          mismatch(part, m[0], written, [path], table, {
            zh: `“${label.zh}”总计`,
            en: `the total of "${label.en}"`,
          }),
        );
      }
    }

    for (const { re, blocks, label } of APPEAL_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const start = (m.index ?? 0) + m[0].length;
        // The breakdown ("其中结果维持 72 件…") runs to the end of the clause.
        const rest = text.slice(start);
        const end = rest.search(/[；。;]|行政复议|行政诉讼/);
        const clause = end < 0 ? rest : rest.slice(0, end);
        const mentions: { column: AppealColumn; written: number; quote: string }[] = [
          { column: "total", written: Number(m[1]), quote: m[0] },
        ];
        for (const sub of APPEAL_SUBS) {
          const s = clause.match(sub.re);
          if (s)
            mentions.push({ column: sub.key, written: Number(s[1]), quote: `${m[0]}…${s[0]}` });
        }
        for (const { column, written, quote } of mentions) {
          const cells = blocks.map((b) => `appeals.${b}.${column}`);
          let table = 0;
          let known = true;
          for (const c of cells) {
            const v = values.get(c);
            if (v === undefined) known = false;
            else table += v;
          }
          if (!known || table === written) continue;
          const col = APPEAL_COLUMN_LABELS[column];
          push(
            mismatch(part, quote, written, cells, table, {
              zh: `四、${label.zh}“${col.zh}”${blocks.length > 1 ? "（两类之和）" : ""}`,
              en: `section 4, ${label.en} "${col.en.toLowerCase()}"${blocks.length > 1 ? " (both kinds together)" : ""}`,
            }),
          );
        }
      }
    }
  }
  return findings;
};
