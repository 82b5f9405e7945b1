// The scheduler's source over HTTP: the API's reminder routes through its typed client, with the
// bot's service token (every answer's type inferred from the client):
//   GET  /v1/reminders/due?date=YYYY-MM-DD   → { date, workingDay, reminders }
//   POST /v1/reminders/{key}/sent            ← { delivered, attempts, error? }
//   GET  /v1/calendar/holidays               → { files: [{ file, … }] } (loaded holiday files)
import { createClient } from "@ogi/api/client";
import { createWorkingCalendar, holidayFileSchema } from "@ogi/domain";
import { parseResponse } from "hono/client";
import { guardedFetch } from "../http-api.ts";
import type { ReminderSource } from "./scheduler.ts";

export type HttpSourceOptions = {
  baseUrl: string;
  serviceToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export const httpReminderSource = (options: HttpSourceOptions): ReminderSource => {
  const api = createClient(options.baseUrl.replace(/\/+$/, ""), options.serviceToken, {
    fetch: guardedFetch(options.fetch ?? fetch, options.timeoutMs ?? 30_000),
  }).v1;
  return {
    async due(date) {
      return (await parseResponse(api.reminders.due.$get({ query: { date } }))).reminders;
    },
    async record(key, outcome) {
      await parseResponse(api.reminders[":key"].sent.$post({ param: { key }, json: outcome }));
    },
    async calendar() {
      const { files } = await parseResponse(api.calendar.holidays.$get());
      // The API stored each file once it read well; read it again as the domain's type.
      return createWorkingCalendar({
        extraYears: files.map((f) => holidayFileSchema.parse(f.file)),
      });
    },
  };
};
