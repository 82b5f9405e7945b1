// The words that name an applicant type, a channel or an outcome: the key, the catalog's Chinese
// and English labels (an outcome also without its numbering or note), and the words staff use.
// One list for everything that reads them: the API's JSON bodies and CSV files, and the bot.
import type { Bilingual } from "../text.ts";
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_LABELS,
  CHANNELS,
  OUTCOMES,
  type Outcome,
  rowInfo,
} from "./catalog.ts";

/** "1.属于国家秘密" → "属于国家秘密"; "（一）予以公开" → "予以公开"; the part before any note. */
export const outcomeCore = (o: Outcome): Bilingual => {
  const { label } = rowInfo(o);
  return {
    zh: label.zh.replace(/^(?:\d+\.|（[一二三四五六七]）)/, "").replace(/（.*$/, ""),
    en: label.en.replace(/^(?:\d+\.\s*|\(\d\)\s*)/, "").replace(/\s*\(.*$/, ""),
  };
};

/** Words staff use beside the catalog's labels. */
export const APPLICANT_TYPE_ALIASES: Record<ApplicantType, readonly string[]> = {
  naturalPerson: ["个人", "公民"],
  commercialEnterprise: ["企业", "公司"],
  researchInstitution: ["科研"],
  socialWelfareOrganization: ["公益组织"],
  legalServiceAgency: ["律所", "律师事务所"],
  otherOrganization: [],
};

const wordsOf = <K extends string>(keys: readonly K[], words: (k: K) => string[]) =>
  Object.fromEntries(keys.map((k) => [k, words(k)])) as unknown as Record<K, readonly string[]>;

/** The words that name each applicant type: key, labels and staff's words. */
export const APPLICANT_TYPE_WORDS = wordsOf(APPLICANT_TYPES, (t) => [
  t,
  APPLICANT_TYPE_LABELS[t].zh,
  APPLICANT_TYPE_LABELS[t].en,
  ...APPLICANT_TYPE_ALIASES[t],
]);

/** The words that name each channel. */
export const CHANNEL_WORDS = wordsOf(CHANNELS, (c) => [
  c,
  CHANNEL_LABELS[c].zh,
  CHANNEL_LABELS[c].en,
]);

/** The words that name each outcome: key, labels with and without numbering, staff's words. */
export const OUTCOME_WORDS = wordsOf(OUTCOMES, (o) => {
  const core = outcomeCore(o);
  return [o, rowInfo(o).label.zh, rowInfo(o).label.en, core.zh, core.en];
});

/** How two spellings are compared: NFKC (full-width to half-width), lower case, no spaces or punctuation. */
export const foldWord = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s.·“”"'()（）《》,，。:：\-_/\u200b-\u200d\ufeff]/g, "");

/** The one value a word names exactly (undefined: none, or more than one). */
const exactly = <T extends string>(words: Record<T, readonly string[]>) => {
  const by = new Map<string, T | null>();
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][])
    for (const w of list) {
      const k = foldWord(w);
      const found = by.get(k);
      by.set(k, found === undefined || found === value ? value : null);
    }
  return (word: string): T | undefined => by.get(foldWord(word)) ?? undefined;
};

/** The applicant type a word names exactly, or undefined. */
export const applicantTypeOfWord = exactly(APPLICANT_TYPE_WORDS);
/** The channel a word names exactly, or undefined. */
export const channelOfWord = exactly(CHANNEL_WORDS);
/** The outcome a word names exactly, or undefined. */
export const outcomeOfWord = exactly(OUTCOME_WORDS);

/** The accepted values, for an error message: `自然人（naturalPerson）、…`. */
export const acceptedWords = <T extends string>(
  words: Record<T, readonly string[]>,
): { zh: string; en: string } => {
  const entries = Object.entries(words) as [T, readonly string[]][];
  return {
    zh: entries.map(([k, w]) => `${w[1]}（${k}）`).join("、"),
    en: entries.map(([k, w]) => `${k} (${w[1]})`).join(", "),
  };
};
