// The scheduler as the bot runs it: the API's reminder routes over HTTP with the service token,
// Telegram's sendMessage, the real clock, the bot's store (sent keys, each user's language).
import type { Lang } from "@ogi/domain";
import type { Api } from "grammy";
import type { Logger } from "../context.ts";
import type { KeyValueStore } from "../storage.ts";
import { httpReminderSource } from "./http-source.ts";
import { createReminderScheduler, type SchedulerOptions, systemClock } from "./scheduler.ts";

export type RunningReminders = { stop(): Promise<void> };

export const startReminders = (deps: {
  /** Telegram's API (the default sender); bridges give their own sender in `overrides`. */
  telegram?: Api;
  apiUrl: string;
  serviceToken: string;
  logger: Logger;
  store: KeyValueStore;
  /** Replaces any part (tests: a fake clock). */
  overrides?: Partial<SchedulerOptions>;
}): RunningReminders => {
  const scheduler = createReminderScheduler({
    clock: systemClock,
    source: httpReminderSource({ baseUrl: deps.apiUrl, serviceToken: deps.serviceToken }),
    sender: async (telegramUserId, text) => {
      if (!deps.telegram) throw new Error("Telegram is not running here");
      await deps.telegram.sendMessage(telegramUserId, text);
    },
    logger: deps.logger,
    store: deps.store,
    languageOf: (id) => deps.store.get<Lang>(`lang:${id}`),
    ...deps.overrides,
  });
  const running = scheduler.start().catch((err: unknown) => {
    deps.logger.error({ err }, "reminders: the scheduler stopped on an error");
  });
  deps.logger.info({}, "reminders scheduled (09:00 Asia/Shanghai on working days)");
  return {
    stop: async () => {
      scheduler.stop();
      await running;
    },
  };
};
