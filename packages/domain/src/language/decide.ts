// What was read in a message decides its intent, by fixed rules in a fixed order (documented in
// docs/architecture.md): a command opening the message; help / cancel alone; the report; undo;
// a question (多少, 几件…); the open and overdue lists; an application number with an outcome
// or an event; a receipt (收到, 登记, a subject); an outcome or an event alone. A slot read more
// than one way (two outcomes, 补正 asked or received, two numbers) is asked back.
import type { Bilingual } from "../text.ts";
import { unexplained } from "./applicant.ts";
import { describeIntent } from "./describe.ts";
import { closeIntent, eventsOf, hasOutcome, moreChoices, moreIntent } from "./events.ts";
import type { Cue } from "./lexicon.ts";
import { takeLoneNumber } from "./numbers.ts";
import { reportIntent, summaryIntent } from "./questions.ts";
import { distinct, QUESTIONS, type Read, sensesOf, understood } from "./reading.ts";
import { newIntent } from "./receipt.ts";
import type { ReadContext, Reading } from "./types.ts";

export type { Read } from "./reading.ts";

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

const numberHint = (n: number): Bilingual => ({
  zh: `第 ${n} 号要做什么？例如“${n}号予以公开”“${n}号延期”“${n}号要求补正”`,
  en: `What about No. ${n}? E.g. "${n}号予以公开" (granted), "${n}号延期" (extend), "${n}号要求补正" (ask for a correction)`,
});

const BY_YEAR: Bilingual = {
  zh: "统计按年度计算，例如“今年收了多少件”“去年办结了几件”",
  en: 'Figures are kept by year: e.g. "今年收了多少件" (received this year), "去年办结了几件" (concluded last year)',
};

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
      return r.command === "close" ? closeIntent(r, number) : moreIntent(r, number);
    }
    case "summary":
      return summaryIntent(r, ctx, cues);
    case "report":
      return reportIntent(r, ctx);
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
  if (cues.has("report") && r.numbers.length === 0) return reportIntent(r, ctx);
  if (cues.has("undo") && !outcome && events.length === 0) {
    const revoke = r.words.some((w) => w.word === "撤销");
    if (r.numbers.length === 0 || !revoke) return understood({ intent: "undo" }, []);
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
  if (cues.has("count")) {
    if (sensesOf(r, "period").length > 0) return { kind: "unknown", hint: BY_YEAR };
    return summaryIntent(r, ctx, cues);
  }
  if (r.numbers.length === 0 && !outcome && events.length === 0) {
    if (measures.includes("overdue")) return understood({ intent: "pending", overdue: true }, []);
    if (measures.includes("open") && !cues.has("new"))
      return understood({ intent: "pending", overdue: false }, []);
  }

  const marked = r.numbers.filter((n) => !n.bare);
  // 收到李四的补正材料: an event, not a receipt.
  const receipt = r.subject !== undefined || (cues.has("new") && events.length === 0);
  if (
    r.numbers.length > 0 &&
    !(receipt && marked.length === 0 && !outcome && events.length === 0)
  ) {
    const number =
      distinct(r.numbers.map((n) => n.value)).length === 1 ? r.numbers[0]!.value : undefined;
    if (outcome && events.length > 0) {
      const close = closeIntent(r, number);
      const more = moreIntent(r, number);
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
    if (events.length > 0) return moreIntent(r, number);
    return number === undefined ? undefined : { kind: "unknown", hint: numberHint(number) };
  }
  if (
    receipt ||
    (cues.has("apply") && !outcome && events.length === 0) ||
    (sensesOf(r, "type").length > 0 && !outcome && events.length === 0)
  )
    return newIntent(r, ctx, r.numbers);
  if (outcome) return closeIntent(r);
  if (events.length > 0) return moreIntent(r);
  if (cues.has("close")) return closeIntent(r);
  return undefined;
};
