import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain } from "../src/transports/session.ts";
import { seedAgency, startApi, type TestApi } from "./support/api-server.ts";
import { ChatSession, makeBot, texts, user } from "./support/bot.ts";

// 2026-11-25 10:00 in Beijing.
const nowMs = Date.parse("2026-11-25T02:00:00Z");
const now = () => new Date(nowMs);

let api: TestApi;
let clerkCode: string;
let managerCode: string;

beforeAll(async () => {
  api = await startApi(now);
  const invites = await seedAgency(
    api,
    { code: "411421-gxkj", name: "某县工业和信息化局", regionCode: "411421" },
    [
      { name: "李经办", role: "clerk" },
      { name: "王科长", role: "manager" },
    ],
  );
  clerkCode = invites[0]!.inviteCode;
  managerCode = invites[1]!.inviteCode;
});
afterAll(() => api?.close());

describe("smoke", () => {
  it("links and registers", async () => {
    const bot = makeBot(api, now);
    const chat = new ChatSession(bot, user(1001));
    let r = await chat.send("/new");
    expect(texts(r)).toContain("尚未关联");
    r = await chat.send(`/start ${clerkCode}`);
    expect(texts(r)).toContain("已关联");
    r = await chat.send("/new");
    expect(plain(texts(r))).toContain("申请人类型");
    r = await chat.press("自然人");
    r = await chat.press("今天");
    r = await chat.press("邮寄");
    expect(plain(texts(r))).toContain("请核对");
    r = await chat.press("确认登记");
    console.log(texts(r));
    expect(plain(texts(r))).toContain("第 1 号");
    void managerCode;
  });
});
