// Reading a report's cells for the rules: each cell once, an invalid one a `value.invalid`
// finding and then left out, so the arithmetic rules that need it are skipped.
import type { Finding } from "../findings.ts";
import { cellPaths, type ReportDraft } from "../schema.ts";
import { cellLabel, show, showEn } from "./labels.ts";

const MONEY_CELLS = new Set([
  "proactive.fees.amountWanYuan",
  "fees.amountNotifiedYuan",
  "fees.amountCollectedYuan",
]);

export const isCount = (v: unknown): v is number =>
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

/** The raw value at a JSON path (getCell hides strings such as "/" as missing). */
export const readPath = (report: unknown, parts: readonly string[]): unknown => {
  let node = report;
  for (const part of parts) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
};

/** The report's valid cells: path → value; invalid cells are absent. */
export type Values = Map<string, number>;

export const invalidFinding = (path: string, value: unknown, money: boolean): Finding => {
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
export const readCells = (
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
export const all = (values: Values, paths: readonly string[]): number[] | undefined => {
  const out: number[] = [];
  for (const p of paths) {
    const v = values.get(p);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
};
export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
