// What the bot reads back: /summary, /report, /pending; the language, the help and the hints.
// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { escapeHtml, type RequestsTable, renderRequestsText } from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { callbackSecretOf } from "../src/bot.ts";
import { buttonCodec, regionReportStep } from "../src/flows/index.ts";
import { plain } from "../src/transports/session.ts";
import { TOKEN, texts, user } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { register, api, now, chatOf } = useBotWorld();

describe("/summary, /report, /pending", () => {
  it("gives the year to date with the API's numbers", async () => {
    const chat = await chatOf("clerk", 3001);
    const r = await chat.send("统计");
    const s = await api.admin<{
      received: { total: number };
      concludedTotal: { total: number };
      openNow: { total: number };
      overdue: number;
      carriedOver: { total: number };
    }>("GET", `/v1/agencies/${AGENCY}/summary?asOf=2026-11-25`);
    const text = plain(texts(r));
    expect(text).toContain(
      `上年结转 ${s.carriedOver.total} · 本年新收 ${s.received.total} · 办结 ${s.concludedTotal.total} · 在办 ${s.openNow.total} · 逾期 ${s.overdue}`,
    );
    expect(text).toContain("勾稽关系平衡");
    expect(text).toMatch(/办结情况：予以公开 \d+ · 部分公开 \d+ · 不予公开 \d+/);
    expect(plain(texts(await chat.send("/summary 2025")))).toContain(
      "2025 年累计（截至 2025-12-31）",
    );
    expect(plain(texts(await chat.send("/summary 2030")))).toContain("尚未开始");
    expect(plain(texts(await chat.send("/summary 20x")))).toContain("不是有效年度");
  });

  it("gives a region's manager the region's totals and one line per agency", async () => {
    const chat = await chatOf("region", 3010);
    const r = plain(texts(await chat.send("/summary")));
    expect(r).toContain("区域 411421 合计");
    expect(r).toContain("某县工业和信息化局：新收");
    expect(r).toContain("某县人民政府：新收 0");
  });

  it("sends section 三 as monospace, the findings and the HTML report to a manager", async () => {
    const chat = await chatOf("manager", 3002);
    const r = await chat.send("/report");
    expect(r[0]!.kind === "message" && r[0]!.message.text).toContain("<pre>");
    expect(plain(texts(r))).toContain("三、本年度办理结果");
    expect(r.some((x) => x.kind === "message" && /检查/.test(x.message.text))).toBe(true);
    const doc = r.find((x) => x.kind === "document");
    expect(doc?.kind === "document" && doc.message.document?.filename).toBe(`${AGENCY}-2026.html`);
  });

  it("offers a region's manager the sum of the region's agencies after their own report", async () => {
    const chat = await chatOf("region", 3010);
    const own = await chat.send("/report");
    expect(plain(texts(own))).toContain("某县人民政府");
    const sum = await chat.press("📊 区域 411421 汇总（各机关合计）");
    const region = await api.admin<{ report: { requests: RequestsTable } }>(
      "GET",
      "/v1/regions/411421/reports/2026",
    );
    expect(plain(texts(sum))).toContain("区域 411421 汇总");
    expect(texts(sum)).toContain(escapeHtml(renderRequestsText(region.report.requests, "zh")));
    const doc = sum.find((x) => x.kind === "document");
    expect(doc?.kind === "document" && doc.message.document?.filename).toBe(
      "region-411421-2026.html",
    );
    // A manager of an agency with none under it is offered no such button (only the report's
    // Word and PDF files); a forged one is refused.
    const manager = await chatOf("manager", 3002);
    const r = await manager.send("/report");
    expect(
      r.flatMap((x) => (x.kind === "alert" ? [] : x.message.buttons.flat().map((b) => b.text))),
    ).toEqual(["📝 Word 文件", "📕 PDF 文件"]);
    const codec = buttonCodec(callbackSecretOf(TOKEN), () => Math.floor(now().getTime() / 60_000));
    const forged = await manager.pressData(codec.encode(regionReportStep.data({ year: 2026 })), 1);
    expect(plain(texts(forged))).toContain("只有管理下属机关的负责人才能查看区域汇总");
  });

  it("sends the report's Word and PDF files when their buttons are pressed", async () => {
    const chat = await chatOf("manager", 3002);
    await chat.send("/report");
    for (const [button, ext] of [
      ["📝 Word 文件", "docx"],
      ["📕 PDF 文件", "pdf"],
    ] as const) {
      const r = await chat.press(button);
      const doc = r.find((x) => x.kind === "document");
      expect(doc?.kind === "document" && doc.message.document?.filename).toBe(
        `某县工业和信息化局2026年政府信息公开工作年度报告（草稿）.${ext}`,
      );
    }
  });

  it("tells a clerk why the report is refused", async () => {
    const chat = await chatOf("clerk", 3001);
    const r = plain(texts(await chat.send("年报")));
    expect(r).toContain("⚠️");
    expect(r).toContain("无权");
  });

  it("lists open applications, overdue first, with due dates", async () => {
    const chat = await chatOf("clerk", 3001);
    // This file's register may have none open yet.
    await register(chat);
    const r = plain(texts(await chat.send("在办")));
    expect(r).toMatch(/在办申请 \d+ 件，其中逾期 \d+ 件/);
    expect(r).toMatch(
      /第 \d+ 号 · \S+ · \d{4}-\d{2}-\d{2} 收 · 期限 \d{4}-\d{2}-\d{2}（剩 \d+ 个工作日）/,
    );
  });
});

describe("language, help and hints", () => {
  it("switches to English and back", async () => {
    const chat = await chatOf("clerk2", 3003);
    expect(plain(texts(await chat.send("/lang en")))).toContain("Language set to English");
    expect(plain(texts(await chat.send("/new")))).toContain("choose the applicant type");
    expect(chat.lastKeyboard()!.buttons.flat()[0]!.text).toBe("Natural persons");
    await chat.send("/cancel");
    expect(plain(texts(await chat.send("/lang fr")))).toContain("Unknown language");
    await chat.send("/lang");
    expect(plain(texts(await chat.press("中文")))).toContain("已切换为中文");
  });

  it("hints at unknown commands, free text and other messages", async () => {
    const chat = await chatOf("clerk", 3001);
    expect(plain(texts(await chat.send("/frobnicate")))).toContain("不认识的命令 /frobnicate");
    expect(plain(texts(await chat.send("今天天气不错")))).toContain("没有看懂");
    const r = await chat.deliver({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: 3001, type: "private", first_name: "x" },
        from: user(3001),
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    } as never);
    expect(plain(texts(r))).toContain("没有看懂");
  });
});
