// The reminder scheduler: every working day at 09:00 Asia/Shanghai it asks the API for the day's
// reminders, sends each one not yet recorded as sent, and records it. A restart the same day
// runs again and skips what was sent (recorded by the API and remembered locally, in case the
// record itself failed); a delivery that fails is retried with backoff, a bounded number of
// times, then recorded as failed and logged. Clock, source and sender are injected.
import {
  type Bilingual,
  createWorkingCalendar,
  currentRun,
  type IsoDate,
  type Lang,
  nextRunAt,
  type Reminder,
  shanghaiDate,
  type WorkingCalendar,
} from "@ogi/domain";
import type { Logger } from "../context.ts";
import type { KeyValueStore } from "../storage.ts";

/** A reminder of the day as the API lists it; `sentAt` once it was recorded as delivered. */
export type DueReminder = Pick<
  Reminder,
  "key" | "staffId" | "telegramUserId" | "kind" | "date" | "language"
> & {
  text: Bilingual;
  sentAt?: string | null;
  /** Where else the staff member is linked: `wecom:ZhangSan`, `dingtalk:…` (the API's list). */
  chatUsers?: string[];
};

export type DeliveryRecord = { delivered: boolean; attempts: number; error?: string };

export type ReminderSource = {
  /** The reminders of `date` (none on a day that is not a working day). */
  due(date: IsoDate): Promise<DueReminder[]>;
  /** Records a delivery (or its failure) so that no restart sends it again. */
  record(key: string, outcome: DeliveryRecord): Promise<void>;
  /** Holiday files loaded into the API: the calendar the runs follow. */
  calendar?(): Promise<WorkingCalendar>;
};

/** Sends one Telegram message; throws when it could not be delivered. */
export type ReminderSender = (
  telegramUserId: number,
  text: string,
  /** The whole reminder (a sender that reaches other messengers reads staffId, chatUsers). */
  reminder?: DueReminder,
) => Promise<void>;

export type SchedulerClock = {
  now(): Date;
  /** Resolves after `ms` (or early, when `signal` aborts). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
};

export type SchedulerOptions = {
  clock: SchedulerClock;
  source: ReminderSource;
  sender: ReminderSender;
  logger: Logger;
  /** Local memory of sent keys (the bot's file store survives a restart). */
  store?: KeyValueStore;
  /** The language the user chose in the bot, which wins over the one the API knows. */
  languageOf?: (telegramUserId: number) => Promise<Lang | undefined>;
  /** Delivery attempts per reminder (default 4). */
  maxAttempts?: number;
  /** The first retry's delay; each further one doubles it (default 2 s). */
  backoffMs?: number;
  /** A start after 09:00 still runs the day's reminders until this hour in China (default 18). */
  catchUpUntilHour?: number;
};

export type ReminderScheduler = {
  /** Runs until stop(); resolves then. */
  start(): Promise<void>;
  stop(): void;
  /** One run for `date` (what start() does at 09:00). */
  runOnce(date: IsoDate): Promise<RunResult>;
};

export type RunResult = {
  date: IsoDate;
  /** False when the day's reminders could not be fetched (the run is tried again later). */
  fetched: boolean;
  sent: number;
  skipped: number;
  failed: number;
};

const HOUR_MS = 3_600_000;
/** A run whose reminders could not be fetched is tried again this much later, the same day. */
const FETCH_RETRY_MS = 10 * 60_000;
const SENT_TTL_MS = 8 * 24 * HOUR_MS;

/** Telegram refuses for good (blocked by the user, chat not found): retrying cannot help. */
const permanent = (e: unknown) => {
  const code = (e as { error_code?: unknown })?.error_code;
  return code === 400 || code === 403;
};

/** Telegram's flood control says how long to wait. */
const retryAfterMs = (e: unknown): number | null => {
  const s = (e as { parameters?: { retry_after?: unknown } })?.parameters?.retry_after;
  return typeof s === "number" && s > 0 ? s * 1000 : null;
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createReminderScheduler = (options: SchedulerOptions): ReminderScheduler => {
  const { clock, source, sender, logger } = options;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const backoffMs = options.backoffMs ?? 2000;
  const controller = new AbortController();
  let calendar: WorkingCalendar = createWorkingCalendar();

  const refreshCalendar = async () => {
    if (!source.calendar) return calendar;
    try {
      calendar = await source.calendar();
    } catch (err) {
      logger.warn({ err }, "reminders: calendar not refreshed, keeping the previous one");
    }
    return calendar;
  };

  const deliver = async (r: DueReminder, text: string): Promise<DeliveryRecord> => {
    let attempts = 0;
    let last: unknown;
    while (attempts < maxAttempts && !controller.signal.aborted) {
      attempts++;
      try {
        await sender(r.telegramUserId, text, r);
        return { delivered: true, attempts };
      } catch (err) {
        last = err;
        logger.warn({ key: r.key, attempts, err: message(err) }, "reminder delivery failed");
        if (permanent(err) || attempts >= maxAttempts) break;
        await clock.sleep(retryAfterMs(err) ?? backoffMs * 2 ** (attempts - 1), controller.signal);
      }
    }
    return { delivered: false, attempts, error: message(last) };
  };

  const runOnce = async (date: IsoDate): Promise<RunResult> => {
    const result: RunResult = { date, fetched: false, sent: 0, skipped: 0, failed: 0 };
    let reminders: DueReminder[];
    try {
      reminders = await source.due(date);
      result.fetched = true;
    } catch (err) {
      logger.error({ date, err: message(err) }, "reminders: could not fetch the day's reminders");
      return result;
    }
    for (const r of reminders) {
      if (controller.signal.aborted) break;
      const localKey = `reminder:${r.key}`;
      if (r.sentAt || (await options.store?.get(localKey))) {
        result.skipped++;
        continue;
      }
      const lang = (await options.languageOf?.(r.telegramUserId)) ?? r.language;
      const outcome = await deliver(r, r.text[lang === "en" ? "en" : "zh"]);
      if (outcome.delivered) {
        result.sent++;
        await options.store?.set(localKey, true, SENT_TTL_MS);
      } else {
        result.failed++;
        logger.error(
          { key: r.key, staffId: r.staffId, attempts: outcome.attempts, err: outcome.error },
          "reminder not delivered",
        );
      }
      try {
        await source.record(r.key, outcome);
      } catch (err) {
        logger.warn({ key: r.key, err: message(err) }, "reminders: delivery not recorded");
      }
    }
    logger.info({ ...result }, "reminders run");
    return result;
  };

  const start = async () => {
    const catchUp = { untilHour: options.catchUpUntilHour ?? 18 };
    // A day whose reminders could not be fetched yet, and when to try again.
    let pending = null as { date: IsoDate; at: number } | null;
    const attempt = async (date: IsoDate) => {
      const r = await runOnce(date);
      pending = r.fetched ? null : { date, at: clock.now().getTime() + FETCH_RETRY_MS };
    };
    const current = currentRun(clock.now(), await refreshCalendar(), catchUp);
    if (current) await attempt(current.date);
    let since = clock.now();
    while (!controller.signal.aborted) {
      const cal = await refreshCalendar();
      const now = clock.now();
      if (pending) {
        if (currentRun(now, cal, catchUp)?.date !== pending.date) {
          logger.error({ date: pending.date }, "reminders: the day's run was given up");
          pending = null;
        } else if (now.getTime() >= pending.at) {
          await attempt(pending.date);
          continue;
        }
      }
      const at = nextRunAt(since, cal);
      if (now >= at) {
        // A machine asleep past a whole day does not send yesterday's reminders.
        if (shanghaiDate(now) === shanghaiDate(at)) await attempt(shanghaiDate(at));
        else logger.warn({ at: at.toISOString() }, "reminders: run missed");
        since = at;
        continue;
      }
      // Wake at least hourly: a holiday file loaded meanwhile can move the next run.
      const wake = Math.min(at.getTime(), now.getTime() + HOUR_MS, pending?.at ?? Infinity);
      await clock.sleep(wake - now.getTime(), controller.signal);
    }
  };

  return { start, stop: () => controller.abort(), runOnce };
};

/** The real clock: Date and an abortable timer. */
export const systemClock: SchedulerClock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done);
    }),
};
