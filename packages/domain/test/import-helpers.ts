// Shared by the import tests: where the fixtures are, and the 2024 Huai'an report written out
// by hand from the PDF (every cell).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMNS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type ReportDraft,
  type RequestRow,
} from "../src/index.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const sharedReports = path.resolve(repoRoot, "../shared/fixtures/reports");
export const ownFixtures = path.resolve(import.meta.dirname, "fixtures");

export const readShared = (name: string) => readFileSync(path.join(sharedReports, name));
export const readSharedText = (name: string) =>
  readFileSync(path.join(sharedReports, name), "utf8");
export const readOwn = (name: string) => readFileSync(path.join(ownFixtures, name), "utf8");

// 三、收到和处理政府信息公开申请情况,淮安市人民政府 2024 (page 4–5 of the PDF).
const HUAIAN_REQUESTS: Record<RequestRow, number[]> = {
  newReceived: [3001, 53, 0, 0, 61, 4, 3119],
  carriedOver: [34, 0, 0, 0, 0, 0, 34],
  granted: [1288, 21, 0, 0, 50, 3, 1362],
  partiallyGranted: [447, 7, 0, 0, 0, 0, 454],
  deniedStateSecret: [2, 0, 0, 0, 0, 0, 2],
  deniedProhibitedByLaw: [30, 1, 0, 0, 0, 0, 31],
  deniedSecurityStability: [5, 0, 0, 0, 0, 0, 5],
  deniedThirdPartyRights: [6, 0, 0, 0, 0, 0, 6],
  deniedInternalAffairs: [7, 1, 0, 0, 0, 0, 8],
  deniedProcessInformation: [12, 0, 0, 0, 0, 0, 12],
  deniedEnforcementFile: [9, 0, 0, 0, 0, 0, 9],
  deniedAdministrativeQuery: [105, 0, 0, 0, 0, 0, 105],
  unableNotHeld: [746, 12, 0, 0, 10, 1, 769],
  unableNeedsCreation: [11, 0, 0, 0, 0, 0, 11],
  unableStillUnclear: [1, 0, 0, 0, 0, 0, 1],
  notProcessedComplaint: [56, 6, 0, 0, 0, 0, 62],
  notProcessedDuplicate: [25, 0, 0, 0, 0, 0, 25],
  notProcessedPublication: [0, 0, 0, 0, 0, 0, 0],
  notProcessedExcessive: [0, 0, 0, 0, 0, 0, 0],
  notProcessedReconfirmation: [1, 0, 0, 0, 0, 0, 1],
  otherNoCorrection: [67, 3, 0, 0, 1, 0, 71],
  otherFeeUnpaid: [6, 0, 0, 0, 0, 0, 6],
  otherOther: [108, 2, 0, 0, 0, 0, 110],
  totalProcessed: [2932, 53, 0, 0, 61, 4, 3050],
  carriedForward: [103, 0, 0, 0, 0, 0, 103],
};

const HUAIAN_APPEALS = [
  [72, 64, 178, 37, 351],
  [13, 4, 8, 1, 26],
  [12, 1, 1, 6, 20],
];

const rowOf = (values: number[]) =>
  Object.fromEntries(REQUEST_COLUMNS.map((c, i) => [c, values[i]!])) as Record<
    (typeof REQUEST_COLUMNS)[number],
    number
  >;

/** Every number of the Huai'an 2024 report, as the tables print it. */
export const huaianNumbers = (): Pick<
  ReportDraft,
  "proactive" | "requests" | "appeals" | "fees"
> => ({
  proactive: {
    rules: { issued: 1, repealed: 0, inForce: 11 },
    normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
    licensing: { decisions: 447228 },
    penalty: { decisions: 3985758 },
    coercion: { decisions: 88283 },
    fees: { amountWanYuan: 96171.6 },
  },
  requests: Object.fromEntries(
    REQUEST_ROWS.map((r) => [r, rowOf(HUAIAN_REQUESTS[r])]),
  ) as ReportDraft["requests"],
  appeals: Object.fromEntries(
    APPEAL_BLOCKS.map((b, i) => [
      b,
      Object.fromEntries(APPEAL_COLUMNS.map((c, j) => [c, HUAIAN_APPEALS[i]![j]!])),
    ]),
  ) as ReportDraft["appeals"],
  // 六: "全年收取政府信息公开信息处理费 3940 元" — notices and the amount notified are not stated.
  fees: { noticesIssued: null, amountNotifiedYuan: null, amountCollectedYuan: 3940 },
});

export const numbersOf = (r: ReportDraft) => ({
  proactive: r.proactive,
  requests: r.requests,
  appeals: r.appeals,
  fees: r.fees,
});

/** Text compared without whitespace (PDF extraction spaces "2024 年" differently). */
export const squeeze = (s: string) => s.replace(/\s+/g, "");

/** Every number written in a text (digits folded from full width, thousands separators off). */
export const numbersIn = (text: string): Set<number> => {
  const folded = text.normalize("NFKC").replace(/(\d),(?=\d{3}\b)/g, "$1");
  return new Set([...folded.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0])));
};
