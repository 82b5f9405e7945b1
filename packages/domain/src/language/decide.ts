// What was read in a message decides its intent, by fixed rules in a fixed order (documented in
// docs/architecture.md): a command opening the message; help / cancel alone; the report; undo;
// a question (多少, 几件…); the open and overdue lists; an application number with an outcome
// or an event; a receipt (收到, 登记, a subject); an outcome or an event alone. A slot read more
// than one way (two outcomes, 补正 asked or received, two numbers) is asked back.
import type { ApplicantType, Channel, Outcome, OutcomeGroup } from "../report/catalog.ts";
import { OUTCOME_GROUP_CATALOG, outcomesInGroup } from "../report/catalog.ts";
import type { Bilingual } from "../text.ts";
import { unexplained } from "./applicant.ts";
import { type DateHit, dayOfThisMonth } from "./dates.ts";
import { describeIntent } from "./describe.ts";
import type { Cue, Sense, WordHit } from "./lexicon.ts";
import type { Scratch } from "./normalize.ts";
import { type NumberHit, takeLoneNumber, takeWorkingDays, takeYear } from "./numbers.ts";
import type {
  Ask,
  CloseIntent,
  Intent,
  IntentName,
  MoreEventKey,
  NewIntent,
  ReadContext,
  Reading,
  SummaryMeasure,
  Understood,
} from "./types.ts";
import { MORE_EVENT_KEYS } from "./types.ts";

/** Everything read from a message, before deciding. */
export type Read = {
  original: string;
  rest: Scratch;
  command: IntentName | undefined;
  subject: string | undefined;
  contact: string | undefined;
  amount: number | undefined;
  dates: DateHit[];
  numbers: NumberHit[];
  words: WordHit[];
};

type Of<K extends Sense["kind"]> = Extract<Sense, { kind: K }>;
const sensesOf = <K extends Sense["kind"]>(r: Read, kind: K) =>
  r.words.filter((w) => w.sense.kind === kind) as (WordHit & { sense: Of<K> })[];
const distinct = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A slot read several ways: the question, and each value with its label. */
type Fork = { question: Bilingual; variants: Partial<Intent>[] };

const QUESTIONS = {
  intent: { zh: "您是要做哪一件事？", en: "Which did you mean?" },
  number: { zh: "是哪一件申请？", en: "Which application?" },
  outcome: { zh: "是哪一种办理结果？", en: "Which outcome?" },
  event: { zh: "是哪一件事？", en: "Which event?" },
  date: { zh: "是哪一天？", en: "Which day?" },
  applicantType: { zh: "申请人属于哪一类？", en: "Which kind of applicant?" },
  channel: { zh: "是通过哪种渠道收到的？", en: "Which channel?" },
} satisfies Record<string, Bilingual>;

const understood = (intent: Intent, errors: Bilingual[]): Understood => ({
  kind: "understood",
  errors,
  ...intent,
});

/** The reading, or the question with a choice per variant of the first slot read two ways. */
const settle = (base: Intent, forks: Fork[], errors: Bilingual[]): Reading => {
  const fork = forks.find((f) => f.variants.length > 1);
  if (!fork) return understood(base, errors);
  const choices = fork.variants.map((v) => {
    const reading = understood({ ...base, ...v } as Intent, errors);
    return { label: describeIntent(reading), reading };
  });
  return { kind: "ask", question: fork.question, choices } satisfies Ask;
};

const datesOf = (r: Read): { valid: string[]; errors: Bilingual[] } => ({
  valid: distinct(r.dates.flatMap((d) => (d.result.ok ? [d.result.date] : []))),
  errors: r.dates.flatMap((d) => (d.result.ok ? [] : [d.result.reason])),
});

const dateFork = (valid: string[]): Fork => ({
  question: QUESTIONS.date,
  variants: valid.map((date) => ({ date })),
});

const numberFork = (r: Read): Fork => ({
  question: QUESTIONS.number,
  variants: distinct(r.numbers.map((n) => n.value)).map((number) => ({ number })),
});

// ── The outcome of a conclusion ───────────────────────────────────────────────────────────

const REFERRAL_TO =
  /(?:向|到|找|转)([\u4e00-\u9fffA-Za-z0-9()]{2,30}?)(?:申请|咨询|查询|办理|反映|索取|获取)/;

const outcomeFork = (r: Read): Fork => {
  const exact = sensesOf(r, "outcome");
  const spans = sensesOf(r, "outcomes");
  let values: Outcome[] = distinct(exact.map((w) => w.sense.value));
  // 不予公开，涉及商业秘密: the row named inside its group is the one meant.
  if (values.length === 0) {
    const sets = spans.map((w) => w.sense.values);
    values = distinct(sets.flat()).filter((o) => sets.every((set) => set.includes(o)));
  }
  const variants = values.map((outcome): Partial<CloseIntent> => {
    const flags = exact.filter((w) => w.sense.value === outcome);
    const v: Partial<CloseIntent> = { outcome };
    if (flags.some((w) => w.sense.referral)) v.referral = REFERRAL_TO.exec(r.original)?.[1] ?? "";
    if (flags.some((w) => w.sense.withdrawn)) v.withdrawn = true;
    return v;
  });
  return { question: QUESTIONS.outcome, variants };
};

const hasOutcome = (r: Read) => sensesOf(r, "outcome").length + sensesOf(r, "outcomes").length > 0;

// ── Other events ──────────────────────────────────────────────────────────────────────────

const eventsOf = (r: Read): MoreEventKey[][] => {
  const exact = distinct(sensesOf(r, "event").map((w) => w.sense.value));
  if (exact.length > 0) return exact.map((e) => [e]);
  const spans = sensesOf(r, "events").map((w) => [...w.sense.values]);
  if (spans.length > 0) return spans;
  return sensesOf(r, "feeName").length > 0 ? [["feeNoticeIssued"]] : [];
};

const moreIntent = (r: Read, ctx: ReadContext, number?: number): Reading => {
  const { valid, errors } = datesOf(r);
  const events = eventsOf(r);
  const chosen = events.length === 1 ? events[0]! : distinct(events.flat());
  const base = { intent: "more", event: chosen[0]! } as Extract<Intent, { intent: "more" }>;
  if (number !== undefined) base.number = number;
  if (valid.length === 1) base.date = valid[0]!;
  if (chosen.includes("feeNoticeIssued") || chosen.includes("feePaid")) {
    if (r.amount !== undefined) base.amountYuan = r.amount;
  }
  if (chosen.includes("extended")) {
    const days = takeWorkingDays(r.rest);
    if (days !== undefined) {
      if (days >= 1 && days <= 20) base.workingDays = days;
      else
        errors.push({
          zh: `延期最多 20 个工作日（第三十三条），不能延期 ${days} 天`,
          en: `An extension is at most 20 working days (Art. 33), not ${days}`,
        });
    }
  }
  void ctx;
  return settle(
    base,
    [
      number === undefined ? numberFork(r) : { question: QUESTIONS.number, variants: [] },
      { question: QUESTIONS.event, variants: chosen.map((event) => ({ event })) },
      dateFork(valid),
    ],
    errors,
  );
};

const closeIntent = (r: Read, number?: number): Reading => {
  const { valid, errors } = datesOf(r);
  const base: CloseIntent = { intent: "close" };
  if (number !== undefined) base.number = number;
  if (valid.length === 1) base.date = valid[0]!;
  const outcomes = outcomeFork(r);
  if (outcomes.variants.length === 1) Object.assign(base, outcomes.variants[0]);
  return settle(base, [numberFork(r), outcomes, dateFork(valid)], errors);
};

// ── A receipt ────────────────────────────────────────────────────────────────────────────

// Words that name a person by what they are, before or after the name (律师李四, 张三律师).
const PERSON_ROLES = new Set([
  "个人",
  "公民",
  "市民",
  "群众",
  "村民",
  "居民",
  "农民",
  "律师",
  "老百姓",
  "自然人",
]);

const newIntent = (r: Read, ctx: ReadContext, dayNumbers: NumberHit[]): Reading => {
  const { valid, errors } = datesOf(r);
  // 3号收到…: in a receipt a bare N号 is the day of this month (a new application has no number yet).
  for (const n of dayNumbers) {
    const d = dayOfThisMonth(n.value, r.original.slice(n.start, n.end), ctx);
    if (d.ok) valid.push(d.date);
    else errors.push(d.reason);
  }
  const base: NewIntent = { intent: "new" };
  const dates = distinct(valid);
  if (dates.length === 1) base.date = dates[0]!;
  if (r.subject !== undefined) base.subject = r.subject;
  if (r.contact !== undefined) base.contact = r.contact;
  const types = sensesOf(r, "type");
  const typeValues: ApplicantType[] = distinct(types.map((w) => w.sense.value));
  if (typeValues.length === 1) base.applicantType = typeValues[0]!;
  const exactChannels: Channel[] = distinct(sensesOf(r, "channel").map((w) => w.sense.value));
  const channels =
    exactChannels.length > 0
      ? exactChannels
      : distinct(sensesOf(r, "channels").flatMap((w) => [...w.sense.values]));
  if (channels.length === 1) base.channel = channels[0]!;
  const name = nameOf(r, types);
  if (name !== undefined) base.applicantName = name;
  return settle(
    base,
    [
      dateFork(dates),
      {
        question: QUESTIONS.applicantType,
        // 金诚律师事务所律师张三: the firm, or the lawyer in his own name? Each with its name.
        variants: typeValues.map((applicantType) => {
          const own = nameOf(
            r,
            types.filter((t) => t.sense.value === applicantType),
          );
          return own === undefined ? { applicantType } : { applicantType, applicantName: own };
        }),
      },
      { question: QUESTIONS.channel, variants: channels.map((channel) => ({ channel })) },
    ],
    errors,
  );
};

/** The applicant's name: an organisation's with its kind (宏达建材有限公司), a person's beside their role (律师李四), or the first words left. */
const nameOf = (r: Read, types: (WordHit & { sense: Of<"type"> })[]): string | undefined => {
  const pieces = unexplained(r.rest.text);
  const fit = (n: string) => (n.length >= 1 && n.length <= 60 ? n : undefined);
  for (const t of types) {
    if (PERSON_ROLES.has(t.word)) {
      const p = pieces.find((x) => x.start === t.end) ?? pieces.find((x) => x.end === t.start);
      if (p) return fit(p.text);
    } else {
      const p = pieces.find((x) => x.end === t.start);
      if (!p) continue;
      // 省环保公益基金会: the name runs on over the kinds that follow it.
      let end = t.end;
      const chain = (x: WordHit) => x.start === end && !PERSON_ROLES.has(x.word);
      for (let next = types.find(chain); next; next = types.find(chain)) end = next.end;
      return fit(r.original.slice(p.start, end));
    }
  }
  return pieces[0] ? fit(pieces[0].text) : undefined;
};

// ── Questions and lists ──────────────────────────────────────────────────────────────────

const yearOf = (r: Read, ctx: ReadContext): { year: number; errors: Bilingual[] } => {
  const thisYear = Number(ctx.today.slice(0, 4));
  const words = sensesOf(r, "year");
  const named = takeYear(r.rest);
  const year = named ?? (words[0] ? thisYear + words[0].sense.offset : thisYear);
  return {
    year,
    errors:
      year > thisYear
        ? [
            {
              zh: `${year} 年还没到（今天是 ${ctx.today}）`,
              en: `${year} has not begun (today is ${ctx.today})`,
            },
          ]
        : [],
  };
};

const summaryIntent = (r: Read, ctx: ReadContext, cues: Set<Cue>): Reading => {
  const { year, errors } = yearOf(r, ctx);
  const base: Extract<Intent, { intent: "summary" }> = { intent: "summary", year };
  const measures: SummaryMeasure[] = distinct(sensesOf(r, "measure").map((w) => w.sense.value));
  let measure = measures.length === 1 ? measures[0] : undefined;
  if (measures.length === 0 && cues.has("apply")) measure = "received";
  const forks: Fork[] = [];
  if (hasOutcome(r)) {
    const exact = distinct(sensesOf(r, "outcome").map((w) => w.sense.value));
    const spans = sensesOf(r, "outcomes").map((w) => w.sense.values);
    const group = spanGroup(spans);
    if (exact.length > 0)
      forks.push({ question: QUESTIONS.outcome, variants: exact.map((outcome) => ({ outcome })) });
    else if (group) base.group = group;
    else
      forks.push({
        question: QUESTIONS.outcome,
        variants: distinct(spans.flat()).map((outcome) => ({ outcome })),
      });
    if (exact.length === 1) base.outcome = exact[0]!;
    if (measure === undefined || measure === "received") measure = "concluded";
  }
  if (measure !== undefined) base.measure = measure;
  return settle(base, forks, errors);
};

/** The group a span word names whole (不予公开 → denied), if it is one. */
const spanGroup = (spans: (readonly Outcome[])[]): OutcomeGroup | undefined => {
  if (spans.length !== 1) return undefined;
  const set = spans[0]!;
  return OUTCOME_GROUP_CATALOG.find((g) => {
    const rows = outcomesInGroup(g.key);
    return rows.length === set.length && rows.every((o) => set.includes(o));
  })?.key;
};

// ── The decision ─────────────────────────────────────────────────────────────────────────

const cuesOf = (r: Read): Set<Cue> => new Set(sensesOf(r, "cue").map((w) => w.sense.value));

/** Nothing but the cue was said (帮助, 取消 alone, give or take 请, 一下, 吗). */
const alone = (r: Read): boolean =>
  r.words.every((w) => w.sense.kind === "cue") &&
  r.numbers.length === 0 &&
  r.dates.length === 0 &&
  r.subject === undefined &&
  unexplained(r.rest.text).every((p) =>
    /^(?:请|请问|一下|吗|呢|啊|吧|我|要|想|你好|您好|麻烦)+$/.test(p.text),
  );

const withYear = (r: Read, ctx: ReadContext): Reading => {
  const named = takeYear(r.rest);
  const words = sensesOf(r, "year");
  const thisYear = Number(ctx.today.slice(0, 4));
  const year = named ?? (words[0] ? thisYear + words[0].sense.offset : undefined);
  const errors: Bilingual[] =
    year !== undefined && year > thisYear
      ? [
          {
            zh: `${year} 年还没到（今天是 ${ctx.today}）`,
            en: `${year} has not begun (today is ${ctx.today})`,
          },
        ]
      : [];
  return understood(year === undefined ? { intent: "report" } : { intent: "report", year }, errors);
};

const numberHint = (n: number): Bilingual => ({
  zh: `第 ${n} 号要做什么？例如“${n}号予以公开”“${n}号延期”“${n}号要求补正”`,
  en: `What about No. ${n}? E.g. "${n}号予以公开" (granted), "${n}号延期" (extend), "${n}号要求补正" (ask for a correction)`,
});

/** The reading of what was read; undefined: not understood. */
export const decide = (r: Read, ctx: ReadContext): Reading | undefined => {
  const cues = cuesOf(r);
  const events = eventsOf(r);
  const outcome = hasOutcome(r);
  const measures = sensesOf(r, "measure").map((w) => w.sense.value);

  switch (r.command) {
    case "new":
      return newIntent(
        r,
        ctx,
        r.numbers.filter((n) => n.bare),
      );
    case "close":
    case "more": {
      const lone = r.numbers.length === 0 ? takeLoneNumber(r.rest) : undefined;
      const number = r.numbers.length === 1 ? r.numbers[0]!.value : lone;
      if (r.command === "more" && events.length === 0) return moreChoices(number);
      return r.command === "close" ? closeIntent(r, number) : moreIntent(r, ctx, number);
    }
    case "summary":
      return summaryIntent(r, ctx, cues);
    case "report":
      return withYear(r, ctx);
    case "pending":
      return understood({ intent: "pending", overdue: measures.includes("overdue") }, []);
    case "undo":
      return understood({ intent: "undo" }, []);
    case "help":
      return understood({ intent: "help" }, []);
    case "cancel":
      return understood({ intent: "cancel" }, []);
    default:
  }

  if (cues.has("help") && alone(r)) return understood({ intent: "help" }, []);
  if (cues.has("cancel") && alone(r)) return understood({ intent: "cancel" }, []);
  if (cues.has("report") && r.numbers.length === 0) return withYear(r, ctx);
  if (cues.has("undo") && !outcome && events.length === 0) {
    if (r.numbers.length === 0) return understood({ intent: "undo" }, []);
    // 撤销3号: the last record, or the applicant's withdrawal of No. 3?
    const n = r.numbers[0]!.value;
    const undo = understood({ intent: "undo" }, []);
    const withdraw = understood(
      { intent: "close", number: n, outcome: "otherOther", withdrawn: true },
      [],
    );
    return {
      kind: "ask",
      question: QUESTIONS.intent,
      choices: [undo, withdraw].map((reading) => ({ label: describeIntent(reading), reading })),
    };
  }
  if (cues.has("count")) return summaryIntent(r, ctx, cues);
  if (r.numbers.length === 0 && !outcome && events.length === 0) {
    if (measures.includes("overdue")) return understood({ intent: "pending", overdue: true }, []);
    if (measures.includes("open") && !cues.has("new"))
      return understood({ intent: "pending", overdue: false }, []);
  }

  const marked = r.numbers.filter((n) => !n.bare);
  const receipt = r.subject !== undefined || cues.has("new");
  if (
    r.numbers.length > 0 &&
    !(receipt && marked.length === 0 && !outcome && events.length === 0)
  ) {
    const number =
      distinct(r.numbers.map((n) => n.value)).length === 1 ? r.numbers[0]!.value : undefined;
    if (outcome && events.length > 0) {
      const close = closeIntent(r, number);
      const more = moreIntent(r, ctx, number);
      return {
        kind: "ask",
        question: QUESTIONS.intent,
        choices: [close, more].flatMap((x) =>
          x.kind === "understood"
            ? [{ label: describeIntent(x), reading: x }]
            : x.kind === "ask"
              ? x.choices
              : [],
        ),
      };
    }
    if (outcome || cues.has("close")) return closeIntent(r, number);
    if (events.length > 0) return moreIntent(r, ctx, number);
    return number === undefined ? undefined : { kind: "unknown", hint: numberHint(number) };
  }
  if (
    receipt ||
    (cues.has("apply") && !outcome && events.length === 0) ||
    (sensesOf(r, "type").length > 0 && !outcome && events.length === 0)
  )
    return newIntent(r, ctx, r.numbers);
  if (outcome) return closeIntent(r);
  if (events.length > 0) return moreIntent(r, ctx);
  if (cues.has("close")) return closeIntent(r);
  return undefined;
};

/** 其他事项 3 with no event named: every event to choose from. */
const moreChoices = (number: number | undefined): Reading => ({
  kind: "ask",
  question: QUESTIONS.event,
  choices: MORE_EVENT_KEYS.map((event) => {
    const reading = understood(
      number === undefined ? { intent: "more", event } : { intent: "more", event, number },
      [],
    );
    return { label: describeIntent(reading), reading };
  }),
});
