// Issue 19, item 10: a due date that rests on a year with no holiday notice loaded says so.
import { describe, expect, it } from "vitest";
import { applicationButtonText, markedDueDate } from "../src/ui.ts";

const a = {
  id: "x",
  number: 7,
  applicantType: "naturalPerson" as const,
  receivedOn: "2027-01-04",
  status: "open" as const,
  dueDate: "2027-02-02",
};

describe("provisional due dates in the bot", () => {
  it("marks a provisional due date (暂定), and only that", () => {
    expect(applicationButtonText({ ...a, provisional: true }, "zh")).toContain("02-02（暂定）");
    expect(applicationButtonText({ ...a, provisional: false }, "zh")).not.toContain("暂定");
  });

  it("draws the mark in one place: a button, a list line, a card with why", () => {
    expect(markedDueDate("zh", "02-02", true, "button")).toBe("02-02（暂定）");
    expect(markedDueDate("en", "02-02", true, "button")).toBe("02-02?");
    expect(markedDueDate("zh", "2027-02-02", true, "list")).toBe("2027-02-02（暂定）");
    expect(markedDueDate("zh", "2027-02-02", true, "card")).toMatch(
      /^2027-02-02（暂定：该年度节假日安排尚未公布/,
    );
    expect(markedDueDate("en", "2027-02-02", true, "card")).toContain("provisional: that year");
    for (const form of ["button", "list", "card"] as const)
      expect(markedDueDate("zh", "2027-02-02", false, form)).toBe("2027-02-02");
    expect(applicationButtonText({ ...a, provisional: true }, "en")).toContain("02-02?");
  });
});
