// Idempotency-Key answers and all-or-nothing writes (write.ts).
import { testEngines } from "@ogi/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, B, sharedApiFixture } from "./api-fixture.ts";
import { ADMIN_TOKEN, type Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  let appA: string;
  let as: ApiFixture["as"];
  sharedApiFixture(engine, (f) => {
    ({ s, appA, as } = f);
  });

  describe("idempotency and transactions", () => {
    // A consultation open on A's application, as the access matrix (api-roles) leaves it: the
    // refused write below ends it.
    beforeAll(async () => {
      const started = await s.call("POST", `/v1/applications/${appA}/events`, {
        token: ADMIN_TOKEN,
        body: { type: "consultationStarted", date: "2025-03-05", party: "thirdParty" },
      });
      expect(started.status).toBe(201);
    });
    it("a replay answers the first answer and writes nothing; another body is a 422", async () => {
      const headers = { "Idempotency-Key": "abc-1" };
      const body = { receivedOn: "2025-11-03", applicantType: "researchInstitution" };
      const first = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...as("clerkB"),
        headers,
        body,
      });
      expect(first.status).toBe(201);
      const before = (
        await s.call("GET", `/v1/agencies/${B}/applications?limit=1000`, as("clerkB"))
      ).data.applications.length;
      const again = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...as("clerkB"),
        headers,
        body,
      });
      expect(again.status).toBe(201);
      expect(again.data).toEqual(first.data);
      expect(again.headers.get("Idempotent-Replayed")).toBe("true");
      const after = (await s.call("GET", `/v1/agencies/${B}/applications?limit=1000`, as("clerkB")))
        .data.applications.length;
      expect(after).toBe(before);
      const other = await s.call("POST", `/v1/agencies/${B}/applications`, {
        ...as("clerkB"),
        headers,
        body: { ...body, applicantType: "naturalPerson" },
      });
      expect(other.status).toBe(422);
      expect(other.data.error.code).toBe("idempotencyKeyReused");
      // Keys belong to their token: another caller may use the same key.
      const mine = await s.call("POST", `/v1/agencies/${B}/applications`, {
        token: ADMIN_TOKEN,
        headers,
        body,
      });
      expect(mine.status).toBe(201);
      expect(mine.data.id).not.toBe(first.data.id);
    });
    it("a refused write leaves nothing: no event, no audit entry, no idempotency key", async () => {
      const headers = { "Idempotency-Key": "refused-1" };
      const id = appA;
      const before = await s.call("GET", `/v1/applications/${id}`, as("clerkA"));
      const bad = await s.call("POST", `/v1/applications/${id}/events`, {
        ...as("clerkA"),
        headers,
        body: { type: "consultationEnded", date: "2030-01-01" },
      });
      expect(bad.status).toBe(409);
      const after = await s.call("GET", `/v1/applications/${id}`, as("clerkA"));
      expect(after.data.events).toEqual(before.data.events);
      const ok = await s.call("POST", `/v1/applications/${id}/events`, {
        ...as("clerkA"),
        headers,
        body: { type: "consultationEnded", date: "2025-03-20" },
      });
      expect(ok.status).toBe(201);
    });
  });
});
