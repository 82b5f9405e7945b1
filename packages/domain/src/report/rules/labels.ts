// Names of cells and values in the rules' messages.
import {
  APPEAL_BLOCK_LABELS,
  APPEAL_COLUMN_LABELS,
  type AppealBlock,
  type Bilingual,
  columnInfo,
  FEES_LABELS,
  LITIGATION_LABEL,
  OUTCOME_GROUP_CATALOG,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  type RequestColumn,
  type RequestRow,
  rowInfo,
} from "../catalog.ts";

/** "（三）不予公开 1.属于国家秘密": the group heading is needed where labels repeat. */
export const rowLabel = (row: RequestRow): Bilingual => {
  const info = rowInfo(row);
  const group = OUTCOME_GROUP_CATALOG.find((g) => g.key === info.group);
  if (!group || group.label.zh === info.label.zh) return info.label;
  return { zh: `${group.label.zh} ${info.label.zh}`, en: `${group.label.en} ${info.label.en}` };
};
export const columnLabel = (column: RequestColumn): Bilingual => columnInfo(column).label;

export const appealBlockLabel = (block: AppealBlock): Bilingual =>
  block === "review"
    ? APPEAL_BLOCK_LABELS.review
    : {
        zh: `${LITIGATION_LABEL.zh}（${APPEAL_BLOCK_LABELS[block].zh}）`,
        en: `${LITIGATION_LABEL.en} (${APPEAL_BLOCK_LABELS[block].en})`,
      };

export const proactiveRowLabel = (key: string): Bilingual => {
  for (const t of PROACTIVE_CATALOG) for (const r of t.rows) if (r.key === key) return r.label;
  return { zh: key, en: key };
};

/** A readable name of the cell at a JSON path, e.g. 三 “（一）予以公开” × “自然人”. */
export const cellLabel = (path: string): Bilingual => {
  const [section, a = "", b = ""] = path.split(".");
  if (section === "requests") {
    const r = rowLabel(a as RequestRow);
    const c = columnLabel(b as RequestColumn);
    return { zh: `三、“${r.zh}”行“${c.zh}”列`, en: `section 3, row "${r.en}", column "${c.en}"` };
  }
  if (section === "appeals") {
    const k = appealBlockLabel(a as AppealBlock);
    const c = APPEAL_COLUMN_LABELS[b as keyof typeof APPEAL_COLUMN_LABELS];
    return { zh: `四、${k.zh}“${c.zh}”`, en: `section 4, ${k.en}, "${c.en}"` };
  }
  if (section === "proactive") {
    const r = proactiveRowLabel(a);
    const c =
      b in PROACTIVE_DOCUMENT_COLUMN_LABELS
        ? PROACTIVE_DOCUMENT_COLUMN_LABELS[b as keyof typeof PROACTIVE_DOCUMENT_COLUMN_LABELS]
        : b === "decisions"
          ? { zh: "本年处理决定数量", en: "Decisions this year" }
          : { zh: "本年收费金额（单位：万元）", en: "Fees collected this year (10,000 yuan)" };
    return { zh: `二、“${r.zh}”“${c.zh}”`, en: `section 2, "${r.en}", "${c.en}"` };
  }
  if (section === "fees") {
    const f = FEES_LABELS[a as keyof typeof FEES_LABELS];
    return { zh: `六、收费说明“${f.zh}”`, en: `section 6, fee statement, "${f.en}"` };
  }
  return { zh: path, en: path };
};

export const show = (v: unknown): string =>
  v === null || v === undefined
    ? "空白"
    : typeof v === "number"
      ? String(v)
      : (JSON.stringify(v) ?? String(v));
export const showEn = (v: unknown): string =>
  v === null || v === undefined ? "blank" : typeof v === "number" ? String(v) : String(v);

/** Sums with money drift removed (4 decimal places at most). */
export const fmt = (n: number) => String(Math.round(n * 10000) / 10000);
