// Prose: re-joining paragraphs, splitting the overview into its parts, and the fee statement.
import { OVERVIEW_PARTS, type OverviewPart } from "../catalog.ts";
import type { Overview } from "../schema.ts";
import { displayWidth, endsSentence, fold, joinWrapped, labelKey } from "./normalize.ts";
import type { SourceLine } from "./source-lines.ts";

/**
 * The paragraphs of a run of lines, joined by "\n". Web text has one paragraph per line; text
 * from a PDF is hard-wrapped, so lines are re-joined unless a paragraph visibly ends there
 * (an indented next line, or a short line ending a sentence).
 */
export const paragraphsOf = (
  lines: readonly SourceLine[],
  wrapped: boolean,
  fullWidth: number,
): string => {
  const paragraphs: string[] = [];
  let current = "";
  let prev: SourceLine | undefined;
  let blankSince = false;
  const minIndent = Math.min(...lines.filter((l) => l.text !== "").map((l) => l.indent), 0);
  const flush = () => {
    if (current.trim() !== "") paragraphs.push(current.trim());
    current = "";
  };
  for (const line of lines) {
    const text = line.text.trim();
    if (text === "") {
      blankSince = true;
      continue;
    }
    if (!wrapped) {
      flush();
      current = text;
    } else if (!prev) {
      current = text;
    } else {
      const prevText = prev.text.trim();
      const indented = line.indent >= minIndent + 1.5 && line.positional;
      const shortEnd = endsSentence(prevText) && prev.width < fullWidth * 0.85;
      const blankEnd = blankSince && endsSentence(prevText);
      if (indented || shortEnd || blankEnd) {
        flush();
        current = text;
      } else current = joinWrapped(current, text);
    }
    prev = line;
    blankSince = false;
  }
  flush();
  return paragraphs.join("\n");
};

/** The width of a full line of prose in this document (to tell a paragraph's last line). */
export const fullLineWidth = (lines: readonly SourceLine[]): number => {
  const widths = lines
    .filter((l) => l.width >= 20)
    .map((l) => l.width)
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.9)] ?? 0;
};

const PART_NUMERALS = ["一", "二", "三", "四", "五"] as const;
// Words that show a part's heading phrase, as reports word it ("（四）政府信息公开平台建设情况。").
const PART_WORDS: Record<OverviewPart, string[]> = {
  proactive: ["主动公开"],
  requests: ["依申请"],
  management: ["信息管理", "管理"],
  platform: ["平台"],
  supervision: ["监督", "保障"],
};

/** The numbered part a line opens ("（一）主动公开情况。…" → proactive), with its body. */
const partHeading = (text: string): { part: OverviewPart; body: string } | null => {
  const t = fold(text).trimStart();
  const m = /^[(]\s*([一二三四五])\s*[)]\s*/.exec(t);
  if (!m?.[1]) return null;
  const part = OVERVIEW_PARTS[PART_NUMERALS.indexOf(m[1] as (typeof PART_NUMERALS)[number])]!;
  const rest = text.trimStart().slice(sliceLength(text.trimStart(), m[0].length));
  // The heading phrase ends at the first "。", "：" or ":" when it names the part.
  const hm = /^([^。：:！!？?]{1,24}?)[。：:]\s*/.exec(rest);
  if (hm?.[1] && PART_WORDS[part].some((w) => labelKey(hm[1]!).includes(w)))
    return { part, body: rest.slice(hm[0].length) };
  if (!/[。]/.test(rest) && displayWidth(rest) <= 40) return { part, body: "" };
  return { part, body: rest };
};

// Length in the original string of a prefix whose NFKC form has `foldedLength` characters.
const sliceLength = (s: string, foldedLength: number): number => {
  let i = 0;
  while (i < s.length && fold(s.slice(0, i)).length < foldedLength) i++;
  return i;
};

/** Splits section 一 into the text before the first part and the five numbered parts. */
export const readOverview = (
  lines: readonly SourceLine[],
  wrapped: boolean,
  fullWidth: number,
): Overview => {
  const overview: Overview = {
    intro: "",
    proactive: "",
    requests: "",
    management: "",
    platform: "",
    supervision: "",
  };
  let key: keyof Overview = "intro";
  let chunk: SourceLine[] = [];
  const seen = new Set<OverviewPart>();
  const flush = () => {
    const text = paragraphsOf(chunk, wrapped, fullWidth);
    overview[key] = overview[key] ? `${overview[key]}\n${text}` : text;
    chunk = [];
  };
  for (const line of lines) {
    const h = line.text ? partHeading(line.text) : null;
    if (h && !seen.has(h.part)) {
      flush();
      seen.add(h.part);
      key = h.part;
      if (h.body) chunk.push({ ...line, text: h.body, indent: line.indent + 4 });
      continue;
    }
    chunk.push(line);
  }
  flush();
  for (const k of Object.keys(overview) as (keyof Overview)[]) overview[k] = overview[k].trim();
  return overview;
};

export type FeeStatement = {
  noticesIssued: number | null;
  amountNotifiedYuan: number | null;
  amountCollectedYuan: number | null;
};

const NUM = String.raw`([0-9][0-9,，]*(?:\.[0-9]+)?)`;
const toNumber = (s: string | undefined, wan: boolean): number | null => {
  if (s === undefined) return null;
  const n = Number(s.replace(/[,，]/g, ""));
  if (!Number.isFinite(n)) return null;
  return wan ? Math.round(n * 10000 * 10000) / 10000 : n;
};

/**
 * The fee statement of section 六 (信息处理费): notices issued, amount notified, amount collected.
 * Reads the usual phrasings; what is not stated stays null.
 */
export const readFeeStatement = (text: string): FeeStatement => {
  const t = fold(text).replace(/[\s\u00a0\u3000]+/g, "");
  const fees: FeeStatement = {
    noticesIssued: null,
    amountNotifiedYuan: null,
    amountCollectedYuan: null,
  };
  // "发出收费通知的件数和总金额，以及实际收取的总金额均为0"
  if (/收费通知.{0,30}(?:均|都|皆)(?:为|是)(?:0|零)/.test(t)) return { ...zeroFees };
  const notices =
    new RegExp(
      `(?:发出|开具|出具)(?:了)?(?:信息处理费)?收费通知(?:书)?(?:的件数)?(?:为|共|共计|合计)?${NUM}(?:件|份|次)`,
    ).exec(t) ?? new RegExp(`收费通知(?:书)?(?:的)?件数(?:为|是)?${NUM}`).exec(t);
  if (notices) fees.noticesIssued = toNumber(notices[1], false);
  else if (
    /(?:未|没有|无)(?:向申请人)?(?:发出|开具|出具)(?:过)?(?:任何)?(?:信息处理费)?收费通知/.test(t)
  )
    fees.noticesIssued = 0;
  const notified =
    new RegExp(`收费通知[^。；;]{0,20}?(?:总)?金额(?:为|是|共计|合计)?${NUM}(万)?元`).exec(t) ??
    new RegExp(
      `(?:通知|应)(?:缴纳|收取)(?:的)?(?:信息处理费)?(?:总)?(?:金额)?(?:为|共计|合计)?${NUM}(万)?元`,
    ).exec(t);
  if (notified) fees.amountNotifiedYuan = toNumber(notified[1], notified[2] === "万");
  else if (fees.noticesIssued === 0) fees.amountNotifiedYuan = 0;
  const collected = new RegExp(
    `(?:实际)?(?:收取|收缴|收到)(?:了)?(?:的)?(?:政府信息公开)?(?:信息处理费)?(?:的)?(?:总金额|总额|金额|费用)?(?:为|是|共|共计|合计)?${NUM}(万)?元`,
  ).exec(t);
  if (collected) fees.amountCollectedYuan = toNumber(collected[1], collected[2] === "万");
  else if (
    /(?:未|没有|无|不)(?:收取|收缴|收到)(?:过)?(?:任何)?(?:政府信息公开)?(?:信息处理费|费用)/.test(
      t,
    )
  )
    fees.amountCollectedYuan = 0;
  return fees;
};

const zeroFees: FeeStatement = {
  noticesIssued: 0,
  amountNotifiedYuan: 0,
  amountCollectedYuan: 0,
};
