// The typed states of every button flow and their compact encoding in callback data. Enums
// travel as their index in the catalog's own order (one base-36 character), numbers in base 36,
// dates as YYYYMMDD.
import {
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNELS,
  type Channel,
  type IsoDate,
  OUTCOME_GROUPS,
  OUTCOMES,
  type Outcome,
  type OutcomeGroup,
} from "@ogi/domain";
import { type CallbackError, decodeCallback, encodeCallback } from "./callback.ts";
import { packDate, unpackDate } from "./dates.ts";

/** Events `/more` records, in the register's order; consultation names its party. */
export const MORE_EVENTS = [
  "correctionRequested",
  "correctionReceived",
  "consultationStartedThirdParty",
  "consultationStartedAgency",
  "consultationEnded",
  "extended",
  "feeNoticeIssued",
  "feePaid",
] as const;
export type MoreEvent = (typeof MORE_EVENTS)[number];

export const UNDO_REASONS = ["mistake", "duplicate", "wrongApplication"] as const;
export type UndoReason = (typeof UNDO_REASONS)[number];

export type FlowState =
  /** /new: applicant type chosen → choose the date. */
  | { k: "nt"; type: ApplicantType }
  /** /new: date chosen → choose the channel (optional). */
  | { k: "nd"; type: ApplicantType; date: IsoDate }
  /** /new: channel chosen or skipped → the confirmation card. */
  | { k: "nc"; type: ApplicantType; date: IsoDate; channel: Channel | null }
  /** /new: confirmed → write. */
  | { k: "nx"; type: ApplicantType; date: IsoDate; channel: Channel | null }
  /** /close: application chosen → outcome groups. */
  | { k: "ca"; number: number }
  /** /close: group chosen → its sub-rows. */
  | { k: "cg"; number: number; group: OutcomeGroup }
  /** /close: back to the groups. */
  | { k: "cb"; number: number }
  /** /close: outcome chosen → the date. */
  | { k: "co"; number: number; outcome: Outcome }
  /** /close: date chosen → the card. */
  | { k: "cd"; number: number; outcome: Outcome; date: IsoDate }
  /** /close: confirmed → write. */
  | { k: "cx"; number: number; outcome: Outcome; date: IsoDate }
  /** /more: application chosen → event kinds. */
  | { k: "ma"; number: number }
  /** /more: event chosen → the date. */
  | { k: "me"; number: number; event: MoreEvent; fen: number | null }
  /** /more: date chosen → the card. */
  | { k: "md"; number: number; event: MoreEvent; date: IsoDate; fen: number | null }
  /** /more: confirmed → write. */
  | { k: "mx"; number: number; event: MoreEvent; date: IsoDate; fen: number | null }
  /** /undo: reason chosen → the card; `ref` names the record so a newer one makes it stale. */
  | { k: "ur"; reason: UndoReason; ref: string }
  /** /undo: confirmed → write. */
  | { k: "ux"; reason: UndoReason; ref: string }
  /** Cancel any flow. */
  | { k: "x" }
  /** /lang. */
  | { k: "l"; lang: "zh" | "en" }
  /** /agency: act in the user's agency whose code has this digest (see agencyDigest). */
  | { k: "ag"; digest: string }
  /** /report: a region's manager asks for the region's sum of that year. */
  | { k: "rr"; year: number };

export type FlowKind = FlowState["k"];

const idx = <T>(all: readonly T[], v: T) => all.indexOf(v).toString(36);
const at = <T>(all: readonly T[], s: string | undefined): T | undefined =>
  s !== undefined && /^[0-9a-z]$/.test(s) ? all[Number.parseInt(s, 36)] : undefined;
const num = (n: number) => n.toString(36);
const unnum = (s: string | undefined): number | undefined => {
  if (s === undefined || !/^[0-9a-z]{1,8}$/.test(s)) return undefined;
  const n = Number.parseInt(s, 36);
  return n > 0 ? n : undefined;
};
/** An optional amount in fen (0.01 yuan): "" for none. */
const optNum = (n: number | null) => (n === null ? "" : n.toString(36));
const unOptNum = (s: string | undefined): number | null | undefined => {
  if (s === "") return null;
  if (s === undefined || !/^[0-9a-z]{1,8}$/.test(s)) return undefined;
  return Number.parseInt(s, 36);
};

export const flowFields = (s: FlowState): (string | number)[] => {
  switch (s.k) {
    case "nt":
      return [idx(APPLICANT_TYPES, s.type)];
    case "nd":
      return [idx(APPLICANT_TYPES, s.type), packDate(s.date)];
    case "nc":
    case "nx":
      return [
        idx(APPLICANT_TYPES, s.type),
        packDate(s.date),
        s.channel === null ? "" : idx(CHANNELS, s.channel),
      ];
    case "ca":
    case "cb":
    case "ma":
      return [num(s.number)];
    case "cg":
      return [num(s.number), idx(OUTCOME_GROUPS, s.group)];
    case "co":
      return [num(s.number), idx(OUTCOMES, s.outcome)];
    case "cd":
    case "cx":
      return [num(s.number), idx(OUTCOMES, s.outcome), packDate(s.date)];
    case "me":
      return [num(s.number), idx(MORE_EVENTS, s.event), optNum(s.fen)];
    case "md":
    case "mx":
      return [num(s.number), idx(MORE_EVENTS, s.event), packDate(s.date), optNum(s.fen)];
    case "ur":
    case "ux":
      return [idx(UNDO_REASONS, s.reason), s.ref];
    case "x":
      return [];
    case "l":
      return [s.lang];
    case "ag":
      return [s.digest];
    case "rr":
      return [num(s.year)];
  }
};

/** Rebuilds a state from its kind and fields; undefined if any field is out of range. */
export const parseFlow = (kind: string, f: readonly string[]): FlowState | undefined => {
  const only = (n: number) => f.length === n;
  switch (kind) {
    case "nt": {
      const type = at(APPLICANT_TYPES, f[0]);
      return only(1) && type ? { k: "nt", type } : undefined;
    }
    case "nd": {
      const type = at(APPLICANT_TYPES, f[0]);
      const date = unpackDate(f[1] ?? "");
      return only(2) && type && date ? { k: "nd", type, date } : undefined;
    }
    case "nc":
    case "nx": {
      const type = at(APPLICANT_TYPES, f[0]);
      const date = unpackDate(f[1] ?? "");
      const channel = f[2] === "" ? null : at(CHANNELS, f[2]);
      return only(3) && type && date && channel !== undefined
        ? { k: kind, type, date, channel }
        : undefined;
    }
    case "ca":
    case "cb":
    case "ma": {
      const number = unnum(f[0]);
      return only(1) && number ? { k: kind, number } : undefined;
    }
    case "cg": {
      const number = unnum(f[0]);
      const group = at(OUTCOME_GROUPS, f[1]);
      return only(2) && number && group ? { k: "cg", number, group } : undefined;
    }
    case "co": {
      const number = unnum(f[0]);
      const outcome = at(OUTCOMES, f[1]);
      return only(2) && number && outcome ? { k: "co", number, outcome } : undefined;
    }
    case "cd":
    case "cx": {
      const number = unnum(f[0]);
      const outcome = at(OUTCOMES, f[1]);
      const date = unpackDate(f[2] ?? "");
      return only(3) && number && outcome && date ? { k: kind, number, outcome, date } : undefined;
    }
    case "me": {
      const number = unnum(f[0]);
      const event = at(MORE_EVENTS, f[1]);
      const fen = unOptNum(f[2]);
      return only(3) && number && event && fen !== undefined
        ? { k: "me", number, event, fen }
        : undefined;
    }
    case "md":
    case "mx": {
      const number = unnum(f[0]);
      const event = at(MORE_EVENTS, f[1]);
      const date = unpackDate(f[2] ?? "");
      const fen = unOptNum(f[3]);
      return only(4) && number && event && date && fen !== undefined
        ? { k: kind, number, event, date, fen }
        : undefined;
    }
    case "ur":
    case "ux": {
      const reason = at(UNDO_REASONS, f[0]);
      const ref = f[1];
      return only(2) && reason && ref && /^[A-Za-z0-9_-]{1,16}$/.test(ref)
        ? { k: kind, reason, ref }
        : undefined;
    }
    case "x":
      return only(0) ? { k: "x" } : undefined;
    case "l":
      return only(1) && (f[0] === "zh" || f[0] === "en") ? { k: "l", lang: f[0] } : undefined;
    case "ag":
      return only(1) && /^[A-Za-z0-9_-]{8}$/.test(f[0]!) ? { k: "ag", digest: f[0]! } : undefined;
    case "rr": {
      const year = unnum(f[0]);
      return only(1) && year && year >= 2008 && year <= 2100 ? { k: "rr", year } : undefined;
    }
    default:
      return undefined;
  }
};

export type FlowCodec = {
  encode(state: FlowState): string;
  decode(data: string): { ok: true; state: FlowState } | { ok: false; error: CallbackError };
};

/** Buttons older than this get "expired" (a week: a card left open over a weekend still works). */
export const MAX_BUTTON_AGE_MINUTES = 7 * 24 * 60;

export const flowCodec = (key: string, nowMinute: () => number): FlowCodec => ({
  encode: (state) => encodeCallback(key, state.k, flowFields(state), nowMinute()),
  decode: (data) => {
    const r = decodeCallback(key, data, nowMinute(), MAX_BUTTON_AGE_MINUTES);
    if (!r.ok) return r;
    const state = parseFlow(r.kind, r.fields);
    return state ? { ok: true, state } : { ok: false, error: "malformed" };
  },
});
