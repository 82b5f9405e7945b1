// The scheduler against the real API (on PGlite, over loopback HTTP) with a fake clock: the
// day's reminders come from GET /v1/reminders/due and deliveries are recorded with POST
// /v1/reminders/{key}/sent, so a restarted scheduler sends nothing twice.

import { seedAgency, startApi, type TestApi } from "@ogi/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpReminderSource } from "../src/reminders/http-source.ts";
import { createReminderScheduler } from "../src/reminders/scheduler.ts";
import { startReminders } from "../src/reminders/start.ts";
import { memoryStore } from "../src/storage.ts";

const TG = 9101;
let t = Date.parse("2026-10-26T00:30:00Z"); // Monday 08:30 in China
let api: TestApi;

const call = async (method: string, path: string, body?: unknown, as?: number) => {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${api.serviceToken}`,
      ...(as !== undefined ? { "X-Telegram-User-Id": String(as) } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
  return { status: res.status, data: (await res.json()) as any };
};

beforeAll(async () => {
  api = await startApi(() => new Date(t));
  const [clerk] = await seedAgency(api, { code: "411421-gxkj", name: "工信局" }, [
    { name: "张三", role: "clerk" },
  ]);
  expect(
    (await call("POST", "/v1/staff/link", { inviteCode: clerk!.inviteCode, telegramUserId: TG }))
      .status,
  ).toBe(200);
  // Received 2026-09-18: due 2026-10-22, overdue on 10-26.
  const created = await call(
    "POST",
    "/v1/agencies/411421-gxkj/applications",
    { receivedOn: "2026-09-18", applicantType: "naturalPerson", channel: "online" },
    TG,
  );
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await api?.close();
});

const run = async (until: string, fail: (n: number) => boolean) => {
  const sent: { to: number; text: string }[] = [];
  let tries = 0;
  const end = Date.parse(until);
  const scheduler = createReminderScheduler({
    source: httpReminderSource({ baseUrl: api.url, serviceToken: api.serviceToken }),
    sender: async (to, text) => {
      if (fail(++tries)) throw new Error("Telegram unreachable");
      sent.push({ to, text });
    },
    logger: { info() {}, warn() {}, error() {} },
    backoffMs: 1000,
    clock: {
      now: () => new Date(t),
      async sleep(ms) {
        if (t + ms > end) {
          t = end;
          scheduler.stop();
          return;
        }
        t += ms;
      },
    },
  });
  await scheduler.start();
  return { sent, tries };
};

describe("reminders end to end (real API, fake clock)", () => {
  it("sends at 09:00, retries a failed delivery, records it, and a restart sends nothing", async () => {
    const first = await run("2026-10-26T02:00:00Z", (n) => n === 1);
    expect(first.tries).toBe(2);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]!.to).toBe(TG);
    expect(first.sent[0]!.text).toContain("已逾期 1 件");
    const due = await call("GET", "/v1/reminders/due?date=2026-10-26");
    expect(due.data.reminders).toHaveLength(1);
    expect(due.data.reminders[0]).toMatchObject({ attempts: 2 });
    expect(due.data.reminders[0].sentAt).not.toBeNull();
    // Restarted at 10:00 in China: today's run finds the reminder recorded.
    const second = await run("2026-10-26T04:00:00Z", () => false);
    expect(second.sent).toEqual([]);
  });

  it("startReminders (what startBot runs): Telegram's sendMessage, the user's language", async () => {
    t = Date.parse("2026-10-27T00:50:00Z"); // Tuesday 08:50 in China
    const store = memoryStore();
    await store.set(`lang:${TG}`, "en");
    const messages: { chatId: number; text: string }[] = [];
    const telegram = {
      sendMessage: async (chatId: number, text: string) => {
        messages.push({ chatId, text });
        return {};
      },
    } as unknown as Parameters<typeof startReminders>[0]["telegram"];
    const stopAt = Date.parse("2026-10-27T02:00:00Z");
    let reachedEnd = () => {};
    const reached = new Promise<void>((ok) => {
      reachedEnd = ok;
    });
    const started = startReminders({
      telegram,
      apiUrl: api.url,
      serviceToken: api.serviceToken,
      logger: { info() {}, warn() {}, error() {} },
      store,
      overrides: {
        clock: {
          now: () => new Date(t),
          async sleep(ms, signal) {
            if (t + ms <= stopAt) {
              t += ms;
              return;
            }
            // The end of the test's day: wait for stop().
            reachedEnd();
            await new Promise((ok) => signal.addEventListener("abort", ok));
          },
        },
      },
    });
    await reached;
    await started.stop();
    expect(messages).toEqual([{ chatId: TG, text: expect.stringMatching(/^Reply deadlines/) }]);
  });
});
