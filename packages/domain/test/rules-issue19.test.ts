// Issue 19: an empty 一、总体情况 is a finding like an empty 五 (item 9), and the narrative
// check reads neither a breakdown by channel nor a comparison with last year as the year's
// count (item 7).
import { describe, expect, it } from "vitest";
import { checkReport } from "../src/report/rules/index.ts";
import { emptyReport, type ReportDraft } from "../src/report/schema.ts";

const report = (requestsText: string) => {
  const r = emptyReport({ name: "某局" }, 2026) as ReportDraft;
  r.problems = "无";
  r.requests.newReceived.naturalPerson = 15;
  r.requests.newReceived.total = 15;
  r.requests.granted.naturalPerson = 15;
  r.requests.granted.total = 15;
  r.requests.totalProcessed.naturalPerson = 15;
  r.requests.totalProcessed.total = 15;
  r.overview.requests = requestsText;
  return r;
};
const codes = (r: ReportDraft) => checkReport(r).map((f) => `${f.code}:${f.cells.join(",")}`);

describe("第五十条 / 2021 format: section 一 is not empty", () => {
  it("narrative.missing for an empty 一、总体情况, as for an empty 五", () => {
    const r = emptyReport({ name: "某局" }, 2026) as ReportDraft;
    r.problems = "无";
    expect(codes(r)).toEqual(["narrative.missing:overview"]);
    r.overview.platform = "   ";
    expect(codes(r)).toEqual(["narrative.missing:overview"]);
    r.overview.platform = "政府网站运行平稳。";
    expect(codes(r)).toEqual([]);
  });
});

describe("narrative.numberMismatch: breakdowns and comparisons are not the year's count", () => {
  it("「其中网上受理申请10件，信函受理申请5件」: a breakdown by channel", () => {
    expect(
      codes(report("全年共受理政府信息公开申请15件，其中网上受理申请10件，信函受理申请5件。")),
    ).toEqual([]);
  });
  it("「较上年收到申请20件」: a comparison with last year", () => {
    expect(codes(report("本年度收到申请15件，较上年收到申请20件有所减少。"))).toEqual([]);
    expect(codes(report("共收到申请15件，比上年收到申请20件减少5件。"))).toEqual([]);
  });
  it("still finds a wrong total", () => {
    expect(codes(report("全年共受理政府信息公开申请18件，其中网上受理申请10件。"))).toEqual([
      "narrative.numberMismatch:requests.newReceived.total,overview.requests",
    ]);
  });
});
