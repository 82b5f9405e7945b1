// ogi check <folder|.zip>: a county's reports at once, through the real CLI process.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { emptyReport, REQUEST_COLUMNS, REQUEST_ROWS, type SetResult } from "@ogi/domain";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");
const fixtures = resolve(repoRoot, "../shared/fixtures/reports");
const dir = mkdtempSync(join(tmpdir(), "ogi-set-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ogi = (...args: string[]) => {
  const r = spawnSync(process.execPath, [main, ...args], { cwd: dir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

// The county: the Huai'an report; two departments holding half of each of its cells, one of
// them one application more in 予以公开 总计 (so the county is below their sum there).
const huaianFile = join(fixtures, "huaian-2024.layout.txt");
const huaian = readFileSync(huaianFile);

/** A one-page PDF with a drawing and no text: what a scan is to the reader. */
const scannedPdf = () => {
  const content = "0 0 1 rg 10 10 200 300 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
};
const department = (name: string, share: (v: number) => number, plusOne = false) => {
  const county = JSON.parse(
    spawnSync(process.execPath, [main, "parse", huaianFile, "--json"], {
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
  writeFileSync(join(folder, "扫描件.pdf"), scannedPdf(), "latin1");

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
