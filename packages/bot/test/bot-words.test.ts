// The clerk's own words (issue 15): every message listed at the top of the issue, and the kinds
// listed under 2, read by the domain's language module and answered as the commands are; each
// opens its flow and shows its card before anything is written. The bot driven through
// bot.handleUpdate against the real API.
import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { chatOf, api, register } = useBotWorld();

type App = { number: number; status: string; outcome: string | null; subject: string | null };
const apps = async () =>
  (
    await api.admin<{ applications: App[] }>(
      "GET",
      `/v1/agencies/${AGENCY}/applications?limit=1000`,
    )
  ).applications;
const appNo = async (n: number) => (await apps()).find((a) => a.number === n)!;
const said = async (chat: Awaited<ReturnType<typeof chatOf>>, text: string) =>
  plain(texts(await chat.send(text)));

describe("plain Chinese", () => {
  it("今天收到张三申请，要求公开2025年预算: the type asked, then the card with all it read", async () => {
    const chat = await chatOf("clerk", 5001);
    const before = (await apps()).length;
    let r = await said(chat, "今天收到张三申请，要求公开2025年预算");
    expect(r).toContain("您说：“今天收到张三申请，要求公开2025年预算”");
    expect(r).toContain("请选择申请人类型");
    // Nothing written yet.
    expect((await apps()).length).toBe(before);
    r = plain(texts(await chat.press("自然人")));
    // The date read from the message is kept: the channel is next.
    expect(r).toContain("收到日期：2026-11-25");
    r = plain(texts(await chat.press("跳过")));
    expect(r).toContain("申请内容：2025年预算");
    expect(r).toContain("申请人：张三");
    r = plain(texts(await chat.press("确认登记")));
    expect(r).toMatch(/已登记 第 \d+ 号 · 张三 · 2025年预算/);
    expect((await apps()).length).toBe(before + 1);
  });

  it("律师 in their own name is a natural person; the firm is a legal service agency", async () => {
    const chat = await chatOf("clerk", 5001);
    let r = await said(chat, "登记 律师 今天 当面");
    expect(r).toContain("申请人类型：自然人");
    await chat.send("/cancel");
    r = await said(chat, "律师张三申请公开合同");
    // 自然人 read: straight to the date or channel, never the six buttons.
    expect(r).not.toContain("请选择申请人类型");
    expect(r).toContain("申请人：自然人");
    await chat.send("/cancel");
    r = await said(chat, "登记 律师事务所 今天 当面");
    expect(r).toContain("申请人类型：法律服务机构");
    await chat.send("/cancel");
  });

  it("3号件予以公开, 信息不存在, 3号撤回, 十二号不予公开: the close card, or the choices", async () => {
    const chat = await chatOf("clerk", 5001);
    const a = await register(chat, "/new 自然人 2026-11-20 邮寄");
    let r = await said(chat, `${a}号件予以公开`);
    expect(r).toContain("请核对办结信息");
    expect(r).toContain(`申请：第 ${a} 号`);
    expect(r).toContain("办理结果：予以公开");
    expect((await appNo(a)).status).toBe("open");
    r = plain(texts(await chat.press("确认办结")));
    expect(r).toContain("已办结");
    expect((await appNo(a)).outcome).toBe("granted");

    // No number: the open applications, each straight to the card with that outcome.
    const b = await register(chat, "/new 自然人 2026-11-20 邮寄");
    r = await said(chat, "信息不存在");
    expect(r).toContain("办理结果：无法提供 · 1.本机关不掌握相关政府信息");
    r = plain(texts(await chat.press(`#${b} ·`)));
    expect(r).toContain("请核对办结信息");
    expect(r).toContain("本机关不掌握相关政府信息");
    await chat.send("/cancel");

    r = await said(chat, `${b}号撤回`);
    expect(r).toContain("申请人撤回申请");
    expect(r).toContain("其他处理 · 3.其他");
    await chat.send("/cancel");

    r = await said(chat, `${b}号非本机关，建议向市局申请`);
    expect(r).toContain("向 市局 申请");
    await chat.send("/cancel");

    // Ambiguous: asked back with the readings as buttons, never guessed.
    r = await said(chat, `${b}号不予公开`);
    expect(r).toContain("是哪一种办理结果");
    const labels = chat
      .lastKeyboard()!
      .buttons.flat()
      .map((x) => x.text);
    expect(labels).toContain(`办结 · 第 ${b} 号 · 属于国家秘密`);
    expect(labels).toContain("✖ 取消");
    r = plain(texts(await chat.press(`办结 · 第 ${b} 号 · 属于国家秘密`)));
    expect(r).toContain("请核对办结信息");
    expect(r).toContain("属于国家秘密");
    expect((await appNo(b)).status).toBe("open");
    await chat.press("确认办结");
    expect((await appNo(b)).outcome).toBe("deniedStateSecret");
  });

  it("2号延期, 上周五, 12.1: the event's card; dates answer the date asked, refused with why", async () => {
    const chat = await chatOf("clerk", 5001);
    const n = await register(chat, "/new 自然人 2026-11-20 邮寄");
    let r = await said(chat, `${n}号延期`);
    expect(r).toContain("请核对");
    expect(r).toContain("延期答复");
    expect(r).toContain("日期：2026-11-25");
    // The date on the card typed as clerks write it.
    r = await said(chat, "上周五");
    expect(r).toContain("日期：2026-11-20");
    r = await said(chat, "12.1");
    expect(r).toContain("晚于今天");
    r = await said(chat, "11.23");
    expect(r).toContain("日期：2026-11-23");
    r = plain(texts(await chat.press("确认记录")));
    expect(r).toContain("延期答复");
    // Alone, a date says what it read and that it does not know what to do with it.
    expect(await said(chat, "上周五")).toContain("读到日期 2026-11-20");
    expect(await said(chat, "12.1")).toContain("晚于今天");
  });

  it("a shortcut with words it cannot place is read in the clerk's words", async () => {
    const chat = await chatOf("clerk", 5001);
    let r = await said(chat, "登记 张三 今天 要求公开2025年预算");
    expect(r).not.toContain("不是申请人类型");
    expect(r).toContain("请选择申请人类型");
    await chat.send("/cancel");
    const n = await register(chat, "/new 自然人 2026-11-20 邮寄");
    r = await said(chat, `办结 ${n} 信息不存在`);
    expect(r).toContain("请核对办结信息");
    expect(r).toContain("本机关不掌握相关政府信息");
    await chat.send("/cancel");
  });

  it("a new request while a date is asked starts that request", async () => {
    const chat = await chatOf("clerk", 5001);
    const n = await register(chat, "/new 自然人 2026-11-20 邮寄");
    await chat.send("/new");
    await chat.press("自然人");
    const r = await said(chat, `${n}号件予以公开`);
    expect(r).toContain("请核对办结信息");
    await chat.send("/cancel");
  });

  it("今年收了多少件, 今年办结了几件, 去年…: the figure first, then the same summary as 统计", async () => {
    const chat = await chatOf("clerk", 5001);
    const command = await said(chat, "统计");
    const received = Number(/本年新收 (\d+)/.exec(command)![1]);
    const concluded = Number(/办结 (\d+)/.exec(command)![1]);
    let r = await said(chat, "今年收了多少件");
    expect(r).toContain(`2026 年新收申请 ${received} 件`);
    expect(r).toContain(command);
    r = await said(chat, "今年办结了几件");
    expect(r).toContain(`2026 年已办结 ${concluded} 件`);
    expect(r).toContain(command);
    r = await said(chat, "今年予以公开几件");
    expect(r).toMatch(/2026 年办结中“予以公开” \d+ 件/);
    r = await said(chat, "去年收了多少件");
    expect(r).toContain("2025 年新收申请 0 件");
  });

  it("帮我查一下逾期的, 在办, 撤销, 帮助, 年报 and words it cannot read", async () => {
    const chat = await chatOf("clerk", 5001);
    let r = await said(chat, "帮我查一下逾期的");
    expect(r).toMatch(/没有逾期的申请|其中逾期/);
    r = await said(chat, "在办的有哪些");
    expect(r).toContain("在办申请");
    r = await said(chat, "帮助");
    expect(r).toContain("/new");
    r = await said(chat, "你好呀");
    expect(r).toContain("没有看懂");
    expect(r).toContain("今天收到张三申请");
    r = await said(chat, "撤销");
    expect(r).toMatch(/撤销：|没有可以撤销的记录/);
    await chat.send("/cancel");
  });
});
