// Linking a Telegram user with an invite code, the refusals before that, and /agency for someone
// linked in several agencies.
// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { seedAgency } from "@ogi/api/testing";
import { describe, expect, it } from "vitest";
import { callbackSecretOf } from "../src/bot.ts";
import { agencyStep, buttonCodec } from "../src/flows/index.ts";
import { plain } from "../src/transports/session.ts";
import { ChatSession, TOKEN, texts, user } from "./support/bot.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const { api, now, invites, theBot, chatOf, adminApps, register } = useBotWorld();

describe("linking and refusals", () => {
  it("refuses everything but /start, /help and /lang to a user who is not linked", async () => {
    const chat = new ChatSession(theBot(), user(2001, "路人"));
    for (const text of [
      "/new",
      "登记",
      "/close 1",
      "统计",
      "/report",
      "/pending",
      "/undo",
      "你好",
    ]) {
      const r = await chat.send(text);
      expect(plain(texts(r))).toContain("尚未关联");
      expect(plain(texts(r))).toContain("/start 邀请码");
    }
    expect(plain(texts(await chat.send("/help")))).toContain("/new");
    expect(plain(texts(await chat.send("/start")))).toContain("尚未关联");
    // A button from somebody else's chat: an alert, nothing done.
    const other = await chatOf("clerk", 3001);
    await other.send("/new");
    const keyboard = other.lastKeyboard()!;
    const data = keyboard.buttons[0]![0]!.data;
    const r = await chat.pressData(data, keyboard.messageId);
    expect(r).toEqual([{ kind: "alert", text: expect.stringContaining("尚未关联") }]);
    await other.send("/cancel");
  });

  it("explains a wrong or used invite code with the API's message", async () => {
    const chat = new ChatSession(theBot(), user(2002, "路人"));
    const r = await chat.send("/start WRONGCODE1");
    expect(plain(texts(r))).toContain("邀请码无效或已使用");
    // A malformed one is refused with the reason, not the API's pointer to its issues.
    const short = plain(texts(await chat.send("/start 钱主任")));
    expect(short).toContain("邀请码无效：应为 4 到 32 个字符");
    expect(short).not.toContain("issues");
    // An invite code works once.
    const used = new ChatSession(theBot(), user(2003, "路人"));
    await chatOf("clerk", 3001);
    expect(plain(texts(await used.send(`/start ${invites.clerk}`)))).toContain(
      "邀请码无效或已使用",
    );
  });

  it("tells an administrator's account why it cannot record through the bot", async () => {
    const chat = new ChatSession(theBot(), user(2004, "管理员"));
    expect(plain(texts(await chat.send(`/start ${invites.admin}`)))).toContain(
      "系统管理员账号不属于任何机关",
    );
    expect(plain(texts(await chat.send("/new")))).toContain("系统管理员账号不属于任何机关");
  });

  it("links through the deep link's /start payload and welcomes back", async () => {
    const chat = await chatOf("manager", 3002);
    // The same code sent again by the same user: still "linked", not "already used".
    expect(plain(texts(await chat.send(`/start ${invites.manager}`)))).toContain("已关联：王科长");
    const r = await chat.send("/start");
    expect(plain(texts(r))).toContain("欢迎回来，王科长（某县工业和信息化局）");
  });
});

describe("/agency: someone linked in several agencies", () => {
  it("acts in the agency linked last, lists both, and switches; a stale button says so", async () => {
    // A clerk who keeps the registers of two agencies: an invite from each.
    const other = "411421-sfj2";
    const [inA] = await seedAgency(api, { code: other, name: "某县司法局", regionCode: "411499" }, [
      { name: "钱经办", role: "clerk" },
    ]);
    const { inviteCode: inB } = await api.admin<{ inviteCode: string }>(
      "POST",
      `/v1/agencies/${AGENCY}/staff`,
      { name: "钱经办", role: "clerk" },
    );
    const chat = new ChatSession(theBot(), user(3021, "qian"));
    // One agency: nothing to choose.
    expect(plain(texts(await chat.send(`/start ${inA!.inviteCode}`)))).toContain("某县司法局");
    expect(plain(texts(await chat.send("/agency")))).toContain("您只在 某县司法局 登记");
    // Linked in a second: acts in it at once (not in the first one it was linked in).
    expect(plain(texts(await chat.send(`/start ${inB}`)))).toContain("某县工业和信息化局");
    const n = await register(chat);
    const apps = await adminApps();
    expect(apps.find((a) => a.number === n)).toBeDefined();
    let r = await chat.send("机关");
    expect(plain(texts(r))).toContain("当前机关：某县工业和信息化局");
    expect(
      chat
        .lastKeyboard()!
        .buttons.flat()
        .map((b) => b.text)
        .sort(),
    ).toEqual(["✓ 某县工业和信息化局（经办人）", "某县司法局（经办人）"].sort());
    const card = chat.lastKeyboard()!;
    r = await chat.press("某县司法局（经办人）");
    expect(plain(texts(r))).toContain("之后的登记和统计都在：某县司法局（经办人）");
    // Now it records and reads in the other agency.
    const m = await register(chat);
    const theirs = await api.admin<{ applications: { number: number }[] }>(
      "GET",
      `/v1/agencies/${other}/applications`,
    );
    expect(theirs.applications.map((a) => a.number)).toContain(m);
    expect(plain(texts(await chat.send("/summary")))).toContain("某县司法局");
    expect(plain(texts(await chat.send("/start")))).toContain("欢迎回来，钱经办（某县司法局）");
    // A button naming an agency the user is not linked in (left since, or forged): said, and
    // nothing changes.
    const codec = buttonCodec(callbackSecretOf(TOKEN), () => Math.floor(now().getTime() / 60_000));
    const gone = codec.encode(agencyStep.data({ digest: "AAAAAAAA" }));
    r = await chat.pressData(gone, card.messageId);
    expect(plain(texts(r))).toContain("您已不在该机关登记");
    expect(plain(texts(await chat.send("/start")))).toContain("欢迎回来，钱经办（某县司法局）");
    // Back to the first agency by its button.
    r = await chat.pressData(
      card.buttons.flat().find((b) => b.text.includes("工业和信息化局"))!.data,
      card.messageId,
    );
    expect(plain(texts(r))).toContain("之后的登记和统计都在：某县工业和信息化局");
  });
});
