// Buttons refused (forged, foreign version, expired), flows across a restart, and failures: the
// API down, the bot's own.
// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { describe, expect, it } from "vitest";
import { memoryStore } from "../src/storage.ts";
import { plain } from "../src/transports/session.ts";
import { ChatSession, makeBot, texts, user } from "./support/bot.ts";
import { useBotWorld } from "./support/world.ts";

const { api, clock, now, errors, logger, chatOf, adminApps } = useBotWorld();

describe("buttons and failures", () => {
  it("answers forged, foreign-version and expired buttons with an alert", async () => {
    const chat = await chatOf("clerk", 3001);
    await chat.send("/new");
    const kb = chat.lastKeyboard()!;
    const data = kb.buttons[0]![0]!.data;
    const forged = `${data.slice(0, -1)}${data.endsWith("A") ? "B" : "A"}`;
    expect(await chat.pressData(forged, kb.messageId)).toEqual([
      { kind: "alert", text: expect.stringContaining("校验失败") },
    ]);
    expect(await chat.pressData(`9${data.slice(1)}`, kb.messageId)).toEqual([
      { kind: "alert", text: expect.stringContaining("旧版本") },
    ]);
    clock.ms += 8 * 24 * 3600_000;
    try {
      expect(await chat.pressData(data, kb.messageId)).toEqual([
        { kind: "alert", text: expect.stringContaining("已过期") },
      ]);
    } finally {
      clock.ms -= 8 * 24 * 3600_000;
    }
  });

  it("keeps a flow across a restart: a new bot instance continues from the button", async () => {
    const chat = await chatOf("clerk", 3001);
    await chat.send("/new 自然人 今天 当面");
    const card = chat.lastKeyboard()!;
    const fresh = new ChatSession(
      makeBot(api, now, { storage: memoryStore(() => clock.ms) }),
      user(3001, "clerk"),
    );
    const r = await fresh.pressData(card.buttons[0]![0]!.data, card.messageId);
    expect(plain(texts(r))).toMatch(/已登记 第 \d+ 号/);
  });

  it("tells the user when the API is down, logs it, and recovers", async () => {
    const chat = await chatOf("clerk", 3001);
    await api.stopServer();
    const before = errors.length;
    try {
      const r = await chat.send("统计");
      expect(plain(texts(r))).toContain("暂时无法连接登记系统");
      expect(errors.length).toBe(before + 1);
    } finally {
      await api.restartServer();
    }
    expect(plain(texts(await chat.send("统计")))).toContain("年累计");
  });

  it("records once when a confirmation failed with the API down and is pressed again", async () => {
    const chat = await chatOf("clerk", 3001);
    await chat.send("/new 科研机构 今天 网络");
    const card = chat.lastKeyboard()!;
    const before = (await adminApps()).length;
    await api.stopServer();
    try {
      const r = await chat.pressData(card.buttons[0]![0]!.data, card.messageId);
      expect(plain(texts(r))).toContain("再按一次同一个确认按钮");
    } finally {
      await api.restartServer();
    }
    await chat.pressData(card.buttons[0]![0]!.data, card.messageId);
    await chat.pressData(card.buttons[0]![0]!.data, card.messageId);
    expect((await adminApps()).length).toBe(before + 1);
  });

  it("tells the user about its own failures and logs them", async () => {
    const failing = memoryStore(() => clock.ms);
    const broken = {
      ...failing,
      get: async <T>(key: string) => {
        if (key.startsWith("await:")) throw new Error("storage is broken");
        return failing.get<T>(key);
      },
    };
    const chat = new ChatSession(
      makeBot(api, now, { storage: broken, logger }),
      user(3001, "clerk"),
    );
    const before = errors.length;
    const r = await chat.send("随便说点什么");
    expect(plain(texts(r))).toContain("机器人出错了");
    expect(errors.length).toBe(before + 1);
  });
});
