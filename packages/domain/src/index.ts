// @ogi/domain: the rules, pure. Two wings: register/ (the applications and what they derive)
// and report/ (the annual report: its format, rules and documents); text.ts the few helpers
// every layer shares (Bilingual, Lang, escapeHtml, todayIn, the code patterns); language/ reads
// a clerk's plain Chinese to an intent with slots.

export * from "./language/index.ts";
export * from "./register/index.ts";
export * from "./report/index.ts";
export * from "./text.ts";
