// End to end: the real API on PGlite, the bot started by startBot() in long-polling mode and in
// webhook mode, against the telegram-test-api Bot API emulator on loopback. A clerk's and a
// manager's day, scripted; the final /summary and /report must match the API's own numbers.
// The emulator lacks sendDocument and setMyCommands and sends no secret header: the set-up stubs
// sendDocument, and a loopback proxy adds the header in webhook mode.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort, seedAgency, startApi, type TestApi } from "@ogi/api/testing";
import { type RequestsTable, renderRequestsText } from "@ogi/domain";
import type { Message } from "grammy/types";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartedBot, startBot } from "../src/start.ts";
import { memoryStore } from "../src/storage.ts";
import { plain } from "../src/transports/session.ts";

const TOKEN = "987654:E2E-token-for-the-emulator-0000";
const SECRET = "e2e-webhook-secret-123";
const AGENCY = "411421-sfj";

type BotMessage = { messageId: number; text: string; buttons: { text: string; data: string }[] };

/** A person in the emulator's chat: sends, presses, and waits for the bot's answer. */
type Tracker = { outgoing: number; waitOutgoing: (n: number) => Promise<void> };
class Person {
  private client: ReturnType<TelegramServer["getClient"]>;
  private server: TelegramServer;
  private bot: Tracker;
  readonly userId: number;
  constructor(server: TelegramServer, bot: Tracker, userId: number, name: string) {
    this.server = server;
    this.bot = bot;
    this.userId = userId;
    this.client = server.getClient(TOKEN, {
      userId,
      chatId: userId,
      firstName: name,
      timeout: 5000,
    });
  }
  /** The bot's messages to this chat as the emulator holds them (edits applied). */
  messages(): BotMessage[] {
    return this.server.storage.botMessages
      .filter((m) => String(m.message.chat_id) === String(this.userId))
      .map((m) => ({
        messageId: m.messageId,
        text: plain(String(m.message.text ?? "")),
        buttons: (
          (
            m.message.reply_markup as {
              inline_keyboard?: { text: string; callback_data?: string }[][];
            }
          )?.inline_keyboard ?? []
        )
          .flat()
          .map((b) => ({ text: b.text, data: b.callback_data ?? "" })),
      }));
  }
  last() {
    return this.messages().at(-1)!;
  }
  private async turn(act: () => Promise<unknown>, answers = 1) {
    const before = this.bot.outgoing;
    await act();
    await this.bot.waitOutgoing(before + answers);
  }
  send(text: string, answers = 1) {
    return this.turn(
      () =>
        text.startsWith("/")
          ? this.client.sendCommand(this.client.makeCommand(text))
          : this.client.sendMessage(this.client.makeMessage(text)),
      answers,
    );
  }
  press(label: string, answers = 1) {
    const m = [...this.messages()]
      .reverse()
      .find((x) => x.buttons.some((b) => b.text.includes(label)));
    if (!m) throw new Error(`no button ${label}: ${JSON.stringify(this.last())}`);
    const b = m.buttons.find((x) => x.text.includes(label))!;
    return this.turn(
      () =>
        this.client.sendCallback(
          this.client.makeCallbackQuery(b.data, {
            message: {
              message_id: m.messageId,
              chat: { id: this.userId, type: "private" },
            } as never,
          }),
        ),
      answers,
    );
  }
}

describe.each(["polling", "webhook"] as const)("a day's work, bot in %s mode", (mode) => {
  const now = () => new Date();
  let api: TestApi;
  let server: TelegramServer;
  let started: StartedBot;
  let proxy: Server | undefined;
  const documents: { filename: string; bytes: number }[] = [];
  const outgoing = { count: 0, waiters: [] as { n: number; ok: () => void }[] };
  const tracker = {
    get outgoing() {
      return outgoing.count;
    },
    waitOutgoing: (n: number) =>
      new Promise<void>((ok, fail) => {
        if (outgoing.count >= n) return ok();
        const timer = setTimeout(
          () => fail(new Error(`bot did not answer (${outgoing.count}/${n})`)),
          20_000,
        );
        outgoing.waiters.push({
          n,
          ok: () => {
            clearTimeout(timer);
            ok();
          },
        });
      }),
  };
  const invites: string[] = [];

  beforeAll(async () => {
    api = await startApi(now);
    invites.push(
      ...(
        await seedAgency(api, { code: AGENCY, name: "某县司法局", regionCode: "411421" }, [
          { name: "刘经办", role: "clerk" },
          { name: "陈局长", role: "manager" },
        ])
      ).map((i) => i.inviteCode),
    );
    server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 600 });
    await server.start();
    const env: Record<string, string> = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: server.config.apiURL,
      OGI_API_URL: api.url,
      OGI_BOT_SERVICE_TOKEN: api.serviceToken,
      BOT_MODE: mode,
    };
    let botPort = 0;
    if (mode === "webhook") {
      // The emulator posts updates without the secret header: this proxy adds it.
      proxy = createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const r = await fetch(`http://127.0.0.1:${botPort}${req.url}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": SECRET,
          },
          body: Buffer.concat(chunks),
        });
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(await r.text());
      });
      await new Promise<void>((ok) => proxy!.listen(0, "127.0.0.1", () => ok()));
      Object.assign(env, {
        WEBHOOK_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/telegram`,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: "0",
        WEBHOOK_HOST: "127.0.0.1",
      });
    }
    started = await startBot(env, {
      logger: { info() {}, warn() {}, error: (o, m) => console.error(m, o) },
      storage: memoryStore(),
      reminders: false,
      configure: (bot) => {
        bot.api.config.use(async (prev, method, payload, signal) => {
          let result: Awaited<ReturnType<typeof prev>>;
          if (method === "sendDocument" || method === "setMyCommands") {
            // Not answered by the emulator: stubbed here, in the test set-up only.
            if (method === "sendDocument") {
              const doc = (payload as { document: { filename?: string; fileData?: Uint8Array } })
                .document;
              documents.push({ filename: doc.filename ?? "", bytes: doc.fileData?.length ?? 0 });
            }
            result = {
              ok: true,
              result: { message_id: 0, date: 0, chat: { id: 0, type: "private" } } as Message,
            } as never;
          } else result = await prev(method, payload, signal);
          if (["sendMessage", "editMessageText", "sendDocument"].includes(method)) {
            outgoing.count += 1;
            for (const w of outgoing.waiters.filter((x) => outgoing.count >= x.n)) w.ok();
            outgoing.waiters = outgoing.waiters.filter((x) => outgoing.count < x.n);
          }
          return result;
        });
      },
    });
    if (started.port) botPort = started.port;
  }, 60_000);

  afterAll(async () => {
    await started?.stop();
    await server?.stop();
    await new Promise<void>((ok) => (proxy ? proxy.close(() => ok()) : ok()));
    await api?.close();
  });

  it("registers, concludes, records, withdraws; /summary and /report match the API", async () => {
    const clerk = new Person(server, tracker, 501, "刘经办");
    const manager = new Person(server, tracker, 502, "陈局长");

    await clerk.send("/new");
    expect(clerk.last().text).toContain("尚未关联");
    await clerk.send(`/start ${invites[0]}`);
    expect(clerk.last().text).toContain("已关联：刘经办，某县司法局（经办人）");

    // Morning: five applications, by buttons and by shortcuts.
    await clerk.send("/new");
    await clerk.press("自然人");
    await clerk.press("当面");
    await clerk.press("今天");
    await clerk.press("确认登记");
    expect(clerk.last().text).toMatch(/已登记 第 1 号：自然人/);
    for (const line of [
      "新收 商业企业 昨天 邮寄",
      "登记 自然人 昨天 网络",
      "/new 法律服务机构 前天 当面",
      "/new 其他 今天 传真",
    ]) {
      await clerk.send(line);
      await clerk.press("确认登记");
    }
    expect(clerk.last().text).toMatch(/已登记 第 5 号：其他/);

    // Afternoon: outcomes, a correction request, a mistake withdrawn.
    await clerk.send("/close 1 予以公开");
    await clerk.press("确认办结");
    expect(clerk.last().text).toContain("第 1 号已办结：予以公开");
    await clerk.send("办结 2 不予公开 国家秘密");
    await clerk.press("确认办结");
    await clerk.send("办结 3 其他");
    expect(clerk.last().text).toContain("可能是以下几种之一");
    await clerk.press("其他处理 · 3.其他");
    await clerk.press("确认办结");
    await clerk.send("/more 4");
    await clerk.press("要求补正");
    await clerk.press("确认记录");
    expect(clerk.last().text).toContain("第 4 号已记录：要求补正");
    await clerk.send("/close 5 部分公开");
    await clerk.press("确认办结");
    await clerk.send("/undo");
    await clerk.press("录入错误");
    await clerk.press("确认撤销");
    expect(clerk.last().text).toContain("已撤销：第 5 号办结");
    await clerk.send("在办");
    expect(clerk.last().text).toMatch(/在办申请 2 件/);

    // Evening: the manager's figures.
    await manager.send(`/start ${invites[1]}`);
    await manager.send("/summary");
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const s = await api.admin<{
      carriedOver: { total: number };
      received: { total: number };
      concludedTotal: { total: number };
      openNow: { total: number };
      overdue: number;
    }>("GET", `/v1/agencies/${AGENCY}/summary?asOf=${today}`);
    expect([s.received.total, s.concludedTotal.total, s.openNow.total]).toEqual([5, 3, 2]);
    expect(manager.last().text).toContain(
      `上年结转 ${s.carriedOver.total} · 本年新收 ${s.received.total} · 办结 ${s.concludedTotal.total} · 在办 ${s.openNow.total} · 逾期 ${s.overdue}`,
    );
    expect(manager.last().text).toContain("勾稽关系平衡");

    // /report: the table, the findings, the document.
    await manager.send("/report", 3);
    const year = Number(today.slice(0, 4));
    const report = await api.admin<{ report: { requests: RequestsTable } }>(
      "GET",
      `/v1/agencies/${AGENCY}/reports/${year}`,
    );
    const texts = manager.messages().map((m) => m.text);
    expect(texts.some((t) => t.includes(renderRequestsText(report.report.requests, "zh")))).toBe(
      true,
    );
    expect(documents.at(-1)).toMatchObject({ filename: `${AGENCY}-${year}.html` });
    expect(documents.at(-1)!.bytes).toBeGreaterThan(1000);
  }, 120_000);

  it("understands the clerk's own words (issue 15) and shows each reading before writing", async () => {
    const clerk = new Person(server, tracker, 501, "刘经办");
    // Registration in one sentence: the type asked, the rest read; the card before the write.
    await clerk.send("今天收到张三申请，要求公开2025年预算");
    expect(clerk.last().text).toContain("您说：“今天收到张三申请，要求公开2025年预算”");
    await clerk.press("自然人");
    await clerk.press("跳过");
    expect(clerk.last().text).toContain("申请内容：2025年预算");
    expect(clerk.last().text).toContain("申请人：张三");
    await clerk.press("确认登记");
    expect(clerk.last().text).toMatch(/已登记 第 6 号 · 张三 · 2025年预算/);
    await clerk.send("6号件予以公开");
    expect(clerk.last().text).toContain("请核对办结信息");
    await clerk.press("确认办结");
    expect(clerk.last().text).toContain("第 6 号 · 张三 · 2025年预算已办结：予以公开");
    // Questions: the figure first, then the summary.
    await clerk.send("今年收了多少件");
    expect(clerk.last().text).toMatch(/\d{4} 年新收申请 6 件/);
    await clerk.send("今年办结了几件");
    expect(clerk.last().text).toMatch(/\d{4} 年已办结 4 件/);
    await clerk.send("帮我查一下逾期的");
    expect(clerk.last().text).toContain("没有逾期的申请");
    // A date alone: what it read, and that it does not know what to do with it.
    await clerk.send("上周五");
    expect(clerk.last().text).toContain("读到日期");
    await clerk.send("12.1");
    expect(clerk.last().text).toMatch(/读到日期|晚于今天/);
    // Typed at the date question: read as that date (the channel named waits for it).
    await clerk.send("登记 自然人 当面 王五 要求公开 规划");
    await clerk.send("上周五");
    expect(clerk.last().text).toContain("请核对登记信息");
    expect(clerk.last().text).toContain("收件渠道：当面");
    await clerk.send("/cancel");
    await clerk.send("5号延期");
    expect(clerk.last().text).toContain("延期答复");
    await clerk.press("确认记录");
    expect(clerk.last().text).toContain("第 5 号已记录：延期答复");
    // An outcome without a number: the open applications, each to its card.
    await clerk.send("信息不存在");
    await clerk.press("#5 ·");
    expect(clerk.last().text).toContain("本机关不掌握相关政府信息");
    await clerk.press("确认办结");
    // Ambiguous: the readings as buttons.
    await clerk.send("4号不予公开");
    expect(clerk.last().text).toContain("是哪一种办理结果");
    await clerk.press("属于国家秘密");
    expect(clerk.last().text).toContain("请核对办结信息");
    await clerk.press("确认办结");
    expect(clerk.last().text).toContain("第 4 号已办结");
    await clerk.send("你好");
    expect(clerk.last().text).toContain("没有看懂");
  }, 120_000);

  it("asks a letter's day of signature (第三十一条) and carries an extension's days (第三十三条)", async () => {
    const clerk = new Person(server, tracker, 501, "刘经办");
    // A letter without its date: the day signed for is asked before anything is written.
    await clerk.send("收到某某公司来函，要求公开项目审批文件");
    expect(clerk.last().text).toContain("本机关签收的日期？");
    expect(clerk.last().buttons.map((b) => b.text)).toContain("✖ 取消");
    await clerk.press("昨天");
    expect(clerk.last().text).toContain("收件渠道：邮寄");
    expect(clerk.last().text).toContain("ℹ️ 以邮寄方式提交的");
    await clerk.press("确认登记");
    const done = clerk.last().text;
    expect(done).toContain("收到申请之日：以邮寄方式提交的");
    const n = Number(/第 (\d+) 号/.exec(done)![1]);
    const app = await api.admin<{
      applications: { id: string; receivedOn: string; channel: string }[];
    }>("GET", `/v1/agencies/${AGENCY}/applications?number=${n}`);
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    expect(app.applications[0]).toMatchObject({ receivedOn: yesterday, channel: "post" });
    // The extension's days said reach the API; more than 20 is refused.
    await clerk.send(`${n}号延期25天`);
    expect(clerk.last().text).toContain("最多 20 个工作日");
    await clerk.send(`${n}号延期15天`);
    expect(clerk.last().text).toContain("延期答复（15 个工作日）");
    await clerk.press("确认记录");
    expect(clerk.last().text).toMatch(new RegExp(`第 ${n} 号.*已记录：延期答复（15 个工作日）`));
    const detail = await api.admin<{ events: { type: string; event: { workingDays?: number } }[] }>(
      "GET",
      `/v1/applications/${app.applications[0]!.id}`,
    );
    expect(detail.events.find((e) => e.type === "extended")?.event.workingDays).toBe(15);
  }, 120_000);
});
