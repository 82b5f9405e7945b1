// Adding or correcting an application's particulars (subject, applicant) after registration:
// what is given replaces what was recorded, nothing is cleared, the audit log keeps the values
// before and after, and the applicant's personal data is changed only by the agency's staff.
import { auditEntries, testEngines } from "@ogi/db";
import { describe, expect, it } from "vitest";
import { A, type ApiFixture, sharedApiFixture } from "./api-fixture.ts";
import type { Setup } from "./helpers.ts";

describe.each(testEngines())("API on %s", (engine) => {
  let s: Setup;
  let as: ApiFixture["as"];
  sharedApiFixture(engine, (f) => {
    ({ s, as } = f);
  });

  const register = async (body: object = {}) => {
    const r = await s.call("POST", `/v1/agencies/${A}/applications`, {
      ...as("clerkA"),
      body: { receivedOn: "2025-12-01", applicantType: "naturalPerson", ...body },
    });
    expect(r.status).toBe(201);
    return r.data as { id: string; number: number };
  };
  const amend = (id: string, body: unknown, who = "clerkA", key?: string) =>
    s.call("POST", `/v1/applications/${id}/particulars`, {
      ...as(who),
      ...(key ? { headers: { "Idempotency-Key": key } } : {}),
      body,
    });

  it("adds a subject and an applicant later; the name and the contact each on its own", async () => {
    const { id, number } = await register();
    const first = await amend(id, { subject: "2025年预算", applicant: { name: "张三" } });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({
      id,
      number,
      subject: "2025年预算",
      applicant: { name: "张三" },
    });
    const second = await amend(id, { applicant: { contact: "13900000000" }, reason: "补充电话" });
    expect(second.data.subject).toBe("2025年预算");
    expect(second.data.applicant).toEqual({ name: "张三", contact: "13900000000" });
    // The register's read agrees (the cached page is invalidated by the write).
    const listed = await s.call(
      "GET",
      `/v1/agencies/${A}/applications?number=${number}`,
      as("clerkA"),
    );
    expect(listed.data.applications[0]).toMatchObject({
      subject: "2025年预算",
      applicant: { name: "张三", contact: "13900000000" },
    });
    // The history: each change with the values before and after, in the audit log.
    const log = (await auditEntries(s.database.db, 50)).filter(
      (e) => e.action === "application.particulars" && e.target === id,
    );
    expect(log.map((e) => e.detail)).toEqual([
      {
        number,
        before: { subject: "2025年预算", applicant: { name: "张三" } },
        after: { subject: "2025年预算", applicant: { name: "张三", contact: "13900000000" } },
        reason: "补充电话",
      },
      {
        number,
        before: { subject: null, applicant: null },
        after: { subject: "2025年预算", applicant: { name: "张三" } },
      },
    ]);
  });

  it("corrects a subject given at registration; the events are untouched", async () => {
    const { id } = await register({ subject: "2024年预算" });
    const before = await s.call("GET", `/v1/applications/${id}`, as("clerkA"));
    const r = await amend(id, { subject: "  2025年预算  " });
    expect(r.status).toBe(200);
    expect(r.data.subject).toBe("2025年预算");
    expect(r.data.events).toEqual(before.data.events);
  });

  it("refuses an empty change, unknown fields and blank values (422, bilingual), writing nothing", async () => {
    const { id } = await register({ subject: "原内容" });
    for (const body of [
      {},
      { reason: "无" },
      { subject: "" },
      { subject: "   " },
      { applicant: {} },
      { number: 3 },
    ]) {
      const r = await amend(id, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.data.error.message.zh).toBeTruthy();
      expect(r.data.error.message.en).toBeTruthy();
    }
    expect((await amend(id, { subject: "x".repeat(501) })).status).toBe(422);
    const now = await s.call("GET", `/v1/applications/${id}`, as("clerkA"));
    expect(now.data.subject).toBe("原内容");
  });

  it("the applicant's personal data is changed only by the agency's own staff", async () => {
    const { id } = await register({ applicant: { name: "李四" } });
    const admin = await amend(id, { applicant: { name: "王五" } }, "admin");
    expect(admin.status).toBe(403);
    // The administrator may still correct the subject (not personal data), and sees no applicant.
    const subject = await amend(id, { subject: "规划许可" }, "admin");
    expect(subject.status).toBe(200);
    expect(subject.data).not.toHaveProperty("applicant");
    expect((await amend(id, { subject: "x" }, "clerkB")).status).toBe(403);
    expect((await amend(id, { subject: "x" }, "managerGov")).status).toBe(403);
    expect((await amend(id, { subject: "x" }, "anonymous")).status).toBe(401);
    expect((await amend("no-such-id", { subject: "x" })).status).toBe(404);
    const bot = await amend(id, { applicant: { contact: "13700000000" } }, "botClerkA");
    expect(bot.data.applicant).toEqual({ name: "李四", contact: "13700000000" });
  });

  it("a replay with the same Idempotency-Key is answered once and logged once", async () => {
    const { id } = await register();
    const a = await amend(id, { subject: "一次" }, "clerkA", "particulars-1");
    const b = await amend(id, { subject: "一次" }, "clerkA", "particulars-1");
    expect(b.status).toBe(200);
    expect(b.headers.get("Idempotent-Replayed")).toBe("true");
    expect(b.data).toEqual(a.data);
    const log = (await auditEntries(s.database.db, 50)).filter(
      (e) => e.action === "application.particulars" && e.target === id,
    );
    expect(log).toHaveLength(1);
  });
});
