// Users of WeCom and DingTalk inside the bot. The engine (grammY and the features) knows users by
// Telegram-style numbers; a platform's user id is text ("ZhangSan", a DingTalk staffId). Each one
// gets a stable number from a hash, in a range of its platform's own far above Telegram's ids,
// and the number is mapped back to `platform:id` when the bot talks to the API (X-Chat-User) or
// to the platform. The mapping is kept in the bot's store, so every instance and a restarted one
// know the numbers of users seen before (reminders reach users who wrote to another instance).
import { createHash } from "node:crypto";
import type { KeyValueStore } from "../../storage.ts";

export type BridgePlatform = "wecom" | "dingtalk";

/** Numbers of a platform's users: [base, base + SPAN). Telegram's are below 2^52 / 4. */
const SPAN = 1_000_000_000_000_000;
const BASE: Record<BridgePlatform, number> = { wecom: 2 * SPAN, dingtalk: 3 * SPAN };

export type ChatUser = { platform: BridgePlatform; externalId: string };

export const chatUserId = (platform: BridgePlatform, externalId: string) =>
  BASE[platform] +
  Number(
    createHash("sha256").update(`${platform}:${externalId}`).digest().readBigUInt64BE(0) %
      BigInt(SPAN),
  );

/** Which platform a number belongs to (undefined: a Telegram user). */
export const platformOfId = (id: number): BridgePlatform | undefined =>
  id >= BASE.dingtalk && id < BASE.dingtalk + SPAN
    ? "dingtalk"
    : id >= BASE.wecom && id < BASE.wecom + SPAN
      ? "wecom"
      : undefined;

const KEY = (id: number) => `chatuser:${id}`;
const TTL_MS = 400 * 24 * 3600_000;

/** The numbers seen by this process (synchronous, for the API client) backed by the store. */
export class ChatUsers {
  private readonly known = new Map<number, ChatUser>();
  private readonly store: KeyValueStore;
  constructor(store: KeyValueStore) {
    this.store = store;
  }

  /** The number of a platform user, remembered here and in the store. */
  async register(platform: BridgePlatform, externalId: string, extra?: Record<string, unknown>) {
    const id = chatUserId(platform, externalId);
    const had = this.known.get(id);
    this.known.set(id, { platform, externalId });
    if (!had || extra) await this.store.set(KEY(id), { platform, externalId, ...extra }, TTL_MS);
    return id;
  }

  /** `wecom:ZhangSan` for a number seen in this process; undefined for a Telegram user. */
  header(id: number): string | undefined {
    const u = this.known.get(id);
    return u ? `${u.platform}:${u.externalId}` : undefined;
  }

  /** The user of a number, from this process or the store (what another instance saw). */
  async lookup<T extends Record<string, unknown> = Record<string, never>>(
    id: number,
  ): Promise<(ChatUser & Partial<T>) | undefined> {
    const stored = await this.store.get<ChatUser & Partial<T>>(KEY(id));
    if (stored) this.known.set(id, { platform: stored.platform, externalId: stored.externalId });
    return stored ?? (this.known.get(id) as (ChatUser & Partial<T>) | undefined);
  }
}
