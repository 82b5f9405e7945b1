// A clerk's message to one Reading (stub: every message is unknown until the reader lands).
import type { ReadContext, Reading } from "./types.ts";

export const readMessage = (_text: string, _context: ReadContext): Reading => ({
  kind: "unknown",
  hint: { zh: "没有看懂", en: "Not understood" },
});
