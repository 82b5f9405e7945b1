// ogi check <folder|.zip>: a county's reports at once, through the real CLI process.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { emptyReport, REQUEST_COLUMNS, REQUEST_ROWS, type SetResult } from "@ogi/domain";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");
const corpus = resolve(repoRoot, "packages/domain/test/fixtures/corpus");
const dir = mkdtempSync(join(tmpdir(), "ogi-set-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ogi = (...args: string[]) => {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: dir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

// The county: the Huai'an report; two departments holding half of each of its cells, one of
// them one application more in 予以公开 总计 (so the county is below their sum there).
const huaian = readFileSync(join(corpus, "huaian-2024.tabs.txt"));
const department = (name: string, share: (v: number) => number, plusOne = false) => {
  const county = JSON.parse(
    spawnSync(process.execPath, [main, "parse", join(corpus, "huaian-2024.tabs.txt"), "--json"], {
      encoding: "utf8",
    }).stdout,
  );
  const r = emptyReport({ name }, 2024);
  for (const row of REQUEST_ROWS)
    for (const col of REQUEST_COLUMNS) r.requests[row][col] = share(county.requests[row][col]);
  if (plusOne) r.requests.granted.total += 1;
  return JSON.stringify(r);
};

describe("ogi check <folder|.zip>", () => {
  const folder = join(dir, "county");
  mkdirSync(folder);
  writeFileSync(join(folder, "淮安市人民政府.txt"), huaian);
  writeFileSync(
    join(folder, "甲局.json"),
    department("甲局", (v) => Math.floor(v / 2)),
  );
  writeFileSync(
    join(folder, "乙局.json"),
    department("乙局", (v) => v - Math.floor(v / 2), true),
  );
  copyFileSync(join(corpus, "huaian-2024.scanned.pdf"), join(folder, "扫描件.pdf"));

  it("a folder: one table per report, a bad file reported, the hierarchy, a summary", () => {
    const { status, stdout } = ogi("check", "county");
    expect(status).toBe(1);
    expect(stdout).toContain("扫描件.pdf\n无法读取（scanned-pdf）");
    expect(stdout).toContain("淮安市人民政府.txt  淮安市人民政府 2024（县级政府）");
    expect(stdout).toContain("层级核对：淮安市人民政府.txt 第三部分 与 2 个部门报告之和");
    expect(stdout).toMatch(/错误\s+hierarchy\.sumMismatch\s+三、“（一）予以公开”行“总计”列/);
    expect(stdout).toContain("汇总：4 个文件，读取 3 个，无法读取 1 个");
  });

  it("a .zip, in English and as JSON", () => {
    const zip = zipSync({
      "县/淮安市人民政府.txt": huaian,
      "县/甲局.json": new TextEncoder().encode(department("甲局", (v) => Math.floor(v / 2))),
      "县/乙局.json": new TextEncoder().encode(department("乙局", (v) => v - Math.floor(v / 2))),
    });
    writeFileSync(join(dir, "county.zip"), zip);
    const text = ogi("check", "county.zip", "--lang", "en");
    expect(text.stdout).toContain("Summary: 3 files, 3 read, 0 not read");
    const { stdout } = ogi("check", "county.zip", "--json");
    const result = JSON.parse(stdout) as SetResult;
    expect(result.summary).toMatchObject({
      county: "县/淮安市人民政府.txt",
      departments: 2,
      hierarchyMismatches: 0,
    });
  });

  it("a zip bomb is refused with a bilingual error, exit status 2", () => {
    writeFileSync(
      join(dir, "bomb.zip"),
      zipSync({ "r.txt": new Uint8Array(30 * 1024 * 1024) }, { level: 1 }),
    );
    const { status, stderr } = ogi("check", "bomb.zip");
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^ogi: bomb\.zip：压缩包超出上限.+ \/ bomb\.zip: The archive exceeds a limit/m,
    );
  });

  it("an empty folder is a usage error", () => {
    mkdirSync(join(dir, "empty"));
    const { status, stderr } = ogi("check", "empty");
    expect(status).toBe(2);
    expect(stderr).toContain("没有报告文件");
  });
});
