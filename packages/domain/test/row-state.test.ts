// The row state (register/row-state.ts): what the database caches on an application's row.
import { describe, expect, it } from "vitest";
import { applicationRowState, NoEffectiveReceiptError } from "../src/index.ts";
import { amend, app, concl, rec } from "./register-builders.ts";

describe("applicationRowState", () => {
  it("reads receipt, status and outcome off the events; a due date only while open", () => {
    const r = rec("2024-03-01");
    expect(applicationRowState(app(r), () => "2024-03-29")).toEqual({
      receivedOn: "2024-03-01",
      applicantType: "naturalPerson",
      channel: "online",
      status: "open",
      concludedOn: null,
      outcome: null,
      dueDate: "2024-03-29",
    });
    expect(applicationRowState(app(r, concl("2024-03-10", "granted")), () => "x")).toMatchObject({
      status: "concluded",
      concludedOn: "2024-03-10",
      outcome: "granted",
      dueDate: null,
    });
  });

  it("throws NoEffectiveReceiptError when the receipt was withdrawn", () => {
    const r = rec("2024-03-01");
    const withdrawn = app(r, amend(r.id));
    expect(() => applicationRowState(withdrawn)).toThrow(NoEffectiveReceiptError);
    expect(() => applicationRowState(withdrawn)).toThrow(
      `application ${withdrawn.id} has no effective receipt`,
    );
    const error = (() => {
      try {
        applicationRowState(withdrawn);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect((error as NoEffectiveReceiptError).applicationId).toBe(withdrawn.id);
  });
});
