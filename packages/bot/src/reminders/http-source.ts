// The scheduler's source over HTTP: the API's reminder routes with the bot's service token.
//   GET  /v1/reminders/due?date=YYYY-MM-DD   → { date, workingDay, reminders: DueReminder[] }
//   POST /v1/reminders/{key}/sent            ← { delivered, attempts, error? }
//   GET  /v1/calendar/holidays               → { files: [{ file, … }] } (loaded holiday files)
import { createWorkingCalendar, type HolidayFile } from "@ogi/domain";
import type { DueReminder, ReminderSource } from "./scheduler.ts";

export type HttpSourceOptions = {
  baseUrl: string;
  serviceToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export const httpReminderSource = (options: HttpSourceOptions): ReminderSource => {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, "");
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.serviceToken}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!res.ok)
      throw new Error(`${method} ${path}: ${res.status} ${await res.text().catch(() => "")}`);
    return (await res.json()) as T;
  };
  return {
    async due(date) {
      const out = await call<{ reminders: DueReminder[] }>(
        "GET",
        `/v1/reminders/due?date=${encodeURIComponent(date)}`,
      );
      return out.reminders;
    },
    async record(key, outcome) {
      await call("POST", `/v1/reminders/${encodeURIComponent(key)}/sent`, outcome);
    },
    async calendar() {
      const out = await call<{ files: { file: HolidayFile }[] }>("GET", "/v1/calendar/holidays");
      return createWorkingCalendar({ extraYears: out.files.map((f) => f.file) });
    },
  };
};
