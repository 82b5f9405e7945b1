// Page images of the 淮安市人民政府 2024 report in each format, for review: docs/images/report-*.png.
//   PDF   page 2 drawn by pdftoppm (poppler), as any PDF reader shows it; and page 1 of a draft,
//         with its watermark 草稿 (report-pdf-draft.png);
//   HTML  also a draft, as a browser shows it (report-html-draft.png);
//   HTML  page drawn by Chromium (headless);
//   DOCX  drawn by docx-preview in Chromium (an approximation of Word: no 方正/GB2312 fonts here,
//         so Chromium substitutes the installed Noto CJK);
//   XLSX  the 三 sheet read back with exceljs and drawn as a table (cells and merges as stored);
//   DOCX  a draft through LibreOffice, when it is installed (report-docx-draft.png).
// Run: pnpm --filter @ogi/documents images   (needs /usr/bin/chromium and pdftoppm)
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { escapeHtml, type ReportDraft, renderReport } from "@ogi/domain";
import ExcelJS from "exceljs";
import { renderDocument } from "../src/index.ts";

const require = createRequire(import.meta.url);
const here = import.meta.dirname;
const out = resolve(here, "../../../docs/images");
mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), "ogi-images-"));
const report = JSON.parse(
  readFileSync(resolve(here, "../test/fixtures/huaian-2024.json"), "utf8"),
) as ReportDraft;
const options = { date: "2025-01-20" } as const;

const chromium = (html: string, name: string, size = "900,1270") => {
  const page = join(tmp, `${name}.html`);
  writeFileSync(page, html);
  execFileSync(
    "/usr/bin/chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--hide-scrollbars",
      "--allow-file-access-from-files",
      `--window-size=${size}`,
      "--virtual-time-budget=8000",
      `--screenshot=${join(out, `${name}.png`)}`,
      `file://${page}`,
    ],
    { stdio: "ignore" },
  );
};

// PDF: the second page (the end of 一, section 二 and the start of 三).
const pdf = join(tmp, "report.pdf");
writeFileSync(pdf, await renderDocument(report, { format: "pdf", ...options }));
execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", pdf, join(tmp, "pdf")]);
renameSync(join(tmp, "pdf-2.png"), join(out, "report-pdf.png"));

// A draft PDF: page 1 with its watermark (outlines behind the text: no 草稿 in the text layer).
const draftPdf = join(tmp, "draft.pdf");
writeFileSync(draftPdf, await renderDocument(report, { format: "pdf", draft: true, ...options }));
execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", draftPdf, join(tmp, "draft")]);
renameSync(join(tmp, "draft-1.png"), join(out, "report-pdf-draft.png"));

// A draft DOCX as LibreOffice lays it out (its VML watermark is drawn by Word, WPS and LibreOffice,
// not by docx-preview); only where LibreOffice is installed (`soffice`), which the tests never need.
const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
if (soffice) {
  const draftDocx = join(tmp, "word-draft.docx");
  writeFileSync(
    draftDocx,
    await renderDocument(report, { format: "docx", draft: true, ...options }),
  );
  execFileSync(soffice, ["--headless", "--convert-to", "pdf", "--outdir", tmp, draftDocx], {
    stdio: "ignore",
    timeout: 120_000,
  });
  const docxPdf = join(tmp, "word-draft.pdf");
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "2", "-l", "2", docxPdf, join(tmp, "wd")]);
  renameSync(join(tmp, "wd-2.png"), join(out, "report-docx-draft.png"));
}

// HTML: the page as a browser shows it.
chromium(renderReport(report, { format: "html", ...options }), "report-html");
chromium(renderReport(report, { format: "html", draft: true, ...options }), "report-html-draft");

// DOCX: docx-preview in Chromium.
const docx = Buffer.from(await renderDocument(report, { format: "docx", ...options })).toString(
  "base64",
);
// docx-preview exports its entry only: its UMD build lies beside it.
const script = (id: string, file: string) => `file://${join(dirname(require.resolve(id)), file)}`;
chromium(
  `<!doctype html><html><head><meta charset="utf-8">
<script src="${script("jszip", "../dist/jszip.min.js")}"></script>
<script src="${script("docx-preview", "docx-preview.min.js")}"></script>
<style>body{margin:0;background:#888}</style></head><body><div id="c"></div><script>
const bytes = Uint8Array.from(atob("${docx}"), (c) => c.charCodeAt(0));
docx.renderAsync(new Blob([bytes]), document.getElementById("c"), null, { breakPages: true });
</script></body></html>`,
  "report-docx",
);

// XLSX: the 三 sheet as exceljs reads it back.
const book = new ExcelJS.Workbook();
await book.xlsx.load(
  (await renderDocument(report, { format: "xlsx", ...options })).buffer as ArrayBuffer,
);
const sheet = book.worksheets[1]!;
const covered = new Set<string>();
const rows: string[] = [];
sheet.eachRow({ includeEmpty: true }, (row, r) => {
  const tds: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    if (covered.has(`${r},${c}`)) continue;
    const cell = row.getCell(c);
    let span = "";
    if (cell.isMerged && cell.master === cell) {
      const range = (
        sheet as unknown as {
          _merges: Record<
            string,
            { model: { top: number; left: number; bottom: number; right: number } }
          >;
        }
      )._merges[cell.address];
      if (range) {
        const { top, left, bottom, right } = range.model;
        for (let y = top; y <= bottom; y++)
          for (let x = left; x <= right; x++) if (y !== r || x !== c) covered.add(`${y},${x}`);
        span = ` rowspan="${bottom - top + 1}" colspan="${right - left + 1}"`;
      }
    }
    tds.push(`<td${span}>${escapeHtml(String(cell.value ?? ""))}</td>`);
  }
  rows.push(`<tr><td class="n">${r}</td>${tds.join("")}</tr>`);
});
chromium(
  `<!doctype html><html><head><meta charset="utf-8"><style>
body{font:12px "Noto Sans CJK SC",sans-serif;margin:8px} table{border-collapse:collapse}
td{border:1px solid #bbb;padding:2px 4px;text-align:center;max-width:260px} td.n{background:#eee;color:#666}
caption{text-align:left;padding:4px;background:#217346;color:#fff}</style></head><body>
<table><caption>${escapeHtml(sheet.name)} — exceljs</caption>${rows.join("")}</table></body></html>`,
  "report-xlsx",
  "1100,900",
);
console.log(`written to ${out}`);
