// The report as Word, PDF and Excel from the API (issue 17): the right content type, a Chinese
// file name (Content-Disposition filename*), a draft marked 草稿 with its findings only when
// asked, the drafting suggestion beside a draft's JSON, the register as Excel with personal data
// only for those who may see it, and POST /v1/parse reading a .docx (a zip bomb is a 422).
import { DOCUMENT_CONTENT_TYPES } from "@ogi/documents";
import { cellPaths, getCell, type ReportDraft } from "@ogi/domain";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { A, type ApiFixture, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe("API documents on pglite", () => {
  let s: Setup;
  let as: ApiFixture["as"];
  sharedApiFixture("pglite", (f) => {
    ({ s, as } = f);
  });
  const get = (path: string, token: string | undefined = ADMIN_TOKEN) =>
    s.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("renders docx, pdf and xlsx with their content type and a Chinese file name", async () => {
    for (const format of ["docx", "pdf", "xlsx"] as const) {
      const r = await get(`/v1/agencies/${A}/reports/2025?format=${format}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe(DOCUMENT_CONTENT_TYPES[format]);
      const disposition = r.headers.get("content-disposition")!;
      expect(disposition).toMatch(
        /^attachment; filename="report-2025-draft\.\w+"; filename\*=UTF-8''/,
      );
      const name = decodeURIComponent(disposition.split("UTF-8''")[1]!);
      expect(name).toMatch(new RegExp(`2025年政府信息公开工作年度报告（草稿）\\.${format}$`));
      const bytes = new Uint8Array(await r.arrayBuffer());
      expect(new TextDecoder("latin1").decode(bytes.subarray(0, 4))).toBe(
        format === "pdf" ? "%PDF" : "PK\u0003\u0004",
      );
    }
  });

  it("marks a draft 草稿 and lists its findings only with ?findings=true, without codes", async () => {
    const plain = unzipSync(
      new Uint8Array(await (await get(`/v1/agencies/${A}/reports/2025?format=docx`)).arrayBuffer()),
    );
    const header = Object.keys(plain).find((n) => /word\/header\d*\.xml/.test(n))!;
    expect(strFromU8(plain[header]!)).toContain("草稿");
    expect(strFromU8(plain["word/document.xml"]!)).not.toContain("检查结果");
    const json = await (await get(`/v1/agencies/${A}/reports/2025`)).json();
    const html = await (
      await get(`/v1/agencies/${A}/reports/2025?format=html&findings=true`)
    ).text();
    expect(html).toContain('class="watermark"');
    if (json.findings.length > 0) {
      expect(html).toContain("检查结果");
      for (const f of json.findings) expect(html).not.toContain(`>${f.code}<`);
    }
    expect(html).not.toContain(`机构代码`);
  });

  it("offers the section 一 paragraph as a suggestion beside a draft, not in it", async () => {
    const r = await get(`/v1/agencies/${A}/reports/2025`);
    const body = (await r.json()) as {
      report: ReportDraft;
      suggestions?: { overviewRequests: { zh: string; en: string } };
    };
    expect(body.suggestions?.overviewRequests.zh).toMatch(/^2025年，共收到政府信息公开申请\d+件/);
    expect(body.suggestions?.overviewRequests.en).toMatch(
      /^In 2025, \d+ applications were received/,
    );
    expect(body.report.overview.requests).not.toContain("共收到政府信息公开申请");
  });

  it("refuses an unknown format with 400", async () => {
    const r = await get(`/v1/agencies/${A}/reports/2025?format=odt`);
    expect(r.status).toBe(400);
  });

  it("exports the register as Excel: Chinese headers, dates as dates, personal data only for members", async () => {
    const load = async (token: string | undefined) => {
      const r = await get(`/v1/agencies/${A}/applications/export?format=xlsx`, token);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-disposition")).toContain("filename*=UTF-8''");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await r.arrayBuffer());
      return book.worksheets[0]!;
    };
    const member = await load(as("managerA").token);
    const headers = member.getRow(1).values as unknown[];
    expect(headers).toContain("收到申请日期");
    expect(headers).toContain("申请人姓名");
    const col = headers.indexOf("收到申请日期");
    expect(member.getCell(2, col).value).toBeInstanceOf(Date);
    expect(member.getCell(2, headers.indexOf("编号")).value).toBe(1);
    const admin = await load(ADMIN_TOKEN);
    expect(admin.getRow(1).values as unknown[]).not.toContain("申请人姓名");
    expect(admin.getRow(1).values as unknown[]).not.toContain("联系方式");
  });

  it("POST /v1/parse reads a .docx back to the same cells; a zip bomb is a 422 in both languages", async () => {
    const draft = await (await get(`/v1/agencies/${A}/reports/2025`)).json();
    const docx = new Uint8Array(
      await (await get(`/v1/agencies/${A}/reports/2025?format=docx`)).arrayBuffer(),
    );
    const read = await s.app.request("/v1/parse", {
      method: "POST",
      headers: { "content-type": DOCUMENT_CONTENT_TYPES.docx },
      body: docx,
    });
    expect(read.status).toBe(200);
    const back = (await read.json()) as { report: ReportDraft };
    for (const { path } of cellPaths())
      expect(getCell(back.report, path), path).toBe(getCell(draft.report, path));
    const bomb = zipSync({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    const refused = await s.app.request("/v1/parse", {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: bomb,
    });
    expect(refused.status).toBe(422);
    const error = ((await refused.json()) as { error: { message: { zh: string; en: string } } })
      .error;
    expect(error.message.zh).toContain("压缩炸弹");
    expect(error.message.en).toContain("zip bomb");
  });
});
