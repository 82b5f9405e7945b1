// The Redis store (BOT_STORAGE_URL) against a real Redis server, TEST_REDIS_URL (skipped when it
// is unset): keys under a prefix, Redis's own expiry; two bot instances on one Redis, so a flow
// started on one is finished on the other, checked against two stores of their own, which lose
// it; Redis lost (refused, or silent) and back. Each test has its own random key prefix, so test
// files running in parallel never collide, and removes its keys.
import { randomBytes, randomInt } from "node:crypto";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { freePort, seedAgency, startApi, type TestApi } from "@ogi/api/testing";
import { Redis } from "ioredis";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FAILURE_TEXT } from "../src/bot.ts";
import type { Logger } from "../src/context.ts";
import { startBot } from "../src/start.ts";
import {
  type KeyValueStore,
  memoryStore,
  type RedisStoreOptions,
  redisStore,
} from "../src/storage.ts";
import { plain } from "../src/transports/session.ts";
import { ChatSession, makeBot, texts, user } from "./support/bot.ts";

const REDIS_URL = process.env.TEST_REDIS_URL;

// 2026-11-25 10:00 in Beijing (the bot's clock; Redis expires by its own).
const now = () => new Date("2026-11-25T02:00:00Z");
const AGENCY = "411421-redis";
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

type Logged = { level: "info" | "warn" | "error"; obj: object; msg: string | undefined };
const capture = () => {
  const logged: Logged[] = [];
  const logger: Logger = {
    info: (obj, msg) => void logged.push({ level: "info", obj, msg }),
    warn: (obj, msg) => void logged.push({ level: "warn", obj, msg }),
    error: (obj, msg) => void logged.push({ level: "error", obj, msg }),
  };
  return { logged, logger };
};

/**
 * A TCP proxy in front of Redis: `down` drops its connections and refuses new ones (Redis
 * stopped); `hang` keeps every connection open but passes nothing on (a partition: no reset, no
 * answer); `up` forwards new connections again (the ones left hanging stay so: the client must
 * give them up itself).
 */
const redisProxy = async (target: URL) => {
  let mode: "up" | "hang" = "up";
  const sockets = new Set<Socket>();
  const forwarding = new Map<Socket, Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (mode === "hang") return;
    const upstream = connect(Number(target.port || 6379), target.hostname);
    track(upstream);
    upstream.on("close", () => client.destroy());
    client.on("close", () => {
      upstream.destroy();
      forwarding.delete(client);
    });
    client.pipe(upstream).pipe(client);
    forwarding.set(client, upstream);
  });
  const listen = (port: number) =>
    new Promise<void>((ok) => server.listen(port, "127.0.0.1", () => ok()));
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const url = new URL(target.href);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    url: url.href,
    down: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      dropAll();
      await closed;
    },
    hang: () => {
      mode = "hang";
      for (const [client, upstream] of forwarding) client.unpipe(upstream);
      forwarding.clear();
    },
    up: async () => {
      mode = "up";
      if (!server.listening) await listen(port);
    },
    close: async () => {
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      dropAll();
      await closed.catch(() => {});
    },
  };
};

describe.runIf(REDIS_URL)("the Redis store", () => {
  // Unprefixed, to look at and remove the keys themselves.
  let raw: Redis;
  let api: TestApi;
  const invites: string[] = [];
  const opened: { close(): Promise<void> }[] = [];
  const prefixes: string[] = [];

  const keysOf = async (prefix: string) => {
    const keys: string[] = [];
    for await (const batch of raw.scanStream({ match: `${prefix}*`, count: 100 }))
      keys.push(...(batch as string[]));
    return keys.sort();
  };
  const freshPrefix = () => {
    const p = `ogi-bot-test-${randomBytes(6).toString("hex")}:`;
    prefixes.push(p);
    return p;
  };
  /** A store as one bot instance opens it (a client of its own). */
  const open = (
    prefix: string,
    options: Omit<RedisStoreOptions, "prefix"> = {},
    url = REDIS_URL!,
  ) => {
    const store = redisStore(url, { prefix, ...options });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    raw = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
    api = await startApi(now);
    const staff = await seedAgency(api, { code: AGENCY, name: "某县交通运输局" }, [
      { name: "钱经办", role: "clerk" },
      { name: "孙经办", role: "clerk" },
      { name: "周经办", role: "clerk" },
      { name: "吴经办", role: "clerk" },
      { name: "郑经办", role: "clerk" },
    ]);
    invites.push(...staff.map((s) => s.inviteCode));
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const p of prefixes.splice(0)) {
      const keys = await keysOf(p);
      if (keys.length > 0) await raw.del(...keys);
    }
  });
  afterAll(async () => {
    await raw?.quit();
    await api?.close();
  });

  it("is what startBot uses with BOT_STORAGE_URL, under the bot's id, closed by stop()", async () => {
    const botId = randomInt(100_000, 999_999_999);
    const token = `${botId}:REDIS-token-for-the-emulator-0000`;
    const prefix = `ogi-bot:${botId}:`;
    prefixes.push(prefix);
    const telegram = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
    await telegram.start();
    const bots = async () =>
      ((await raw.client("LIST")) as string)
        .split("\n")
        .filter((l) => l.includes(` name=ogi-bot:${botId} `)).length;
    const before = await bots();
    try {
      const started = await startBot(
        {
          TELEGRAM_BOT_TOKEN: token,
          TELEGRAM_API_ROOT: telegram.config.apiURL,
          OGI_API_URL: api.url,
          OGI_BOT_SERVICE_TOKEN: api.serviceToken,
          BOT_STORAGE_URL: REDIS_URL,
        },
        { logger: capture().logger, reminders: false },
      );
      try {
        const client = telegram.getClient(token, { userId: 7200, chatId: 7200, timeout: 5000 });
        await client.sendCommand(client.makeCommand("/lang en"));
        await vi.waitFor(() => expect(telegram.storage.botMessages.length).toBeGreaterThan(0), {
          timeout: 20_000,
          interval: 100,
        });
        // The update's id (a day) and the language (for good), in Redis under the bot's id.
        const keys = await keysOf(prefix);
        expect(keys).toContain(`${prefix}lang:7200`);
        const seen = keys.filter((k) => k.startsWith(`${prefix}u:`));
        expect(seen).toHaveLength(1);
        expect(await raw.pttl(seen[0]!)).toBeGreaterThan(23 * 3600_000);
        expect(await raw.pttl(`${prefix}lang:7200`)).toBe(-1);
        expect(await bots()).toBe(before + 1);
      } finally {
        await started.stop();
      }
      await vi.waitFor(async () => expect(await bots()).toBe(before), { timeout: 5000 });
    } finally {
      await telegram.stop();
    }
  });

  it("gets, sets and deletes values under its prefix, seen by every client with it", async () => {
    const prefix = freshPrefix();
    const store = open(prefix);
    const last = { number: 12, label: { zh: "登记 自然人", en: "Registered" }, at: 1 };
    expect(await store.get("lang:1")).toBeUndefined();
    await store.set("lang:1", "en");
    await store.set("last:1", last);
    expect(await store.get("lang:1")).toBe("en");
    expect(await store.get("last:1")).toEqual(last);
    // In Redis under the prefix, kept for good.
    expect(await keysOf(prefix)).toEqual([`${prefix}lang:1`, `${prefix}last:1`]);
    expect(await raw.pttl(`${prefix}lang:1`)).toBe(-1);
    // Another instance with the same prefix sees them; another prefix does not.
    expect(await open(prefix).get("last:1")).toEqual(last);
    expect(await open(freshPrefix()).get("last:1")).toBeUndefined();
    await store.delete("lang:1");
    await store.delete("never-set");
    expect(await store.get("lang:1")).toBeUndefined();
    expect(await keysOf(prefix)).toEqual([`${prefix}last:1`]);
  });

  it("lets a value with a ttl vanish by Redis's own expiry", async () => {
    const prefix = freshPrefix();
    const store = open(prefix);
    await store.set("await:1:1", { kind: "closeDate", number: 3, outcome: "granted" }, 200);
    await store.set("u:1", 1, 24 * 3600_000);
    await store.set("kept", 1);
    const pttl = await raw.pttl(`${prefix}await:1:1`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(200);
    expect(await raw.pttl(`${prefix}u:1`)).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(await store.get("await:1:1")).toMatchObject({ kind: "closeDate" });
    await sleep(300);
    // Gone from Redis itself before anyone reads it (an expiry kept in the value would stay).
    expect(await raw.exists(`${prefix}await:1:1`)).toBe(0);
    expect(await store.get("await:1:1")).toBeUndefined();
    expect(await store.get("kept")).toBe(1);
    // Written again without a ttl: kept for good; a ttl of 0: gone at once.
    await store.set("u:1", 2);
    expect(await raw.pttl(`${prefix}u:1`)).toBe(-1);
    await store.set("kept", 1, 0);
    expect(await store.get("kept")).toBeUndefined();
  });

  const adminApp = async (number: number) =>
    (
      await api.admin<{
        applications: { id: string; number: number; status: string; outcome: string | null }[];
      }>("GET", `/v1/agencies/${AGENCY}/applications?limit=1000`)
    ).applications.find((a) => a.number === number)!;

  const register = async (chat: ChatSession) => {
    await chat.send("/new 自然人 2026-11-20 邮寄");
    const m = /第 (\d+) 号/.exec(plain(texts(await chat.press("确认登记"))));
    expect(m).not.toBeNull();
    return Number(m![1]);
  };

  /** One clerk's chat as two instances behind a load balancer receive it, each with its store. */
  const twoInstances = async (storeA: KeyValueStore, storeB: KeyValueStore, invite: string) => {
    const id = 7000 + invites.indexOf(invite);
    const a = new ChatSession(makeBot(api, now, { storage: storeA }), user(id));
    const botB = makeBot(api, now, { storage: storeB });
    const b = new ChatSession(botB, user(id));
    // Telegram numbers a chat's messages once for every instance, but each test bot's local
    // answers count from 1: B's are moved on (a card's number keys its write in the API).
    for (let i = 0; i < 100; i++) await botB.api.sendMessage(-1, "·");
    expect(plain(texts(await a.send(`/start ${invite}`)))).toContain("已关联");
    return { a, b };
  };

  it("lets a flow started on one instance be finished on another", async () => {
    const prefix = freshPrefix();
    const { a, b } = await twoInstances(open(prefix), open(prefix), invites[0]!);
    // A conclusion recorded through A is withdrawn through B (/undo reads the last record).
    const n = await register(a);
    await a.send(`/close ${n} 予以公开`);
    await a.press("确认办结");
    let r = await b.send("/undo");
    expect(plain(texts(r))).toContain(`撤销：第 ${n} 号办结（予以公开，2026-11-25）`);
    await b.press("重复录入");
    r = await b.press("确认撤销");
    expect(plain(texts(r))).toContain("已撤销");
    expect((await adminApp(n)).status).toBe("open");
    // A conclusion card shown by A, its date typed to B: B knows what it was asked.
    await a.send(`/close ${n} 予以公开`);
    r = await b.send("昨天");
    expect(plain(texts(r))).toContain("办结日期：2026-11-24");
    r = await b.press("确认办结");
    expect(plain(texts(r))).toContain(`第 ${n} 号已办结：予以公开（2026-11-24）`);
    expect(await adminApp(n)).toMatchObject({ status: "concluded", outcome: "granted" });
    // The language chosen through one instance is the other's too.
    await a.send("/lang en");
    expect(plain(texts(await b.send("/nosuch")))).toContain("Unknown command /nosuch");
  });

  it("handles an update delivered to both instances once", async () => {
    const prefix = freshPrefix();
    const { a, b } = await twoInstances(open(prefix), open(prefix), invites[1]!);
    await a.send("/new 自然人 2026-11-20 邮寄");
    const card = a.lastKeyboard()!;
    const confirm = card.buttons.flat().find((x) => x.text.includes("确认登记"))!;
    let r = await a.pressData(confirm.data, card.messageId, 900_001);
    const n = /已登记 第 (\d+) 号/.exec(plain(texts(r)))?.[1];
    expect(n).toBeDefined();
    r = await b.pressData(confirm.data, card.messageId, 900_001);
    expect(r).toEqual([]);
    expect(b.calls).toEqual([]);
    // A new update to B is handled.
    expect(plain(texts(await b.send("/undo")))).toContain(`撤销：登记第 ${n} 号`);
  });

  it("with a store per instance, the same steps lose the flow (what the tests above catch)", async () => {
    const { a, b } = await twoInstances(memoryStore(), memoryStore(), invites[2]!);
    const n = await register(a);
    await a.send(`/close ${n} 予以公开`);
    await a.press("确认办结");
    expect(plain(texts(await b.send("/undo")))).toContain("没有可以撤销的记录");
    const m = await register(a);
    await a.send(`/close ${m} 予以公开`);
    const r = await b.send("昨天");
    expect(plain(texts(r))).not.toContain("办结日期");
    expect(plain(texts(r))).toContain("没有看懂");
    await a.send("/new 自然人 2026-11-20 邮寄");
    const card = a.lastKeyboard()!;
    const confirm = card.buttons.flat().find((x) => x.text.includes("确认登记"))!;
    await a.pressData(confirm.data, card.messageId, 900_002);
    // Handled again (the API's Idempotency-Key still records it once).
    expect(plain(texts(await b.pressData(confirm.data, card.messageId, 900_002)))).toMatch(
      /已登记 第 \d+ 号/,
    );
  });

  it("while Redis is unreachable, tells the user and logs; recovers by itself when it is back", async () => {
    const proxy = await redisProxy(new URL(REDIS_URL!));
    try {
      const { logged, logger } = capture();
      // Redis down from the start: the bot starts anyway.
      await proxy.down();
      const store = open(freshPrefix(), { logger }, proxy.url);
      const bot = makeBot(api, now, { storage: store, logger });
      const chat = new ChatSession(bot, user(7100));
      const told = async (text: string, withinMs: number) => {
        const t0 = Date.now();
        const r = await chat.send(text);
        expect(Date.now() - t0).toBeLessThan(withinMs);
        expect(texts(r)).toBe(FAILURE_TEXT);
      };
      const ready = () =>
        vi.waitFor(() => expect(store.client.status).toBe("ready"), {
          timeout: 15_000,
          interval: 50,
        });
      await told(`/start ${invites[3]}`, 5000);
      expect(logged).toContainEqual(
        expect.objectContaining({ level: "warn", msg: expect.stringContaining("Redis") }),
      );
      expect(logged).toContainEqual(
        expect.objectContaining({
          level: "error",
          obj: expect.objectContaining({ update_id: expect.any(Number), from: 7100 }),
        }),
      );
      await proxy.up();
      await ready();
      expect(plain(texts(await chat.send(`/start ${invites[3]}`)))).toContain("已关联");
      // Lost while running, and back.
      await proxy.down();
      await told("/start", 5000);
      await proxy.up();
      await ready();
      expect(plain(texts(await chat.send("/start")))).toContain("欢迎回来");
      expect(logged).toContainEqual(
        expect.objectContaining({ level: "info", msg: expect.stringContaining("Redis") }),
      );
    } finally {
      await proxy.close();
    }
  });

  it("does not wait for a Redis that takes connections and never answers", async () => {
    const proxy = await redisProxy(new URL(REDIS_URL!));
    try {
      const { logger } = capture();
      const store = open(freshPrefix(), { logger, timeoutMs: 500 }, proxy.url);
      const bot = makeBot(api, now, { storage: store, logger });
      const chat = new ChatSession(bot, user(7101));
      expect(plain(texts(await chat.send(`/start ${invites[4]}`)))).toContain("已关联");
      proxy.hang();
      const t0 = Date.now();
      expect(texts(await chat.send("/start"))).toBe(FAILURE_TEXT);
      expect(Date.now() - t0).toBeLessThan(2500);
      // Answering again: the silent connection is given up and a new one made, unasked.
      await proxy.up();
      await vi.waitFor(
        async () => expect(plain(texts(await chat.send("/start")))).toContain("欢迎回来"),
        { timeout: 15_000, interval: 200 },
      );
    } finally {
      await proxy.close();
    }
  });
});
