// The register's rules (register/transitions.ts): which event may be recorded next.
import { describe, expect, it } from "vitest";
import {
  type Application,
  type ApplicationEvent,
  type PlainEvent,
  validateTransition,
} from "../src/index.ts";
import { amend, app, nextN, rec } from "./register-builders.ts";

describe("validateTransition", () => {
  const r = { ...rec("2024-03-01"), id: "r" } as PlainEvent;
  const open = app(r);
  const c1 = { id: "c1", type: "concluded", date: "2024-03-20", outcome: "granted" } as const;
  const closed = app(r, c1);
  const ev = (e: Partial<ApplicationEvent> & { type: string }) =>
    ({ id: `n${nextN()}`, date: "2024-04-01", ...e }) as ApplicationEvent;
  const code = (a: Application, e: ApplicationEvent) => {
    const res = validateTransition(a, e);
    if (res.ok) return "ok";
    expect(res.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(res.message.en).toMatch(/[a-z]/);
    return res.code;
  };

  it("accepts the ordinary course of an application", () => {
    expect(code(open, ev({ type: "concluded", outcome: "granted" }))).toBe("ok");
    expect(code(closed, ev({ type: "reopened", reason: "复议决定" }))).toBe("ok");
    expect(code(open, ev({ type: "extended", workingDays: 20 }))).toBe("ok");
    expect(code(open, ev({ type: "correctionRequested" }))).toBe("ok");
    expect(code(open, ev({ type: "consultationStarted", party: "agency" }))).toBe("ok");
    expect(code(open, ev({ type: "feeNoticeIssued", amountYuan: 10 }))).toBe("ok");
    expect(code(closed, ev({ type: "concluded", date: "2024-03-01" }))).not.toBe("ok");
  });

  it("refuses impossible transitions", () => {
    expect(code(open, ev({ type: "reopened", reason: "x" }))).toBe("notConcluded");
    expect(code(closed, ev({ type: "concluded", outcome: "granted" }))).toBe("alreadyConcluded");
    expect(code(open, ev({ type: "concluded", outcome: "granted", date: "2024-02-28" }))).toBe(
      "beforeReceipt",
    );
    expect(code(open, ev({ type: "correctionRequested", date: "2024-02-01" }))).toBe(
      "beforeReceipt",
    );
    expect(code(closed, ev({ type: "reopened", reason: "x", date: "2024-03-10" }))).toBe(
      "beforeLastStatusChange",
    );
    expect(code(open, ev({ type: "received", applicantType: "naturalPerson" }))).toBe(
      "alreadyReceived",
    );
    expect(code(app(), ev({ type: "concluded", outcome: "granted" }))).toBe("notReceived");
    expect(code(closed, ev({ type: "extended", workingDays: 5 }))).toBe("concluded");
    const extended = app(r, { id: "x1", type: "extended", date: "2024-03-05", workingDays: 20 });
    expect(code(extended, ev({ type: "extended", workingDays: 5 }))).toBe("alreadyExtended");
    expect(code(open, ev({ type: "correctionReceived" }))).toBe("noCorrectionRequested");
    expect(code(open, ev({ type: "consultationEnded" }))).toBe("noConsultation");
    expect(code(open, ev({ type: "feePaid" }))).toBe("noFeeNotice");
    expect(code(open, { ...r })).toBe("duplicateId");
  });

  it("checks amendments", () => {
    expect(code(closed, amend("nope"))).toBe("unknownEvent");
    const fix = amend("c1", { ...c1, id: "c1b", outcome: "otherOther" });
    expect(code(closed, fix)).toBe("ok");
    const fixed = app(...closed.events, fix);
    expect(code(fixed, amend("c1"))).toBe("alreadySuperseded");
    expect(code(fixed, amend("c1b"))).toBe("ok");
    expect(code(fixed, amend(fix.id))).toBe("ok");
    expect(code(fixed, amend(fix.id, { ...c1, id: "c1c" }))).toBe("replacementOfAmendment");
    expect(code(closed, amend("c1", { ...rec("2024-03-01"), id: "zz" }))).toBe(
      "replacementTypeMismatch",
    );
    expect(code(closed, amend("c1", { ...c1, id: "r" }))).toBe("duplicateId");
    // Withdrawing a conclusion that a reopening followed leaves a reopening of an open one.
    const reopened = app(r, c1, { id: "ro", type: "reopened", date: "2024-04-01", reason: "x" });
    expect(code(reopened, amend("c1"))).toBe("amendmentBreaksHistory");
    expect(code(reopened, amend("ro"))).toBe("ok");
    // An amendment that did nothing cannot be undone.
    const idle = amend("nope");
    expect(code(app(r, idle), amend(idle.id))).toBe("alreadySuperseded");
  });
});

// ── summarize ─────────────────────────────────────────────────────────────────
