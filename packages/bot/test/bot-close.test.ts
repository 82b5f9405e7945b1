// /close: concluding an application by buttons and shortcuts, by id or by number.
// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { OUTCOMES, outcomesInGroup, rowInfo } from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { callbackSecretOf } from "../src/bot.ts";
import { buttonCodec, closeFlow } from "../src/flows/index.ts";
import { plain } from "../src/transports/session.ts";
import { ChatSession, makeBot, TOKEN, texts, user } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { api, now, logger, chatOf, adminApps, register } = useBotWorld();

describe("/close", () => {
  it("offers the open applications, the six groups, the sub-rows verbatim, then concludes", async () => {
    const chat = await chatOf("clerk", 3001);
    const n = await register(chat);
    let r = await chat.send("/close");
    expect(plain(texts(r))).toContain("请选择要办结的申请");
    r = await chat.press(`#${n} ·`);
    expect(plain(texts(r))).toContain(`第 ${n} 号：请选择办理结果`);
    expect(
      chat
        .lastKeyboard()!
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual([
      "予以公开",
      "部分公开",
      "不予公开 ›",
      "无法提供 ›",
      "不予处理 ›",
      "其他处理 ›",
      "✖ 取消",
    ]);
    r = await chat.press("不予处理 ›");
    expect(
      chat
        .lastKeyboard()!
        .buttons.flat()
        .map((b) => b.text)
        .slice(0, 5),
    ).toEqual(outcomesInGroup("notProcessed").map((o) => rowInfo(o).label.zh));
    r = await chat.press("‹ 返回");
    r = await chat.press("其他处理 ›");
    r = await chat.press(rowInfo("otherOther").label.zh);
    expect(plain(texts(r))).toContain("办理结果：其他处理 · 3.其他");
    expect(plain(texts(r))).toContain("办结日期：2026-11-25");
    r = await chat.press("昨天");
    expect(plain(texts(r))).toContain("办结日期：2026-11-24");
    r = await chat.press("确认办结");
    expect(plain(texts(r))).toContain(`第 ${n} 号已办结：其他处理 · 3.其他（2026-11-24）`);
    expect(plain(texts(r))).toMatch(/2026 年累计：上年结转 0 · 新收 \d+ · 办结 \d+/);
    const app = (await adminApps()).find((a) => a.number === n)!;
    expect(app).toMatchObject({ status: "concluded", outcome: "otherOther" });
  });

  it("takes /close 12 予以公开 and 办结 12 不予公开 国家秘密 straight to the card", async () => {
    const chat = await chatOf("clerk", 3001);
    const a = await register(chat);
    const b = await register(chat);
    let r = await chat.send(`/close ${a} 予以公开`);
    expect(plain(texts(r))).toContain("办理结果：予以公开");
    await chat.press("确认办结");
    r = await chat.send(`办结 ${b} 不予公开 国家秘密 11月20日`);
    expect(plain(texts(r))).toContain("办理结果：不予公开 · 1.属于国家秘密");
    expect(plain(texts(r))).toContain("办结日期：2026-11-20");
    // A typed date on the card changes it.
    r = await chat.send("昨天");
    expect(plain(texts(r))).toContain("办结日期：2026-11-24");
    await chat.press("确认办结");
    const apps = await adminApps();
    expect(apps.find((x) => x.number === a)!.outcome).toBe("granted");
    expect(apps.find((x) => x.number === b)!.outcome).toBe("deniedStateSecret");
  });

  it("confirms a number it has named before without looking it up; concluded meanwhile, says so", async () => {
    const calls: string[] = [];
    const seen: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      calls.push(`${init?.method ?? (input instanceof Request ? input.method : "GET")} ${url}`);
      return fetch(input, init);
    };
    await chatOf("clerk", 3001);
    const chat = new ChatSession(makeBot(api, now, { logger, fetch: seen }), user(3001, "clerk"));
    const a = await register(chat);
    const b = await register(chat);
    await chat.send(`/close ${a} 予以公开`);
    calls.length = 0;
    let r = await chat.press("确认办结");
    expect(plain(texts(r))).toContain(`第 ${a} 号`);
    // One call: the conclusion, answered with the year to date (no look-up, no second read).
    expect(calls).toEqual([
      expect.stringMatching(/^POST .*\/applications\/[^/]+\/events\?yearToDate=true$/),
    ]);
    const s = await api.admin<{
      received: { total: number };
      concludedTotal: { total: number };
      openNow: { total: number };
    }>("GET", `/v1/agencies/${AGENCY}/summary`);
    expect(plain(texts(r))).toContain(
      `新收 ${s.received.total} · 办结 ${s.concludedTotal.total} · 在办 ${s.openNow.total}`,
    );
    // b is concluded by someone else while its card is shown: the API refuses, the bot says why.
    await chat.send(`/close ${b} 予以公开`);
    const id = (await adminApps()).find((x) => x.number === b)!.id;
    await api.admin("POST", `/v1/applications/${id}/events`, {
      type: "concluded",
      date: "2026-11-21",
      outcome: "granted",
    });
    r = await chat.press("确认办结");
    expect(plain(texts(r))).toContain("该申请已于 2026-11-21 办结");
    expect((await adminApps()).find((x) => x.number === b)!.outcome).toBe("granted");
  });

  it("an API that answers without the year to date: the line is read after the conclusion", async () => {
    const calls: string[] = [];
    // As an API from before `?yearToDate`: the query is not passed on, so none is answered.
    const older: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input).replace(
        "?yearToDate=true",
        "",
      );
      calls.push(`${init?.method ?? "GET"} ${url}`);
      return fetch(url, init);
    };
    // A clerk of its own: this bot's card message ids start again at 1.
    const { inviteCode } = await api.admin<{ inviteCode: string }>(
      "POST",
      `/v1/agencies/${AGENCY}/staff`,
      { name: "吴经办", role: "clerk" },
    );
    const chat = new ChatSession(makeBot(api, now, { logger, fetch: older }), user(3011, "wu"));
    expect(texts(await chat.send(`/start ${inviteCode}`))).toContain("已关联");
    const a = await register(chat);
    await chat.send(`/close ${a} 予以公开`);
    calls.length = 0;
    const r = await chat.press("确认办结");
    expect(plain(texts(r))).toContain(`第 ${a} 号已办结：予以公开`);
    expect(plain(texts(r))).toMatch(/2026 年累计：上年结转 0 · 新收 \d+ · 办结 \d+/);
    expect(calls).toEqual([
      expect.stringMatching(/^POST .*\/events$/),
      expect.stringMatching(/^GET .*\/summary\?asOf=2026-11-25$/),
    ]);
  });

  it("an instance that never saw the number records by number, in one call", async () => {
    const calls: string[] = [];
    const seen: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      calls.push(`${init?.method ?? (input instanceof Request ? input.method : "GET")} ${url}`);
      return fetch(input, init);
    };
    const first = await chatOf("clerk", 3001);
    const a = await register(first);
    const b = await register(first);
    await first.send(`/close ${a} 予以公开`);
    const cardA = first.lastKeyboard()!;
    await first.send(`/close ${b} 不予公开 国家秘密`);
    const cardB = first.lastKeyboard()!;
    // Another instance (or this one after a restart) has seen neither number.
    const fresh = new ChatSession(makeBot(api, now, { logger, fetch: seen }), user(3001, "clerk"));
    let r = await fresh.pressData(cardA.buttons[0]![0]!.data, cardA.messageId);
    expect(plain(texts(r))).toContain(`第 ${a} 号`);
    expect(calls.filter((c) => c.includes("number="))).toEqual([]);
    expect(calls.filter((c) => c.startsWith("POST"))).toEqual([
      expect.stringContaining(`/applications/${a}/events`),
    ]);
    expect((await adminApps()).find((x) => x.number === a)!.outcome).toBe("granted");
    // b is concluded by someone else meanwhile: the API refuses, the bot says why.
    const id = (await adminApps()).find((x) => x.number === b)!.id;
    await api.admin("POST", `/v1/applications/${id}/events`, {
      type: "concluded",
      date: "2026-11-21",
      outcome: "granted",
    });
    r = await fresh.pressData(cardB.buttons[0]![0]!.data, cardB.messageId);
    expect(plain(texts(r))).toContain("该申请已于 2026-11-21 办结");
    expect((await adminApps()).find((x) => x.number === b)!.outcome).toBe("granted");
    // A card for a number the agency has not given (signed like the bot's own).
    const codec = buttonCodec(callbackSecretOf(TOKEN), () => Math.floor(now().getTime() / 60_000));
    const forged = codec.encode(
      closeFlow.confirm.data({ number: 99999, outcome: "granted", date: "2026-11-24" }),
    );
    r = await fresh.pressData(forged, 424242);
    expect(plain(texts(r))).toContain("没有第 99999 号申请");
  });

  it("asks instead of guessing, and explains bad numbers and closed applications", async () => {
    const chat = await chatOf("clerk", 3001);
    const n = await register(chat);
    let r = await chat.send(`办结 ${n} 其他`);
    expect(plain(texts(r))).toContain("可能是以下几种之一");
    const offered = chat
      .lastKeyboard()!
      .buttons.flat()
      .map((b) => b.text);
    expect(offered).toContain("其他处理 · 3.其他");
    expect(offered).toContain("不予公开 · 2.其他法律行政法规禁止公开");
    r = await chat.send(`办结 ${n} 不予公开`);
    expect(chat.lastKeyboard()!.buttons.flat()).toHaveLength(8 + 2);
    r = await chat.send(`办结 ${n} 飞机`);
    expect(plain(texts(r))).toContain("未能识别");
    r = await chat.send("/close 99999");
    expect(plain(texts(r))).toContain("没有第 99999 号申请");
    r = await chat.send("/close abc");
    expect(plain(texts(r))).toContain("不是有效的申请编号");
    await chat.send(`/close ${n} 部分公开`);
    await chat.press("确认办结");
    r = await chat.send(`/close ${n} 予以公开`);
    expect(plain(texts(r))).toContain(`第 ${n} 号已于 2026-11-25 办结`);
  });

  it("resolves every one of the 21 outcomes by group and number", async () => {
    const chat = await chatOf("clerk2", 3003);
    for (const o of OUTCOMES) {
      const n = await register(chat, "/new 自然人 今天 当面");
      const group = rowInfo(o).group!;
      const members = outcomesInGroup(group);
      const short = {
        granted: "予以公开",
        partiallyGranted: "部分公开",
        denied: "不予公开",
        unable: "无法提供",
        notProcessed: "不予处理",
        otherHandling: "其他处理",
      }[group];
      const line =
        members.length === 1
          ? `办结 ${n} ${short}`
          : `办结 ${n} ${short} ${members.indexOf(o) + 1}`;
      const r = await chat.send(line);
      expect(plain(texts(r))).toContain(
        `办理结果：${members.length === 1 ? short : `${short} · ${rowInfo(o).label.zh}`}`,
      );
      await chat.press("确认办结");
    }
    const apps = await adminApps();
    const outcomes = new Set(apps.map((a) => a.outcome));
    for (const o of OUTCOMES) expect(outcomes.has(o)).toBe(true);
  });
});
