// A reading of the clerk's own words (the domain's language module) as the command the bot's
// flows already take: the flow opens pre-filled and shows its card; nothing is written before.
import type { Understood } from "@ogi/domain";
import type { Parsed } from "./shortcuts.ts";

/** The command an understood message means. */
export const parsedOf = (u: Understood): Parsed => {
  const errors = u.errors;
  switch (u.intent) {
    case "new":
      return {
        kind: "new",
        ...(u.applicantType ? { type: { kind: "one", value: u.applicantType } } : {}),
        ...(u.date ? { date: u.date } : {}),
        ...(u.channel ? { channel: u.channel } : {}),
        ...(u.subject ? { subject: u.subject } : {}),
        ...(u.applicantName ? { applicantName: u.applicantName } : {}),
        ...(u.contact ? { contact: u.contact } : {}),
        errors,
      };
    case "close":
      return {
        kind: "close",
        ...(u.number !== undefined ? { number: u.number } : {}),
        ...(u.outcome ? { outcome: { kind: "one", value: u.outcome } } : {}),
        ...(u.date ? { date: u.date } : {}),
        ...(u.referral !== undefined ? { referral: u.referral } : {}),
        ...(u.withdrawn ? { withdrawn: true } : {}),
        errors,
      };
    case "more":
      return {
        kind: "more",
        ...(u.number !== undefined ? { number: u.number } : {}),
        event: u.event,
        ...(u.date ? { date: u.date } : {}),
        ...(u.amountYuan !== undefined ? { fen: Math.round(u.amountYuan * 100) } : {}),
        ...(u.event === "extended" && u.workingDays !== undefined ? { days: u.workingDays } : {}),
        errors,
      };
    case "summary":
      return {
        kind: "summary",
        year: u.year,
        ...(u.measure ? { measure: u.measure } : {}),
        ...(u.outcome ? { outcome: u.outcome } : {}),
        ...(u.group ? { group: u.group } : {}),
        errors,
      };
    case "report":
      return { kind: "report", ...(u.year !== undefined ? { year: u.year } : {}), errors };
    case "pending":
      return u.overdue ? { kind: "pending", overdue: true } : { kind: "pending" };
    case "undo":
      return { kind: "undo" };
    case "help":
      return { kind: "help" };
    case "cancel":
      return { kind: "cancel" };
  }
};
