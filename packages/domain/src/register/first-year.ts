// A first year on the register (issue 19): the previous year's report as the agency published
// it before the register can be brought in, and the applications it carried over enter either
// one by one (registered with their original receipt dates: the fold counts them in 上年结转) or
// as counts (an opening balance whose 上年结转 and 结转下年度 are last year's 结转下年度).
import { REQUEST_COLUMNS } from "../report/catalog.ts";
import type { Finding } from "../report/findings.ts";
import {
  emptyRequestsTable,
  type ReportDraft,
  type RequestsTable,
  requestCellPath,
} from "../report/schema.ts";
import type { OpeningBalance } from "./schema.ts";

const cellOr0 = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * The opening balance of `year` for the applications last year's report carried forward when
 * they are not recorded one by one: 上年结转 = 结转下年度 = last year's 结转下年度, by column.
 * As each is concluded, the balance is updated (its count moves to the outcome's row).
 */
export const carriedOverAsCounts = (previous: ReportDraft, note?: string): OpeningBalance => {
  const counts: RequestsTable = emptyRequestsTable();
  for (const c of REQUEST_COLUMNS) {
    const n = cellOr0(previous.requests.carriedForward[c]);
    counts.carriedOver[c] = n;
    counts.carriedForward[c] = n;
  }
  return {
    year: previous.year + 1,
    counts,
    note:
      note ??
      `${previous.year} 年报“结转下年度继续办理”的申请，以件数计 / carried forward by the ${previous.year} report, as counts`,
  };
};

/** The previous year as the cross-year rules read it, and what to say when there is none. */
export type PreviousYear =
  | { source: "published" | "broughtIn" | "register"; report: ReportDraft }
  | { source: "none"; finding: Finding };

/**
 * Which report of year − 1 the cross-year rules compare `year` with: the one published on the
 * system, else the one brought in, else the register's live year when it holds anything of that
 * year; with none, the rules are skipped and a warning says so (an agency's first year).
 */
export const previousYear = (
  year: number,
  found: {
    published?: ReportDraft | null;
    broughtIn?: ReportDraft | null;
    live?: ReportDraft | null;
    /** Whether the register holds anything of year − 1 (applications, balances, sections). */
    liveHasData?: boolean;
  },
): PreviousYear => {
  if (found.published) return { source: "published", report: found.published };
  if (found.broughtIn) return { source: "broughtIn", report: found.broughtIn };
  if (found.live && found.liveHasData) return { source: "register", report: found.live };
  return {
    source: "none",
    finding: {
      code: "requests.previousYearMissing",
      severity: "warning",
      cells: REQUEST_COLUMNS.map((c) => requestCellPath("carriedOver", c)),
      message: {
        zh: `${year - 1} 年度的年报不在本系统中（未发布、未导入），登记簿也没有该年度的数据：未核对“上年结转”。可导入 ${year - 1} 年已公布的年报作为期初，其“结转下年度继续办理”即本年“上年结转”。`,
        en: `The ${year - 1} report is not on the system (not published or brought in) and the register holds nothing of ${year - 1}: carried over was not checked. Bring in the published ${year - 1} report: its carried forward is this year's carried over.`,
      },
    },
  };
};
