// One connection holder per bot across instances (issue 18): two WeCom bridges of one bot on one
// Redis (TEST_REDIS_URL; skipped without it) open one long connection between them; when the
// holder stops, the other takes the lease and connects, and messages are answered again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApi } from "../src/http-api.ts";
import { redisStore } from "../src/storage.ts";
import { type RunningWecom, startWecom } from "../src/transports/wecom/start.ts";
import { FakeWecom } from "./support/fake-wecom.ts";
import { useBotWorld } from "./support/world.ts";

const REDIS_URL = process.env.TEST_REDIS_URL;

describe.runIf(REDIS_URL)("the bridge's lease in Redis", () => {
  const { api, now, logger, invites } = useBotWorld();
  const fake = new FakeWecom("aibot-lease", "lease-secret-0123456789");
  const prefix = `ogi-bot-test-lease-${process.pid}-${Date.now()}:`;
  const stores = [0, 1].map(() => redisStore(REDIS_URL!, { prefix }));
  const started: RunningWecom[] = [];
  const start = (i: number) =>
    startWecom(
      {
        botId: fake.botId,
        secret: fake.secret,
        wsUrl: fake.url,
        reconnectIntervalMs: 50,
        leaseTtlMs: 600,
      },
      {
        api: (chatUserOf) =>
          createHttpApi({ baseUrl: api.url, serviceToken: api.serviceToken, chatUserOf }),
        storage: stores[i]!,
        logger,
        now,
        redis: stores[i]!.client,
      },
    );

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    for (const s of started) await s.stop();
    for (const s of stores) await s.close();
    await fake.close();
  });

  const until = async (ok: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return ok();
  };

  it("connects one instance of two, and the other after the first stops", async () => {
    started.push(await start(0), await start(1));
    expect(await until(() => fake.connected === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect(fake.subscriptions).toBe(1);
    expect(started.filter((s) => s.holding)).toHaveLength(1);
    const holder = started.find((s) => s.holding)!;
    const standby = started.find((s) => !s.holding)!;
    await holder.stop();
    expect(await until(() => standby.holding && fake.connected === 1)).toBe(true);
    expect(fake.subscriptions).toBe(2);
    // The standby answers now (linking with an invite, over the shared store).
    fake.message("LeaseUser", `/start ${invites.clerk3}`);
    expect(await until(() => (fake.shown.get("LeaseUser") ?? []).length > 0)).toBe(true);
    expect(fake.shown.get("LeaseUser")![0]!.text).toContain("已关联");
  });
});
