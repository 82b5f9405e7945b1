// Effective events (register/effective-events.ts): amendments applied.
import { describe, expect, it } from "vitest";
import { type Application, applicationState, effectiveEvents } from "../src/index.ts";
import { amend, app, concl, derive, rec, reop } from "./register-builders.ts";

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
