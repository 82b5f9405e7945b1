// The bot on WeCom, end to end over a real socket: the official SDK connects to a fake WeCom
// long-connection server on loopback (test/support/fake-wecom.ts), the bridge hands its frames
// to the same bot as on Telegram, and the real API (PGlite) records. Register by card clicks
// and by shortcuts, conclude, undo, /summary, /report as an uploaded file, a reminder pushed, a
// dropped connection in mid-conversation, a message delivered twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpReminderSource } from "../src/reminders/http-source.ts";
import { createReminderScheduler } from "../src/reminders/scheduler.ts";
import { memoryStore } from "../src/storage.ts";
import { chatReminderSender } from "../src/transports/bridge/reminders.ts";
import { type RunningWecom, startWecom, WecomStartError } from "../src/transports/wecom/start.ts";
import { FakeWecom, type WecomShown } from "./support/fake-wecom.ts";
import { PlatformChat, type Shown, textOf } from "./support/platform-chat.ts";

const textsOf = (shown: WecomShown[]) => textOf(shown.map((s) => ({ ...s, buttons: [] })));

import { useBridgeWorld } from "./support/bridge-world.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const world = useBotWorld();
const { api, invites, now, logger, errors, adminApps } = world;
const { store, logged, deps } = useBridgeWorld(world);
const fake = new FakeWecom();
let running: RunningWecom;

const start = (secret = fake.secret) =>
  startWecom(
    {
      botId: fake.botId,
      secret,
      wsUrl: fake.url,
      reconnectIntervalMs: 50,
      reconnectWaitMs: 10_000,
    },
    deps,
  );

beforeAll(async () => {
  await fake.start();
  running = await start();
});
afterAll(async () => {
  await running?.stop();
  await fake.close();
});

const chatOf = (userid: string) =>
  new PlatformChat({
    log: () =>
      (fake.shown.get(userid) ?? []).map(
        (s: WecomShown): Shown => ({
          kind: s.kind,
          text: s.text,
          buttons: s.buttons.map((b) => ({
            text: b.text,
            press: () => fake.click(userid, s.taskId!, b.key),
          })),
          ...(s.filename ? { filename: s.filename } : {}),
          ...(s.bytes ? { bytes: s.bytes } : {}),
        }),
      ),
    say: (text) => fake.message(userid, text),
    idle: () => running.bridge.idle(),
  });

const register = async (chat: PlatformChat, line = "/new 自然人 2026-11-20 邮寄") => {
  await chat.send(line);
  const r = await chat.press("确认登记");
  const m = /第 (\d+) 号/.exec(textOf(r));
  expect(m, textOf(r)).not.toBeNull();
  return Number(m![1]);
};

describe("the bot on WeCom (fake long-connection server)", () => {
  const clerk = chatOf("LiJingBan");

  it("refuses a wrong secret at the start, in both languages", async () => {
    await expect(start("wrong-secret")).rejects.toThrow(WecomStartError);
    await expect(start("wrong-secret")).rejects.toThrow(/企业微信.*WeCom refused/);
    // The refusals were logged (the SDK's own lines); nothing else may be.
    errors.length = 0;
  });

  it("links with an invite, registers by card clicks, the card updated in place", async () => {
    const r0 = await clerk.send(`/start ${invites.clerk}`);
    expect(textOf(r0)).toContain("已关联");
    // The first reply answers the message's frame as a finished stream.
    expect(fake.shown.get("LiJingBan")![0]!.via).toBe("reply");
    let r = await clerk.send("/new");
    expect(r.some((s) => s.kind === "card")).toBe(true);
    const types = clerk
      .lastKeyboard()!
      .buttons.map((b) => b.text)
      .concat(r.filter((s) => s.kind === "card").flatMap((s) => s.buttons.map((b) => b.text)));
    expect(types).toContain("商业企业");
    expect(types).toContain("✖ 取消");
    r = await clerk.press("商业企业");
    expect(textOf(r)).toContain("商业企业");
    r = await clerk.press("跳过");
    expect(textOf(r)).toContain("请选择收到申请的日期");
    r = await clerk.press("昨天");
    expect(textOf(r)).toContain("2026-11-24");
    const before = (await adminApps()).length;
    r = await clerk.press("确认登记");
    expect(textOf(r)).toMatch(/已登记 第 \d+ 号：商业企业，2026-11-24 收到/);
    expect((await adminApps()).length).toBe(before + 1);
    // Some step was shown by updating the clicked card, within WeCom's window.
    expect(fake.frames.some((f) => f.cmd === "aibot_respond_update_msg")).toBe(true);
    expect(errors).toEqual([]);
  });

  it("concludes by shortcut and undoes it", async () => {
    const n = await register(clerk);
    let r = await clerk.send(`/close ${n} 予以公开`);
    expect(textOf(r)).toContain("办理结果：予以公开");
    r = await clerk.press("确认办结");
    expect((await adminApps()).find((a) => a.number === n)!.status).toBe("concluded");
    r = await clerk.send("/undo");
    expect(textOf(r)).toContain(`撤销：第 ${n} 号办结`);
    await clerk.press("重复录入");
    r = await clerk.press("确认撤销");
    expect(textOf(r)).toContain("已撤销");
    expect((await adminApps()).find((a) => a.number === n)!.status).toBe("open");
  });

  it("answers /summary, and /report with the HTML report as an uploaded file", async () => {
    const manager = chatOf("WangKeZhang");
    expect(textOf(await manager.send(`/start ${invites.manager}`))).toContain("已关联");
    expect(textOf(await manager.send("/summary"))).toContain("新收");
    const r = await manager.send("/report");
    expect(textOf(r)).toContain("三、本年度办理结果");
    const file = r.find((s) => s.kind === "file");
    expect(file?.filename).toBe(`${AGENCY}-2026.html`);
    expect(Buffer.from(file!.bytes!).toString("utf8")).toContain("<html");
    expect(fake.frames.some((f) => f.cmd === "aibot_upload_media_chunk")).toBe(true);
  });

  it("pushes a reminder to the WeCom user (last seen there)", async () => {
    await register(clerk, "/new 自然人 2026-10-28 邮寄");
    const before = fake.shown.get("LiJingBan")!.length;
    const scheduler = createReminderScheduler({
      source: httpReminderSource({ baseUrl: api.url, serviceToken: api.serviceToken }),
      sender: chatReminderSender({ store, bridges: [running.bridge] }),
      logger,
      store: memoryStore(),
      clock: { now, sleep: async () => {} },
    });
    const result = await scheduler.runOnce("2026-11-25");
    expect(result.sent).toBeGreaterThan(0);
    const pushed = fake.shown.get("LiJingBan")!.slice(before);
    expect(pushed.map((s) => s.via)).toContain("push");
    expect(textsOf(pushed)).toContain("答复期限提醒");
  });

  it("loses nothing when the connection drops in mid-conversation, and doubles nothing", async () => {
    const before = (await adminApps()).length;
    const subscriptions = fake.subscriptions;
    await clerk.send("/new 自然人 2026-11-20 邮寄");
    // The server drops the link as the bot answers the click: the answer comes after reconnecting.
    fake.dropOn = "aibot_send_msg";
    const r = await clerk.press("确认登记");
    expect(textOf(r)).toMatch(/已登记 第 \d+ 号/);
    expect(fake.connected).toBe(1);
    expect(fake.subscriptions).toBe(subscriptions + 1);
    // Answered once: one confirmation.
    expect(textOf(r).match(/已登记/g)).toHaveLength(1);
    expect((await adminApps()).length).toBe(before + 1);
    // The conversation goes on over the new connection.
    expect(textOf(await clerk.send("/summary"))).toContain("新收");
  });

  it("connects again after WeCom's disconnected_event (the SDK would stay away)", async () => {
    const subscriptions = fake.subscriptions;
    fake.kick();
    const end = Date.now() + 10_000;
    while (fake.subscriptions === subscriptions && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    expect(fake.subscriptions).toBe(subscriptions + 1);
    expect(textOf(await clerk.send("/summary"))).toContain("新收");
  });

  it("answers a message delivered twice once", async () => {
    const frame = fake.message("LiJingBan", "/summary");
    await new Promise((r) => setTimeout(r, 200));
    await running.bridge.idle();
    const count = fake.shown.get("LiJingBan")!.length;
    const again = await clerk.after(() => fake.redeliver(frame), { quiet: true });
    expect(again).toEqual([]);
    expect(fake.shown.get("LiJingBan")!.length).toBe(count);
  });

  it("never logged its secret, though it logged connections, drops and refusals", () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(fake.secret);
  });
});
