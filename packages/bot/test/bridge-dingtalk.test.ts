// The bot on DingTalk, end to end over real sockets: our Stream client opens a fake DingTalk
// gateway on loopback (test/support/fake-dingtalk.ts), acknowledges each callback, and the
// bridge hands the robot messages to the same bot as on Telegram; replies go to the session
// webhook, or through the robot API when there is none. Register by card buttons (which send
// 【label】 back) and shortcuts, conclude, undo, /summary, /report as an uploaded file, a
// reminder, a dropped connection in mid-conversation, a callback delivered twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpReminderSource } from "../src/reminders/http-source.ts";
import { createReminderScheduler } from "../src/reminders/scheduler.ts";
import { memoryStore } from "../src/storage.ts";
import { chatReminderSender } from "../src/transports/bridge/reminders.ts";
import { type RunningDingtalk, startDingtalk } from "../src/transports/dingtalk/start.ts";
import { DingtalkStartError } from "../src/transports/dingtalk/stream.ts";
import { useBridgeWorld } from "./support/bridge-world.ts";
import { type DingtalkShown, FakeDingtalk } from "./support/fake-dingtalk.ts";
import { PlatformChat, type Shown, textOf } from "./support/platform-chat.ts";
import { AGENCY, useBotWorld } from "./support/world.ts";

const world = useBotWorld();
const { api, invites, now, logger, errors, adminApps } = world;
const { store, logged, deps } = useBridgeWorld(world);
const fake = new FakeDingtalk();
let running: RunningDingtalk;

const start = (clientSecret = fake.clientSecret) =>
  startDingtalk(
    {
      clientId: fake.clientId,
      clientSecret,
      gatewayUrl: fake.url,
      minBackoffMs: 50,
      silenceMs: 3000,
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

const shownOf = (staffId: string, s: DingtalkShown): Shown => ({
  kind: s.kind,
  text: s.text,
  buttons: s.buttons.map((b) => ({ text: b.text, press: () => fake.message(staffId, b.sends) })),
  ...(s.filename ? { filename: s.filename } : {}),
  ...(s.bytes ? { bytes: s.bytes } : {}),
});

const chatOf = (staffId: string) =>
  new PlatformChat({
    log: () => (fake.shown.get(staffId) ?? []).map((s) => shownOf(staffId, s)),
    say: (text) => fake.message(staffId, text),
    idle: () => running.bridge.idle(),
  });

const register = async (chat: PlatformChat, line = "/new 自然人 2026-11-20 邮寄") => {
  await chat.send(line);
  const r = await chat.press("确认登记");
  const m = /第 (\d+) 号/.exec(textOf(r));
  expect(m, textOf(r)).not.toBeNull();
  return Number(m![1]);
};

describe("the bot on DingTalk (fake Stream gateway)", () => {
  const clerk = chatOf("0123456789");

  it("refuses a wrong secret at the start, in both languages", async () => {
    await expect(start("wrong-secret")).rejects.toThrow(DingtalkStartError);
    await expect(start("wrong-secret")).rejects.toThrow(/钉钉.*DingTalk refused/);
  });

  it("links with an invite, registers by card buttons; acknowledges every callback", async () => {
    const r0 = await clerk.send(`/start ${invites.clerk2}`);
    expect(textOf(r0)).toContain("已关联");
    expect(fake.shown.get("0123456789")![0]!.via).toBe("webhook");
    const r = await clerk.send("/new");
    const card = r.find((s) => s.kind === "card")!;
    expect(card.buttons.map((b) => b.text)).toContain("商业企业");
    await clerk.press("商业企业");
    await clerk.press("跳过");
    await clerk.press("昨天");
    const before = (await adminApps()).length;
    const done = await clerk.press("确认登记");
    expect(textOf(done)).toMatch(/已登记 第 \d+ 号：商业企业，2026-11-24 收到/);
    expect((await adminApps()).length).toBe(before + 1);
    // Every callback sent was acknowledged, by its messageId.
    for (const f of fake.sent) expect(fake.acks).toContain(f.headers.messageId);
    // SYSTEM ping is echoed.
    const ping = fake.ping();
    await new Promise((ok) => setTimeout(ok, 100));
    expect(fake.pongs).toContain(ping);
    expect(errors).toEqual([]);
  });

  it("concludes by shortcut and undoes it", async () => {
    const n = await register(clerk);
    let r = await clerk.send(`/close ${n} 予以公开`);
    expect(textOf(r)).toContain("办理结果：予以公开");
    await clerk.press("确认办结");
    expect((await adminApps()).find((a) => a.number === n)!.status).toBe("concluded");
    r = await clerk.send("/undo");
    expect(textOf(r)).toContain(`撤销：第 ${n} 号办结`);
    await clerk.press("重复录入");
    r = await clerk.press("确认撤销");
    expect(textOf(r)).toContain("已撤销");
    expect((await adminApps()).find((a) => a.number === n)!.status).toBe("open");
  });

  it("answers /summary, and /report with the HTML report uploaded and sent as a file", async () => {
    const manager = chatOf("manager4421");
    expect(textOf(await manager.send(`/start ${invites.manager}`))).toContain("已关联");
    expect(textOf(await manager.send("/summary"))).toContain("新收");
    const r = await manager.send("/report");
    expect(textOf(r)).toContain("三、本年度办理结果");
    const file = r.find((s) => s.kind === "file");
    expect(file?.filename).toBe(`${AGENCY}-2026.html`);
    expect(Buffer.from(file!.bytes!).toString("utf8")).toContain("<html");
  });

  it("answers through the robot API when the session webhook has expired", async () => {
    const r = await clerk.after(() =>
      fake.message("0123456789", "/summary", { webhookExpired: true }),
    );
    expect(textOf(r)).toContain("新收");
    expect(fake.shown.get("0123456789")!.at(-1)!.via).toBe("robot");
  });

  it("sends a reminder through the robot API (last seen on DingTalk)", async () => {
    await register(clerk, "/new 自然人 2026-10-28 邮寄");
    const before = fake.shown.get("0123456789")!.length;
    const scheduler = createReminderScheduler({
      source: httpReminderSource({ baseUrl: api.url, serviceToken: api.serviceToken }),
      sender: chatReminderSender({ store, bridges: [running.bridge] }),
      logger,
      store: memoryStore(),
      clock: { now, sleep: async () => {} },
    });
    expect((await scheduler.runOnce("2026-11-25")).sent).toBeGreaterThan(0);
    const pushed = fake.shown.get("0123456789")!.slice(before);
    expect(pushed.map((s) => s.via)).toContain("robot");
    expect(pushed.map((s) => s.text).join("\n")).toContain("答复期限提醒");
  });

  it("reconnects after a dropped connection and goes on: nothing lost, nothing doubled", async () => {
    const opens = fake.opens;
    await clerk.send("/new 自然人 2026-11-20 邮寄");
    fake.drop();
    const deadline = Date.now() + 10_000;
    while (fake.connected === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(fake.opens).toBe(opens + 1);
    const before = (await adminApps()).length;
    const r = await clerk.press("确认登记");
    expect(textOf(r).match(/已登记/g)).toHaveLength(1);
    expect((await adminApps()).length).toBe(before + 1);
  });

  it("answers a callback delivered twice once", async () => {
    const frame = fake.message("0123456789", "/summary");
    await new Promise((r) => setTimeout(r, 200));
    await running.bridge.idle();
    const again = await clerk.after(() => fake.redeliver(frame), { quiet: true });
    expect(again).toEqual([]);
    // Both deliveries were acknowledged.
    expect(fake.acks.filter((a) => a === frame.headers.messageId)).toHaveLength(2);
  });

  it("never logged its secret, though it logged connections, drops and refusals", () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(fake.clientSecret);
  });
});
