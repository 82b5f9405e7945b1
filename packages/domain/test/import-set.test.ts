// A county's set of reports read at once: the .zip read within limits (zip bombs refused,
// even with sizes that lie), each report read and checked, a bad file reported while the
// others are read, and the county's section 三 against the sum of its departments'.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  checkHierarchy,
  emptyReport,
  ImportError,
  isCountyGovernment,
  parseReport,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type ReportDraft,
  readReportSet,
  unzipReports,
} from "../src/index.ts";
import { huaianNumbers, readOwn } from "./import-helpers.ts";

const enc = new TextEncoder();
const corpusFile = (name: string) => enc.encode(readOwn(`corpus/${name}`));

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).code;
  }
  throw new Error("not refused");
};

describe("unzipReports", () => {
  it("gives the report files, skipping folders, resource forks and other files", () => {
    const zip = zipSync({
      "县/淮安.txt": corpusFile("huaian-2024.tabs.txt"),
      "县/民权.html": corpusFile("minquan-gxkj-2023.docx-html.html"),
      "县/说明.png": new Uint8Array([1, 2, 3]),
      "__MACOSX/县/._淮安.txt": new Uint8Array([0, 1]),
      "县/空/": new Uint8Array(0),
    });
    const files = unzipReports(zip);
    expect(files.map((f) => f.name)).toEqual(["县/淮安.txt", "县/民权.html"]);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe(readOwn("corpus/huaian-2024.tabs.txt"));
  });

  it("refuses a zip bomb: a file inflating beyond the limit", () => {
    const zip = zipSync({ "bomb.txt": new Uint8Array(24 * 1024 * 1024) }, { level: 1 });
    expect(zip.length).toBeLessThan(100_000);
    expect(refusal(() => unzipReports(zip))).toBe("zip-refused");
  });

  it("refuses a zip bomb whose declared sizes lie (counted while inflating)", () => {
    const zip = zipSync({ "bomb.txt": new Uint8Array(24 * 1024 * 1024) }, { level: 1 });
    const view = new DataView(zip.buffer);
    // Local header (offset 0): uncompressed size at 22; central directory entry: at 24.
    view.setUint32(22, 100, true);
    const cd = zip.findLastIndex(
      (_, i) => i + 4 <= zip.length && view.getUint32(i, true) === 0x02014b50,
    );
    view.setUint32(cd + 24, 100, true);
    expect(refusal(() => unzipReports(zip))).toBe("zip-refused");
  });

  it("refuses too many entries, and files that inflate beyond the total together", () => {
    const many = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`r${i}.txt`, enc.encode("x")]),
    );
    expect(refusal(() => unzipReports(zipSync(many), { ...limits, maxEntries: 10 }))).toBe(
      "zip-refused",
    );
    const big = { "a.txt": new Uint8Array(6_000), "b.txt": new Uint8Array(6_000) };
    expect(refusal(() => unzipReports(zipSync(big), { ...limits, maxTotalBytes: 10_000 }))).toBe(
      "zip-refused",
    );
  });

  it("a damaged or empty archive is damaged-zip", () => {
    const zip = zipSync({ "r.txt": corpusFile("huaian-2024.tabs.txt") });
    expect(refusal(() => unzipReports(zip.slice(0, 200)))).toBe("damaged-zip");
    expect(refusal(() => unzipReports(new Uint8Array(0)))).toBe("damaged-zip");
    expect(refusal(() => unzipReports(enc.encode("not a zip at all")))).toBe("damaged-zip");
  });
});

const limits = { maxEntries: 500, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 100e6 };

/** A department's report holding `share` of each of the county's section 三 cells. */
const department = (name: string, county: ReportDraft, share: (v: number) => number) => {
  const r = emptyReport({ name }, 2024) as ReportDraft;
  for (const row of REQUEST_ROWS)
    for (const col of REQUEST_COLUMNS) r.requests[row][col] = share(county.requests[row][col]!);
  return r;
};

describe("the hierarchy", () => {
  const county = { ...emptyReport({ name: "淮安市人民政府" }, 2024), ...huaianNumbers() };
  const half = (v: number) => Math.floor(v / 2);

  it("tells the county government's own report by its name", () => {
    for (const n of ["淮安市人民政府", "民权县人民政府", "晋安区人民政府办公室", "阿荣旗人民政府"])
      expect(isCountyGovernment(n), n).toBe(true);
    for (const n of ["民权县工业和信息化和科技局", "区统计局", "人民政府研究室"])
      expect(isCountyGovernment(n), n).toBe(false);
  });

  it("no finding when every cell is its departments' sum", () => {
    const a = department("甲局", county, half);
    const b = department("乙局", county, (v) => v - half(v));
    expect(
      checkHierarchy(county, [
        { name: "a", report: a },
        { name: "b", report: b },
      ]),
    ).toEqual([]);
  });

  it("a cell below the departments' sum is an error, above it a warning; blank cells skipped", () => {
    const a = department("甲局", county, half);
    const b = department("乙局", county, (v) => v - half(v));
    b.requests.granted.total! += 1;
    b.requests.newReceived.naturalPerson! -= 1;
    b.requests.carriedForward.total = null; // not a number: that cell is not compared
    const findings = checkHierarchy(county, [
      { name: "a", report: a },
      { name: "b", report: b },
    ]);
    expect(findings.map((f) => [f.cells[0], f.severity])).toEqual([
      ["requests.newReceived.naturalPerson", "warning"],
      ["requests.granted.total", "error"],
    ]);
    expect(findings[1]!.message.zh).toContain("县级报告为 1362，2 个部门报告之和为 1363");
  });

  it("readReportSet: each file read and checked, a bad file reported, the hierarchy checked", async () => {
    const a = department("甲局", county, half);
    const b = department("乙局", county, (v) => v - half(v));
    b.requests.granted.total! += 1;
    const files = [
      { name: "淮安市人民政府.txt", bytes: corpusFile("huaian-2024.tabs.txt") },
      { name: "甲局.json", bytes: enc.encode(JSON.stringify(a)) },
      { name: "乙局.json", bytes: enc.encode(JSON.stringify(b)) },
      { name: "扫描件.pdf", bytes: new Uint8Array(readOwnBytes("huaian-2024.scanned.pdf")) },
      { name: "乱码.txt", bytes: new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]) },
    ];
    const result = await readReportSet(files, (f) => parseReport(f.bytes, { filename: f.name }));
    expect(result.entries.map((e) => [e.name, e.ok])).toEqual([
      ["淮安市人民政府.txt", true],
      ["甲局.json", true],
      ["乙局.json", true],
      ["扫描件.pdf", false],
      ["乱码.txt", false],
    ]);
    const scan = result.entries[3]!;
    expect(!scan.ok && scan.error.code).toBe("scanned-pdf");
    expect(result.hierarchy.map((f) => f.cells[0])).toEqual(["requests.granted.total"]);
    expect(result.summary).toMatchObject({
      files: 5,
      read: 3,
      failed: 2,
      county: "淮安市人民政府.txt",
      departments: 2,
      hierarchyMismatches: 1,
    });
  });

  it("without a county government's report, no hierarchy check", async () => {
    const files = [{ name: "民权.txt", bytes: corpusFile("minquan-gxkj-2023.tabs.txt") }];
    const result = await readReportSet(files, (f) => parseReport(f.bytes, { filename: f.name }));
    expect(result.summary).toMatchObject({ county: null, departments: 0, read: 1 });
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { ownFixtures } from "./import-helpers.ts";

function readOwnBytes(name: string) {
  return readFileSync(path.join(ownFixtures, "corpus", name));
}
