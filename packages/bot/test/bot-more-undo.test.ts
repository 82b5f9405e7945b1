// /more (the register's other events) and /undo (withdrawing one's own last record), and the
// button paths of /new, /close and /more not walked in their own files.
// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { useBotWorld } from "./support/world.ts";

const { api, clock, chatOf, adminApps, register } = useBotWorld();

describe("the remaining button paths", () => {
  it("offers only the matching applicant types for an ambiguous word", async () => {
    const chat = await chatOf("clerk2", 3003);
    await chat.send("/new 机构 今天");
    expect(
      chat
        .lastKeyboard()!
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual(["科研机构", "法律服务机构", "✖ 取消"]);
    // The date the message named is kept: the channel is next.
    const r = await chat.press("法律服务机构");
    expect(plain(texts(r))).toContain("申请人：法律服务机构，收到日期：2026-11-25");
    await chat.send("/cancel");
  });

  it("concludes with a group of one from the group buttons, and goes back from the card", async () => {
    const chat = await chatOf("clerk2", 3003);
    const n = await register(chat, "/new 自然人 今天 当面");
    await chat.send(`/close ${n}`);
    let r = await chat.press("部分公开");
    expect(plain(texts(r))).toContain("办理结果：部分公开");
    r = await chat.press("‹ 返回");
    expect(plain(texts(r))).toContain(`第 ${n} 号：请选择办理结果`);
    await chat.press("予以公开");
    r = await chat.press("确认办结");
    expect(plain(texts(r))).toContain(`第 ${n} 号已办结：予以公开`);
  });

  it("picks the application for /more from the list and dates the event by button", async () => {
    const chat = await chatOf("clerk2", 3003);
    const n = await register(chat, "/new 自然人 前天 当面");
    await chat.send("/more");
    await chat.press(`#${n} ·`);
    await chat.press("延期答复");
    let r = await chat.press("昨天");
    expect(plain(texts(r))).toContain("日期：2026-11-24");
    r = await chat.press("确认记录");
    expect(plain(texts(r))).toContain(`第 ${n} 号已记录：延期答复（20 个工作日）（2026-11-24）`);
    // The API's own refusals come through in the user's language: a date before receipt.
    await chat.send(`/more ${n}`);
    await chat.press("要求补正");
    r = await chat.send("2026-11-01");
    await chat.press("确认记录");
    expect(plain(texts(chat.replies))).toMatch(/⚠️ .*早于收到申请之日/);
  });
});

describe("/more", () => {
  it("records a correction request and a fee notice with its amount", async () => {
    const chat = await chatOf("clerk", 3001);
    const n = await register(chat);
    let r = await chat.send(`/more ${n}`);
    expect(
      chat
        .lastKeyboard()!
        .buttons.flat()
        .map((b) => b.text),
    ).toContain("要求补正");
    r = await chat.press("要求补正");
    expect(plain(texts(r))).toContain("事项：要求补正");
    r = await chat.press("确认记录");
    expect(plain(texts(r))).toContain(`第 ${n} 号已记录：要求补正`);
    await chat.send(`/more ${n}`);
    r = await chat.press("发出收费通知");
    expect(plain(texts(r))).toContain("请输入收费通知的金额");
    r = await chat.send("很多钱");
    expect(plain(texts(r))).toContain("不是有效金额");
    r = await chat.send("１２.５元");
    expect(plain(texts(r))).toContain("发出收费通知 12.50");
    r = await chat.press("确认记录");
    expect(plain(texts(r))).toContain("已记录：发出收费通知");
    const detail = await api.admin<{ events: { type: string; event: Record<string, unknown> }[] }>(
      "GET",
      `/v1/applications/${(await adminApps()).find((a) => a.number === n)!.id}`,
    );
    expect(detail.events.map((e) => e.type)).toEqual([
      "received",
      "correctionRequested",
      "feeNoticeIssued",
    ]);
    expect(detail.events[2]!.event.amountYuan).toBe(12.5);
  });

  it("lists open applications without a number and refuses unknown ones", async () => {
    const chat = await chatOf("clerk", 3001);
    let r = await chat.send("/more");
    expect(plain(texts(r))).toContain("请选择");
    r = await chat.send("/more 99999");
    expect(plain(texts(r))).toContain("没有第 99999 号");
    r = await chat.send("/more x y");
    expect(plain(texts(r))).toContain("不是有效的申请编号");
  });
});

describe("/undo", () => {
  it("withdraws the user's own last record as an amendment, with a reason", async () => {
    const chat = await chatOf("clerk3", 3004);
    expect(plain(texts(await chat.send("/undo")))).toContain("没有可以撤销的记录");
    const n = await register(chat);
    await chat.send(`/close ${n} 予以公开`);
    await chat.press("确认办结");
    let r = await chat.send("/undo");
    expect(plain(texts(r))).toContain(`撤销：第 ${n} 号办结（予以公开，2026-11-25）`);
    r = await chat.press("重复录入");
    expect(plain(texts(r))).toContain("原因：重复录入");
    r = await chat.press("确认撤销");
    expect(plain(texts(r))).toContain("已撤销");
    const app = (await adminApps()).find((a) => a.number === n)!;
    expect(app.status).toBe("open");
    const detail = await api.admin<{ events: { type: string; event: Record<string, unknown> }[] }>(
      "GET",
      `/v1/applications/${app.id}`,
    );
    expect(detail.events.map((e) => e.type)).toEqual(["received", "concluded", "amended"]);
    expect(String(detail.events[2]!.event.reason)).toContain("重复录入");
    expect(plain(texts(await chat.send("/undo")))).toContain("没有可以撤销的记录");
  });

  it("refuses after 24 hours and answers a stale button clearly", async () => {
    const chat = await chatOf("clerk3", 3004);
    await register(chat);
    await chat.send("/undo");
    const old = chat.lastKeyboard()!;
    await register(chat);
    // The button names the earlier record: stale.
    let r = await chat.pressData(old.buttons[0]![0]!.data, old.messageId);
    expect(plain(texts(r))).toContain("已不是您的最后一条记录");
    clock.ms += 25 * 3600_000;
    try {
      r = await chat.send("/undo");
      expect(plain(texts(r))).toContain("已超过 24 小时");
    } finally {
      clock.ms -= 25 * 3600_000;
    }
  });
});
