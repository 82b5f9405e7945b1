// The agency and the year of a report: from its title, the line above or below it, the first
// sentence ("现公布区统计局2023年政府信息公开工作年度报告"), the signature (落款) under the text,
// and for the year the statistics period. A name is a name: the sentence around it is cut off.
import { fold, labelKey, stripMarkup } from "./normalize.ts";
import type { SourceLine } from "./source-lines.ts";

const YEAR = /([0-9０-９]{4})\s*年/;
// What an agency's name ends with.
const AGENCY_END =
  /(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|厅|委|办|中心|院|署|所|站|队|馆|处|街道|镇|乡|会|集团|公司)$/;
// Words that open the sentence around a name in a first line or a title.
const LEAD =
  /^.*(?:现予以公布|现予公布|现向社会公布|向社会公布|现公布|现将|现发布|特编制|特发布|予以公布|特此公布)(?=.)/;
const REPORT_WORDS = /(?:年度)?(?:政府信息公开|政务公开|信息公开|政府信息|年度报告|工作年报)/;

/** The part of a text that is an agency's name, or "" (cut at the sentence's words). */
export const agencyName = (raw: string): string => {
  let t = stripMarkup(raw).replace(/\s+/g, "");
  // After the last clause break and the last verb that opens it ("…规定,现公布区统计局").
  const breakAt = Math.max(...[..."。；;，,：:》」”】)）"].map((ch) => t.lastIndexOf(ch)));
  if (breakAt >= 0 && breakAt < t.length - 1) t = t.slice(breakAt + 1);
  t = t.replace(LEAD, "");
  const cut = t.search(REPORT_WORDS);
  if (cut >= 0) t = t.slice(0, cut);
  t = t
    .replace(/^(?:度|关于|我|本)/, "")
    .replace(/(?:关于|的|度)$/, "")
    .replace(/^[《「“【(（\s]+|[》」”】)）\s]+$/g, "");
  if (t.length < 2 || t.length > 40 || !/\p{Script=Han}/u.test(t)) return "";
  if (/^\d|[0-9]{4}/.test(fold(t))) return "";
  // "本机关", "我局": words for the agency, not its name.
  if (/^(?:机关|单位|局|委|办|本机关|本单位|本局|我局|我委|我办|我单位)$/.test(t)) return "";
  return t;
};

/** A line that is only an agency's name (the line above a title, a signature). */
const isNameLine = (text: string): boolean => {
  const t = stripMarkup(text).replace(/\s+/g, "");
  return t.length >= 3 && t.length <= 40 && !/[。；;，,：:！？]/.test(t) && AGENCY_END.test(t);
};

const yearOf = (text: string): number | null => {
  const m = YEAR.exec(text);
  return m?.[1] ? Number(fold(m[1])) : null;
};

// "统计期限为2023年1月1日至2023年12月31日", "统计时限自2023年1月1日起至12月31日止".
const PERIOD =
  /统计(?:期限|时限|时段|期间|区间|周期)[^。]{0,12}?([0-9０-９]{4})\s*年\s*[1１]\s*月\s*[1１]\s*日/;

export type TitleRead = {
  name: string;
  year: number | null;
  /** The year came from the title (or the lines beside it) or the statistics period. */
  yearSure: boolean;
  line: number;
};

const titleScore = (text: string): number => {
  const k = labelKey(text);
  if (!(k.includes("年度报告") || k.includes("工作年报") || k.includes("年度工作报告"))) return 0;
  if (k.length > 80) return 0; // a sentence that names the report, not its title
  return (
    1 + (k.includes("政府信息公开") || k.includes("政务公开") ? 2 : 0) + (YEAR.test(text) ? 2 : 0)
  );
};

/**
 * `head`: the lines before the first section heading; `all`: every line (for the first
 * sentence and the signature).
 */
export const readTitle = (head: readonly SourceLine[], all: readonly SourceLine[]): TitleRead => {
  const lines = head.filter((l) => l.text !== "");
  let idx = -1;
  let best = 0;
  lines.forEach((l, i) => {
    // A title wrapped over two lines ("…局2023年政府信息公开" / "工作年度报告").
    const next = lines[i + 1]?.text ?? "";
    const joined = next.length <= 12 ? l.text + next : l.text;
    const s = Math.max(titleScore(l.text), titleScore(joined) - 0.5);
    if (s > best) [idx, best] = [i, s];
  });
  const title = idx >= 0 ? lines[idx]! : undefined;
  let name = "";
  let year: number | null = null;
  if (title) {
    const text = stripMarkup(title.text);
    const m = YEAR.exec(text);
    year = yearOf(text);
    if (m?.index !== undefined) {
      name = agencyName(text.slice(0, m.index));
      if (name === "") name = agencyName(text.slice(m.index + m[0].length));
    } else name = agencyName(text);
    // The name or the year on the lines beside the title.
    const before = lines[idx - 1]?.text ?? "";
    const after = lines[idx + 1]?.text ?? "";
    if (name === "" && isNameLine(before)) name = agencyName(before) || stripMarkup(before);
    if (name === "" && isNameLine(after)) name = agencyName(after) || stripMarkup(after);
    year ??= yearOf(before) ?? (after.length <= 12 ? yearOf(after) : null);
  }
  const body = all.filter((l) => l.text !== "");
  // The first sentence: "根据…规定,现公布区统计局2023年政府信息公开工作年度报告。"
  if (name === "")
    for (const l of body.slice(0, 40)) {
      const m =
        /(?:现予以公布|现予公布|现向社会公布|向社会公布|现公布|现将|特编制|现发布)([^。；;，,]{2,40}?)(?:[0-9０-９]{4}\s*年|政府信息公开|政务公开)/.exec(
          l.text,
        );
      const n = m?.[1] ? agencyName(m[1]) : "";
      if (n) {
        name = n;
        year ??= yearOf(l.text.slice(m!.index));
        break;
      }
    }
  // The signature under the text: the agency's name above the date.
  const signature = body
    .slice(-12)
    .map((l) => stripMarkup(l.text).replace(/\s+/g, ""))
    .filter(isNameLine)
    .at(-1);
  if (name === "" && signature) name = signature;
  // "区统计局" with the region printed elsewhere ("福州市晋安区统计局" in the signature).
  if (/^[区县市镇乡旗州]/.test(name)) {
    const fuller = [signature ?? "", ...body.slice(0, 15).map((l) => l.text)]
      .map((t) => stripMarkup(t).replace(/\s+/g, ""))
      .map((t) => new RegExp(`([\\p{Script=Han}]{2,12}?${name})`, "u").exec(t)?.[1] ?? "")
      .find((t) => t.length > name.length && /^[\p{Script=Han}]+$/u.test(t));
    if (fuller) name = agencyName(fuller) || fuller;
  }
  let yearSure = year !== null;
  if (year === null)
    for (const l of body.slice(0, 80)) {
      const m = PERIOD.exec(l.text);
      if (m?.[1]) {
        year = Number(fold(m[1]));
        yearSure = true;
        break;
      }
    }
  return { name, year, yearSure, line: title?.no ?? 1 };
};
