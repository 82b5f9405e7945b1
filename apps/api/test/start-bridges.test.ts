// `pnpm start` with the bridges named (issue 18): a missing or wrong secret stops the start with
// one bilingual line and exit status 2 (the bridges run against their fakes in @ogi/bot's tests).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "@ogi/api/testing";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const run = async (env: Record<string, string>) => {
  const dataDir = mkdtempSync(join(tmpdir(), "ogi-start-bridges-"));
  dirs.push(dataDir);
  const child = spawn(process.execPath, [resolve(import.meta.dirname, "../src/main.ts")], {
    env: {
      ...process.env,
      PORT: String(await freePort()),
      OGI_DATA_DIR: dataDir,
      TELEGRAM_BOT_TOKEN: "",
      OGI_BOT_SERVICE_TOKEN: "",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (b: Buffer) => {
    err += b.toString();
  });
  child.stdout!.resume();
  const code = await new Promise<number | null>((ok) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      ok(null);
    }, 90_000);
    child.once("exit", (c) => {
      clearTimeout(timer);
      ok(c);
    });
  });
  return { code, err: err.trim() };
};

describe("pnpm start with the bridges", () => {
  it("stops at once on a missing secret, in one bilingual line", async () => {
    const r = await run({ WECOM_BOT_ID: "aibot-x" });
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain("缺少 WECOM_BOT_SECRET / WECOM_BOT_SECRET is missing");
  }, 100_000);

  it("stops when DingTalk refuses the secret, in one bilingual line that shows no secret", async () => {
    const gateway = createServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "authFailed", message: "bad" }));
    });
    await new Promise<void>((ok) => gateway.listen(0, "127.0.0.1", () => ok()));
    try {
      const r = await run({
        DINGTALK_CLIENT_ID: "dingx",
        DINGTALK_CLIENT_SECRET: "a-very-secret-value-42",
        DINGTALK_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
      });
      expect(r.code).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/钉钉拒绝了.*DingTalk refused/);
      expect(r.err).not.toContain("a-very-secret-value-42");
    } finally {
      gateway.close();
    }
  }, 100_000);
});
