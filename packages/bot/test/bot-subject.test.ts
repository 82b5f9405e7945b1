// What an application asks for and who asked (issue 15, item 1): the subject, the applicant and
// the contact from one message or step by step, the short title on every card and list, the
// amendment later through the API (nothing deleted), the due date's 暂定 and the undo hint only
// when /undo applies. The bot driven through bot.handleUpdate against the real API.
import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { chatOf, api, clock } = useBotWorld();

type App = {
  id: string;
  number: number;
  subject: string | null;
  applicant?: { name?: string; contact?: string } | null;
};
const appNo = async (n: number) =>
  (
    await api.admin<{ applications: App[] }>(
      "GET",
      `/v1/agencies/${AGENCY}/applications?number=${n}`,
    )
  ).applications[0]!;
const numberIn = (text: string) => Number(/第 (\d+) 号/.exec(text)![1]);

describe("subject and applicant", () => {
  it("from one message: 登记 自然人 今天 张三 要求公开2025年预算, shown on the card before writing", async () => {
    const chat = await chatOf("clerk", 4001);
    let r = await chat.send("登记 自然人 今天 张三 要求公开2025年预算");
    // Nothing dropped as “多余的内容”: the channel is asked, then the card shows everything.
    expect(plain(texts(r))).not.toContain("多余");
    r = await chat.press("当面");
    const card = plain(texts(r));
    expect(card).toContain("申请内容：2025年预算");
    expect(card).toContain("申请人：张三");
    r = await chat.press("确认登记");
    const done = plain(texts(r));
    expect(done).toMatch(/已登记 第 \d+ 号 · 张三 · 2025年预算：自然人/);
    const n = numberIn(done);
    // The API has it; the administrator is not the agency's staff: no personal data for them.
    const app = await appNo(n);
    expect(app.subject).toBe("2025年预算");
    expect(app).not.toHaveProperty("applicant");
    // The clerk's list shows the number, the name and the subject.
    r = await chat.send("/pending");
    expect(plain(texts(r))).toContain(`第 ${n} 号 · 张三 · 2025年预算`);
    // …and so do the close card and the undo card.
    r = await chat.send(`办结 ${n} 予以公开`);
    expect(plain(texts(r))).toContain(`申请：第 ${n} 号 · 张三 · 2025年预算`);
    r = await chat.press("确认办结");
    expect(plain(texts(r))).toContain(`第 ${n} 号 · 张三 · 2025年预算已办结`);
    expect(plain(texts(r))).toContain("/undo");
    r = await chat.send("/undo");
    expect(plain(texts(r))).toContain(`撤销：第 ${n} 号 · 张三 · 2025年预算办结`);
    await chat.send("/cancel");
    // Concluded, and the conclusion is the clerk's own last record: /undo applies and is offered.
    r = await chat.send(`办结 ${n}`);
    expect(plain(texts(r))).toContain("办结，不能再记录");
    expect(plain(texts(r))).toContain("/undo");
    // Another clerk: /undo would not withdraw it, so it is not offered.
    const other = await chatOf("clerk2", 4002);
    r = await other.send(`办结 ${n}`);
    expect(plain(texts(r))).toContain("办结，不能再记录");
    expect(plain(texts(r))).not.toContain("/undo");
    expect(plain(texts(r))).toContain("联系本机关管理员");
  });

  it("step by step: the card's buttons ask the subject and the applicant", async () => {
    const chat = await chatOf("clerk", 4001);
    await chat.send("/new");
    await chat.press("商业企业");
    await chat.press("跳过");
    let r = await chat.press("今天");
    expect(plain(texts(r))).toContain("申请内容：未填写");
    r = await chat.press("✏️ 申请内容");
    expect(plain(texts(r))).toContain("请输入申请内容");
    r = await chat.send("要求公开 环境影响评价报告书");
    expect(plain(texts(r))).toContain("申请内容：环境影响评价报告书");
    r = await chat.press("✏️ 申请人");
    r = await chat.send("某某化工有限公司 0370-1234567");
    const card = plain(texts(r));
    expect(card).toContain("申请内容：环境影响评价报告书");
    expect(card).toContain("申请人：某某化工有限公司 0370-1234567");
    r = await chat.press("确认登记");
    const n = numberIn(plain(texts(r)));
    expect(plain(texts(r))).toContain(`第 ${n} 号 · 某某化工有限公司 · 环境影响评价报告书`);
    const clerkView = await chat.send(`/edit ${n}`);
    expect(plain(texts(clerkView))).toContain("请选择要补充或更正的内容");
    await chat.send("/cancel");
    expect((await appNo(n)).subject).toBe("环境影响评价报告书");
  });

  it("adds and corrects the subject and the applicant later, as an amendment through the API", async () => {
    const chat = await chatOf("clerk", 4001);
    await chat.send("登记 自然人 今天 当面");
    let r = await chat.press("确认登记");
    const n = numberIn(plain(texts(r)));
    r = await chat.send(`更正 ${n} 申请人 王五 13900000000`);
    let card = plain(texts(r));
    expect(card).toContain("请核对更正");
    expect(card).toContain("申请人：未填写 → 王五 13900000000");
    // Nothing is written before the card is confirmed.
    expect((await appNo(n)).subject).toBeNull();
    r = await chat.press("确认更正");
    expect(plain(texts(r))).toContain(`已更正：第 ${n} 号 · 王五`);
    r = await chat.send(`补充 ${n} 内容 2024年决算`);
    card = plain(texts(r));
    expect(card).toContain("申请内容：未填写 → 2024年决算");
    expect(card).toContain("申请人：王五 13900000000 → 王五 13900000000");
    await chat.press("确认更正");
    // By buttons: correct the subject again.
    await chat.send(`/edit ${n}`);
    await chat.press("✏️ 申请内容");
    r = await chat.send("2025年决算");
    expect(plain(texts(r))).toContain("申请内容：2024年决算 → 2025年决算");
    r = await chat.press("确认更正");
    expect(plain(texts(r))).toContain(`第 ${n} 号 · 王五 · 2025年决算`);
    expect((await appNo(n)).subject).toBe("2025年决算");
    r = await chat.send("更正 abc");
    expect(plain(texts(r))).toContain("不是有效的申请编号");
    r = await chat.send("更正 9999 内容 x");
    expect(plain(texts(r))).toContain("没有第 9999 号申请");
  });

  it("marks a due date counted over a year whose holidays are not published as 暂定, with why", async () => {
    // 2026-12-21: twenty working days reach into 2027, whose arrangement is not in the package.
    const was = clock.ms;
    clock.ms = Date.parse("2026-12-21T02:00:00Z");
    try {
      const chat = await chatOf("clerk", 4001);
      await chat.send("登记 自然人 今天 网络 赵六 要求公开 2027年计划");
      const r = await chat.press("确认登记");
      const done = plain(texts(r));
      expect(done).toContain("暂定");
      expect(done).toContain("节假日安排尚未公布");
      const list = plain(texts(await chat.send("在办")));
      expect(list).toContain("（暂定）");
      expect(list).toContain("节假日安排尚未公布");
    } finally {
      clock.ms = was;
    }
  });

  it("says why there is no due date while the applicant is asked to correct", async () => {
    const chat = await chatOf("clerk", 4001);
    await chat.send("登记 自然人 今天 当面 孙七 要求公开 补正测试");
    const n = numberIn(plain(texts(await chat.press("确认登记"))));
    await chat.send(`/more ${n}`);
    await chat.press("要求补正");
    const r = await chat.press("确认记录");
    expect(plain(texts(r))).toContain("等待申请人补正");
  });
});
