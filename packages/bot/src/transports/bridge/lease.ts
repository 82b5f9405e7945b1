// One connection holder per bot when several instances run: WeCom lets one connection per bot
// live (a second one kicks the first off), and DingTalk would hand each message to one of them.
// The holder keeps a key in the Redis the bot already uses (SET NX PX, renewed by its owner
// only); the others try again now and then and take over when the holder is gone. Without
// Redis (one instance), the lease is simply held.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../../context.ts";

export type Lease = {
  /** Resolves once this instance holds the lease. */
  acquired: Promise<void>;
  readonly held: boolean;
  release(): Promise<void>;
};

const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export const holdLease = (options: {
  redis?: Redis;
  key: string;
  ttlMs?: number;
  logger: Logger;
  /** Called when the lease was lost (Redis said another holds it): stop the connection. */
  onLost?: () => void;
  /** Called when the lease is held again after it was lost: open the connection again. */
  onRegained?: () => void;
}): Lease => {
  const { redis, key, logger } = options;
  const ttlMs = options.ttlMs ?? 15_000;
  let held = false;
  let everHeld = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  if (!redis) return { acquired: Promise.resolve(), held: true, release: async () => {} };
  const owner = randomUUID();
  let resolve!: () => void;
  const acquired = new Promise<void>((ok) => {
    resolve = ok;
  });
  const tick = async () => {
    if (stopped) return;
    try {
      if (held) {
        if (Number(await redis.eval(RENEW, 1, key, owner, String(ttlMs))) !== 1) {
          held = false;
          logger.warn({ key }, "bridge lease lost to another instance; its connection stops");
          options.onLost?.();
        }
      } else if ((await redis.set(key, owner, "PX", ttlMs, "NX")) === "OK") {
        held = true;
        logger.info({ key }, "bridge lease held: this instance holds the connection");
        if (everHeld) options.onRegained?.();
        everHeld = true;
        resolve();
      }
    } catch (err) {
      // Redis away: the holder keeps its connection (the key expires on its own if it is gone).
      logger.warn({ key, err: (err as Error).message }, "bridge lease: Redis unreachable");
    }
    if (!stopped) timer = setTimeout(tick, held ? ttlMs / 3 : ttlMs / 2);
  };
  void tick();
  return {
    acquired,
    get held() {
      return held;
    },
    async release() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (held) await redis.eval(RELEASE, 1, key, owner).catch(() => {});
      held = false;
    },
  };
};
