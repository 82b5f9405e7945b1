// The real CLI, spawned as a child process against files in a temp dir and the shared fixtures.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { emptyReport, type Finding, type Report, reportDraftSchema, setCell } from "@ogi/domain";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const main = join(repoRoot, "apps/cli/src/main.ts");
const fixtures = resolve(repoRoot, "../shared/fixtures/reports");
const dir = mkdtempSync(join(tmpdir(), "ogi-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ogi = (...args: string[]) => {
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, OGI_DEBUG: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** One line on stderr, no stack trace. */
const expectOneLineError = (stderr: string) => {
  const lines = stderr.trimEnd().split("\n");
  expect(lines.at(-1)).toMatch(/^ogi: .+ \/ .+$/);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines.at(-1)!;
};

const validReport = (): Report => {
  const report = emptyReport({ name: "测试县测试局" }, 2024);
  for (const c of ["naturalPerson", "total"] as const) {
    report.requests.newReceived[c] = 3;
    report.requests.granted[c] = 2;
    report.requests.totalProcessed[c] = 2;
    report.requests.carriedForward[c] = 1;
  }
  report.overview.requests = "2024年，收到政府信息公开申请3件。";
  report.problems = "公开平台栏目更新不够及时。";
  report.otherMatters = "本年度未收取信息处理费。";
  return report;
};
const write = (name: string, content: string | object) => {
  writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return name;
};

describe("ogi help and usage errors", () => {
  it("prints the usage for help, --help and no arguments (exit 0)", () => {
    for (const args of [["help"], ["--help"], []]) {
      const { status, stdout } = ogi(...args);
      expect(status).toBe(0);
      for (const c of ["parse", "check", "render"]) expect(stdout).toContain(`ogi ${c} <file>`);
    }
    const { status, stdout } = ogi("check", "--help");
    expect(status).toBe(0);
    expect(stdout).toContain("--previous");
  });

  it("answers an unknown command with the usage and one error line (exit 2)", () => {
    const { status, stderr } = ogi("frobnicate");
    expect(status).toBe(2);
    expect(stderr).toContain("ogi render <file>");
    expect(expectOneLineError(stderr)).toContain("frobnicate");
  });

  it("reports a missing file, a bad option and a bad value in one line (exit 2)", () => {
    const json = write("ok.json", validReport());
    const cases: [string[], RegExp][] = [
      [["parse", "missing.txt"], /找不到文件：missing\.txt \/ File not found: missing\.txt/],
      [["check", json, "--bogus"], /--bogus/],
      [["render", json, "--format", "odt"], /--format/],
      [["render", json, "--format", "pdf"], /-o/],
      [["render", json, "--format", "md", "--date", "2025-13-45"], /--date/],
      [["render", json], /--format/],
      [["check", json, "--lang", "fr"], /--lang/],
      [["check"], /check <file>/],
      [["parse", write("report.docx", "PK\u0003\u0004junk")], /Word/],
      [["parse", "missing.docx"], /missing\.docx/],
      [["check", json, "--previous", "nope.json"], /nope\.json/],
    ];
    for (const [args, pattern] of cases) {
      const { status, stdout, stderr } = ogi(...args);
      expect(status, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(expectOneLineError(stderr)).toMatch(pattern);
    }
  });

  it("rejects JSON that is not JSON or not a report, in one line (exit 2)", () => {
    const broken = ogi("check", write("broken.json", "{ not json"));
    expect(broken.status).toBe(2);
    expect(expectOneLineError(broken.stderr)).toContain("JSON");
    const bad = validReport() as unknown as Record<string, unknown>;
    bad.year = "2024";
    const wrong = ogi("parse", write("wrong.json", bad));
    expect(wrong.status).toBe(2);
    expect(expectOneLineError(wrong.stderr)).toContain("year");
  });
});

describe("ogi parse / check / render on canonical JSON", () => {
  it("parse prints a summary, or the canonical JSON with --json", () => {
    const report = validReport();
    const file = write("report.json", report);
    const summary = ogi("parse", file);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toContain("测试县测试局");
    expect(summary.stdout).toContain("一、本年新收政府信息公开申请数量：3");
    expect(summary.stdout).toMatch(/检查结果：0 项/);
    const json = ogi("parse", file, "--json");
    expect(json.status).toBe(0);
    expect(reportDraftSchema.parse(JSON.parse(json.stdout))).toEqual(report);
  });

  it("check exits 0 without errors and 1 with one, pointing at the cell", () => {
    const ok = ogi("check", write("ok.json", validReport()), "--json");
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as Finding[]).filter((f) => f.severity === "error")).toEqual([]);

    const broken = validReport();
    setCell(broken, "requests.granted.naturalPerson", 5);
    const file = write("broken.json", broken);
    const json = ogi("check", file, "--json");
    expect(json.status).toBe(1);
    const findings = JSON.parse(json.stdout) as Finding[];
    expect(findings.some((f) => f.cells.includes("requests.granted.naturalPerson"))).toBe(true);

    const zh = ogi("check", file);
    expect(zh.status).toBe(1);
    expect(zh.stdout).toMatch(/^错误 /m);
    const en = ogi("check", file, "--lang", "en");
    expect(en.stdout).toMatch(/^error /m);
    expect(en.stdout).toMatch(/errors/);
  });

  it("check --previous finds a carry-over that does not match last year's", () => {
    const last = validReport();
    last.year = 2023;
    setCell(last, "requests.carriedForward.naturalPerson", 4);
    setCell(last, "requests.carriedForward.total", 4);
    const { status, stdout } = ogi(
      "check",
      write("this.json", validReport()),
      "--previous",
      write("last.json", last),
      "--json",
    );
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as Finding[]).map((f) => f.code)).toContain(
      "requests.carryOverMismatch",
    );
  });

  it("render writes each format to stdout or to -o", () => {
    const file = write("render.json", validReport());
    const md = ogi("render", file, "--format", "md");
    expect(md.status).toBe(0);
    expect(md.stdout.split("\n")[0]).toBe("# 测试县测试局2024年政府信息公开工作年度报告");
    const en = ogi("render", file, "--format", "txt", "--lang", "en");
    expect(en.stdout).toContain("Annual Report on Government Information Disclosure");
    const out = ogi("render", file, "--format", "csv", "-o", "out.csv");
    expect(out.status).toBe(0);
    expect(out.stdout).toBe("");
    expect(readFileSync(join(dir, "out.csv"), "utf8").startsWith("\uFEFFsection,")).toBe(true);
    const inferred = ogi("render", file, "-o", "page.html", "--findings");
    expect(inferred.status).toBe(0);
    expect(readFileSync(join(dir, "page.html"), "utf8")).toMatch(/^<!doctype html>/);
    const unwritable = ogi("render", file, "--format", "md", "-o", "no/such/dir/x.md");
    expect(unwritable.status).toBe(2);
    expectOneLineError(unwritable.stderr);
  });
});

describe("ogi on published reports", () => {
  const minquan = join(fixtures, "minquan-gxkj-2023.txt");
  const huaian = join(fixtures, "huaian-2024.pdf");

  it("finds the fixtures", () => {
    expect(existsSync(minquan) && existsSync(huaian)).toBe(true);
  });

  it("parses the web-page text of a county bureau's 2023 report", () => {
    const { status, stdout } = ogi("parse", minquan, "--json");
    expect(status).toBe(0);
    const report = reportDraftSchema.parse(JSON.parse(stdout));
    expect(report.year).toBe(2023);
    expect(report.agency.name).toContain("民权县工业和信息化和科技局");
    expect(report.requests.newReceived.total).toBe(0);
  });

  it("parses and checks the 2024 PDF with no error", () => {
    const parsed = ogi("parse", huaian, "--json");
    expect(parsed.status).toBe(0);
    const report = reportDraftSchema.parse(JSON.parse(parsed.stdout));
    expect(report.year).toBe(2024);
    expect(report.requests.newReceived.total).toBe(3119);
    expect(report.requests.carriedOver.total).toBe(34);
    const checked = ogi("check", huaian);
    expect(checked.status).toBe(0);
    const summary = ogi("parse", huaian);
    expect(summary.stdout).toContain("3119");
  });

  it("reads back what it renders, in every format", () => {
    const report = validReport();
    const file = write("roundtrip.json", report);
    for (const format of ["md", "html", "txt", "csv"]) {
      const out = `roundtrip-out.${format}`;
      expect(ogi("render", file, "--format", format, "-o", out).status).toBe(0);
      const back = ogi("parse", out, "--json");
      expect(back.status, `${format}: ${back.stderr}`).toBe(0);
      expect(JSON.parse(back.stdout), format).toEqual(report);
    }
  });

  it("says so in one line when the input is not a report", () => {
    const { status, stderr } = ogi("parse", write("junk.txt", "今天天气很好。\n"));
    expect(status).toBe(2);
    expectOneLineError(stderr);
  });
});
