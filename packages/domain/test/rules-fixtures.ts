// Reports and helpers for the rules' tests: two real reports (淮安 2024, 民权 2023), cells by path.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  emptyReport,
  type Finding,
  OUTCOMES,
  REQUEST_COLUMNS,
  type ReportDraft,
  setCell,
} from "../src/index.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const readFixture = (name: string) =>
  readFileSync(path.resolve(repoRoot, "../shared/fixtures/reports", name), "utf8");

/** Section 一 of a fixture, as text (line breaks, page footers and all). */
export const overviewText = (text: string) =>
  text.slice(text.indexOf("一、总体情况") + 6, text.indexOf("二、主动公开政府信息情况"));

export const row = (...v: number[]) =>
  Object.fromEntries(REQUEST_COLUMNS.map((c, i) => [c, v[i]!])) as Record<
    (typeof REQUEST_COLUMNS)[number],
    number
  >;
export const single = (n: number) => row(n, 0, 0, 0, 0, 0, n);

/** 淮安市人民政府 2024, every cell as published (huaian-2024.layout.txt). */
export const huaian2024 = (): ReportDraft => {
  const report = emptyReport({ name: "淮安市人民政府" }, 2024) as ReportDraft;
  report.overview.requests = overviewText(readFixture("huaian-2024.layout.txt"));
  report.proactive = {
    rules: { issued: 1, repealed: 0, inForce: 11 },
    normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
    licensing: { decisions: 447228 },
    penalty: { decisions: 3985758 },
    coercion: { decisions: 88283 },
    fees: { amountWanYuan: 96171.6 },
  };
  const q = report.requests;
  q.newReceived = row(3001, 53, 0, 0, 61, 4, 3119);
  q.carriedOver = single(34);
  q.granted = row(1288, 21, 0, 0, 50, 3, 1362);
  q.partiallyGranted = row(447, 7, 0, 0, 0, 0, 454);
  q.deniedStateSecret = single(2);
  q.deniedProhibitedByLaw = row(30, 1, 0, 0, 0, 0, 31);
  q.deniedSecurityStability = single(5);
  q.deniedThirdPartyRights = single(6);
  q.deniedInternalAffairs = row(7, 1, 0, 0, 0, 0, 8);
  q.deniedProcessInformation = single(12);
  q.deniedEnforcementFile = single(9);
  q.deniedAdministrativeQuery = single(105);
  q.unableNotHeld = row(746, 12, 0, 0, 10, 1, 769);
  q.unableNeedsCreation = single(11);
  q.unableStillUnclear = single(1);
  q.notProcessedComplaint = row(56, 6, 0, 0, 0, 0, 62);
  q.notProcessedDuplicate = single(25);
  q.notProcessedPublication = single(0);
  q.notProcessedExcessive = single(0);
  q.notProcessedReconfirmation = single(1);
  q.otherNoCorrection = row(67, 3, 0, 0, 1, 0, 71);
  q.otherFeeUnpaid = single(6);
  q.otherOther = row(108, 2, 0, 0, 0, 0, 110);
  q.totalProcessed = row(2932, 53, 0, 0, 61, 4, 3050);
  q.carriedForward = single(103);
  report.appeals = {
    review: { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 },
    litigationDirect: { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 },
    litigationAfterReview: { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 },
  };
  report.problems = "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。";
  report.otherMatters = "全年收取政府信息公开信息处理费 3940 元。";
  // The report states only the amount collected.
  report.fees = { noticesIssued: null, amountNotifiedYuan: null, amountCollectedYuan: 3940 };
  return report;
};

/** 民权县工业和信息化和科技局 2023: every count 0. */
export const minquan2023 = (): ReportDraft => {
  const report = emptyReport({ name: "民权县工业和信息化和科技局" }, 2023) as ReportDraft;
  report.overview.requests = overviewText(readFixture("minquan-gxkj-2023.txt"));
  report.problems = "存在的主要问题：一是政务信息公开的方式和渠道还比较狭窄。";
  report.otherMatters =
    "2023年度本机关未收取信息处理费。发出收费通知的件数和总金额，以及实际收取的总金额均为0。";
  return report;
};

export const validEmpty = (): ReportDraft => {
  const r = emptyReport({ name: "测试局" }, 2024) as ReportDraft;
  r.problems = "暂无。";
  r.overview.intro = "本年度依法做好政府信息公开工作。";
  return r;
};

export const brief = (fs: readonly Finding[]) =>
  fs.map((f) => ({ code: f.code, severity: f.severity, cells: f.cells }));
export const withCell = (r: ReportDraft, p: string, v: unknown) => {
  const copy = structuredClone(r);
  setCell(copy, p, v as number | null);
  return copy;
};
export const rq = (r: string, c: string) => `requests.${r}.${c}`;
export const balanceCells = (c: string) =>
  ["newReceived", "carriedOver", "totalProcessed", "carriedForward"].map((r) => rq(r, c));
export const rowCells = (r: string) => REQUEST_COLUMNS.map((c) => rq(r, c));
export const outcomeCells = (c: string) => [
  ...OUTCOMES.map((o) => rq(o, c)),
  rq("totalProcessed", c),
];
export const APPEAL = (cols: string[]) => cols.map((c) => `appeals.review.${c}`);
