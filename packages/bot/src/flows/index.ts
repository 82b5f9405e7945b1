// Every step of every flow, and the codec of a button: the typed fields inside the signed,
// stamped envelope (envelope.ts). A pressed button is read back only if some step declares its
// kind and its fields read; anything else is refused before any feature sees it.
import { agencyStep } from "./agency.ts";
import type { ButtonData, Step } from "./callback-data.ts";
import { cancelStep } from "./cancel.ts";
import { closeFlow } from "./close.ts";
import { editFlow } from "./edit.ts";
import { type CallbackError, decodeCallback, encodeCallback } from "./envelope.ts";
import { langStep } from "./lang.ts";
import { moreFlow } from "./more.ts";
import { newFlow } from "./new.ts";
import { readingFlow } from "./reading.ts";
import { REPORT_FILE_FORMATS, regionReportStep, reportFileStep } from "./report.ts";
import { undoFlow } from "./undo.ts";

export type { ButtonData, Step } from "./callback-data.ts";
export { MORE_EVENTS, type MoreEvent } from "./more.ts";
export type { NewState } from "./new.ts";
export { UNDO_REASONS, type UndoReason } from "./undo.ts";
export {
  agencyStep,
  cancelStep,
  closeFlow,
  editFlow,
  langStep,
  moreFlow,
  newFlow,
  REPORT_FILE_FORMATS,
  readingFlow,
  regionReportStep,
  reportFileStep,
  undoFlow,
};

/** Every step, by its kind on the wire (a kind declared twice is a mistake caught at start). */
export const STEPS: ReadonlyMap<string, Step<unknown>> = (() => {
  const all: Step<unknown>[] = [
    ...Object.values(newFlow),
    ...Object.values(closeFlow),
    ...Object.values(moreFlow),
    ...Object.values(undoFlow),
    ...Object.values(editFlow),
    ...Object.values(readingFlow),
    cancelStep,
    langStep,
    agencyStep,
    regionReportStep,
    reportFileStep,
  ];
  const byKind = new Map(all.map((s) => [s.kind, s]));
  if (byKind.size !== all.length) throw new Error("two steps share a kind of callback data");
  return byKind;
})();

export type ButtonCodec = {
  encode(data: ButtonData): string;
  decode(data: string): { ok: true; pressed: ButtonData } | { ok: false; error: CallbackError };
};

/** Buttons older than this get "expired" (a week: a card left open over a weekend still works). */
export const MAX_BUTTON_AGE_MINUTES = 7 * 24 * 60;

export const buttonCodec = (key: string, nowMinute: () => number): ButtonCodec => ({
  encode: (b) => encodeCallback(key, b.kind, b.fields, nowMinute()),
  decode: (data) => {
    const r = decodeCallback(key, data, nowMinute(), MAX_BUTTON_AGE_MINUTES);
    if (!r.ok) return r;
    const pressed = { kind: r.kind, fields: r.fields };
    return STEPS.get(r.kind)?.read(pressed.fields) !== undefined
      ? { ok: true, pressed }
      : { ok: false, error: "malformed" };
  },
});
