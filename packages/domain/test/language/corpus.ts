// The phrase corpus of issue 15: messages as a county clerk writes them, with the reading each
// must get. Written for this test (not collected from real chats); the first ones are the
// issue's own examples. Today is Thursday 2026-12-10 (this week: Monday 12-07 to Sunday
// 12-13), the agency's first day 2020-01-01.
//
// A row: [message, expected]. Expected is an intent with exactly its slots (`refused`: how many
// stated slots are refused), `ask(...)`: the candidate readings offered (each matched as a
// subset), or UNKNOWN.
import { CHANNELS, EXTENSIONS } from "./corpus-channels.ts";
import { CONCLUSIONS } from "./corpus-conclusions.ts";
import { QUESTIONS } from "./corpus-questions.ts";
import { RECEIPTS } from "./corpus-receipts.ts";
import type { Row } from "./corpus-rows.ts";

export { EARLIEST, type Expected, TODAY } from "./corpus-rows.ts";

export const CORPUS: Row[] = [
  ...RECEIPTS,
  ...CONCLUSIONS,
  ...QUESTIONS,
  ...CHANNELS,
  ...EXTENSIONS,
];
