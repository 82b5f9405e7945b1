// Recording events (register/record-event.ts): refusals, many at once through the event
// batcher, by the application's running number.
import { loadRegister, queryRows, sql, testEngines } from "@ogi/db";
import { deriveRequests } from "@ogi/domain";
import { describe, expect, it } from "vitest";
import { createNumberLookup } from "../src/number-lookup.ts";
import { B, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  sharedApiFixture(engine, (f) => {
    ({ s } = f);
  });

  describe("register", () => {
    it("ten conclusions of one application at once: one recorded, the others refused (409)", async () => {
      const admin = { token: ADMIN_TOKEN };
      const created = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-05-07", applicantType: "naturalPerson" },
      });
      const id = created.data.id;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          s.call("POST", `/v1/applications/${id}/events`, {
            ...admin,
            body: {
              type: "concluded",
              date: "2025-05-20",
              outcome: i % 2 ? "granted" : "partiallyGranted",
            },
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      for (const a of answers.filter((a) => a.status === 409))
        expect(a.data.error.code).toBe("alreadyConcluded");
      const detail = await s.call("GET", `/v1/applications/${id}`, admin);
      expect(detail.data.events.map((e: { type: string }) => e.type)).toEqual([
        "received",
        "concluded",
      ]);
    });

    it("events on many applications at once are written together, each with its own answer", async () => {
      const admin = { token: ADMIN_TOKEN };
      const code = "419900-batch";
      await s.call("POST", "/v1/agencies", { ...admin, body: { code, name: "成批办结局" } });
      const ids: string[] = [];
      for (let i = 0; i < 24; i++)
        ids.push(
          (
            await s.call("POST", `/v1/agencies/${code}/applications`, {
              ...admin,
              body: { receivedOn: "2025-06-02", applicantType: "naturalPerson" },
            })
          ).data.id,
        );
      const conclude = (id: string, key?: string, date = "2025-06-20") =>
        s.call("POST", `/v1/applications/${id}/events`, {
          ...admin,
          ...(key ? { headers: { "Idempotency-Key": key } } : {}),
          body: { type: "concluded", date, outcome: "granted" },
        });
      // In one turn: 20 conclusions (two of them sharing a key), one dated before receipt,
      // one of an unknown application, and the same application twice.
      const before = s.events.stats();
      const answers = await Promise.all([
        ...ids.slice(0, 18).map((id) => conclude(id)),
        conclude(ids[18]!, "shared-key"),
        conclude(ids[19]!, "shared-key"),
        conclude(ids[20]!, undefined, "2025-05-01"),
        conclude("no-such-application"),
        conclude(ids[21]!),
        conclude(ids[21]!),
      ]);
      const status = answers.map((a) => a.status);
      expect(status.slice(0, 18)).toEqual(Array(18).fill(201));
      // The key's second use (another application, so another route) is refused as reused.
      expect(status.slice(18, 20).sort()).toEqual([201, 422]);
      expect(status[20]).toBe(409);
      expect(status[21]).toBe(404);
      expect(status.slice(22).sort()).toEqual([201, 409]);
      // Each answer is its own application's.
      for (const [i, a] of answers.slice(0, 18).entries()) {
        expect(a.data.id).toBe(ids[i]);
        expect(a.data.status).toBe("concluded");
      }
      // What was written is exactly what was answered: the fold of the register agrees.
      const concluded = (
        await s.call("GET", `/v1/agencies/${code}/applications?status=concluded&limit=100`, admin)
      ).data.applications.map((a: { id: string }) => a.id);
      expect(concluded.sort()).toEqual(
        [...ids.slice(0, 18), answers[18]!.status === 201 ? ids[18] : ids[19], ids[21]].sort(),
      );
      const register = await loadRegister(s.database.db, [code]);
      const report = await s.call("GET", `/v1/agencies/${code}/reports/2025`, admin);
      expect(report.data.report.requests).toEqual(deriveRequests(register, 2025));
      expect(report.data.report.requests.granted.total).toBe(20);
      expect(s.events.stats().events - before.events).toBe(20);
    });

    it("refuses impossible transitions with 409 and writes nothing", async () => {
      const admin = { token: ADMIN_TOKEN };
      const created = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...admin,
        body: { receivedOn: "2025-05-06", applicantType: "legalServiceAgency" },
      });
      const id = created.data.id;
      const post = (body: unknown) =>
        s.call("POST", `/v1/applications/${id}/events`, { ...admin, body });
      const early = await post({ type: "concluded", date: "2025-05-01", outcome: "granted" });
      expect(early.status).toBe(409);
      expect(early.data.error.code).toBe("beforeReceipt");
      const future = await post({ type: "concluded", date: "2025-12-25", outcome: "granted" });
      expect(future.status).toBe(409);
      expect(future.data.error.code).toBe("futureDate");
      expect(
        (await post({ type: "concluded", date: "2025-05-20", outcome: "granted" })).status,
      ).toBe(201);
      const again = await post({ type: "concluded", date: "2025-05-21", outcome: "granted" });
      expect(again.status).toBe(409);
      expect(again.data.error.code).toBe("alreadyConcluded");
      expect(again.data.error.message.zh).toContain("办结");
      const missing = await post({ type: "concluded", date: "2025-05-21" });
      expect(missing.status).toBe(422);
      expect(missing.data.error.issues[0].path).toBe("outcome");
      // An amendment corrects the outcome, with a reason.
      const amended = await post({
        type: "amended",
        date: "2025-06-01",
        supersedes: "e2",
        reason: "录入错误",
        replacement: { type: "concluded", date: "2025-05-20", outcome: "partiallyGranted" },
      });
      expect(amended.status).toBe(201);
      expect(amended.data).toMatchObject({ status: "concluded", outcome: "partiallyGranted" });
      const detail = await s.call("GET", `/v1/applications/${id}`, admin);
      expect(detail.data.events.map((e: { type: string }) => e.type)).toEqual([
        "received",
        "concluded",
        "amended",
      ]);
    });

    it("records an event by the application's running number, looked up in groups", async () => {
      const admin = { token: ADMIN_TOKEN };
      const code = "419900-bynumber";
      await s.call("POST", "/v1/agencies", { ...admin, body: { code, name: "按号办结局" } });
      const made: { id: string; number: number }[] = [];
      for (let i = 0; i < 12; i++)
        made.push(
          (
            await s.call("POST", `/v1/agencies/${code}/applications`, {
              ...admin,
              body: { receivedOn: "2025-06-02", applicantType: "naturalPerson" },
            })
          ).data,
        );
      const conclude = (number: number | string, key?: string, agency = code) =>
        s.call("POST", `/v1/agencies/${agency}/applications/${number}/events`, {
          ...admin,
          ...(key ? { headers: { "Idempotency-Key": key } } : {}),
          body: { type: "concluded", date: "2025-06-20", outcome: "granted" },
        });
      const before = s.numbers.stats();
      const answers = await Promise.all([
        ...made.slice(0, 10).map((a) => conclude(a.number)),
        conclude(made[10]!.number, "by-number-key"),
        conclude(99),
      ]);
      expect(answers.map((a) => a.status)).toEqual([...Array(11).fill(201), 404]);
      for (const [i, a] of answers.slice(0, 11).entries()) {
        expect(a.data.id).toBe(made[i]!.id);
        expect(a.data.status).toBe("concluded");
      }
      expect(answers[11]!.data.error.message.zh).toContain("第 99 号");
      // The eleven numbers were given in this process: their ids are remembered, so only the
      // number it never gave (99) is looked up.
      const after = s.numbers.stats();
      expect(after.remembered - before.remembered).toBe(11);
      expect(after.lookups - before.lookups).toBe(1);
      expect(after.queries - before.queries).toBe(1);
      // A process that gave none of them (after a restart) looks them up, in groups: one
      // query on PGlite (one connection: the requests reach the look-up in one turn); on
      // PostgreSQL those asked for while one runs wait for the next, so a few.
      const fresh = createNumberLookup(s.database.db);
      const ids = await Promise.all([
        ...made.map((a) => fresh.idOf(code, a.number)),
        fresh.idOf(code, 99),
      ]);
      expect(ids).toEqual([...made.map((a) => a.id), undefined]);
      expect(fresh.stats().lookups).toBe(13);
      if (engine === "pglite") expect(fresh.stats().queries).toBe(1);
      else expect(fresh.stats().queries).toBeLessThanOrEqual(6);
      // Then it remembers those it found, and looks up again only what it did not find.
      expect(await fresh.idOf(code, made[3]!.number)).toBe(made[3]!.id);
      expect(await fresh.idOf(code, 99)).toBeUndefined();
      expect(fresh.stats()).toMatchObject({ lookups: 14, remembered: 1 });
      // Its memory is bounded: past the bound it starts again, and answers stay right.
      const small = createNumberLookup(s.database.db, { maxRemembered: 2 });
      small.remember(code, made.slice(0, 2));
      small.remember(code, made.slice(2, 3));
      expect(await small.idOf(code, made[2]!.number)).toBe(made[2]!.id);
      expect(await small.idOf(code, made[0]!.number)).toBe(made[0]!.id);
      expect(small.stats()).toMatchObject({ remembered: 1, lookups: 1 });
      // A replay answers the first answer; concluding again is refused (409), by number or id.
      const replay = await conclude(made[10]!.number, "by-number-key");
      expect(replay.status).toBe(201);
      expect(replay.data).toEqual(answers[10]!.data);
      // Without ?yearToDate the answer is the application alone; with it, also the agency's
      // year to date as GET …/summary has it (a replay too: figures of now, not stored).
      expect(answers[0]!.data.yearToDate).toBeUndefined();
      const withYtd = await s.call(
        "POST",
        `/v1/agencies/${code}/applications/${made[10]!.number}/events?yearToDate=true`,
        {
          ...admin,
          headers: { "Idempotency-Key": "by-number-key" },
          body: { type: "concluded", date: "2025-06-20", outcome: "granted" },
        },
      );
      expect(withYtd.status).toBe(201);
      const { yearToDate, ...application } = withYtd.data;
      expect(application).toEqual(answers[10]!.data);
      const summary = await s.call("GET", `/v1/agencies/${code}/summary`, admin);
      expect(yearToDate).toEqual(summary.data);
      expect(yearToDate.concludedTotal.total).toBe(11);
      // A value other than true or false is refused, and nothing is written.
      const odd = await s.call(
        "POST",
        `/v1/agencies/${code}/applications/${made[11]!.number}/events?yearToDate=yes`,
        { ...admin, body: { type: "concluded", date: "2025-06-20", outcome: "granted" } },
      );
      expect(odd.status).toBe(400);
      expect(odd.data.error.message.zh).toBeTruthy();
      expect((await conclude(made[0]!.number)).status).toBe(409);
      // The audit names the application by its id.
      const audit = await queryRows<{ target: string }>(
        s.database.db,
        sql`select target from audit_log where action = 'event.concluded' and target = ${made[0]!.id}`,
      );
      expect(audit).toHaveLength(1);
      // Bad numbers and unknown agencies are refused clearly; nothing is written.
      for (const bad of ["0", "-1", "1.5", "abc"]) {
        const r = await conclude(bad);
        expect(r.status, bad).toBe(400);
        expect(r.data.error.message.zh).toBeTruthy();
      }
      expect((await conclude(1, undefined, "419900-nosuch")).status).toBe(404);
      const register = await loadRegister(s.database.db, [code]);
      expect(deriveRequests(register, 2025).granted.total).toBe(11);
    });
  });
});
