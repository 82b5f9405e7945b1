import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ApplicantType,
  type Application,
  type ApplicationEvent,
  applicationFlows,
  applicationState,
  checkOpeningBalance,
  checkReport,
  checkRequests,
  deriveRequests,
  effectiveEvents,
  emptyReport,
  emptyRequestsTable,
  OUTCOMES,
  type Outcome,
  type PlainEvent,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type Register,
  type RequestsTable,
  registerSchema,
  summarize,
  sumRequests,
  validateTransition,
} from "../src/index.ts";
import { arbRegister, arbRequestsTable, dateOf, dayNumberOf } from "./arbitraries.ts";

// ── Builders ──────────────────────────────────────────────────────────────────

let n = 0;
const id = () => `e${++n}`;
const rec = (date: string, applicantType: ApplicantType = "naturalPerson"): PlainEvent => ({
  id: id(),
  type: "received",
  date,
  applicantType,
  channel: "online",
});
const concl = (date: string, outcome: Outcome = "granted"): PlainEvent => ({
  id: id(),
  type: "concluded",
  date,
  outcome,
});
const reop = (date: string): PlainEvent => ({
  id: id(),
  type: "reopened",
  date,
  reason: "复议纠正",
});
const amend = (supersedes: string, replacement?: PlainEvent, date = "2024-12-01") =>
  ({
    id: id(),
    type: "amended",
    date,
    supersedes,
    reason: "登记有误",
    ...(replacement ? { replacement } : {}),
  }) as ApplicationEvent;
const app = (...events: ApplicationEvent[]): Application => ({ id: id(), events });
const register = (...applications: Application[]): Register => ({
  applications,
  openingBalances: [],
});

/** The non-zero cells of a table, "row.column": value (totals included). */
const nonZero = (t: RequestsTable) => {
  const out: Record<string, number> = {};
  for (const r of REQUEST_ROWS)
    for (const c of REQUEST_COLUMNS) if (t[r][c] !== 0) out[`${r}.${c}`] = t[r][c];
  return out;
};
const cellsOf = (
  t: RequestsTable,
  column: "naturalPerson" | "commercialEnterprise" = "naturalPerson",
) => {
  const out: Record<string, number> = {};
  for (const r of REQUEST_ROWS) if (t[r][column] !== 0) out[r] = t[r][column];
  return out;
};
const derive = (a: Application, year: number) => cellsOf(deriveRequests(register(a), year));

// ── deriveRequests: hand-written cases ────────────────────────────────────────

describe("deriveRequests", () => {
  it("counts an application received and concluded in the year, by applicant type", () => {
    const t = deriveRequests(
      register(
        app(rec("2024-03-01"), concl("2024-03-10", "partiallyGranted")),
        app(rec("2024-05-01", "legalServiceAgency"), concl("2024-05-20", "unableNotHeld")),
      ),
      2024,
    );
    expect(nonZero(t)).toEqual({
      "newReceived.naturalPerson": 1,
      "newReceived.legalServiceAgency": 1,
      "newReceived.total": 2,
      "partiallyGranted.naturalPerson": 1,
      "partiallyGranted.total": 1,
      "unableNotHeld.legalServiceAgency": 1,
      "unableNotHeld.total": 1,
      "totalProcessed.naturalPerson": 1,
      "totalProcessed.legalServiceAgency": 1,
      "totalProcessed.total": 2,
    });
  });

  it("carries an open application forward, and over into the next year", () => {
    const a = app(rec("2023-12-20"), concl("2024-01-05", "otherOther"));
    expect(derive(a, 2022)).toEqual({});
    expect(derive(a, 2023)).toEqual({ newReceived: 1, carriedForward: 1 });
    expect(derive(a, 2024)).toEqual({ carriedOver: 1, otherOther: 1, totalProcessed: 1 });
    expect(derive(a, 2025)).toEqual({});
  });

  it("treats 31 December and 1 January as the edges of the year", () => {
    expect(derive(app(rec("2023-12-31")), 2023)).toEqual({ newReceived: 1, carriedForward: 1 });
    expect(derive(app(rec("2023-12-31")), 2024)).toEqual({ carriedOver: 1, carriedForward: 1 });
    const a = app(rec("2023-12-01"), concl("2023-12-31"));
    expect(derive(a, 2023)).toEqual({ newReceived: 1, granted: 1, totalProcessed: 1 });
    expect(derive(a, 2024)).toEqual({});
    const b = app(rec("2023-12-01"), concl("2024-01-01"));
    expect(derive(b, 2024)).toEqual({ carriedOver: 1, granted: 1, totalProcessed: 1 });
  });

  it("counts a conclusion and reopening in the same year once, by its last outcome", () => {
    const a = app(
      rec("2024-02-01"),
      concl("2024-02-10", "deniedThirdPartyRights"),
      reop("2024-06-01"),
      concl("2024-06-20", "granted"),
    );
    expect(derive(a, 2024)).toEqual({ newReceived: 1, granted: 1, totalProcessed: 1 });
  });

  it("carries forward an application reopened and still open at the end of the year", () => {
    const a = app(rec("2024-02-01"), concl("2024-02-10"), reop("2024-11-01"));
    expect(derive(a, 2024)).toEqual({ newReceived: 1, carriedForward: 1 });
    expect(derive(app(...a.events, concl("2025-01-10", "otherOther")), 2025)).toEqual({
      carriedOver: 1,
      otherOther: 1,
      totalProcessed: 1,
    });
  });

  it("counts a reopening in a later year as newly received then", () => {
    const a = app(rec("2023-03-01"), concl("2023-03-20", "deniedStateSecret"), reop("2024-04-01"));
    expect(derive(a, 2023)).toEqual({ newReceived: 1, deniedStateSecret: 1, totalProcessed: 1 });
    expect(derive(a, 2024)).toEqual({ newReceived: 1, carriedForward: 1 });
    const b = app(...a.events, concl("2024-05-01", "granted"));
    expect(derive(b, 2024)).toEqual({ newReceived: 1, granted: 1, totalProcessed: 1 });
    expect(derive(b, 2025)).toEqual({});
  });

  it("counts an application carried over, concluded, reopened and concluded again once", () => {
    const a = app(
      rec("2023-11-01"),
      concl("2024-01-10", "unableNotHeld"),
      reop("2024-03-01"),
      concl("2024-04-01", "granted"),
    );
    expect(derive(a, 2024)).toEqual({ carriedOver: 1, granted: 1, totalProcessed: 1 });
  });

  it("ignores the events that do not change the status", () => {
    const events: ApplicationEvent[] = [
      rec("2024-01-02", "commercialEnterprise"),
      { id: id(), type: "correctionRequested", date: "2024-01-05" },
      { id: id(), type: "correctionReceived", date: "2024-01-10" },
      { id: id(), type: "consultationStarted", date: "2024-01-11", party: "thirdParty" },
      { id: id(), type: "consultationEnded", date: "2024-01-20" },
      { id: id(), type: "extended", date: "2024-01-25", workingDays: 20 },
      { id: id(), type: "feeNoticeIssued", date: "2024-01-26", amountYuan: 50 },
      { id: id(), type: "feePaid", date: "2024-02-01" },
    ];
    const t = deriveRequests(register(app(...events)), 2024);
    expect(cellsOf(t, "commercialEnterprise")).toEqual({ newReceived: 1, carriedForward: 1 });
    const closed = deriveRequests(
      register(app(...events, concl("2024-02-10", "otherFeeUnpaid"))),
      2024,
    );
    expect(cellsOf(closed, "commercialEnterprise")).toEqual({
      newReceived: 1,
      otherFeeUnpaid: 1,
      totalProcessed: 1,
    });
  });

  it("orders status events by date, not by when they were recorded", () => {
    // The conclusion of 2024-03 was recorded after the reopening of 2024-06 (backdated entry).
    const a = app(rec("2024-01-02"), concl("2024-02-01"), reop("2024-06-01"), concl("2024-03-01"));
    expect(applicationState(a).open).toBe(true);
    expect(derive(a, 2024)).toEqual({ newReceived: 1, carriedForward: 1 });
  });

  it("stays balanced on histories the API would refuse", () => {
    const odd = [
      app(rec("2024-03-01"), concl("2023-01-01")), // concluded before receipt
      app(rec("2024-03-01"), concl("2024-03-02"), concl("2024-04-01", "otherOther")),
      app(rec("2023-03-01"), concl("2023-03-02"), concl("2024-04-01")), // concluded twice
      app(rec("2024-03-01"), reop("2024-03-02")), // reopened while open
      app(concl("2024-01-01")), // never received
      app(rec("2024-03-01"), rec("2024-05-01", "researchInstitution")),
    ];
    for (const year of [2023, 2024, 2025]) {
      const t = deriveRequests(register(...odd), year);
      expect(checkRequests(t)).toEqual([]);
    }
    expect(derive(odd[0]!, 2024)).toEqual({ newReceived: 1, granted: 1, totalProcessed: 1 });
    expect(derive(odd[1]!, 2024)).toEqual({ newReceived: 1, otherOther: 1, totalProcessed: 1 });
    expect(derive(odd[2]!, 2024)).toEqual({});
  });

  it("adds the opening balances of the year, cell by cell", () => {
    const counts = emptyRequestsTable();
    for (const r of ["newReceived", "granted", "totalProcessed"] as const) {
      counts[r].naturalPerson = 5;
      counts[r].total = 5;
    }
    const reg: Register = {
      applications: [app(rec("2024-09-01"))],
      openingBalances: [{ year: 2024, counts, note: "登记簿启用前" }],
    };
    expect(cellsOf(deriveRequests(reg, 2024))).toEqual({
      newReceived: 6,
      granted: 5,
      totalProcessed: 5,
      carriedForward: 1,
    });
    expect(cellsOf(deriveRequests(reg, 2025))).toEqual({ carriedOver: 1, carriedForward: 1 });
  });
});

describe("checkOpeningBalance", () => {
  it("accepts a balanced opening balance that carries nothing forward", () => {
    const [counts] = fc.sample(arbRequestsTable({ carriedForwardZero: true }), { seed: 1 });
    expect(checkOpeningBalance({ year: 2024, counts: counts! })).toEqual([]);
  });

  it("refuses one that does not balance or carries something forward", () => {
    const counts = emptyRequestsTable();
    counts.newReceived.naturalPerson = 2;
    counts.newReceived.total = 2;
    counts.granted.naturalPerson = 1;
    counts.granted.total = 1;
    counts.totalProcessed.naturalPerson = 1;
    counts.totalProcessed.total = 1;
    counts.carriedForward.naturalPerson = 1;
    counts.carriedForward.total = 1;
    const findings = checkOpeningBalance({ year: 2024, counts });
    expect(findings.map((f) => [f.code, f.cells])).toEqual([
      ["value.invalid", ["requests.carriedForward.naturalPerson"]],
      ["value.invalid", ["requests.carriedForward.total"]],
    ]);
    counts.carriedForward.naturalPerson = 0;
    counts.carriedForward.total = 0;
    expect(checkOpeningBalance({ year: 2024, counts }).map((f) => f.code)).toEqual([
      "requests.balance",
      "requests.balance",
    ]);
  });
});

// ── effectiveEvents ───────────────────────────────────────────────────────────

describe("effectiveEvents", () => {
  const r = rec("2024-03-01");
  const c = concl("2024-03-10", "granted");
  const ids = (a: Application) => effectiveEvents(a).map((e) => e.id);

  it("returns the events in recorded order when nothing is amended", () => {
    const x = reop("2024-04-01");
    expect(effectiveEvents(app(r, c, x))).toEqual([r, c, x]);
  });

  it("withdraws an event, or puts its replacement in its place", () => {
    const x = reop("2024-04-01");
    expect(ids(app(r, c, x, amend(c.id)))).toEqual([r.id, x.id]);
    const fixed = concl("2024-03-12", "partiallyGranted");
    expect(effectiveEvents(app(r, c, x, amend(c.id, fixed)))).toEqual([r, fixed, x]);
  });

  it("undoes an amendment that is itself superseded, restoring what it removed", () => {
    const fixed = concl("2024-03-12", "partiallyGranted");
    const a1 = amend(c.id, fixed);
    expect(effectiveEvents(app(r, c, a1, amend(a1.id)))).toEqual([r, c]);
    const w = amend(c.id);
    const undo = amend(w.id);
    expect(ids(app(r, c, w, undo))).toEqual([r.id, c.id]);
    // Undoing the undo withdraws it again.
    expect(ids(app(r, c, w, undo, amend(undo.id)))).toEqual([r.id]);
  });

  it("amends a replacement by its own id", () => {
    const fixed = concl("2024-03-12", "partiallyGranted");
    const again = concl("2024-03-13", "unableNotHeld");
    expect(effectiveEvents(app(r, c, amend(c.id, fixed), amend(fixed.id, again)))).toEqual([
      r,
      again,
    ]);
    expect(ids(app(r, c, amend(c.id, fixed), amend(fixed.id)))).toEqual([r.id]);
  });

  it("ignores amendments of unknown or later events; the later of two amendments wins", () => {
    const later = reop("2024-05-01");
    const early = amend(later.id);
    expect(ids(app(r, c, amend("nope"), early, later))).toEqual([r.id, c.id, later.id]);
    const one = concl("2024-03-11", "deniedStateSecret");
    const two = concl("2024-03-12", "otherOther");
    expect(effectiveEvents(app(r, c, amend(c.id, one), amend(c.id, two)))).toEqual([r, two]);
  });

  it("never returns amendments, and is deterministic", () => {
    const a = app(r, c, amend(c.id), amend("x"));
    expect(effectiveEvents(a)).toEqual(effectiveEvents(structuredClone(a)));
    expect(effectiveEvents(a).some((e) => (e.type as string) === "amended")).toBe(false);
  });

  it("withdrawing the receipt removes the application from every table", () => {
    const a = app(r, c, amend(r.id));
    expect(applicationState(a).received).toBe(false);
    expect(derive(a, 2024)).toEqual({});
  });

  it("moving a conclusion into the next year by a replacement moves it in the tables", () => {
    const a = app(rec("2024-12-01"), c, amend(c.id, concl("2025-01-03", "granted")));
    expect(derive(a, 2024)).toEqual({ newReceived: 1, carriedForward: 1 });
    expect(derive(a, 2025)).toEqual({ carriedOver: 1, granted: 1, totalProcessed: 1 });
  });
});

// ── applicationState ──────────────────────────────────────────────────────────

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

describe("validateTransition", () => {
  const r = { ...rec("2024-03-01"), id: "r" } as PlainEvent;
  const open = app(r);
  const c1 = { id: "c1", type: "concluded", date: "2024-03-20", outcome: "granted" } as const;
  const closed = app(r, c1);
  const ev = (e: Partial<ApplicationEvent> & { type: string }) =>
    ({ id: `n${++n}`, date: "2024-04-01", ...e }) as ApplicationEvent;
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

describe("summarize", () => {
  const reg = register(
    app(rec("2023-12-01"), concl("2024-02-01", "granted")),
    app(rec("2023-11-01")),
    app(rec("2024-01-10", "commercialEnterprise"), concl("2024-01-20", "deniedStateSecret")),
    app(rec("2024-03-01"), concl("2024-05-01", "unableNotHeld")),
    app(rec("2024-07-01")),
  );

  it("gives stock and flow from 1 January to the end of asOf", () => {
    const s = summarize(reg, "2024-03-31");
    expect(s.year).toBe(2024);
    expect(s.asOf).toBe("2024-03-31");
    expect(s.carriedOver).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(s.received).toMatchObject({ naturalPerson: 1, commercialEnterprise: 1, total: 2 });
    expect(s.concluded.granted).toMatchObject({ naturalPerson: 1, total: 1 });
    expect(s.concluded.deniedStateSecret).toMatchObject({ commercialEnterprise: 1, total: 1 });
    expect(s.concludedByGroup.denied).toMatchObject({ commercialEnterprise: 1, total: 1 });
    expect(s.concludedByGroup.granted.total).toBe(1);
    expect(s.concludedTotal.total).toBe(2);
    expect(s.openNow).toMatchObject({ naturalPerson: 2, total: 2 });
    expect(s.balanced).toBe(true);
  });

  it("agrees with deriveRequests on 31 December", () => {
    const s = summarize(reg, "2024-12-31");
    const t = deriveRequests(reg, 2024);
    expect(s.carriedOver).toEqual(t.carriedOver);
    expect(s.received).toEqual(t.newReceived);
    expect(s.concludedTotal).toEqual(t.totalProcessed);
    expect(s.openNow).toEqual(t.carriedForward);
    for (const o of OUTCOMES) expect(s.concluded[o]).toEqual(t[o]);
  });

  it("includes the opening balances of the year and says when they do not balance", () => {
    const counts = emptyRequestsTable();
    counts.newReceived.naturalPerson = 3;
    counts.newReceived.total = 3;
    const s = summarize({ ...reg, openingBalances: [{ year: 2024, counts }] }, "2024-03-31");
    expect(s.received.total).toBe(5);
    expect(s.balanced).toBe(false);
  });
});

// ── Properties ────────────────────────────────────────────────────────────────

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const deriveAll = (reg: Register) => YEARS.map((y) => deriveRequests(reg, y));

describe("properties of the fold", () => {
  it("generated registers are valid: each event is accepted after those before it", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        expect(registerSchema.safeParse(reg).success).toBe(true);
        for (const a of reg.applications)
          for (let i = 1; i < a.events.length; i++) {
            const before = { ...a, events: a.events.slice(0, i) };
            expect(validateTransition(before, a.events[i]!)).toEqual({ ok: true });
          }
      }),
      { numRuns: 100 },
    );
  });

  it("the derived table passes every rule of checkReport, in every year", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        for (const [i, requests] of deriveAll(reg).entries()) {
          const report = emptyReport({ name: "测试局" }, YEARS[i]!);
          report.requests = requests;
          report.problems = "无。";
          report.fees.noticesIssued = requests.otherFeeUnpaid.total;
          expect(checkReport(report)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the table of a union of registers is the sum of their tables", () => {
    fc.assert(
      fc.property(arbRegister(), arbRegister(), (a, b) => {
        const union: Register = {
          applications: [...a.applications, ...b.applications],
          openingBalances: [...a.openingBalances, ...b.openingBalances],
        };
        for (const y of YEARS)
          expect(deriveRequests(union, y)).toEqual(
            sumRequests([deriveRequests(a, y), deriveRequests(b, y)]),
          );
      }),
      { numRuns: 100 },
    );
  });

  it("this year's carriedOver is last year's carriedForward", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        const tables = deriveAll(reg);
        // Opening balances lie in the first register year (2021) only.
        for (let i = 1; i < YEARS.length; i++)
          if (YEARS[i]! > 2021)
            expect(tables[i]!.carriedOver).toEqual(tables[i - 1]!.carriedForward);
      }),
      { numRuns: 150 },
    );
  });

  it("an event withdrawn by an amendment counts as if it had never been recorded", () => {
    fc.assert(
      fc.property(arbRegister({ amendments: false }), fc.nat(), fc.nat(), (reg, ai, ei) => {
        if (reg.applications.length === 0) return;
        const k = ai % reg.applications.length;
        const target = reg.applications[k]!;
        const victim = target.events[ei % target.events.length]!;
        const withdrawn = structuredClone(reg);
        withdrawn.applications[k]!.events.push(amend(victim.id, undefined, "2030-01-01"));
        const never = structuredClone(reg);
        never.applications[k]!.events = target.events.filter((e) => e.id !== victim.id);
        expect(effectiveEvents(withdrawn.applications[k]!)).toEqual(never.applications[k]!.events);
        expect(deriveAll(withdrawn)).toEqual(deriveAll(never));
        for (const d of ["2023-06-30", "2024-12-31"])
          expect(summarize(withdrawn, d)).toEqual(summarize(never, d));
      }),
      { numRuns: 150 },
    );
  });

  it("the fast path and the general path agree (an idle amendment forces the latter)", () => {
    fc.assert(
      fc.property(arbRegister(), (reg) => {
        const slow = structuredClone(reg);
        for (const a of slow.applications) a.events.push(amend("no-such-event"));
        expect(deriveAll(slow)).toEqual(deriveAll(reg));
      }),
      { numRuns: 100 },
    );
  });

  it("applicationFlows is deriveRequests of a register of one, in the flow rows", () => {
    const flowRows = REQUEST_ROWS.filter((r) => r !== "carriedOver" && r !== "carriedForward");
    fc.assert(
      fc.property(arbRegister({ openingBalances: false }), (reg) => {
        for (const app of reg.applications)
          for (const y of YEARS) {
            const table = deriveRequests({ applications: [app], openingBalances: [] }, y);
            const expected = flowRows.flatMap((row) =>
              REQUEST_COLUMNS.filter((c) => table[row][c] !== 0).map((column) => ({
                row,
                column,
                n: table[row][column],
              })),
            );
            const key = (f: { row: string; column: string }) => `${f.row}|${f.column}`;
            const sorted = (xs: { row: string; column: string; n: number }[]) =>
              [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
            expect(sorted(applicationFlows(app, y))).toEqual(sorted(expected));
          }
      }),
      { numRuns: 100 },
    );
  });

  it("carriedOver and carriedForward count the applications open per applicationState", () => {
    fc.assert(
      fc.property(arbRegister({ openingBalances: false }), (reg) => {
        for (const y of YEARS) {
          const t = deriveRequests(reg, y);
          const openAt = (d: string) =>
            reg.applications.filter((a) => applicationState(a, d).open).length;
          expect(t.carriedOver.total).toBe(openAt(`${y - 1}-12-31`));
          expect(t.carriedForward.total).toBe(openAt(`${y}-12-31`));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("summarize is balanced on any day and agrees with deriveRequests on 31 December", () => {
    const first = dayNumberOf("2021-01-01");
    const last = dayNumberOf("2025-12-31");
    fc.assert(
      fc.property(arbRegister(), fc.integer({ min: first, max: last }), (reg, day) => {
        const asOf = dateOf(day);
        const s = summarize(reg, asOf);
        const t = checkRequests({
          ...emptyRequestsTable(),
          carriedOver: s.carriedOver,
          newReceived: s.received,
          ...s.concluded,
          totalProcessed: s.concludedTotal,
          carriedForward: s.openNow,
        });
        expect(t).toEqual([]);
        expect(s.balanced).toBe(true);
        const y = Number(asOf.slice(0, 4));
        const end = summarize(reg, `${y}-12-31`);
        const d = deriveRequests(reg, y);
        expect(end.received).toEqual(d.newReceived);
        expect(end.openNow).toEqual(d.carriedForward);
        expect(end.carriedOver).toEqual(d.carriedOver);
        expect(end.concludedTotal).toEqual(d.totalProcessed);
        for (const o of OUTCOMES) expect(end.concluded[o]).toEqual(d[o]);
      }),
      { numRuns: 150 },
    );
  });
});
