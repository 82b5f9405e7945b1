// The bot driven through bot.handleUpdate against the real API (createApp on in-memory PGlite,
// on a loopback port); outgoing Bot API calls are answered and captured locally.

import { seedAgency, startApi, type TestApi } from "@ogi/api/testing";
import {
  escapeHtml,
  OUTCOMES,
  outcomesInGroup,
  type RequestsTable,
  renderRequestsText,
  rowInfo,
} from "@ogi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackSecretOf } from "../src/bot.ts";
import type { Logger } from "../src/context.ts";
import { memoryStore } from "../src/storage.ts";
import { flowCodec } from "../src/text/flow-data.ts";
import { plain } from "../src/transports/session.ts";
import { ChatSession, makeBot, TOKEN, texts, user } from "./support/bot.ts";

// 2026-11-25 10:00 in Beijing.
let nowMs = Date.parse("2026-11-25T02:00:00Z");
const now = () => new Date(nowMs);

let api: TestApi;
const AGENCY = "411421-gxkj";
const COUNTY = "411421-zf";
const invites: Record<string, string> = {};

const errors: unknown[] = [];
const logger: Logger = {
  info() {},
  warn() {},
  error: (o) => {
    errors.push(o);
  },
};

beforeAll(async () => {
  api = await startApi(now);
  const county = await seedAgency(
    api,
    { code: COUNTY, name: "某县人民政府", regionCode: "411421" },
    [{ name: "赵县长", role: "manager" }],
  );
  const dept = await seedAgency(
    api,
    { code: AGENCY, name: "某县工业和信息化局", regionCode: "411421", parentCode: COUNTY },
    [
      { name: "李经办", role: "clerk" },
      { name: "王科长", role: "manager" },
      { name: "孙经办", role: "clerk" },
      { name: "周经办", role: "clerk" },
      { name: "系统管理员", role: "admin" },
    ],
  );
  invites.region = county[0]!.inviteCode;
  invites.clerk = dept[0]!.inviteCode;
  invites.manager = dept[1]!.inviteCode;
  invites.clerk2 = dept[2]!.inviteCode;
  invites.clerk3 = dept[3]!.inviteCode;
  invites.admin = dept[4]!.inviteCode;
});
afterAll(() => api?.close());

const bot = () => makeBot(api, now, { logger });
const shared = { bot: undefined as ReturnType<typeof bot> | undefined };
const theBot = () => {
  shared.bot ??= bot();
  return shared.bot;
};

/** A chat of a linked staff member (linking through /start on first use). */
const linked: Record<string, ChatSession> = {};
const chatOf = async (who: string, id: number) => {
  if (linked[who]) return linked[who];
  const chat = new ChatSession(theBot(), user(id, who));
  const r = await chat.send(`/start ${invites[who]}`);
  expect(texts(r)).toContain("已关联");
  linked[who] = chat;
  return chat;
};

const adminApps = async () =>
  (
    await api.admin<{
      applications: { id: string; number: number; status: string; outcome: string | null }[];
    }>("GET", `/v1/agencies/${AGENCY}/applications?limit=1000`)
  ).applications;

const register = async (chat: ChatSession, line = "/new 自然人 2026-11-20 邮寄") => {
  await chat.send(line);
  const r = await chat.press("确认登记");
  const m = /第 (\d+) 号/.exec(plain(texts(r)));
  expect(m, texts(r)).not.toBeNull();
  return Number(m![1]);
};

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
    const codec = flowCodec(callbackSecretOf(TOKEN), () => Math.floor(now().getTime() / 60_000));
    const gone = codec.encode({ k: "ag", digest: "AAAAAAAA" });
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

describe("/new", () => {
  it("walks the six buttons, the date and the channel, then shows number and due date", async () => {
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
    expect(plain(texts(r))).toContain("申请人：商业企业");
    r = await chat.press("昨天");
    expect(plain(texts(r))).toContain("收到日期：2026-11-24");
    r = await chat.press("跳过");
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
    const codec = flowCodec(callbackSecretOf(TOKEN), () => Math.floor(now().getTime() / 60_000));
    const forged = codec.encode({ k: "cx", number: 99999, outcome: "granted", date: "2026-11-24" });
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
    await chat.press("法律服务机构");
    const r = await chat.press("前天");
    expect(plain(texts(r))).toContain("收到日期：2026-11-23");
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
    r = await chat.send("十元");
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
    nowMs += 25 * 3600_000;
    try {
      r = await chat.send("/undo");
      expect(plain(texts(r))).toContain("已超过 24 小时");
    } finally {
      nowMs -= 25 * 3600_000;
    }
  });
});

describe("/summary, /report, /pending", () => {
  it("gives the year to date with the API's numbers", async () => {
    const chat = await chatOf("clerk", 3001);
    const r = await chat.send("统计");
    const s = await api.admin<{
      received: { total: number };
      concludedTotal: { total: number };
      openNow: { total: number };
      overdue: number;
      carriedOver: { total: number };
    }>("GET", `/v1/agencies/${AGENCY}/summary?asOf=2026-11-25`);
    const text = plain(texts(r));
    expect(text).toContain(
      `上年结转 ${s.carriedOver.total} · 本年新收 ${s.received.total} · 办结 ${s.concludedTotal.total} · 在办 ${s.openNow.total} · 逾期 ${s.overdue}`,
    );
    expect(text).toContain("勾稽关系平衡");
    expect(text).toMatch(/办结情况：予以公开 \d+ · 部分公开 \d+ · 不予公开 \d+/);
    expect(plain(texts(await chat.send("/summary 2025")))).toContain(
      "2025 年累计（截至 2025-12-31）",
    );
    expect(plain(texts(await chat.send("/summary 2030")))).toContain("尚未开始");
    expect(plain(texts(await chat.send("/summary 20x")))).toContain("不是有效年度");
  });

  it("gives a region's manager the region's totals and one line per agency", async () => {
    const chat = await chatOf("region", 3010);
    const r = plain(texts(await chat.send("/summary")));
    expect(r).toContain("区域 411421 合计");
    expect(r).toContain("某县工业和信息化局：新收");
    expect(r).toContain("某县人民政府：新收 0");
  });

  it("sends section 三 as monospace, the findings and the HTML report to a manager", async () => {
    const chat = await chatOf("manager", 3002);
    const r = await chat.send("/report");
    expect(r[0]!.kind === "message" && r[0]!.message.text).toContain("<pre>");
    expect(plain(texts(r))).toContain("三、本年度办理结果");
    expect(r.some((x) => x.kind === "message" && /检查/.test(x.message.text))).toBe(true);
    const doc = r.find((x) => x.kind === "document");
    expect(doc?.kind === "document" && doc.message.document?.filename).toBe(`${AGENCY}-2026.html`);
  });

  it("offers a region's manager the sum of the region's agencies after their own report", async () => {
    const chat = await chatOf("region", 3010);
    const own = await chat.send("/report");
    expect(plain(texts(own))).toContain("某县人民政府");
    const sum = await chat.press("📊 区域 411421 汇总（各机关合计）");
    const region = await api.admin<{ report: { requests: RequestsTable } }>(
      "GET",
      "/v1/regions/411421/reports/2026",
    );
    expect(plain(texts(sum))).toContain("区域 411421 汇总");
    expect(texts(sum)).toContain(escapeHtml(renderRequestsText(region.report.requests, "zh")));
    const doc = sum.find((x) => x.kind === "document");
    expect(doc?.kind === "document" && doc.message.document?.filename).toBe(
      "region-411421-2026.html",
    );
    // A manager of an agency with none under it is offered no such button; a forged one is refused.
    const manager = await chatOf("manager", 3002);
    const r = await manager.send("/report");
    expect(r.flatMap((x) => (x.kind === "alert" ? [] : x.message.buttons.flat()))).toEqual([]);
    const codec = flowCodec(callbackSecretOf(TOKEN), () => Math.floor(now().getTime() / 60_000));
    const forged = await manager.pressData(codec.encode({ k: "rr", year: 2026 }), 1);
    expect(plain(texts(forged))).toContain("只有管理下属机关的负责人才能查看区域汇总");
  });

  it("tells a clerk why the report is refused", async () => {
    const chat = await chatOf("clerk", 3001);
    const r = plain(texts(await chat.send("年报")));
    expect(r).toContain("⚠️");
    expect(r).toContain("无权");
  });

  it("lists open applications, overdue first, with due dates", async () => {
    const chat = await chatOf("clerk", 3001);
    const r = plain(texts(await chat.send("在办")));
    expect(r).toMatch(/在办申请 \d+ 件，其中逾期 \d+ 件/);
    expect(r).toMatch(
      /第 \d+ 号 · \S+ · \d{4}-\d{2}-\d{2} 收 · 期限 \d{4}-\d{2}-\d{2}（剩 \d+ 个工作日）/,
    );
  });
});

describe("language, help and hints", () => {
  it("switches to English and back", async () => {
    const chat = await chatOf("clerk2", 3003);
    expect(plain(texts(await chat.send("/lang en")))).toContain("Language set to English");
    expect(plain(texts(await chat.send("/new")))).toContain("choose the applicant type");
    expect(chat.lastKeyboard()!.buttons.flat()[0]!.text).toBe("Natural persons");
    await chat.send("/cancel");
    expect(plain(texts(await chat.send("/lang fr")))).toContain("Unknown language");
    await chat.send("/lang");
    expect(plain(texts(await chat.press("中文")))).toContain("已切换为中文");
  });

  it("hints at unknown commands, free text and other messages", async () => {
    const chat = await chatOf("clerk", 3001);
    expect(plain(texts(await chat.send("/frobnicate")))).toContain("不认识的命令 /frobnicate");
    expect(plain(texts(await chat.send("今天天气不错")))).toContain("没有看懂");
    const r = await chat.deliver({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: 3001, type: "private", first_name: "x" },
        from: user(3001),
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    } as never);
    expect(plain(texts(r))).toContain("没有看懂");
  });
});

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
    nowMs += 8 * 24 * 3600_000;
    try {
      expect(await chat.pressData(data, kb.messageId)).toEqual([
        { kind: "alert", text: expect.stringContaining("已过期") },
      ]);
    } finally {
      nowMs -= 8 * 24 * 3600_000;
    }
  });

  it("keeps a flow across a restart: a new bot instance continues from the button", async () => {
    const chat = await chatOf("clerk", 3001);
    await chat.send("/new 自然人 今天 当面");
    const card = chat.lastKeyboard()!;
    const fresh = new ChatSession(
      makeBot(api, now, { storage: memoryStore(() => nowMs) }),
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
    const failing = memoryStore(() => nowMs);
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
