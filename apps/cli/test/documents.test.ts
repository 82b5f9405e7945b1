// ogi render to Word, PDF and Excel, and ogi parse reading Word and PDF back: the real CLI,
// spawned, on the 淮安 2024 report read from its published PDF. A zip bomb named .docx gets one
// bilingual line and exit 2.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { cellPaths, getCell, type ReportDraft } from "@ogi/domain";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");
const huaianPdf = resolve(repoRoot, "../shared/fixtures/reports/huaian-2024.pdf");
const dir = mkdtempSync(join(tmpdir(), "ogi-cli-documents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ogi = (...args: string[]) => {
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, OGI_DEBUG: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const cells = (r: ReportDraft) => [...cellPaths()].map(({ path }) => [path, getCell(r, path)]);

describe("ogi render --format docx|pdf|xlsx and ogi parse on them", () => {
  it("淮安 2024 to Word and PDF reads back through ogi parse to the same cells", () => {
    const parsed = ogi("parse", huaianPdf, "--json");
    expect(parsed.status, parsed.stderr).toBe(0);
    writeFileSync(join(dir, "huaian.json"), parsed.stdout);
    const original = JSON.parse(parsed.stdout) as ReportDraft;
    for (const format of ["docx", "pdf"]) {
      const out = `huaian.${format}`;
      const rendered = ogi(
        "render",
        "huaian.json",
        "--format",
        format,
        "--date",
        "2025-01-20",
        "-o",
        out,
      );
      expect(rendered.status, rendered.stderr).toBe(0);
      const back = ogi("parse", out, "--json");
      expect(back.status, back.stderr).toBe(0);
      expect(cells(JSON.parse(back.stdout)), format).toEqual(cells(original));
    }
    // The format from the extension; Excel is a zip.
    expect(ogi("render", "huaian.json", "-o", "huaian.xlsx").status).toBe(0);
    expect(readFileSync(join(dir, "huaian.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("a zip bomb named .docx: one bilingual line, exit 2", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    writeFileSync(join(dir, "bomb.docx"), bomb);
    const { status, stderr } = ogi("parse", "bomb.docx");
    expect(status).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ogi: .*压缩炸弹.* \/ .*zip bomb.*$/);
  });
});
