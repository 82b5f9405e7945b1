// An extension carries the working days the clerk said (第三十三条第二款: at most 20), from the
// message or typed on the card, through the card to the API's `extended` event; more than 20 is
// refused with why and nothing is written. The bot driven through bot.handleUpdate against the
// real API.
import { describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { texts } from "./support/bot.ts";
import { useBotWorld } from "./support/world.ts";

const { api, chatOf, adminApps, register } = useBotWorld();

type Detail = {
  dueDate: string | null;
  events: { type: string; event: Record<string, unknown> }[];
};
const detailOf = async (n: number) =>
  api.admin<Detail>(
    "GET",
    `/v1/applications/${(await adminApps()).find((a) => a.number === n)!.id}`,
  );
const extensions = async (n: number) =>
  (await detailOf(n)).events.filter((e) => e.type === "extended").map((e) => e.event.workingDays);

describe("extension days", () => {
  it("3号延期15天, 第3号延长期限10个工作日: the days said reach the card and the API", async () => {
    const chat = await chatOf("clerk", 3101);
    const a = await register(chat);
    let r = plain(texts(await chat.send(`${a}号延期15天`)));
    expect(r).toContain("延期答复（15 个工作日）");
    expect(r).toContain("最多 20 个工作日");
    // A date typed on the card keeps the days.
    r = plain(texts(await chat.send("11.24")));
    expect(r).toContain("延期答复（15 个工作日）");
    expect(r).toContain("日期：2026-11-24");
    r = plain(texts(await chat.press("确认记录")));
    expect(r).toContain(`第 ${a} 号已记录：延期答复（15 个工作日）（2026-11-24）`);
    expect(await extensions(a)).toEqual([15]);

    const b = await register(chat);
    r = plain(texts(await chat.send(`第${b}号延长期限10个工作日`)));
    expect(r).toContain("延期答复（10 个工作日）");
    // Another date by button keeps the days too.
    r = plain(texts(await chat.press("昨天")));
    expect(r).toContain("延期答复（10 个工作日）");
    await chat.press("确认记录");
    expect(await extensions(b)).toEqual([10]);
    // 20 + 10 working days from 2026-11-20 (a Friday, no holiday on the way): 2027-01-01 is
    // 元旦, so the 30th working day is Monday 2027-01-04.
    expect((await detailOf(b)).dueDate).toBe("2027-01-04");
  });

  it("more than 20 working days is refused with why, never cut down; nothing is written", async () => {
    const chat = await chatOf("clerk", 3101);
    const n = await register(chat);
    let r = plain(texts(await chat.send(`${n}号延期25天`)));
    expect(r).toContain("延长答复期限最多 20 个工作日（第三十三条第二款），不能延长 25 天");
    expect(r).not.toContain("请核对");
    expect(await extensions(n)).toEqual([]);
    // By buttons: 20 unless typed; typed more than 20 is refused, then fewer is taken.
    await chat.send(`/more ${n}`);
    r = plain(texts(await chat.press("延期答复")));
    expect(r).toContain("延期答复（20 个工作日）");
    r = plain(texts(await chat.send("30个工作日")));
    expect(r).toContain("不能延长 30 个工作日");
    r = plain(texts(await chat.send("十二天")));
    expect(r).toContain("延期答复（12 个工作日）");
    await chat.press("确认记录");
    expect(await extensions(n)).toEqual([12]);
  });

  it("a plain 延期 still records the 20 working days the law allows", async () => {
    const chat = await chatOf("clerk", 3101);
    const n = await register(chat);
    const r = plain(texts(await chat.send(`${n}号延期`)));
    expect(r).toContain("延期答复（20 个工作日）");
    await chat.press("确认记录");
    expect(await extensions(n)).toEqual([20]);
  });
});
