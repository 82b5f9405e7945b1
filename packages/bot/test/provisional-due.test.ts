// Issue 19, item 10: a due date that rests on a year with no holiday notice loaded says so.
import { describe, expect, it } from "vitest";
import { applicationButtonText } from "../src/ui.ts";

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
});
