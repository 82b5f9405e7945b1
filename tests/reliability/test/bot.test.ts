// The bot against a real API process: the API killed (-9) and back, concurrent taps and
// redelivered updates, and generated messages and callback data from a linked user.
import { createBot, createHttpApi, memoryStore } from "@ogi/bot";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback } from "../../../packages/bot/src/flows/envelope.ts";
import {
  resolveApplicantType,
  resolveChannel,
  resolveOutcome,
} from "../../../packages/bot/src/text/choices.ts";
import { parseDate } from "../../../packages/bot/src/text/dates.ts";
import { parseMessage } from "../../../packages/bot/src/text/shortcuts.ts";
import { TEST_BOT_INFO } from "../../../packages/bot/src/transports/local.ts";
import { ChatSession, plain } from "../../../packages/bot/src/transports/session.ts";
import { webhookApp } from "../../../packages/bot/src/transports/webhook.ts";
import { figuresTable, writeFigures } from "../src/figures.ts";
import {
  type ApiProcess,
  cleanup,
  freePort,
  SERVER_ADMIN_TOKEN,
  startApi,
  tempDir,
} from "../src/server.ts";

const AGENCY = "bot-rel";
const now = () => new Date();
let api: ApiProcess;
let port = 0;
let dataDir = "";
let serviceToken = "";
let invite = "";
const errors: unknown[] = [];
const botFigures = { messages: 0, callbacks: 0, parserCases: 0, recordedByFuzz: 0, botErrors: 0 };

const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${SERVER_ADMIN_TOKEN}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
};
const count = async () =>
  (
    await admin<{ applications: unknown[] }>(
      "GET",
      `/v1/agencies/${AGENCY}/applications?limit=1000`,
    )
  ).applications.length;

const makeBot = () =>
  createBot({
    token: "123456:TEST-token-for-the-reliability-tests",
    botInfo: TEST_BOT_INFO,
    api: createHttpApi({ baseUrl: `http://127.0.0.1:${port}`, serviceToken }),
    now,
    storage: memoryStore(() => Date.now()),
    logger: {
      info() {},
      warn() {},
      error: (o: unknown) => {
        errors.push(o);
      },
    },
  });
const user = (id: number) => ({
  id,
  is_bot: false,
  first_name: "李经办",
  language_code: "zh-hans",
});
let chat: ChatSession;

beforeAll(async () => {
  port = await freePort();
  dataDir = tempDir("bot");
  api = await startApi({ dataDir }, { env: { PORT: String(port) } });
  await admin("POST", "/v1/agencies", {
    code: AGENCY,
    name: "机器人可靠性局",
    regionCode: "419997",
  });
  invite = (
    await admin<{ inviteCode: string }>("POST", `/v1/agencies/${AGENCY}/staff`, {
      name: "李经办",
      role: "clerk",
    })
  ).inviteCode;
  serviceToken = (await admin<{ token: string }>("POST", "/v1/tokens", { kind: "service" })).token;
  chat = new ChatSession(makeBot(), user(5001));
  const r = await chat.send(`/start ${invite}`);
  expect(plain(r.map((x) => (x.kind === "alert" ? x.text : x.message.text)).join("\n"))).toContain(
    "已关联",
  );
});
afterAll(async () => {
  await cleanup();
  botFigures.botErrors = errors.length;
  if (process.env.OGI_SOAK)
    writeFigures(
      "bot",
      `Last soak: ${new Date().toISOString().slice(0, 16)}Z (botErrors counts the failures the bot logged, all from the planned API outage).\n\n${figuresTable([botFigures])}`,
    );
});

const textOf = (r: Awaited<ReturnType<ChatSession["send"]>>) =>
  plain(r.map((x) => (x.kind === "alert" ? x.text : x.message.text)).join("\n"));

describe("the bot under faults", () => {
  it("ten concurrent taps on one confirmation and a redelivered update record once", async () => {
    await chat.send("/new 自然人 今天 网络");
    const card = chat.lastKeyboard()!;
    const confirm = card.buttons[0]![0]!.data;
    const before = await count();
    await Promise.all([
      ...Array.from({ length: 10 }, () => chat.pressData(confirm, card.messageId)),
      ...Array.from({ length: 3 }, () => chat.pressData(confirm, card.messageId, 777_001)),
    ]);
    expect(await count()).toBe(before + 1);
  });

  it("with the API killed: the user is told, nothing is recorded, and it recovers by itself", async () => {
    await chat.send("/new 科研机构 今天 网络");
    const card = chat.lastKeyboard()!;
    const confirm = card.buttons[0]![0]!.data;
    const before = await count();
    await api.kill9();
    try {
      const errorsBefore = errors.length;
      const summary = textOf(await chat.send("统计"));
      expect(summary).toContain("暂时无法连接登记系统");
      const pressed = textOf(await chat.pressData(confirm, card.messageId));
      expect(pressed).toMatch(/暂时无法连接|再按一次/);
      expect(errors.length).toBeGreaterThan(errorsBefore);
    } finally {
      // Back on the same address and data; the same bot carries on without a restart.
      api = await startApi({ dataDir }, { env: { PORT: String(port) } });
    }
    expect(await count()).toBe(before);
    expect(textOf(await chat.send("统计"))).toContain("年累计");
    await chat.pressData(confirm, card.messageId);
    await chat.pressData(confirm, card.messageId);
    expect(await count()).toBe(before + 1);
  });
});

describe("the webhook", () => {
  it("refuses calls without the right secret before the bot sees them", async () => {
    const bot = makeBot();
    const seen: string[] = [];
    bot.api.config.use(async (_prev, method) => {
      seen.push(method);
      // biome-ignore lint/suspicious/noExplicitAny: a transformer's result depends on the method
      return { ok: true, result: true } as any;
    });
    const app = webhookApp(bot, { path: "/telegram", secret: "reliability-secret-0123" });
    const post = (headers: Record<string, string>) =>
      app.request("/telegram", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({
          update_id: 1,
          message: {
            message_id: 1,
            date: 0,
            chat: { id: 5001, type: "private", first_name: "x" },
            from: { id: 5001, is_bot: false, first_name: "x" },
            text: "/help",
            entities: [{ type: "bot_command", offset: 0, length: 5 }],
          },
        }),
      });
    for (const headers of [
      {} as Record<string, string>,
      { "X-Telegram-Bot-Api-Secret-Token": "wrong" },
      { "X-Telegram-Bot-Api-Secret-Token": "reliability-secret-012" },
      { "X-Telegram-Bot-Api-Secret-Token": "" },
    ])
      expect((await post(headers)).status).toBe(401);
    expect(seen).toEqual([]);
    const right = await post({ "X-Telegram-Bot-Api-Secret-Token": "reliability-secret-0123" });
    expect(right.status).toBe(200);
    expect(seen).toContain("sendMessage");
  });
});

describe("the bot with generated input", () => {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
  it("messages of any text never crash it and record nothing", async () => {
    const before = await count();
    const errorsBefore = errors.length;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 60 }),
          fc.string({ unit: "binary", maxLength: 60 }),
          fc
            .tuple(
              fc.constantFrom(
                "/new",
                "/close",
                "/more",
                "/undo",
                "/summary",
                "新收",
                "办结",
                "/start",
              ),
              fc.string({ unit: "grapheme", maxLength: 30 }),
            )
            .map(([c, rest]) => `${c} ${rest}`),
          fc.constantFrom(
            "\u0000",
            "\uD800",
            "\u202E/close 1",
            "/close 99999999999999999999",
            "/new 自然人 2026-02-30",
          ),
        ),
        async (text) => {
          if (text.trim() === "") return;
          botFigures.messages++;
          const r = await chat.send(text);
          expect(r.length, JSON.stringify(text)).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    botFigures.recordedByFuzz += (await count()) - before;
    expect(await count()).toBe(before);
    expect(errors.length, "the bot logged its own failures").toBe(errorsBefore);
  });

  it("forged and random callback data is answered and acted on never", async () => {
    await chat.send("/new 自然人 今天 网络");
    const card = chat.lastKeyboard()!;
    const real = card.buttons[0]![0]!.data;
    const before = await count();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 64 }),
          fc.string({ unit: "binary", maxLength: 64 }),
          // The real button with one character changed, or parts swapped.
          fc.tuple(fc.nat(), fc.constantFrom(..."ABCxyz019-_.".split(""))).map(([at, ch]) => {
            const i = at % real.length;
            const forged = `${real.slice(0, i)}${ch}${real.slice(i + 1)}`;
            return forged === real ? `${real}x` : forged;
          }),
          fc.constant(real.split(".").reverse().join(".")),
        ),
        async (data) => {
          botFigures.callbacks++;
          const r = await chat.pressData(data, card.messageId);
          expect(r.length, JSON.stringify(data)).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await count()).toBe(before);
  });
});

describe("the bot's parsers with generated input", () => {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 25) * 20;
  it("parseMessage, parseDate and the resolvers never throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 80 }),
          fc.string({ unit: "binary", maxLength: 80 }),
        ),
        (text) => {
          botFigures.parserCases++;
          const parsed = parseMessage(text, "2026-11-25");
          expect(typeof parsed).toBe("object");
          const d = parseDate(text, "2026-11-25");
          if (d.ok) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          else expect(d.error.zh && d.error.en).toBeTruthy();
          resolveOutcome(text);
          resolveApplicantType(text);
          resolveChannel(text);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("callback data: what was not signed with the key never decodes, what was round-trips", () => {
    const key = "reliability-key";
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((k) => /^[A-Za-z0-9_-]+$/.test(k)),
        fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{0,6}$/), { maxLength: 4 }),
        fc.nat({ max: 60_000_000 }),
        fc.string({ maxLength: 64 }),
        (kind, fields, minute, junk) => {
          botFigures.parserCases++;
          let data: string;
          try {
            data = encodeCallback(key, kind, fields, minute);
          } catch {
            return; // over 64 bytes: refused when encoding, as it must be
          }
          const back = decodeCallback(key, data, minute, 10);
          expect(back).toEqual({ ok: true, kind, fields, issuedAtMinute: minute });
          expect(decodeCallback("another-key", data, minute, 10).ok).toBe(false);
          if (junk !== data) expect(decodeCallback(key, junk, minute, 10).ok).toBe(false);
          const flipped = `${data.slice(0, -1)}${data.endsWith("A") ? "B" : "A"}`;
          expect(decodeCallback(key, flipped, minute, 10)).toEqual({ ok: false, error: "forged" });
          expect(decodeCallback(key, data, minute + 11, 10)).toEqual({
            ok: false,
            error: "expired",
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
