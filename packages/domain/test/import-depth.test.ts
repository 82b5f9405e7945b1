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
