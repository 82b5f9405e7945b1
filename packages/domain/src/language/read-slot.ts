// A fragment read as one slot (stub until the reader lands).
import type { ReadContext, SlotKind, SlotReading, SlotValues } from "./types.ts";

export const readSlot = <K extends SlotKind>(
  _kind: K,
  _text: string,
  _context: ReadContext,
): SlotReading<SlotValues[K]> => ({
  kind: "unknown",
  hint: { zh: "没有看懂", en: "Not understood" },
});
