// @ogi/domain: the rules, pure. Two wings: register/ (the applications and what they derive)
// and report/ (the annual report: its format, rules and documents).
export * from "./register/index.ts";
export * from "./report/index.ts";
