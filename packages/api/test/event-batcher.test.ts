// The group commit of events (event-batcher.ts) on a real database: events asked for in one
// turn are one statement; a refusal or a failed statement leaves the others their own outcome.
import { type EventAppend, type LoadedApplication, testEngines } from "@ogi/db";
import type { ApplicationEvent } from "@ogi/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventBatcher } from "../src/event-batcher.ts";
import { appended } from "../src/register/decide.ts";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe.each(testEngines())("event batcher on %s", (engine) => {
  let s: Setup;
  const code = "419900-group";
  const ids: string[] = [];
  beforeAll(async () => {
    s = await setup(engine);
    const admin = { token: ADMIN_TOKEN };
    await s.call("POST", "/v1/agencies", { ...admin, body: { code, name: "成批局" } });
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await s.call("POST", `/v1/agencies/${code}/applications`, {
            ...admin,
            body: { receivedOn: "2025-03-03", applicantType: "naturalPerson" },
          })
        ).data.id,
      );
  });
  afterAll(() => s?.close());

  const by = { actor: "test", channel: "api" as const, now: new Date("2025-12-20T02:00:00Z") };
  /** Concludes the application as loaded; `key` adds an Idempotency-Key answer to the write. */
  const conclude =
    (key?: string) =>
    async (loaded: LoadedApplication | undefined): Promise<{ item: EventAppend }> => {
      if (!loaded) throw new Error("not found");
      const event: ApplicationEvent = {
        id: `e${loaded.stored.events.length + 1}`,
        type: "concluded",
        date: "2025-03-20",
        outcome: "granted",
      };
      const { item } = appended(loaded.stored, event, by);
      return {
        item: {
          ...item,
          tail: {
            audit: { at: by.now, actor: "test", channel: "api", action: "event.concluded" },
            idempotency: key
              ? { principal: "p", key, route: "r", bodyHash: "h", status: 201, response: {} }
              : undefined,
          },
        },
      };
    };
  const stored = async (id: string) =>
    (await s.call("GET", `/v1/applications/${id}`, { token: ADMIN_TOKEN })).data;

  it("writes the events of one turn in one statement", async () => {
    const batcher = createEventBatcher(s.database.db, { maxInFlight: 1 });
    const written = await Promise.all(ids.slice(0, 5).map((id) => batcher.append(id, conclude())));
    expect(written.map((w) => w.item.row.id)).toEqual(ids.slice(0, 5));
    expect(batcher.stats()).toEqual({ statements: 1, events: 5, retriedAlone: 0 });
    for (const id of ids.slice(0, 5)) expect((await stored(id)).status).toBe("concluded");
  });

  it("a refusal while deciding leaves the others", async () => {
    const batcher = createEventBatcher(s.database.db, { maxInFlight: 1 });
    const answers = await Promise.allSettled([
      batcher.append(ids[5]!, conclude()),
      batcher.append("no-such-id", conclude()),
      batcher.append(ids[6]!, conclude()),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(batcher.stats()).toEqual({ statements: 1, events: 2, retriedAlone: 0 });
  });

  it("a failed statement is retried event by event, each with its own outcome", async () => {
    const batcher = createEventBatcher(s.database.db, { maxInFlight: 1 });
    // The same key twice: the batch's statement fails on it; alone, the first is written.
    const answers = await Promise.allSettled([
      batcher.append(ids[7]!, conclude("twice")),
      batcher.append(ids[8]!, conclude("twice")),
      batcher.append(ids[9]!, conclude()),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect(batcher.stats()).toEqual({ statements: 2, events: 2, retriedAlone: 1 });
    expect((await stored(ids[9]!)).status).toBe("concluded");
    const concluded = [(await stored(ids[7]!)).status, (await stored(ids[8]!)).status];
    expect(concluded.sort()).toEqual(["concluded", "open"]);
  });

  it("two events of one application go in turn, the second decided on the first", async () => {
    const batcher = createEventBatcher(s.database.db, { maxInFlight: 4 });
    const seen: number[] = [];
    const decide = async (loaded: LoadedApplication | undefined) => {
      seen.push(loaded!.stored.events.length);
      const event: ApplicationEvent = {
        id: `e${loaded!.stored.events.length + 1}`,
        type: "extended",
        date: "2025-03-10",
        workingDays: 20,
      };
      return appended(loaded!.stored, event, by);
    };
    await Promise.all([batcher.append(ids[10]!, decide), batcher.append(ids[10]!, decide)]);
    expect(seen).toEqual([1, 2]);
    expect(batcher.stats().statements).toBe(2);
  });
});
