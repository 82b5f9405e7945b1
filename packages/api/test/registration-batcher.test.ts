// The group commit of registrations (registration-batcher.ts) on a real database: those asked
// for in one turn take consecutive numbers in one statement; one refused (a locked year, a key
// used twice) leaves the others their numbers, with no gap.
import { testEngines, YearLockedError } from "@ogi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrationOf } from "../src/register/decide.ts";
import { createRegistrationBatcher, type Registration } from "../src/registration-batcher.ts";
import { ADMIN_TOKEN, type Setup, setup } from "./helpers.ts";

describe.each(testEngines())("registration batcher on %s", (engine) => {
  let s: Setup;
  const code = "419900-reg";
  beforeAll(async () => {
    s = await setup(engine);
    const admin = { token: ADMIN_TOKEN };
    await s.call("POST", "/v1/agencies", { ...admin, body: { code, name: "成批登记局" } });
    // 2024 is published and locked.
    expect((await s.call("POST", `/v1/agencies/${code}/reports/2024/publish`, admin)).status).toBe(
      200,
    );
  });
  afterAll(() => s?.close());

  const by = { actor: "test", channel: "api" as const, now: new Date("2025-12-20T02:00:00Z") };
  const registration = (date: string, key?: string): Registration => ({
    ...registrationOf(
      { id: "e1", type: "received", date, applicantType: "naturalPerson", channel: "post" },
      by,
    ),
    years: [Number(date.slice(0, 4))],
    tail: {
      audit: { at: by.now, actor: "test", channel: "api", action: "application.create" },
      idempotency: key
        ? { principal: "p", key, route: "r", bodyHash: "h", status: 201, response: { number: 0 } }
        : undefined,
    },
  });
  const numbers = async () =>
    (
      await s.call("GET", `/v1/agencies/${code}/applications?limit=1000`, { token: ADMIN_TOKEN })
    ).data.applications.map((a: { number: number }) => a.number);

  it("registrations of one turn take consecutive numbers in one statement, in order", async () => {
    const batcher = createRegistrationBatcher(s.database.db);
    const made = await Promise.all(
      Array.from({ length: 10 }, () => batcher.register(code, registration("2025-06-01"))),
    );
    expect(made.map((m) => m.row.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batcher.stats()).toEqual({ statements: 1, registrations: 10, retriedAlone: 0 });
    expect(await numbers()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("one in a locked year is refused; the others keep consecutive numbers", async () => {
    const batcher = createRegistrationBatcher(s.database.db);
    const answers = await Promise.allSettled([
      batcher.register(code, registration("2025-06-02")),
      batcher.register(code, registration("2024-12-30")),
      batcher.register(code, registration("2025-06-03")),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((answers[1] as PromiseRejectedResult).reason).toBeInstanceOf(YearLockedError);
    expect(batcher.stats()).toEqual({ statements: 2, registrations: 2, retriedAlone: 1 });
    expect((await numbers()).slice(-2)).toEqual([11, 12]);
  });

  it("a key used twice: one registered, the other refused, no number lost", async () => {
    const batcher = createRegistrationBatcher(s.database.db);
    const answers = await Promise.allSettled([
      batcher.register(code, registration("2025-06-04", "k")),
      batcher.register(code, registration("2025-06-04", "k")),
    ]);
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "rejected"]);
    expect(await numbers()).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });
});
