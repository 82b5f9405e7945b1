// /new: registering an application by buttons and by shortcuts, once on a double tap.
// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { useBotWorld } from "./support/world.ts";

const { chatOf, adminApps } = useBotWorld();

describe("/new", () => {
  it("walks the six buttons, the channel and the date, then shows number and due date", async () => {
    const chat = await chatOf("clerk", 3001);
    let r = await chat.send("/new");
    const buttons = chat
      .lastKeyboard()!
      .buttons.flat()
      .map((b) => b.text);
    expect(buttons).toEqual([
      "自然人",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      "✖ 取消",
    ]);
    r = await chat.press("商业企业");
    expect(plain(texts(r))).toContain("申请人：商业企业。请选择收件渠道");
    r = await chat.press("跳过");
    expect(plain(texts(r))).toContain("请选择收到申请的日期");
    r = await chat.press("昨天");
    expect(plain(texts(r))).toContain("收到日期：2026-11-24");
    expect(plain(texts(r))).toContain("收件渠道：未填写");
    const before = (await adminApps()).length;
    r = await chat.press("确认登记");
    expect(plain(texts(r))).toMatch(
      /已登记 第 \d+ 号：商业企业，2026-11-24 收到。答复期限：\d{4}-\d{2}-\d{2}/,
    );
    expect((await adminApps()).length).toBe(before + 1);
  });

  it("takes the shortcuts: /new 自然人 2026-11-20, 新收 … 邮寄, typed dates and full-width digits", async () => {
    const chat = await chatOf("clerk", 3001);
    let r = await chat.send("/new 自然人 2026-11-20");
    expect(plain(texts(r))).toContain("收到日期：2026-11-20。请选择收件渠道");
    r = await chat.send("新收 科研机构 昨天 邮寄");
    expect(plain(texts(r))).toContain("请核对登记信息");
    expect(plain(texts(r))).toContain("收件渠道：邮寄");
    r = await chat.send("登记　法律服务机构　１１月２０日");
    expect(plain(texts(r))).toContain("收到日期：2026-11-20");
    // A typed date at the date step.
    await chat.send("登记");
    await chat.press("自然人");
    await chat.press("当面");
    r = await chat.send("11月3日");
    expect(plain(texts(r))).toContain("收到日期：2026-11-03");
    await chat.send("/cancel");
  });

  it("says what is wrong with a bad type or date and asks again", async () => {
    const chat = await chatOf("clerk", 3001);
    let r = await chat.send("/new 飞机 2026-02-30");
    expect(plain(texts(r))).toContain("“飞机”不是申请人类型");
    expect(plain(texts(r))).toContain("“2026-02-30”不是有效日期");
    expect(chat.lastKeyboard()!.buttons.flat()).toHaveLength(7);
    await chat.send("/new");
    await chat.press("自然人");
    await chat.press("跳过");
    r = await chat.send("明年");
    expect(plain(texts(r))).toContain("不是有效日期");
    r = await chat.send("2026-12-01");
    expect(plain(texts(r))).toContain("晚于今天");
    r = await chat.press("✖ 取消");
    expect(plain(texts(r))).toContain("已取消");
  });

  it("records once on a double tap and on a redelivered update", async () => {
    const chat = await chatOf("clerk", 3001);
    await chat.send("/new 其他 今天 网络");
    const card = chat.lastKeyboard()!;
    const confirm = card.buttons[0]![0]!.data;
    const before = (await adminApps()).length;
    await chat.pressData(confirm, card.messageId, 900_001);
    // Telegram delivers the same update again: skipped.
    expect(await chat.pressData(confirm, card.messageId, 900_001)).toEqual([]);
    // A second tap on the same card (a new update): the same Idempotency-Key, nothing new.
    await chat.pressData(confirm, card.messageId);
    expect((await adminApps()).length).toBe(before + 1);
    // The same update delivered twice at the same moment (two webhook retries in flight).
    await chat.send("/new 其他 今天 网络");
    const card2 = chat.lastKeyboard()!;
    await Promise.all([
      chat.pressData(card2.buttons[0]![0]!.data, card2.messageId, 900_002),
      chat.pressData(card2.buttons[0]![0]!.data, card2.messageId, 900_002),
    ]);
    expect((await adminApps()).length).toBe(before + 2);
  });
});
