// `pnpm --filter @ogi/bot bench` (its bridges part): updates per second through each bridge
// against its fake server on loopback — a user's message over a real socket → the bridge → the
// same bot → the API over loopback HTTP → the reply back over the platform's channel (WeCom: the
// long connection; DingTalk: the session webhook) — next to the Telegram pipeline fed the same
// updates by `bot.handleUpdate` (replies answered in process). Each chat sends its next message
// as soon as the last was answered.
import { performance } from "node:perf_hooks";
import { seedAgency, startApi } from "@ogi/api/testing";
import type { Update } from "grammy/types";
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import { createBot } from "../src/bot.ts";
import { createHttpApi } from "../src/http-api.ts";
import { memoryStore } from "../src/storage.ts";
import { startDingtalk } from "../src/transports/dingtalk/start.ts";
import { localTransformer, TEST_BOT_INFO } from "../src/transports/local.ts";
import { startWecom } from "../src/transports/wecom/start.ts";
import { FakeDingtalk } from "../test/support/fake-dingtalk.ts";
import { FakeWecom } from "../test/support/fake-wecom.ts";

const CHATS = Number(process.env.BENCH_CHATS_BRIDGES ?? 16);
const PER_CHAT = Number(process.env.BENCH_UPDATES_PER_CHAT_BRIDGES ?? 60);
const silent = { info() {}, warn() {}, error() {} };

type Row = { pipeline: string; text: string; updates: number; seconds: number; p95: number };

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** `send(chat, text)` resolves when the reply arrived; chats in parallel, each in order. */
const drive = async (
  pipeline: string,
  text: string,
  send: (chat: number, text: string) => Promise<void>,
): Promise<Row> => {
  const times: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CHATS }, async (_, c) => {
      for (let i = 0; i < PER_CHAT; i++) {
        const t = performance.now();
        await send(c, text);
        times.push(performance.now() - t);
      }
    }),
  );
  return {
    pipeline,
    text,
    updates: times.length,
    seconds: (performance.now() - t0) / 1000,
    p95: percentile(times, 95),
  };
};

/** Waits per user for the next item shown to them. */
const waiter = () => {
  const waiting = new Map<string, () => void>();
  return {
    shown: (user: string) => waiting.get(user)?.(),
    next: (user: string, act: () => void) =>
      new Promise<void>((ok) => {
        waiting.set(user, () => {
          waiting.delete(user);
          ok();
        });
        act();
      }),
  };
};

const main = async () => {
  const api = await startApi(() => new Date());
  const invites = await seedAgency(
    api,
    { code: "411421-bench", name: "基准测试局", regionCode: "411421" },
    Array.from({ length: CHATS * 3 }, (_, i) => ({ name: `经办${i}`, role: "clerk" as const })),
  );
  const http = (chatUserOf?: (id: number) => string | undefined) =>
    createHttpApi({
      baseUrl: api.url,
      serviceToken: api.serviceToken,
      ...(chatUserOf ? { chatUserOf } : {}),
    });
  const rows: Row[] = [];
  const texts = ["/help", "/summary"];

  // Telegram: the bot fed updates directly, its calls answered in process.
  const bot = createBot({
    token: "123456:BENCH-token-000000000000000000",
    botInfo: TEST_BOT_INFO,
    api: http(),
    storage: memoryStore(),
  });
  bot.api.config.use(localTransformer(() => {}));
  let updateId = 1;
  const tg = (chat: number, text: string) =>
    bot.handleUpdate({
      update_id: updateId++,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 7_000_000 + chat, type: "private", first_name: "b" },
        from: { id: 7_000_000 + chat, is_bot: false, first_name: "b" },
        text,
        entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }],
      },
    } as Update);
  for (let c = 0; c < CHATS; c++) await tg(c, `/start ${invites[c]!.inviteCode}`);
  for (const text of texts) {
    await drive("warm-up", text, tg);
    rows.push(await drive("Telegram pipeline (bot.handleUpdate, replies in process)", text, tg));
  }

  // WeCom: the official SDK on a fake long connection.
  const wecom = await new FakeWecom().start();
  const ww = waiter();
  wecom.onShow = (user) => ww.shown(user);
  const w = await startWecom(
    { botId: wecom.botId, secret: wecom.secret, wsUrl: wecom.url },
    { api: (f) => http(f), storage: memoryStore(), logger: silent },
  );
  const wsend = (chat: number, text: string) =>
    ww.next(`u${chat}`, () => wecom.message(`u${chat}`, text));
  for (let c = 0; c < CHATS; c++) await wsend(c, `/start ${invites[CHATS + c]!.inviteCode}`);
  for (const text of texts) {
    await drive("warm-up", text, wsend);
    rows.push(await drive("WeCom bridge (fake long connection, SDK)", text, wsend));
  }
  await w.stop();
  await wecom.close();

  // DingTalk: our Stream client on a fake gateway; replies to the session webhook.
  const ding = await new FakeDingtalk().start();
  const dw = waiter();
  ding.onShow = (user) => dw.shown(user);
  const d = await startDingtalk(
    { clientId: ding.clientId, clientSecret: ding.clientSecret, gatewayUrl: ding.url },
    { api: (f) => http(f), storage: memoryStore(), logger: silent },
  );
  const dsend = (chat: number, text: string) =>
    dw.next(`s${chat}`, () => ding.message(`s${chat}`, text));
  for (let c = 0; c < CHATS; c++) await dsend(c, `/start ${invites[2 * CHATS + c]!.inviteCode}`);
  for (const text of texts) {
    await drive("warm-up", text, dsend);
    rows.push(await drive("DingTalk bridge (fake Stream gateway, session webhook)", text, dsend));
  }
  await d.stop();
  await ding.close();
  await api.close();

  const rate = (r: Row) => r.updates / r.seconds;
  const telegram = new Map(
    rows.filter((r) => r.pipeline.startsWith("Telegram")).map((r) => [r.text, r]),
  );
  const table = [
    `Chats at once: ${CHATS}, ${PER_CHAT} messages each; each chat sends its next message when the last was answered. The API in process with a loopback socket (PGlite). "vs Telegram": against the Telegram pipeline with the same message.`,
    "",
    "| Pipeline | Message | Updates | Updates/s | p95 ms | vs Telegram |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.pipeline} | \`${r.text}\` | ${r.updates} | ${rate(r).toFixed(0)} | ${r.p95.toFixed(2)} | ${((rate(r) / rate(telegram.get(r.text)!)) * 100).toFixed(0)} % |`,
    ),
    "",
    "The bridges' rows include the platform's channel on loopback: WeCom's JSON frames over the",
    "SDK's WebSocket (the reply waits for the server's acknowledgement), DingTalk's callback over",
    "our WebSocket client and the reply as an HTTP POST to the session webhook. The Telegram row",
    "does not include Telegram's network. The fakes answer at once; the real platforms' round",
    "trips (tens of milliseconds from China) come on top.",
  ].join("\n");
  console.log(table);
  if (process.env.BENCH_WRITE_DOC !== "0")
    writeBenchSection(
      "Bot bridges (WeCom, DingTalk)",
      "pnpm --filter @ogi/bot bench (bench/bridges.ts)",
      table,
    );
};

await main();
