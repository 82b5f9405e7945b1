// Our own renderings (src/render) read back exactly: each format's layout is fixed and
// documented at the top of its renderer, so these readers follow it line by line instead of
// guessing. When a file does not follow it (edited by hand), they return null and the
// general readers take over.
import { DomUtils, parseDocument } from "htmlparser2";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPLICANT_TYPES,
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
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  SECTION_TITLES,
} from "../catalog.ts";
import { appealBlockLabel, type Lang, TITLE_PATTERN } from "../render/common.ts";
import { CSV_HEADER } from "../render/csv.ts";
import { agencyCodeOfComment, unescapeMarkdown } from "../render/markdown.ts";
import { SHORT_APPLICANT_LABELS, SHORT_ROW_LABELS } from "../render/text.ts";
import { cellPaths, type ReportDraft, setCell } from "../schema.ts";
import { blankDraft } from "./read-document.ts";

/**
 * The agency code line that Markdown and text renderings had under the title before the code
 * left what is published: still read, so files written then read back the same.
 */
const LEGACY_CODE_LABEL: Bilingual = { zh: "机构代码：", en: "Agency code: " };

const FEE_KEYS = ["noticesIssued", "amountNotifiedYuan", "amountCollectedYuan"] as const;
const LANGS: readonly Lang[] = ["zh", "en"];

/** A cell as the renderers write it: String(n), or "" for null. */
const cellOf = (text: string): number | null | undefined => {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

class Mismatch extends Error {}
const expect = (ok: boolean): void => {
  if (!ok) throw new Mismatch();
};
const attempt = <T>(read: () => T): T | null => {
  try {
    return read();
  } catch (e) {
    if (e instanceof Mismatch) return null;
    throw e;
  }
};

const titleOf = (line: string): { lang: Lang; name: string; year: number } | null => {
  for (const lang of LANGS) {
    const m = TITLE_PATTERN[lang].exec(line);
    if (m?.[1] && m[2]) return { lang, name: m[1], year: Number(m[2]) };
  }
  return null;
};

const setValue = (draft: ReportDraft, path: string, text: string) => {
  const v = cellOf(text);
  expect(v !== undefined);
  setCell(draft, path, v ?? null);
};

// ── CSV ───────────────────────────────────────────────────────────────────────

/** RFC 4180 records. */
const csvRecords = (text: string): string[][] => {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
};

const unguard = (s: string) => (s.startsWith("'") ? s.slice(1) : s);

export const isOwnCsv = (text: string) =>
  text.replace(/^\ufeff/, "").startsWith(`${CSV_HEADER.join(",")}\r\n`) ||
  text.replace(/^\ufeff/, "").startsWith(`${CSV_HEADER.join(",")}\n`);

export const readOwnCsv = (text: string): ReportDraft | null =>
  attempt(() => {
    const records = csvRecords(text.replace(/^\ufeff/, ""));
    expect(records[0]?.join(",") === CSV_HEADER.join(","));
    const draft = blankDraft();
    const cells = new Set([...cellPaths()].map((c) => c.path));
    const texts = new Set([
      "overview.intro",
      ...OVERVIEW_PARTS.map((p) => `overview.${p}`),
      "problems",
      "otherMatters",
    ]);
    let named = false;
    let dated = false;
    for (const r of records.slice(1)) {
      expect(r.length === CSV_HEADER.length);
      const [section, rowKey, columnKey, , value] = r as [string, string, string, string, string];
      const path = [section, rowKey, columnKey].filter((p) => p !== "").join(".");
      if (path === "formatVersion") expect(value === "2021");
      else if (path === "agency.name") {
        draft.agency.name = unguard(value);
        named = true;
      } else if (path === "agency.code") draft.agency.code = unguard(value);
      else if (path === "year") {
        const y = Number(value);
        expect(Number.isInteger(y));
        draft.year = y;
        dated = true;
      } else if (texts.has(path)) {
        const v = unguard(value);
        if (path.startsWith("overview.")) draft.overview[path.slice(9) as "intro"] = v;
        else draft[path as "problems" | "otherMatters"] = v;
      } else {
        expect(cells.has(path));
        setValue(draft, path, value);
      }
    }
    expect(named && dated);
    return draft;
  });

// ── Markdown ──────────────────────────────────────────────────────────────────

const mdCells = (line: string): string[] => {
  const inner = line.slice(1, line.endsWith("|") ? -1 : undefined);
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "\\" && inner[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (inner[i] === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += inner[i];
  }
  cells.push(cur.trim());
  return cells;
};

export const isOwnMarkdown = (text: string) => {
  const first = text.replace(/^\ufeff/, "").split("\n", 1)[0] ?? "";
  return first.startsWith("# ") && titleOf(unescapeMarkdown(first.slice(2))) !== null;
};

export const readOwnMarkdown = (text: string): ReportDraft | null =>
  attempt(() => {
    const lines = text.replace(/^\ufeff/, "").split("\n");
    expect(lines[0]?.startsWith("# ") ?? false);
    const title = titleOf(unescapeMarkdown(lines[0]!.slice(2)));
    expect(title !== null);
    const { lang, name, year } = title!;
    const draft = blankDraft();
    draft.agency.name = name;
    draft.year = year;
    // Structure lines start with "#" or "|": escaping keeps every text line from doing so.
    const structure = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => i > 0 && (l.startsWith("#") || l.startsWith("|")));
    let s = 0;
    const textAfter = (at: number): string => {
      const next = structure[s]?.i ?? lines.length;
      if (next <= at + 2) return "";
      return unescapeMarkdown(lines.slice(at + 2, next - 1).join("\n"));
    };
    const heading = (expected: string): number => {
      const h = structure[s++];
      expect(h !== undefined && h.l === expected);
      return h!.i;
    };
    const table = (): string[][] => {
      const rows: string[][] = [];
      let prev = -1;
      while (structure[s]?.l.startsWith("|") && (prev < 0 || structure[s]!.i === prev + 1)) {
        rows.push(mdCells(structure[s]!.l));
        prev = structure[s]!.i;
        s++;
      }
      expect(rows.length >= 2);
      return rows.slice(2); // the header and alignment rows
    };
    // Agency code: the only line between the title and the first heading, an HTML comment
    // (or, in older files, a printed line).
    const first = structure[0]?.i ?? lines.length;
    const between = lines.slice(1, first).filter((l) => l !== "");
    if (between.length > 0) {
      expect(between.length === 1);
      const line = between[0]!;
      const code = agencyCodeOfComment(line);
      if (code !== undefined) draft.agency.code = code;
      else {
        expect(line.startsWith(LEGACY_CODE_LABEL[lang]));
        draft.agency.code = unescapeMarkdown(line.slice(LEGACY_CODE_LABEL[lang].length));
      }
    }
    let at = heading(`## ${SECTION_TITLES.overview[lang]}`);
    draft.overview.intro = textAfter(at);
    for (const part of OVERVIEW_PARTS) {
      at = heading(`### ${OVERVIEW_PART_LABELS[part][lang]}`);
      draft.overview[part] = textAfter(at);
    }
    heading(`## ${SECTION_TITLES.proactive[lang]}`);
    for (const sub of PROACTIVE_CATALOG) {
      heading(`### ${sub.article[lang]}`);
      const rows = table();
      expect(rows.length === sub.rows.length);
      sub.rows.forEach((item, i) => {
        const row = rows[i]!;
        expect(row[0] === item.label[lang]);
        if (sub.kind === "documents")
          PROACTIVE_DOCUMENT_COLUMNS.forEach((c, ci) => {
            setValue(draft, `proactive.${item.key}.${c}`, row[ci + 1] ?? "");
          });
        else if (sub.kind === "decisions")
          setValue(draft, `proactive.${item.key}.decisions`, row[1] ?? "");
        else setValue(draft, "proactive.fees.amountWanYuan", row[1] ?? "");
      });
    }
    heading(`## ${SECTION_TITLES.requests[lang]}`);
    const requests = table();
    expect(requests.length === REQUEST_ROWS.length);
    REQUEST_ROWS.forEach((r, i) => {
      const row = requests[i]!;
      expect(row.length === 3 + REQUEST_COLUMNS.length);
      REQUEST_COLUMNS.forEach((c, ci) => {
        setValue(draft, `requests.${r}.${c}`, row[3 + ci]!);
      });
    });
    heading(`## ${SECTION_TITLES.appeals[lang]}`);
    const appeals = table();
    expect(appeals.length === APPEAL_BLOCKS.length);
    APPEAL_BLOCKS.forEach((b, i) => {
      const row = appeals[i]!;
      expect(row[0] === appealBlockLabel(b, lang) && row.length === 1 + APPEAL_COLUMNS.length);
      APPEAL_COLUMNS.forEach((c, ci) => {
        setValue(draft, `appeals.${b}.${c}`, row[1 + ci]!);
      });
    });
    at = heading(`## ${SECTION_TITLES.problems[lang]}`);
    draft.problems = textAfter(at);
    at = heading(`## ${SECTION_TITLES.otherMatters[lang]}`);
    draft.otherMatters = textAfter(at);
    const fees = table();
    expect(fees.length === 1 && fees[0]!.length === FEE_KEYS.length);
    FEE_KEYS.forEach((k, i) => {
      setValue(draft, `fees.${k}`, fees[0]![i]!);
    });
    expect(s === structure.length);
    return draft;
  });

// ── Plain text (chat) ─────────────────────────────────────────────────────────

export const isOwnText = (text: string) => {
  const lines = text.replace(/^\ufeff/, "").split("\n");
  const title = titleOf(lines[0] ?? "");
  return title !== null && lines.includes(SECTION_TITLES.overview[title.lang]);
};

export const readOwnText = (text: string): ReportDraft | null =>
  attempt(() => {
    const lines = text.replace(/^\ufeff/, "").split("\n");
    const title = titleOf(lines[0] ?? "");
    expect(title !== null);
    const { lang, name, year } = title!;
    const draft = blankDraft();
    draft.agency.name = name;
    draft.year = year;
    let i = 1;
    // Files written before the code left the text have it under the title.
    if (lines[i]?.startsWith(LEGACY_CODE_LABEL[lang]) && lines[i + 1] === "") {
      draft.agency.code = lines[i]!.slice(LEGACY_CODE_LABEL[lang].length);
      i++;
    }
    expect(lines[i] === "");
    i++;
    const line = () => {
      expect(i < lines.length);
      return lines[i++]!;
    };
    const exact = (expected: string) => expect(line() === expected);
    // A text block runs to the blank line before the next heading.
    const textUntil = (next: string): string => {
      let j = i;
      while (j < lines.length && !(lines[j] === next && lines[j - 1] === "")) j++;
      expect(j < lines.length);
      const t = lines.slice(i, j - 1).join("\n");
      i = j;
      return t;
    };
    const value = (label: string, indent = "  ") => {
      const l = line();
      expect(l.startsWith(indent + label));
      const v = cellOf(l.slice(indent.length + label.length));
      expect(v !== undefined);
      return v ?? null;
    };
    exact(SECTION_TITLES.overview[lang]);
    draft.overview.intro = textUntil(OVERVIEW_PART_LABELS.proactive[lang]);
    OVERVIEW_PARTS.forEach((part, pi) => {
      exact(OVERVIEW_PART_LABELS[part][lang]);
      const next = OVERVIEW_PARTS[pi + 1];
      draft.overview[part] = textUntil(
        next ? OVERVIEW_PART_LABELS[next][lang] : SECTION_TITLES.proactive[lang],
      );
    });
    exact(SECTION_TITLES.proactive[lang]);
    for (const sub of PROACTIVE_CATALOG) {
      exact(sub.article[lang]);
      for (const item of sub.rows) {
        exact(item.label[lang]);
        if (sub.kind === "documents")
          for (const c of PROACTIVE_DOCUMENT_COLUMNS)
            setCell(
              draft,
              `proactive.${item.key}.${c}`,
              value(PROACTIVE_DOCUMENT_COLUMN_LABELS[c][lang]),
            );
        else if (sub.kind === "decisions")
          setCell(draft, `proactive.${item.key}.decisions`, value(DECISIONS_LABEL[lang]));
        else setCell(draft, "proactive.fees.amountWanYuan", value(FEE_AMOUNT_LABEL[lang]));
      }
    }
    exact("");
    exact(SECTION_TITLES.requests[lang]);
    line(); // the legend
    for (const r of REQUEST_ROWS) {
      if (r === "granted") exact(OUTCOMES_HEADING[lang]);
      setCell(draft, `requests.${r}.total`, value(SHORT_ROW_LABELS[r][lang], ""));
      for (const t of APPLICANT_TYPES) setCell(draft, `requests.${r}.${t}`, 0);
      while (lines[i]?.startsWith("  ")) {
        for (const item of line().slice(2).split(" · ")) {
          const t = APPLICANT_TYPES.find(
            (a) =>
              item === SHORT_APPLICANT_LABELS[a][lang] ||
              item.startsWith(`${SHORT_APPLICANT_LABELS[a][lang]} `),
          );
          expect(t !== undefined);
          const v = cellOf(item.slice(SHORT_APPLICANT_LABELS[t!][lang].length));
          expect(v !== undefined);
          setCell(draft, `requests.${r}.${t}`, v ?? null);
        }
      }
    }
    exact("");
    exact(SECTION_TITLES.appeals[lang]);
    for (const b of APPEAL_BLOCKS) {
      exact(appealBlockLabel(b, lang));
      for (const c of APPEAL_COLUMNS)
        setCell(draft, `appeals.${b}.${c}`, value(APPEAL_COLUMN_LABELS[c][lang]));
    }
    exact("");
    exact(SECTION_TITLES.problems[lang]);
    draft.problems = textUntil(SECTION_TITLES.otherMatters[lang]);
    exact(SECTION_TITLES.otherMatters[lang]);
    // The fee lines end the document: the text block is what lies before them.
    const end = lines.at(-1) === "" ? lines.length - 1 : lines.length;
    const feeAt = end - FEE_KEYS.length;
    expect(feeAt - 1 >= i && lines[feeAt - 1] === "");
    draft.otherMatters = lines.slice(i, feeAt - 1).join("\n");
    i = feeAt;
    for (const k of FEE_KEYS) setCell(draft, `fees.${k}`, value(FEES_LABELS[k][lang], ""));
    return draft;
  });

// ── HTML ──────────────────────────────────────────────────────────────────────

export const isOwnHtml = (html: string) =>
  /<html[^>]*\sdata-format-version="2021"/i.test(html.slice(0, 2000));

type El = Parameters<typeof DomUtils.getAttributeValue>[0];

export const readOwnHtml = (html: string): ReportDraft | null =>
  attempt(() => {
    const dom = parseDocument(html, { decodeEntities: true });
    const body = DomUtils.findOne((e) => e.name === "body", dom.children, true);
    expect(body !== null);
    const attr = (e: El, name: string) => DomUtils.getAttributeValue(e, name);
    const draft = blankDraft();
    const name = attr(body!, "data-agency-name");
    const year = Number(attr(body!, "data-year"));
    expect(name !== undefined && Number.isInteger(year));
    draft.agency.name = name!;
    draft.year = year;
    const code = attr(body!, "data-agency-code");
    if (code !== undefined) draft.agency.code = code;
    const paths = new Set([...cellPaths()].map((c) => c.path));
    const seen = new Set<string>();
    for (const td of DomUtils.findAll((e) => attr(e, "data-cell") !== undefined, dom.children)) {
      const path = attr(td, "data-cell")!;
      expect(paths.has(path));
      setValue(draft, path, DomUtils.textContent(td));
      seen.add(path);
    }
    expect(seen.size === paths.size);
    for (const div of DomUtils.findAll((e) => attr(e, "data-field") !== undefined, dom.children)) {
      const field = attr(div, "data-field")!;
      const text = DomUtils.textContent(div);
      if (field.startsWith("overview.")) {
        const part = field.slice(9);
        expect(part === "intro" || (OVERVIEW_PARTS as readonly string[]).includes(part));
        draft.overview[part as "intro"] = text;
      } else if (field === "problems" || field === "otherMatters") draft[field] = text;
    }
    return draft;
  });
