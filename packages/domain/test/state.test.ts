// The state of one application on a day (register/state.ts).
import { describe, expect, it } from "vitest";
import { type ApplicationEvent, applicationState, type PlainEvent } from "../src/index.ts";
import { amend, app, rec } from "./register-builders.ts";

describe("applicationState", () => {
  const r = rec("2024-03-01", "socialWelfareOrganization");
  const events: ApplicationEvent[] = [
    r,
    { id: "cr", type: "correctionRequested", date: "2024-03-04" },
    { id: "cd", type: "correctionReceived", date: "2024-03-08" },
    { id: "cs", type: "consultationStarted", date: "2024-03-10", party: "thirdParty" },
    { id: "ce", type: "consultationEnded", date: "2024-03-20" },
    { id: "ex", type: "extended", date: "2024-03-25", workingDays: 20 },
    { id: "fn", type: "feeNoticeIssued", date: "2024-03-26", amountYuan: 100 },
    { id: "fp", type: "feePaid", date: "2024-04-02" },
    { id: "c1", type: "concluded", date: "2024-04-10", outcome: "granted" },
    { id: "ro", type: "reopened", date: "2024-06-01", reason: "复议决定" },
    { id: "c2", type: "concluded", date: "2024-06-20", outcome: "partiallyGranted" },
  ];
  const a = app(...events);

  it("is not received before the day of receipt", () => {
    const s = applicationState(a, "2024-02-29");
    expect(s).toMatchObject({ received: false, status: "notReceived", open: false, events: [] });
  });

  it("follows the application day by day (end of day)", () => {
    const at = (d: string) => applicationState(a, d);
    expect(at("2024-03-01")).toMatchObject({
      received: true,
      receivedOn: "2024-03-01",
      applicantType: "socialWelfareOrganization",
      channel: "online",
      status: "open",
      paused: false,
    });
    expect(at("2024-03-05")).toMatchObject({ awaitingCorrection: true, paused: false });
    expect(at("2024-03-08")).toMatchObject({ awaitingCorrection: false });
    expect(at("2024-03-15")).toMatchObject({ inConsultation: true, paused: true });
    expect(at("2024-03-20")).toMatchObject({ inConsultation: false, paused: false });
    expect(at("2024-03-25")).toMatchObject({ extended: true });
    expect(at("2024-03-30")).toMatchObject({ awaitingFee: true, paused: true });
    expect(at("2024-04-02")).toMatchObject({ awaitingFee: false, paused: false });
    expect(at("2024-04-10")).toMatchObject({
      status: "concluded",
      open: false,
      outcome: "granted",
      concludedOn: "2024-04-10",
    });
    expect(at("2024-06-01")).toMatchObject({
      status: "open",
      outcome: null,
      concludedOn: null,
      reopenedCount: 1,
      lastStatusChangeOn: "2024-06-01",
    });
    expect(applicationState(a)).toMatchObject({
      status: "concluded",
      outcome: "partiallyGranted",
      concludedOn: "2024-06-20",
    });
  });

  it("applies amendments", () => {
    const b = app(...events, amend("c2", { ...(events[10] as PlainEvent), id: "c3" }));
    expect(
      applicationState(b)
        .events.map((e) => e.id)
        .at(-1),
    ).toBe("c3");
    const c = app(...events, amend("c2"));
    expect(applicationState(c)).toMatchObject({ status: "open", reopenedCount: 1 });
  });
});

// ── validateTransition ────────────────────────────────────────────────────────
