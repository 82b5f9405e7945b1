// What a message was read to, and the shared steps of deciding: the senses found, a slot read
// more than one way (a fork) asked back with every candidate, the dates split into the valid
// and the refused.
import type { Bilingual } from "../text.ts";
import type { DateHit } from "./dates.ts";
import { describeIntent } from "./describe.ts";
import type { Sense, WordHit } from "./lexicon.ts";
import type { Scratch } from "./normalize.ts";
import type { NumberHit } from "./numbers.ts";
import type { Ask, Intent, IntentName, Reading, Understood } from "./types.ts";

/** Everything read from a message, before deciding. */
export type Read = {
  original: string;
  rest: Scratch;
  command: IntentName | undefined;
  /** What is asked for; "" where a request names nothing (张三申请公开). */
  subject: string | undefined;
  contact: string | undefined;
  amount: number | undefined;
  dates: DateHit[];
  numbers: NumberHit[];
  words: WordHit[];
};

export type Of<K extends Sense["kind"]> = Extract<Sense, { kind: K }>;
export const sensesOf = <K extends Sense["kind"]>(r: Read, kind: K) =>
  r.words.filter((w) => w.sense.kind === kind) as (WordHit & { sense: Of<K> })[];
export const distinct = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A slot read several ways: the question, and each value with its label. */
export type Fork = { question: Bilingual; variants: Partial<Intent>[] };

export const QUESTIONS = {
  intent: { zh: "您是要做哪一件事？", en: "Which did you mean?" },
  number: { zh: "是哪一件申请？", en: "Which application?" },
  outcome: { zh: "是哪一种办理结果？", en: "Which outcome?" },
  event: { zh: "是哪一件事？", en: "Which event?" },
  date: { zh: "是哪一天？", en: "Which day?" },
  applicantType: { zh: "申请人属于哪一类？", en: "Which kind of applicant?" },
  channel: { zh: "是通过哪种渠道收到的？", en: "Which channel?" },
} satisfies Record<string, Bilingual>;

export const understood = (intent: Intent, errors: Bilingual[]): Understood => ({
  kind: "understood",
  errors,
  ...intent,
});

/** The reading, or the question with a choice per variant of the first slot read two ways. */
export const settle = (base: Intent, forks: Fork[], errors: Bilingual[]): Reading => {
  const fork = forks.find((f) => f.variants.length > 1);
  if (!fork) return understood(base, errors);
  const choices = fork.variants.map((v) => {
    const reading = understood({ ...base, ...v } as Intent, errors);
    return { label: describeIntent(reading), reading };
  });
  return { kind: "ask", question: fork.question, choices } satisfies Ask;
};

/** The days things happened on, valid and refused (a day named as a limit is neither). */
export const datesOf = (r: Read): { valid: string[]; errors: Bilingual[] } => {
  const days = r.dates.filter((d) => !d.until);
  return {
    valid: distinct(days.flatMap((d) => (d.result.ok ? [d.result.date] : []))),
    errors: days.flatMap((d) => (d.result.ok ? [] : [d.result.reason])),
  };
};

export const dateFork = (valid: string[]): Fork => ({
  question: QUESTIONS.date,
  variants: valid.map((date) => ({ date })),
});

export const numberFork = (r: Read): Fork => ({
  question: QUESTIONS.number,
  variants: distinct(r.numbers.map((n) => n.value)).map((number) => ({ number })),
});
