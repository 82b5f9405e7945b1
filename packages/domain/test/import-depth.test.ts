import { describe, expect, it } from "vitest";
import { ImportError, parseReport } from "../src/index.ts";

describe("deeply nested HTML", () => {
  it("is refused with ImportError too-deep instead of overflowing the stack", async () => {
    const depth = 20_000;
    const html = `<html><body>${"<div>".repeat(depth)}三、收到和处理政府信息公开申请情况${"</div>".repeat(depth)}</body></html>`;
    const error = await parseReport(html, { filename: "deep.html" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("too-deep");
    expect((error as ImportError).zh).toContain("嵌套过深");
  });

  it("still reads a page nested a few dozen levels", async () => {
    const html = `<html><body>${"<div>".repeat(60)}<p>民权县工业和信息化和科技局 2023 年政府信息公开工作年度报告</p><p>一、总体情况</p>${"</div>".repeat(60)}</body></html>`;
    const { report } = await parseReport(html, { filename: "page.html" });
    expect(report.year).toBe(2023);
  });
});

describe("a PDF damaged where only a page read notices", () => {
  it("is ImportError damaged-pdf (found by fuzzing: one byte changed at offset 346668)", async () => {
    const { readFileSync } = await import("node:fs");
    const { resolve } = await import("node:path");
    const pdf = new Uint8Array(
      readFileSync(
        resolve(import.meta.dirname, "../../../../shared/fixtures/reports/huaian-2024.pdf"),
      ),
    );
    const errors: string[] = [];
    // The byte fast-check found, and its neighbours: each must be read or refused, never thrown.
    for (const offset of [346668, 346667, 346669]) {
      const copy = new Uint8Array(pdf);
      copy[offset] = copy[offset]! ^ 0xff;
      try {
        await parseReport(copy, { filename: "damaged.pdf" });
      } catch (e) {
        if (!(e instanceof ImportError)) errors.push(`${offset}: ${(e as Error).name}`);
      }
    }
    expect(errors).toEqual([]);
  });
});
