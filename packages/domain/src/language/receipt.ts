// A receipt (登记): the date (a bare N号 is the day of this month), the applicant's kind and
// name, the channel, the subject and contact read before.
import type { ApplicantType, Channel } from "../report/catalog.ts";
import { unexplained } from "./applicant.ts";
import { dayOfThisMonth } from "./dates.ts";
import type { WordHit } from "./lexicon.ts";
import type { NumberHit } from "./numbers.ts";
import {
  dateFork,
  datesOf,
  distinct,
  type Of,
  QUESTIONS,
  type Read,
  sensesOf,
  settle,
} from "./reading.ts";
import type { NewIntent, ReadContext, Reading } from "./types.ts";

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

export const newIntent = (r: Read, ctx: ReadContext, dayNumbers: NumberHit[]): Reading => {
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
  if (r.subject) base.subject = r.subject;
  if (r.contact !== undefined) base.contact = r.contact;
  const types = sensesOf(r, "type");
  const typeValues: ApplicantType[] = distinct(types.map((w) => w.sense.value));
  if (typeValues.length === 1) base.applicantType = typeValues[0]!;
  const name = nameOf(r, types);
  if (name !== undefined) base.applicantName = name;
  // A channel word inside the applicant's name (宏达网络科技有限公司, 顺丰速运有限公司) names no channel.
  const at = name === undefined ? -1 : r.original.indexOf(name);
  const outsideName = (w: WordHit) => at < 0 || w.end <= at || w.start >= at + name!.length;
  const exactChannels: Channel[] = distinct(
    sensesOf(r, "channel")
      .filter(outsideName)
      .map((w) => w.sense.value),
  );
  const channels =
    exactChannels.length > 0
      ? exactChannels
      : distinct(
          sensesOf(r, "channels")
            .filter(outsideName)
            .flatMap((w) => [...w.sense.values]),
        );
  if (channels.length === 1) base.channel = channels[0]!;
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
            types,
          );
          return own === undefined ? { applicantType } : { applicantType, applicantName: own };
        }),
      },
      { question: QUESTIONS.channel, variants: channels.map((channel) => ({ channel })) },
    ],
    errors,
  );
};

// Channel words that also occur inside organisations' names (宏达网络科技有限公司, 顺丰速运有限公司,
// 中国邮政储蓄银行): read as part of the name when they run into an organisation's kind.
const NAME_PARTS = new Set([
  "网络",
  "在线",
  "网站",
  "互联网",
  "平台",
  "微信",
  "顺丰",
  "邮政",
  "快递",
  "邮递",
  "传真",
  "现场",
]);

type TypeHit = WordHit & { sense: Of<"type"> };
type Span = { start: number; end: number; piece: boolean };

/**
 * The applicant's name: a person's beside their role (律师李四, 张三律师); an organisation's
 * as the run of words and kinds around its kind (宏达建材有限公司, 省环保公益基金会,
 * 医科大学附属医院), if the run has a word of its own; else the first words left.
 */
const nameOf = (r: Read, types: TypeHit[], all: TypeHit[] = types): string | undefined => {
  const pieces = unexplained(r.rest.text);
  // A name has a letter (2件 is a count) and is not a sentence.
  const fit = (n: string) => (/\p{L}/u.test(n) && n.length <= 60 ? n : undefined);
  const spans: Span[] = [
    ...pieces.map((p) => ({ start: p.start, end: p.end, piece: true })),
    // Channel words that are also words of a name, read as the name's own words beside a kind.
    ...r.words
      .filter((w) => w.sense.kind === "channel" && NAME_PARTS.has(w.word))
      .map((w) => ({ start: w.start, end: w.end, piece: true })),
    ...all.filter((x) => !PERSON_ROLES.has(x.word)).map((x) => ({ ...x, piece: false })),
  ];
  const kindAt = (at: number) => spans.find((x) => !x.piece && x.start === at);
  for (const t of types) {
    if (PERSON_ROLES.has(t.word)) {
      const after = pieces.find((x) => x.start === t.end);
      if (after) return fit(after.text);
      const before = pieces.find((x) => x.end === t.start);
      // 周律师: a surname alone is named with the role.
      if (before) return fit(before.text.length === 1 ? before.text + t.word : before.text);
      continue;
    }
    let { start, end } = t;
    let own = false;
    for (
      let before = spans.find((x) => x.end === start);
      before;
      before = spans.find((x) => x.end === start)
    ) {
      start = before.start;
      own ||= before.piece;
    }
    // Onwards only over kinds, or words that lead to one (医科大学 → 附属 → 医院).
    for (;;) {
      const next = spans.find((x) => x.start === end);
      if (!next || (next.piece && !kindAt(next.end))) break;
      end = next.end;
      own ||= next.piece;
    }
    // 某某科技有限公司: the name as written, with the 某 it opens with.
    while (own && r.original[start - 1] === "某") start--;
    if (own) return fit(r.original.slice(start, end));
  }
  // 申请人陈静, 申请人是陈静: the words after 申请人 name the applicant.
  const cue = r.words.find((w) => w.word === "申请人");
  const named =
    cue &&
    pieces.find(
      (x) => x.start >= cue.end && /^[ :：是为叫]*$/.test(r.original.slice(cue.end, x.start)),
    );
  if (named) return fit(named.text);
  return pieces[0] ? fit(pieces[0].text) : undefined;
};
