// The clerk's own words, read deterministically: a message to one Reading (understood, ask,
// unknown), a fragment to one slot, a reading said back in both languages. Pure; imports only
// the catalog, the word lists and the date arithmetic (never the report import/PDF code), so it
// can become @ogi/domain/language.
export { describeIntent, MEASURE_LABELS, MORE_EVENT_LABELS } from "./describe.ts";
export { readMessage } from "./read-message.ts";
export { readSlot } from "./read-slot.ts";
export * from "./types.ts";
