// The fold (register/fold.ts): hand-written cases of section 三 from the register, and
// opening balances.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ApplicationEvent,
  applicationState,
  checkOpeningBalance,
  checkRequests,
  deriveRequests,
  emptyRequestsTable,
  type Register,
} from "../src/index.ts";
import { arbRequestsTable } from "./arbitraries.ts";
import {
  app,
  cellsOf,
  concl,
  derive,
  id,
  nonZero,
  rec,
  register,
  reop,
} from "./register-builders.ts";

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

  // Issue 19 item 2: carrying open applications forward as counts is a warning, not an error
  // (a first year brings in last year's 结转下年度 as counts).
  it("refuses one that does not balance; warns when it carries applications forward", () => {
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
    expect(findings.map((f) => [f.code, f.severity, f.cells])).toEqual([
      [
        "requests.openCarriedAsCounts",
        "warning",
        ["requests.carriedForward.naturalPerson", "requests.carriedForward.total"],
      ],
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
