// Reminders on the messenger the staff member was last seen on: the bot notes, per staff record,
// the user (a Telegram id or a bridge's number) that passed its link gate last (`seen:<staffId>`);
// a reminder goes there, else to the first platform the API lists for them that runs here, else
// to Telegram.
import type { Api } from "grammy";
import type { ReminderSender } from "../../reminders/scheduler.ts";
import type { KeyValueStore } from "../../storage.ts";
import type { BridgePlatform } from "./chat-users.ts";
import { platformOfId } from "./chat-users.ts";

/** What a running bridge offers the reminders. */
export type ReminderBridge = {
  platform: BridgePlatform;
  users: { register(platform: BridgePlatform, externalId: string): Promise<number> };
  push(chatId: number, text: string): Promise<void>;
};

export const chatReminderSender = (deps: {
  store: KeyValueStore;
  bridges: ReminderBridge[];
  telegram?: Api;
}): ReminderSender => {
  const bridgeOf = (p: string | undefined) => deps.bridges.find((b) => b.platform === p);
  return async (telegramUserId, text, reminder) => {
    const seen = reminder ? await deps.store.get<number>(`seen:${reminder.staffId}`) : undefined;
    if (seen !== undefined) {
      const platform = platformOfId(seen);
      const bridge = bridgeOf(platform);
      if (bridge) return bridge.push(seen, text);
      if (!platform && deps.telegram) {
        await deps.telegram.sendMessage(seen, text);
        return;
      }
    }
    for (const u of reminder?.chatUsers ?? []) {
      const i = u.indexOf(":");
      const bridge = bridgeOf(u.slice(0, i));
      if (!bridge) continue;
      return bridge.push(await bridge.users.register(bridge.platform, u.slice(i + 1)), text);
    }
    if (telegramUserId > 0 && deps.telegram) {
      await deps.telegram.sendMessage(telegramUserId, text);
      return;
    }
    throw new Error("no messenger that runs here reaches this staff member");
  };
};
