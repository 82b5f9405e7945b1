// Resolves what a person typed to one of the catalog's applicant types, channels or the 21
// outcomes. The labels are the catalog's verbatim labels; anything that matches more than one
// entry comes back as the list of choices, never as a guess.
import {
  APPLICANT_TYPE_WORDS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_WORDS,
  CHANNELS,
  type Channel,
  OUTCOME_GROUP_CATALOG,
  OUTCOME_WORDS,
  OUTCOMES,
  type Outcome,
  type OutcomeGroup,
  outcomeCore,
  outcomesInGroup,
  rowInfo,
} from "@ogi/domain";
import { normalize } from "./normalize.ts";

export type Resolution<T> =
  | { kind: "one"; value: T }
  | { kind: "choices"; values: T[] }
  | { kind: "none" };

/** Lower case, no spaces, no punctuation: how two spellings are compared. */
const fold = (s: string): string =>
  normalize(s)
    .toLowerCase()
    .replace(/[\s.·“”"'()（）《》,，。:：\-_/]/g, "");

/** "1.属于国家秘密" → "属于国家秘密"; "（一）予以公开" → "予以公开" (the domain's, see words.ts). */
export { outcomeCore };

/** The 1-based number of an outcome within its group (the sub-row's own numbering). */
export const numberInGroup = (o: Outcome): number => {
  const group = rowInfo(o).group!;
  return outcomesInGroup(group).indexOf(o) + 1;
};

const resolveAmong = <T extends string>(
  query: string,
  all: readonly T[],
  labels: (v: T) => string[],
): Resolution<T> => {
  const q = fold(query);
  if (q === "") return { kind: "none" };
  const exact = all.filter((v) => v.toLowerCase() === q || labels(v).some((l) => fold(l) === q));
  if (exact.length === 1) return { kind: "one", value: exact[0]! };
  if (exact.length > 1) return { kind: "choices", values: exact };
  // A short query would match half the catalog: ask instead.
  if ([...q].length < 2) return { kind: "none" };
  const partial = all.filter((v) => labels(v).some((l) => fold(l).includes(q)));
  if (partial.length === 1) return { kind: "one", value: partial[0]! };
  if (partial.length > 1) return { kind: "choices", values: partial };
  return { kind: "none" };
};

// The words of each value are the domain's (words.ts), the same the API reads in JSON and CSV.
export const resolveApplicantType = (query: string): Resolution<ApplicantType> =>
  resolveAmong(query, APPLICANT_TYPES, (t) => APPLICANT_TYPE_WORDS[t].slice(1));

export const resolveChannel = (query: string): Resolution<Channel> =>
  resolveAmong(query, CHANNELS, (c) => CHANNEL_WORDS[c].slice(1));

const groupLabels = (g: OutcomeGroup): string[] => {
  const info = OUTCOME_GROUP_CATALOG.find((i) => i.key === g)!;
  return [info.short.zh, info.short.en, info.label.zh, info.label.en];
};

/** The outcome group a token names exactly ("不予公开", "denied", "（三）不予公开"). */
export const resolveGroup = (token: string): OutcomeGroup | undefined => {
  const q = fold(token);
  return OUTCOME_GROUP_CATALOG.find((g) => groupLabels(g.key).some((l) => fold(l) === q))?.key;
};

const outcomeLabels = (o: Outcome): string[] => OUTCOME_WORDS[o].slice(1);

/**
 * "予以公开" → granted; "不予公开 国家秘密" / "不予公开 1" / "国家秘密" → deniedStateSecret;
 * "不予公开" → the 8 choices of that group; "其他" → every outcome it could mean.
 */
export const resolveOutcome = (query: string): Resolution<Outcome> => {
  const q = normalize(query);
  if (q === "") return { kind: "none" };
  const byKey = OUTCOMES.find((o) => o.toLowerCase() === q.toLowerCase());
  if (byKey) return { kind: "one", value: byKey };

  // A leading group name narrows the search; what follows names the sub-row.
  const words = q.split(" ");
  for (let n = words.length; n >= 1; n--) {
    const group = resolveGroup(words.slice(0, n).join(" "));
    if (!group) continue;
    const within = outcomesInGroup(group);
    const rest = words.slice(n).join(" ");
    if (rest === "") {
      return within.length === 1
        ? { kind: "one", value: within[0]! }
        : { kind: "choices", values: within };
    }
    // Words after the group that name none of its rows: its rows to choose from, or, for a
    // group of one row (予以公开 /new), nothing read: a list of one would be a guess.
    const unread: Resolution<Outcome> =
      within.length > 1 ? { kind: "choices", values: within } : { kind: "none" };
    const index = /^(\d{1,2})\.?$/.exec(rest);
    if (index) {
      const pick = within[Number(index[1]) - 1];
      return pick ? { kind: "one", value: pick } : unread;
    }
    const found = resolveAmong(rest, within, outcomeLabels);
    return found.kind === "none" ? unread : found;
  }

  // Anything else searches every label. A query that is also part of a group's name
  // ("其他" is 3.其他 but also 其他处理 and 其他法律…) is ambiguous: offer all of them.
  const f = fold(q);
  if ([...f].length < 2) return { kind: "none" };
  const inGroups = OUTCOME_GROUP_CATALOG.filter((g) =>
    [g.short.zh, g.short.en].some((l) => fold(l).includes(f)),
  ).flatMap((g) => outcomesInGroup(g.key));
  const inLabels = OUTCOMES.filter((o) => outcomeLabels(o).some((l) => fold(l).includes(f)));
  const hits = new Set<Outcome>([...inLabels, ...inGroups]);
  const values = OUTCOMES.filter((o) => hits.has(o));
  if (values.length === 1) return { kind: "one", value: values[0]! };
  if (values.length > 1) return { kind: "choices", values };
  // "不予公开国家秘密" typed without the space: try every group prefix.
  for (const g of OUTCOME_GROUP_CATALOG) {
    const prefix = fold(g.short.zh);
    const f = fold(q);
    if (f.startsWith(prefix) && f.length > prefix.length) {
      const r = resolveOutcome(`${g.short.zh} ${f.slice(prefix.length)}`);
      if (r.kind !== "none") return r;
    }
  }
  return { kind: "none" };
};
