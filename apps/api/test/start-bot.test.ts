// `pnpm start` with TELEGRAM_BOT_TOKEN set: the API process starts the bot beside itself, and
// the bot answers through the Bot API (the telegram-test-api emulator on loopback).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "@ogi/api/testing";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "987655:START-token-for-the-emulator-000";

describe("pnpm start with a Telegram token", () => {
  let telegram: TelegramServer;
  let api: ChildProcess;
  let output = "";
  const dataDir = mkdtempSync(join(tmpdir(), "ogi-start-bot-"));

  beforeAll(async () => {
    const telegramPort = await freePort();
    telegram = new TelegramServer({ port: telegramPort, host: "127.0.0.1" });
    await telegram.start();
    api = spawn(process.execPath, [resolve(import.meta.dirname, "../src/main.ts")], {
      env: {
        ...process.env,
        PORT: String(await freePort()),
        OGI_DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${telegramPort}`,
        OGI_BOT_SERVICE_TOKEN: "",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    api.stdout!.on("data", (b: Buffer) => {
      output += b.toString();
    });
    api.stderr!.on("data", (b: Buffer) => {
      output += b.toString();
    });
    const deadline = Date.now() + 90_000;
    while (!/机器人 \/ bot: running|did not start/.test(output) && Date.now() < deadline) {
      if (api.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api.once("exit", r));
      api.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (api.exitCode === null) api.kill("SIGKILL");
    }
    await telegram?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts the bot in polling mode and prints its service token", () => {
    expect(output).toContain("机器人 / bot: running (polling)");
    expect(output).toMatch(/bot service token[^:]*: ogi_/);
  });

  it("answers a user through the Bot API", async () => {
    const client = telegram.getClient(TOKEN, { userId: 4242, chatId: 4242, timeout: 5000 });
    await client.sendCommand(client.makeCommand("/help"));
    const deadline = Date.now() + 30_000;
    let replies: unknown[] = [];
    while (replies.length === 0 && Date.now() < deadline) {
      replies = telegram.storage.botMessages.filter((m) => String(m.message.chat_id) === "4242");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(replies.length).toBeGreaterThan(0);
  });

  it("stops on SIGTERM within seconds", async () => {
    const exited = new Promise<number | null>((r) => api.once("exit", (code) => r(code)));
    const t0 = Date.now();
    api.kill("SIGTERM");
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
