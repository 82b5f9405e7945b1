// 第三十一条 (issue 19, item 8): the day an application is received depends on its channel — a
// letter's is the day the agency signs for it, an online or fax application's the day both
// sides confirm it. Registering by such a channel without that day, the bot asks for it (one
// question with 今天 / 昨天 / 前天 buttons, or a date typed) as the channel's rule, before
// anything is written; the card says the rule again and takes another date; the answer names
// the rule the API applied (`receiptRule`). The bot driven through bot.handleUpdate against the
// real API; today is 2026-11-25.
import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { api, chatOf } = useBotWorld();

type App = { number: number; receivedOn: string; channel: string; subject: string | null };
const appNo = async (n: number) =>
  (
    await api.admin<{ applications: App[] }>(
      "GET",
      `/v1/agencies/${AGENCY}/applications?number=${n}`,
    )
  ).applications[0]!;
const numberIn = (text: string) => Number(/第 (\d+) 号/.exec(text)![1]);
const count = async () =>
  (
    await api.admin<{ applications: App[] }>(
      "GET",
      `/v1/agencies/${AGENCY}/applications?limit=1000`,
    )
  ).applications.length;

describe("the receipt date by channel (第三十一条)", () => {
  it("收到张三来信 without a date: asks the day it was signed for, then the card with the rule", async () => {
    const chat = await chatOf("clerk", 3201);
    const before = await count();
    let r = plain(texts(await chat.send("收到张三来信，申请公开2025年预算")));
    expect(r).toContain("请选择申请人类型");
    r = plain(texts(await chat.press("自然人")));
    expect(r).toContain("收件渠道：邮寄");
    expect(r).toContain("本机关签收的日期？");
    expect(r).toContain("以行政机关签收之日为收到申请之日");
    expect(
      chat
        .lastKeyboard()!
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual(["今天 11-25", "昨天 11-24", "前天 11-23", "✖ 取消"]);
    // Nothing written while the date is asked.
    expect(await count()).toBe(before);
    r = plain(texts(await chat.press("昨天")));
    expect(r).toContain("请核对登记信息");
    expect(r).toContain("收到日期：2026-11-24");
    expect(r).toContain("申请人：张三");
    expect(r).toContain("ℹ️ 以邮寄方式提交的，以行政机关签收之日为收到申请之日");
    r = plain(texts(await chat.press("确认登记")));
    expect(r).toMatch(/已登记 第 \d+ 号 · 张三 · 2025年预算：自然人，2026-11-24 收到/);
    // The rule the API applied, in its own words.
    expect(r).toContain("收到申请之日：以邮寄方式提交的，以行政机关签收之日为收到申请之日");
    const app = await appNo(numberIn(r));
    expect(app).toMatchObject({ receivedOn: "2026-11-24", channel: "post", subject: "2025年预算" });
  });

  it("by buttons: the channel first, then the date asked as its rule; the card takes another date", async () => {
    const chat = await chatOf("clerk", 3201);
    await chat.send("/new");
    let r = plain(texts(await chat.press("自然人")));
    expect(r).toContain("请选择收件渠道");
    r = plain(texts(await chat.press("网络")));
    expect(r).toContain("与申请人双方确认收到申请的日期？（不是申请人网上提交的日期）");
    expect(r).toContain("国办公开办函〔2015〕207号");
    r = plain(texts(await chat.send("11月20日")));
    expect(r).toContain("收到日期：2026-11-20");
    expect(r).toContain("ℹ️ 通过互联网渠道提交的，以双方确认之日为收到申请之日");
    // Another date on the card, by button and typed.
    r = plain(texts(await chat.press("昨天")));
    expect(r).toContain("收到日期：2026-11-24");
    r = plain(texts(await chat.send("11.23")));
    expect(r).toContain("收到日期：2026-11-23");
    r = plain(texts(await chat.send("12.1")));
    expect(r).toContain("晚于今天");
    r = plain(texts(await chat.press("确认登记")));
    expect(r).toContain("2026-11-23 收到");
    expect(await appNo(numberIn(r))).toMatchObject({ receivedOn: "2026-11-23", channel: "online" });
  });

  it("a fax asks the day both sides confirmed it; in person and skipped channels ask plainly", async () => {
    const chat = await chatOf("clerk", 3201);
    let r = plain(texts(await chat.send("登记 其他 传真")));
    expect(r).toContain("与申请人双方确认收到传真的日期？");
    await chat.send("/cancel");
    r = plain(texts(await chat.send("/new 自然人 当面")));
    expect(r).toContain("申请人当面提交的日期？");
    r = plain(texts(await chat.press("今天")));
    expect(r).toContain("收到日期：2026-11-25");
    // Handed in person: the day handed in is the day sent; no rule to repeat.
    expect(r).not.toContain("ℹ️");
    r = plain(texts(await chat.press("确认登记")));
    expect(r).not.toContain("收到申请之日：");
    await chat.send("/new");
    await chat.press("商业企业");
    r = plain(texts(await chat.press("跳过")));
    expect(r).toContain("请选择收到申请的日期");
    await chat.send("/cancel");
  });

  it("昨天收到某某公司来信: the date said is the day signed for; straight to the card with the rule", async () => {
    const chat = await chatOf("clerk", 3201);
    let r = plain(texts(await chat.send("昨天收到某某公司来信，申请公开2025年预算")));
    expect(r).toContain("请核对登记信息");
    expect(r).toContain("申请人类型：商业企业");
    expect(r).toContain("收到日期：2026-11-24");
    expect(r).toContain("收件渠道：邮寄");
    // “信” is no name.
    expect(r).toContain("申请人：未填写");
    expect(r).toContain("ℹ️ 以邮寄方式提交的");
    r = plain(texts(await chat.press("确认登记")));
    expect(await appNo(numberIn(r))).toMatchObject({ receivedOn: "2026-11-24", channel: "post" });
  });
});
