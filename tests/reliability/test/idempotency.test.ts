// The same write replayed with its Idempotency-Key, concurrently and after a kill -9 and a
// restart, on a real API process: recorded once, the first answer returned.
import { freshPostgres } from "@ogi/db";
import { afterAll, describe, expect, it } from "vitest";
import { type ApiProcess, cleanup, SERVER_ADMIN_TOKEN, startApi, tempDir } from "../src/server.ts";

afterAll(cleanup);

const engines = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
const auth = { authorization: `Bearer ${SERVER_ADMIN_TOKEN}`, "content-type": "application/json" };

const post = async (api: ApiProcess, path: string, body: unknown, key?: string) => {
  const res = await fetch(`${api.url}${path}`, {
    method: "POST",
    headers: { ...auth, ...(key ? { "Idempotency-Key": key } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: the test reads answers field by field
    body: (await res.json()) as any,
    replayed: res.headers.get("idempotent-replayed"),
  };
};
const list = async (api: ApiProcess, code: string) =>
  (
    (await (
      await fetch(`${api.url}/v1/agencies/${code}/applications?limit=1000`, { headers: auth })
    ).json()) as { applications: unknown }
  ).applications as { id: string; subject: string }[];

describe.each(engines)("idempotency on %s", (engine) => {
  it("20 concurrent replays and one after kill -9 record once", async () => {
    const pg = engine === "postgres" ? await freshPostgres() : undefined;
    try {
      const storage = pg ? { databaseUrl: pg.url } : { dataDir: tempDir("idem") };
      let api = await startApi(storage);
      const code = "idem-a";
      expect((await post(api, "/v1/agencies", { code, name: "幂等局" })).status).toBe(201);
      const body = { receivedOn: "2025-03-03", applicantType: "naturalPerson", subject: "重放" };
      const path = `/v1/agencies/${code}/applications`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => post(api, path, body, "create-1")),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
      const id = answers[0]!.body.id;
      expect(new Set(answers.map((a) => a.body.id))).toEqual(new Set([id]));
      expect(answers.filter((a) => a.replayed === "true").length).toBe(19);
      const event = { type: "concluded", date: "2025-03-20", outcome: "granted" };
      const recorded = await Promise.all(
        Array.from({ length: 20 }, () =>
          post(api, `/v1/applications/${id}/events`, event, "close-1"),
        ),
      );
      expect(recorded.map((a) => a.status)).toEqual(Array(20).fill(201));

      await api.kill9();
      api = await startApi(storage);
      const again = await post(api, path, body, "create-1");
      expect(again).toMatchObject({ status: 201, replayed: "true" });
      expect(again.body.id).toBe(id);
      const closedAgain = await post(api, `/v1/applications/${id}/events`, event, "close-1");
      expect(closedAgain).toMatchObject({ status: 201, replayed: "true" });
      // The same key with another body is refused, not applied.
      const other = await post(api, path, { ...body, subject: "别的" }, "create-1");
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe("idempotencyKeyReused");

      const apps = await list(api, code);
      expect(apps.map((a) => a.subject)).toEqual(["重放"]);
      const detail = (await (
        await fetch(`${api.url}/v1/applications/${id}`, { headers: auth })
      ).json()) as { events: { type: string }[] };
      expect(detail.events.map((e: { type: string }) => e.type)).toEqual(["received", "concluded"]);
      // Without a key a replay is a second write: the key is what makes it safe.
      expect((await post(api, path, body)).status).toBe(201);
      expect((await list(api, code)).length).toBe(2);
      await api.stop();
    } finally {
      await cleanup();
      await pg?.drop();
    }
  });
});
