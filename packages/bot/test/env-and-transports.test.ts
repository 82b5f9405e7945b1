import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedAgency, startApi, type TestApi } from "@ogi/api/testing";
import { MemorySessionStorage } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiUnavailable } from "../src/api.ts";
import { EnvError, parseEnv } from "../src/env.ts";
import { createHttpApi } from "../src/http-api.ts";
import { type Entry, fileStore, fromStorageAdapter, memoryStore } from "../src/storage.ts";
import { webhookApp } from "../src/transports/webhook.ts";
import { makeBot } from "./support/bot.ts";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SERVICE = "svc_0123456789abcdef";

describe("parseEnv", () => {
  it("reads a polling configuration with defaults", () => {
    expect(parseEnv({ TELEGRAM_BOT_TOKEN: TOKEN, OGI_BOT_SERVICE_TOKEN: SERVICE })).toMatchObject({
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      OGI_API_URL: "http://127.0.0.1:3000",
      BOT_MODE: "polling",
    });
  });
  it("reads a webhook configuration and trims trailing slashes", () => {
    const env = parseEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      OGI_BOT_SERVICE_TOKEN: SERVICE,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9000/",
      OGI_API_URL: "http://127.0.0.1:3000/",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
    });
    expect(env.TELEGRAM_API_ROOT).toBe("http://127.0.0.1:9000");
    expect(env.OGI_API_URL).toBe("http://127.0.0.1:3000");
    expect(env.WEBHOOK_URL).toBe("https://bot.example.org/telegram");
  });
  it("lists every problem, in both languages", () => {
    let error: unknown;
    try {
      parseEnv({ TELEGRAM_BOT_TOKEN: "nope", BOT_MODE: "webhook", OGI_API_URL: "not a url" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of [
      "TELEGRAM_BOT_TOKEN",
      "OGI_BOT_SERVICE_TOKEN",
      "OGI_API_URL",
      "WEBHOOK_URL",
      "WEBHOOK_SECRET",
    ])
      expect(message).toContain(name);
    expect(message).toContain("机器人配置有误");
    expect(() =>
      parseEnv({ TELEGRAM_BOT_TOKEN: TOKEN, OGI_BOT_SERVICE_TOKEN: SERVICE, BOT_MODE: "push" }),
    ).toThrow(/polling 或 webhook/);
  });
  it("takes a redis:// or rediss:// BOT_STORAGE_URL and refuses anything else, in both languages", () => {
    const base = { TELEGRAM_BOT_TOKEN: TOKEN, OGI_BOT_SERVICE_TOKEN: SERVICE };
    expect(parseEnv(base).BOT_STORAGE_URL).toBeUndefined();
    expect(parseEnv({ ...base, BOT_STORAGE_URL: " " }).BOT_STORAGE_URL).toBeUndefined();
    for (const url of [
      "redis://127.0.0.1:6379",
      "redis://:secret@redis.internal:6380/2",
      "rediss://default:secret@cache.example.org:6379",
    ])
      expect(parseEnv({ ...base, BOT_STORAGE_URL: url }).BOT_STORAGE_URL).toBe(url);
    for (const url of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis:///0", "postgres://x/y"]) {
      let error: unknown;
      try {
        parseEnv({ ...base, BOT_STORAGE_URL: url });
      } catch (e) {
        error = e;
      }
      expect(error, url).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain("BOT_STORAGE_URL must be a redis:// or rediss:// URL");
      expect(message).toContain("应为 redis:// 或 rediss:// 开头的 Redis 地址");
    }
    // A secret in the URL is not repeated in the message.
    expect(() => parseEnv({ ...base, BOT_STORAGE_URL: "https://:hunter2@x" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});

describe("storage", () => {
  it("expires entries and survives a restart in a file", async () => {
    let t = 0;
    const mem = memoryStore(() => t);
    await mem.set("a", 1, 10);
    expect(await mem.get("a")).toBe(1);
    t = 11;
    expect(await mem.get("a")).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), "ogi-bot-"));
    try {
      const path = join(dir, "state.json");
      const one = fileStore(path);
      await one.set("lang:1", "en");
      await one.set("gone", 1);
      await one.delete("gone");
      one.flush();
      const two = fileStore(path);
      expect(await two.get("lang:1")).toBe("en");
      expect(await two.get("gone")).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a grammY storage adapter as the store", () => {
  it("keeps values with their expiry", async () => {
    let t = 0;
    const store = fromStorageAdapter(new MemorySessionStorage<Entry>(), () => t);
    await store.set("a", { x: 1 }, 10);
    await store.set("b", "kept");
    expect(await store.get("a")).toEqual({ x: 1 });
    t = 10;
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("b")).toBe("kept");
    await store.delete("b");
    expect(await store.get("b")).toBeUndefined();
  });
});

describe("the API client", () => {
  it("repeats a request once when the server drops the connection, and not more", async () => {
    let requests = 0;
    let dropEvery = 1;
    const server = createServer((req, res) => {
      requests++;
      if (requests % (dropEvery + 1) !== 0) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          agency: { code: "a", name: "A" },
          year: 2026,
          asOf: "2026-11-25",
          carriedOver: { total: 1 },
          received: { total: 2, naturalPerson: 2 },
          concluded: { granted: { total: 1 } },
          concludedByGroup: {},
          concludedTotal: { total: 1 },
          openNow: { total: 2 },
          overdue: 0,
          dueWithin5WorkingDays: 0,
          balanced: true,
        }),
      );
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
    try {
      const api = createHttpApi({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        serviceToken: "t",
      });
      const s = await api.summary(1, "a", "2026-11-25");
      expect(s).toMatchObject({
        carriedOver: 1,
        received: 2,
        concluded: 1,
        open: 2,
        balanced: true,
      });
      expect(requests).toBe(2);
      dropEvery = 5;
      requests = 0;
      await expect(api.summary(1, "a", "2026-11-25")).rejects.toBeInstanceOf(ApiUnavailable);
      expect(requests).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});

describe("webhook", () => {
  let api: TestApi;
  const now = () => new Date("2026-11-25T02:00:00Z");
  beforeAll(async () => {
    api = await startApi(now);
    await seedAgency(api, { code: "411421-gxkj", name: "某县工业和信息化局" }, []);
  });
  afterAll(() => api?.close());

  it("checks the secret-token header before the bot sees the update", async () => {
    const bot = makeBot(api, now);
    const seen: string[] = [];
    bot.api.config.use(async (_prev, method) => {
      seen.push(method);
      // biome-ignore lint/suspicious/noExplicitAny: a transformer's result type depends on the method.
      return { ok: true, result: true } as any;
    });
    const app = webhookApp(bot, { path: "/telegram", secret: "s3cret-s3cret-s3cret" });
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7, type: "private", first_name: "x" },
        from: { id: 7, is_bot: false, first_name: "x" },
        text: "/help",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      },
    };
    const post = (headers: Record<string, string>) =>
      app.request("/telegram", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(update),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong" })).status).toBe(401);
    expect(seen).toEqual([]);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "s3cret-s3cret-s3cret" })).status).toBe(
      200,
    );
    expect(seen).toContain("sendMessage");
  });
});
