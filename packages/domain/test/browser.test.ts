// Issue 21: the rules and the renderer run in a browser. `@ogi/domain/rules` and
// `@ogi/domain/render` are bundled by esbuild for the browser (no polyfills, no Node built-ins)
// and run in Chromium (Debian's /usr/bin/chromium through playwright-core): the page checks a
// real report and renders it to the official HTML, and must agree with the same code in Node.
import { existsSync, readFileSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReport, type Finding, type ReportDraft, renderReport } from "../src/index.ts";
import { bundleForBrowser, bundleSubpath } from "./browser-bundle.ts";
import { huaian2024 } from "./rules-fixtures.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** The limit for `@ogi/domain/rules` in a browser bundle, minified. */
const RULES_LIMIT = 150 * 1024;

type PageDocument = {
  title: string;
  querySelectorAll: (selector: string) => { length: number };
  body: { textContent: string | null };
};
type PageApi = {
  check: (report: ReportDraft) => Finding[];
  html: (report: ReportDraft, findings: Finding[]) => string;
};

describe("@ogi/domain/rules and /render in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    // A missing browser is a failure, not a skip (CI installs Debian's chromium).
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("each bundles for the browser without Node built-ins, zod or the readers", async () => {
    for (const subpath of ["rules", "render"]) {
      const bundle = await bundleSubpath(subpath);
      const foreign = bundle.inputs.filter((i) =>
        /node:|pdfjs-dist|htmlparser2|\/import\/|zod/.test(i),
      );
      expect(foreign, subpath).toEqual([]);
    }
    const rules = await bundleSubpath("rules");
    expect(rules.bytes).toBeLessThan(RULES_LIMIT);
  });

  it("every subpath but import bundles for the browser without polyfills", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const subpaths = Object.keys(pkg.exports)
      .map((k) => k.slice(2))
      .filter((s) => s !== "" && s !== "import")
      .filter((s) => s !== "language" || existsSync(new URL("../src/language", import.meta.url)));
    expect(subpaths).toEqual(expect.arrayContaining(["report", "register", "deadlines"]));
    for (const subpath of subpaths) {
      const bundle = await bundleSubpath(subpath); // esbuild fails on a Node built-in
      expect(
        bundle.inputs.filter((i) => /pdfjs-dist|htmlparser2/.test(i)),
        subpath,
      ).toEqual([]);
    }
  });

  it("checks a real report and renders the official HTML in Chromium, as Node does", async () => {
    const bundle = await bundleForBrowser(
      `import { checkReport } from "@ogi/domain/rules";
       import { renderReport } from "@ogi/domain/render";
       export const check = (report) => checkReport(report);
       export const html = (report, findings) => renderReport(report, { format: "html", findings });`,
      { format: "iife", globalName: "ogi" },
    );
    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.setContent("<!doctype html><html><head></head><body></body></html>");
      await page.addScriptTag({ content: bundle.code });

      // 淮安 2024 as published, with one cell broken so that the rules have something to say.
      const report = huaian2024();
      report.requests.granted.total = (report.requests.granted.total ?? 0) + 1;
      const findings = await page.evaluate(
        (r) => (globalThis as unknown as { ogi: PageApi }).ogi.check(r),
        report,
      );
      expect(findings).toEqual(checkReport(report));
      expect(findings.some((f) => f.severity === "error")).toBe(true);

      const html = await page.evaluate(
        ([r, f]) => (globalThis as unknown as { ogi: PageApi }).ogi.html(r, f),
        [report, findings] as const,
      );
      expect(html).toBe(renderReport(report, { format: "html", findings }));

      // The browser reads the page it rendered: title, the six sections' tables, the agency.
      await page.setContent(html);
      const seen = await page.evaluate(() => {
        // The page's DOM (the test is type-checked without the DOM library).
        const doc = (globalThis as unknown as { document: PageDocument }).document;
        return {
          title: doc.title,
          tables: doc.querySelectorAll("table").length,
          text: doc.body.textContent ?? "",
        };
      });
      expect(seen.title).toContain("淮安市人民政府");
      expect(seen.tables).toBeGreaterThanOrEqual(4);
      expect(seen.text).toContain("政府信息公开");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
