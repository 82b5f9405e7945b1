// The rules of the 2021 format (勾稽关系 and checks, shared/spec/annual-report-2021.md):
// `checkReport` reads a report (possibly half-filled or imported) and says, cell by cell,
// what does not add up. It never throws on odd input: a missing, blank or non-numeric cell
// is a `value.invalid` finding, and the arithmetic rules that would involve it are skipped so
// that one bad cell gives one finding, not a pile of them.
import {
  APPEAL_BLOCK_LABELS,
  APPEAL_BLOCKS,
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  type AppealBlock,
  type Bilingual,
  columnInfo,
  FEES_LABELS,
  LITIGATION_LABEL,
  OUTCOME_GROUP_CATALOG,
  OUTCOMES,
  PROACTIVE_CATALOG,
  PROACTIVE_DOCUMENT_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestColumn,
  type RequestRow,
  rowInfo,
  SECTION_TITLES,
} from "../catalog.ts";
import type { Finding, RuleCode, Severity } from "../findings.ts";
import type { ReportDraft, RequestsTableDraft } from "../schema.ts";
import { cellPaths, requestCellPath } from "../schema.ts";
import { checkNarrative } from "./narrative.ts";

/** What a rule is, for docs and the API. */
export type RuleInfo = {
  code: RuleCode;
  severity: Severity;
  /** `check`: run by checkReport; `import`: raised while reading a document. */
  stage: "check" | "import";
  /** Runs only when the previous year's report is given. */
  needsPrevious: boolean;
  description: Bilingual;
};

export const RULES: readonly RuleInfo[] = [
  {
    code: "requests.balance",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "三、每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（本年度办理结果总计）加第四项（结转下年度继续办理）之和。",
      en: "Section 3, each column: new applications + carried over = total processed + carried forward.",
    },
  },
  {
    code: "requests.rowTotal",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "三、每一行：总计等于六类申请人（自然人及五类法人或其他组织）之和。",
      en: "Section 3, each row: the total equals the sum of the six applicant columns.",
    },
  },
  {
    code: "requests.outcomeTotal",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "三、每一列：（七）总计等于 21 项办理结果之和。",
      en: "Section 3, each column: (7) Total equals the sum of the 21 outcome rows.",
    },
  },
  {
    code: "appeals.total",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "四、行政复议及两类行政诉讼：总计等于结果维持、结果纠正、其他结果、尚未审结之和。",
      en: "Section 4, each block: total = upheld + corrected + other + pending.",
    },
  },
  {
    code: "value.invalid",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "每个件数都是不小于 0 的整数，金额是不小于 0 的数；不得缺失、空白或填“/”（收费说明见 fees.notStated）。",
      en: "Every count is an integer ≥ 0 and every amount a number ≥ 0; no cell is missing, blank or “/” (for the fee statement see fees.notStated).",
    },
  },
  {
    code: "requests.carryOverMismatch",
    severity: "error",
    stage: "check",
    needsPrevious: true,
    description: {
      zh: "本年“上年结转”等于本机关上一年度报告的“结转下年度继续办理”（逐列）。所给上年报告不是上一年度的，则只给出提示。",
      en: "This year's carried over equals the carried forward of the agency's previous-year report (each column). A warning instead when the report given as previous is not of the previous year.",
    },
  },
  {
    code: "proactive.inForceDrift",
    severity: "warning",
    stage: "check",
    needsPrevious: true,
    description: {
      zh: "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数；文件也会自然失效，故只作提示。",
      en: "In force = last year's in force + issued − repealed; documents also lapse, so only a warning.",
    },
  },
  {
    code: "fees.collectedExceedsNotified",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "实际收取的信息处理费不超过收费通知的总金额。",
      en: "The processing fees collected do not exceed the amount notified.",
    },
  },
  {
    code: "fees.unpaidWithoutNotice",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "有“逾期未按收费通知要求缴纳费用”的办理结果，却未发出收费通知（上年发出的通知可以解释）。",
      en: "Applications closed for an unpaid fee while no fee notice was issued (notices of the year before can explain it).",
    },
  },
  {
    code: "fees.notStated",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "六、其他需要报告的事项应说明发出收费通知的件数和总金额，以及实际收取的总金额。",
      en: "Section 6 should state the fee notices issued, the amount notified and the amount collected.",
    },
  },
  {
    code: "narrative.numberMismatch",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "一、总体情况文字中写出的件数（收到/受理申请、答复、上年结转、结转下年度、行政复议、行政诉讼）与表格一致。",
      en: "Counts written in the overview text (applications received, answered, carried over, carried forward, reconsiderations, lawsuits) agree with the tables.",
    },
  },
  {
    code: "narrative.missing",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "五、存在的主要问题及改进情况不得空白。",
      en: "Section 5 (main problems and improvements) is not empty.",
    },
  },
  {
    code: "format.outdated",
    severity: "error",
    stage: "import",
    needsPrevious: false,
    description: {
      zh: "文件使用了 2019 年试行格式的栏目（本年新制作数量、本年新公开数量等），应使用 2021 年格式。",
      en: "The document uses the 2019 trial columns; the 2021 format applies.",
    },
  },
  {
    code: "import.unreadable",
    severity: "warning",
    stage: "import",
    needsPrevious: false,
    description: {
      zh: "导入时有无法识别的内容（指明行号）。",
      en: "Part of the document could not be read on import (the line is given).",
    },
  },
];

// ── Labels for messages ───────────────────────────────────────────────────────

/** "（三）不予公开 1.属于国家秘密": the group heading is needed where labels repeat. */
const rowLabel = (row: RequestRow): Bilingual => {
  const info = rowInfo(row);
  const group = OUTCOME_GROUP_CATALOG.find((g) => g.key === info.group);
  if (!group || group.label.zh === info.label.zh) return info.label;
  return { zh: `${group.label.zh} ${info.label.zh}`, en: `${group.label.en} ${info.label.en}` };
};
const columnLabel = (column: RequestColumn): Bilingual => columnInfo(column).label;

const appealBlockLabel = (block: AppealBlock): Bilingual =>
  block === "review"
    ? APPEAL_BLOCK_LABELS.review
    : {
        zh: `${LITIGATION_LABEL.zh}（${APPEAL_BLOCK_LABELS[block].zh}）`,
        en: `${LITIGATION_LABEL.en} (${APPEAL_BLOCK_LABELS[block].en})`,
      };

const proactiveRowLabel = (key: string): Bilingual => {
  for (const t of PROACTIVE_CATALOG) for (const r of t.rows) if (r.key === key) return r.label;
  return { zh: key, en: key };
};

/** A readable name of the cell at a JSON path, e.g. 三 “（一）予以公开” × “自然人”. */
const cellLabel = (path: string): Bilingual => {
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

const show = (v: unknown): string =>
  v === null || v === undefined
    ? "空白"
    : typeof v === "number"
      ? String(v)
      : (JSON.stringify(v) ?? String(v));
const showEn = (v: unknown): string =>
  v === null || v === undefined ? "blank" : typeof v === "number" ? String(v) : String(v);

/** Sums with money drift removed (4 decimal places at most). */
const fmt = (n: number) => String(Math.round(n * 10000) / 10000);

// ── Cells ─────────────────────────────────────────────────────────────────────

const MONEY_CELLS = new Set([
  "proactive.fees.amountWanYuan",
  "fees.amountNotifiedYuan",
  "fees.amountCollectedYuan",
]);

const isCount = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isMoney = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

// Paths computed once: the checker runs often (API, bot, bulk imports), and the same string
// objects make the Map lookups cheap.
const CELLS = [...cellPaths()].map(({ path }) => ({
  path,
  parts: path.split("."),
  money: MONEY_CELLS.has(path),
  fee: path.startsWith("fees."),
}));
const BALANCE_PATHS = REQUEST_COLUMNS.map((c) =>
  (["newReceived", "carriedOver", "totalProcessed", "carriedForward"] as const).map((r) =>
    requestCellPath(r, c),
  ),
);
/** Per row: the six applicant cells, then total. */
const ROW_PATHS = REQUEST_ROWS.map((r) => REQUEST_COLUMNS.map((c) => requestCellPath(r, c)));
/** Per column: the 21 outcome cells, then totalProcessed. */
const OUTCOME_PATHS = REQUEST_COLUMNS.map((c) =>
  [...OUTCOMES, "totalProcessed" as const].map((o) => requestCellPath(o, c)),
);
const APPEAL_PATHS = APPEAL_BLOCKS.map((b) => APPEAL_COLUMNS.map((c) => `appeals.${b}.${c}`));

/** The raw value at a JSON path (getCell hides strings such as "/" as missing). */
const readPath = (report: unknown, parts: readonly string[]): unknown => {
  let node = report;
  for (const part of parts) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
};

/** The report's valid cells: path → value; invalid cells are absent. */
type Values = Map<string, number>;

const invalidFinding = (path: string, value: unknown, money: boolean): Finding => {
  const l = cellLabel(path);
  const blank = value === null || value === undefined;
  return {
    code: "value.invalid",
    severity: "error",
    cells: [path],
    message: blank
      ? {
          zh: `${l.zh}空白、缺失或为“/”，应填写${money ? "金额" : "件数"}（没有则填 0）。`,
          en: `${l.en} is blank, missing or “/”; it needs ${money ? "an amount" : "a count"} (0 if none).`,
        }
      : {
          zh: `${l.zh}的值 ${show(value)} 无效：${money ? "金额应为不小于 0 的数" : "件数应为不小于 0 的整数"}。`,
          en: `${l.en} has the invalid value ${showEn(value)}: ${money ? "an amount is a number ≥ 0" : "a count is an integer ≥ 0"}.`,
        },
  };
};

/** Reads every cell; invalid ones give findings and are left out of `values`. */
const readCells = (
  report: ReportDraft,
  findings: Finding[],
): { values: Values; feesMissing: string[] } => {
  const values: Values = new Map();
  const feesMissing: string[] = [];
  for (const { path, parts, money, fee } of CELLS) {
    const v = readPath(report, parts);
    if (fee && (v === null || v === undefined)) {
      feesMissing.push(path);
      continue;
    }
    if (money ? isMoney(v) : isCount(v)) values.set(path, v as number);
    else findings.push(invalidFinding(path, v, money));
  }
  return { values, feesMissing };
};

/** The values at `paths` when all are valid, else undefined (the rule is skipped). */
const all = (values: Values, paths: readonly string[]): number[] | undefined => {
  const out: number[] = [];
  for (const p of paths) {
    const v = values.get(p);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
};
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

// ── 三 · requests ─────────────────────────────────────────────────────────────

const checkRequestValues = (values: Values, findings: Finding[]) => {
  REQUEST_COLUMNS.forEach((c, i) => {
    const cells = BALANCE_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const [nr = 0, co = 0, tp = 0, cf = 0] = v;
    if (nr + co === tp + cf) return;
    const l = columnLabel(c);
    findings.push({
      code: "requests.balance",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `三、“${l.zh}”列：第一项加第二项之和（${nr}+${co}=${nr + co}）不等于第三项加第四项之和（${tp}+${cf}=${tp + cf}），相差 ${nr + co - (tp + cf)}。`,
        en: `Section 3, column "${l.en}": item 1 + item 2 (${nr}+${co}=${nr + co}) does not equal item 3 + item 4 (${tp}+${cf}=${tp + cf}); the difference is ${nr + co - (tp + cf)}.`,
      },
    });
  });

  REQUEST_ROWS.forEach((r, i) => {
    const cells = ROW_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const total = v.pop() ?? 0;
    const s = sum(v);
    if (s === total) return;
    const l = rowLabel(r);
    findings.push({
      code: "requests.rowTotal",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `三、“${l.zh}”行：总计为 ${total}，六类申请人之和为 ${s}（${v.join("+")}），相差 ${total - s}。`,
        en: `Section 3, row "${l.en}": the total is ${total} but the six applicant columns add up to ${s} (${v.join("+")}); the difference is ${total - s}.`,
      },
    });
  });

  REQUEST_COLUMNS.forEach((c, i) => {
    const cells = OUTCOME_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const total = v.pop() ?? 0;
    const s = sum(v);
    if (s === total) return;
    const l = columnLabel(c);
    const t = rowInfo("totalProcessed").label;
    findings.push({
      code: "requests.outcomeTotal",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `三、“${l.zh}”列：“${t.zh}”为 ${total}，21 项办理结果之和为 ${s}，相差 ${total - s}。`,
        en: `Section 3, column "${l.en}": "${t.en}" is ${total} but the 21 outcome rows add up to ${s}; the difference is ${total - s}.`,
      },
    });
  });
};

/**
 * Checks a section 三 table alone: value.invalid, requests.balance, requests.rowTotal and
 * requests.outcomeTotal, with paths `requests.<row>.<column>`. Used for opening balances.
 */
export const checkRequests = (requests: RequestsTableDraft): Finding[] => {
  const findings: Finding[] = [];
  const values: Values = new Map();
  for (const paths of ROW_PATHS)
    for (const path of paths) {
      const v = readPath({ requests }, path.split("."));
      if (isCount(v)) values.set(path, v);
      else findings.push(invalidFinding(path, v, false));
    }
  checkRequestValues(values, findings);
  return findings;
};

// ── 四 · appeals ──────────────────────────────────────────────────────────────

const checkAppeals = (values: Values, findings: Finding[]) => {
  APPEAL_BLOCKS.forEach((b, i) => {
    const cells = APPEAL_PATHS[i]!;
    const v = all(values, cells);
    if (!v) return;
    const [upheld = 0, corrected = 0, other = 0, pending = 0, total = 0] = v;
    const s = upheld + corrected + other + pending;
    if (s === total) return;
    const l = appealBlockLabel(b);
    findings.push({
      code: "appeals.total",
      severity: "error",
      cells: [...cells],
      message: {
        zh: `四、${l.zh}：总计为 ${total}，结果维持、结果纠正、其他结果、尚未审结之和为 ${s}（${upheld}+${corrected}+${other}+${pending}），相差 ${total - s}。`,
        en: `Section 4, ${l.en}: the total is ${total} but upheld + corrected + other + pending = ${s} (${upheld}+${corrected}+${other}+${pending}); the difference is ${total - s}.`,
      },
    });
  });
};

// ── 六 · fees ─────────────────────────────────────────────────────────────────

const checkFees = (values: Values, feesMissing: string[], findings: Finding[]) => {
  if (feesMissing.length > 0) {
    const names = feesMissing.map((p) => FEES_LABELS[p.slice(5) as keyof typeof FEES_LABELS]);
    findings.push({
      code: "fees.notStated",
      severity: "warning",
      cells: feesMissing,
      message: {
        zh: `${SECTION_TITLES.otherMatters.zh}未说明${names.map((n) => n.zh).join("、")}。`,
        en: `${SECTION_TITLES.otherMatters.en} does not state: ${names.map((n) => n.en).join(", ")}.`,
      },
    });
  }
  const collected = values.get("fees.amountCollectedYuan");
  const notified = values.get("fees.amountNotifiedYuan");
  if (collected !== undefined && notified !== undefined && collected > notified + 1e-9)
    findings.push({
      code: "fees.collectedExceedsNotified",
      severity: "warning",
      cells: ["fees.amountCollectedYuan", "fees.amountNotifiedYuan"],
      message: {
        zh: `实际收取的信息处理费（${fmt(collected)} 元）大于收费通知总金额（${fmt(notified)} 元）。`,
        en: `The fees collected (${fmt(collected)} yuan) exceed the amount notified (${fmt(notified)} yuan).`,
      },
    });
  const unpaid = values.get(requestCellPath("otherFeeUnpaid", "total"));
  const notices = values.get("fees.noticesIssued");
  if (unpaid !== undefined && notices === 0 && unpaid > 0) {
    const l = rowInfo("otherFeeUnpaid").label;
    findings.push({
      code: "fees.unpaidWithoutNotice",
      severity: "warning",
      cells: [requestCellPath("otherFeeUnpaid", "total"), "fees.noticesIssued"],
      message: {
        zh: `三、“${l.zh}”总计为 ${unpaid}，但本年发出收费通知的件数为 0（上年发出的通知可以解释这一情况）。`,
        en: `Section 3, "${l.en}" totals ${unpaid} while no fee notice was issued this year (notices of the year before can explain it).`,
      },
    });
  }
};

// ── Cross-year ────────────────────────────────────────────────────────────────

const checkPrevious = (
  report: ReportDraft,
  values: Values,
  previous: ReportDraft,
  findings: Finding[],
) => {
  if (previous.year !== report.year - 1) {
    findings.push({
      code: "requests.carryOverMismatch",
      severity: "warning",
      cells: [],
      message: {
        zh: `所给上年报告是 ${previous.year} 年度的，不是 ${report.year - 1} 年度的，未做跨年度核对。`,
        en: `The report given as previous is for ${previous.year}, not ${report.year - 1}; the cross-year checks were skipped.`,
      },
    });
    return;
  }
  const prev = (path: string): number | undefined => {
    const v = readPath(previous, path.split("."));
    return isCount(v) ? v : undefined;
  };
  const co = rowInfo("carriedOver").label;
  const cf = rowInfo("carriedForward").label;
  for (const c of REQUEST_COLUMNS) {
    const path = requestCellPath("carriedOver", c);
    const now = values.get(path);
    const before = prev(requestCellPath("carriedForward", c));
    if (now === undefined || before === undefined || now === before) continue;
    const l = columnLabel(c);
    findings.push({
      code: "requests.carryOverMismatch",
      severity: "error",
      cells: [path],
      message: {
        zh: `三、“${l.zh}”列：本年“${co.zh}”为 ${now}，上年（${previous.year} 年）报告“${cf.zh}”为 ${before}。`,
        en: `Section 3, column "${l.en}": "${co.en}" is ${now} this year, but "${cf.en}" in the ${previous.year} report is ${before}.`,
      },
    });
  }
  for (const row of ["rules", "normativeDocuments"] as const) {
    const cells = [
      `proactive.${row}.inForce`,
      `proactive.${row}.issued`,
      `proactive.${row}.repealed`,
    ];
    const v = all(values, cells);
    const before = prev(`proactive.${row}.inForce`);
    if (!v || before === undefined) continue;
    const [inForce = 0, issued = 0, repealed = 0] = v;
    const expected = before + issued - repealed;
    if (inForce === expected) continue;
    const l = proactiveRowLabel(row);
    findings.push({
      code: "proactive.inForceDrift",
      severity: "warning",
      cells,
      message: {
        zh: `二、“${l.zh}”：现行有效件数为 ${inForce}，而上年现行有效件数 ${before} + 本年制发件数 ${issued} − 本年废止件数 ${repealed} = ${expected}（文件也会自然失效，仅作提示）。`,
        en: `Section 2, "${l.en}": ${inForce} in force, but last year's ${before} + ${issued} issued − ${repealed} repealed = ${expected} (documents also lapse, so only a warning).`,
      },
    });
  }
};

// ── checkReport ───────────────────────────────────────────────────────────────

/**
 * Every rule of the spec's table, plus fees.notStated and narrative.missing / numberMismatch.
 * Cross-year rules run only with `previous` (and only when it is of the year before).
 * Findings come in a stable order: invalid cells, section 三, 四, 六, texts, cross-year.
 */
export const checkReport = (
  report: ReportDraft,
  options: { previous?: ReportDraft } = {},
): Finding[] => {
  const findings: Finding[] = [];
  const { values, feesMissing } = readCells(report, findings);
  checkRequestValues(values, findings);
  checkAppeals(values, findings);
  checkFees(values, feesMissing, findings);
  if (typeof report.problems !== "string" || report.problems.trim() === "")
    findings.push({
      code: "narrative.missing",
      severity: "warning",
      cells: ["problems"],
      message: {
        zh: `${SECTION_TITLES.problems.zh}没有内容。`,
        en: `${SECTION_TITLES.problems.en} is empty.`,
      },
    });
  findings.push(...checkNarrative(report, values));
  if (options.previous) checkPrevious(report, values, options.previous, findings);
  return findings;
};
