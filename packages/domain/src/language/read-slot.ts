// A fragment read as the one slot the bot is asking for: "上周五" as a date, "信息不存在" as an
// outcome, "十二号" as a number, "网上" as a channel, "50元" as an amount, "补正" as an event
// (asked back: requested or received?). The same tables as readMessage, no second grammar.
import {
  APPLICANT_TYPE_LABELS,
  type ApplicantType,
  CHANNEL_LABELS,
  type Channel,
  type Outcome,
} from "../report/catalog.ts";
import { outcomeCore } from "../report/words.ts";
import type { Bilingual } from "../text.ts";
import { takeDates } from "./dates.ts";
import { MORE_EVENT_LABELS } from "./describe.ts";
import { takeWords } from "./lexicon.ts";
import { leftover, MAX_MESSAGE_LENGTH, prepare } from "./normalize.ts";
import { takeAmount, takeLoneNumber, takeNumbers, takeWorkingDays, takeYear } from "./numbers.ts";
import { chineseNumber } from "./numerals.ts";
import type { MoreEventKey, ReadContext, SlotKind, SlotReading, SlotValues } from "./types.ts";

const HINTS: Record<SlotKind, Bilingual> = {
  date: {
    zh: "请写一个日期，例如 今天、昨天、上周五、12.1、12月1日、2025-12-01",
    en: "Write a date, e.g. 今天 (today), 昨天 (yesterday), 上周五 (last Friday), 12.1, 2025-12-01",
  },
  number: {
    zh: "请写申请编号，例如 3、3号、第3号",
    en: "Write the application's number, e.g. 3, 3号, 第3号",
  },
  applicantType: {
    zh: "请写申请人类型：自然人、企业、科研机构、公益组织、律所或其他",
    en: "Write the applicant type: natural person, enterprise, research, welfare, law firm or other",
  },
  channel: {
    zh: "请写收件渠道：当面、邮寄、网上、传真或其他",
    en: "Write the channel: in person, post, online, fax or other",
  },
  outcome: {
    zh: "请写办理结果，例如 予以公开、部分公开、信息不存在、不予公开（国家秘密）",
    en: "Write the outcome, e.g. 予以公开 (granted), 部分公开 (partly), 信息不存在 (not held)",
  },
  amount: {
    zh: "请写金额（元），例如 50 或 50元",
    en: "Write the amount in yuan, e.g. 50 or 50元",
  },
  year: {
    zh: "请写年度，例如 2025、今年、去年",
    en: "Write the year, e.g. 2025, 今年 (this year), 去年 (last year)",
  },
  event: {
    zh: "请写事项，例如 要求补正、延期、收费通知",
    en: "Write the event, e.g. 要求补正, 延期, 收费通知",
  },
  workingDays: {
    zh: "请写工作日天数，例如 15个工作日、15天、15",
    en: "Write a number of working days, e.g. 15个工作日, 15天, 15",
  },
};

type Out<K extends SlotKind> = SlotReading<SlotValues[K]>;
const unknown = <K extends SlotKind>(kind: K): Out<K> => ({ kind: "unknown", hint: HINTS[kind] });
/** Whether nothing but masks, spaces and punctuation is left. */
const empty = (text: string) => leftover(text).replace(/^(?:是|在|于|了|的|号|日)+$/, "") === "";

/** Reads `text` as the slot `kind` alone. */
export const readSlot = <K extends SlotKind>(
  kind: K,
  text: string,
  context: ReadContext,
): Out<K> => {
  if (typeof text !== "string" || text.length > MAX_MESSAGE_LENGTH) return unknown(kind);
  const s = prepare(text);
  if (s.text === "") return unknown(kind);
  switch (kind) {
    case "date": {
      const hits = takeDates(s, context);
      if (hits.length !== 1 || !empty(s.text)) return unknown(kind);
      const r = hits[0]!.result;
      return (
        r.ok ? { kind: "understood", value: r.date } : { kind: "refused", reason: r.reason }
      ) as Out<K>;
    }
    case "number": {
      // 十二 alone: a Chinese numeral is a number only where a number is asked for.
      const alone = chineseNumber(s.low);
      if (alone !== undefined)
        return (alone > 0 ? { kind: "understood", value: alone } : unknown(kind)) as Out<K>;
      const hits = takeNumbers(s);
      const n =
        hits.length === 1 ? hits[0]!.value : hits.length === 0 ? takeLoneNumber(s) : undefined;
      return (
        n !== undefined && empty(s.text) ? { kind: "understood", value: n } : unknown(kind)
      ) as Out<K>;
    }
    case "amount": {
      const a =
        takeAmount(s) ??
        (/^\d{1,9}(?:\.\d{1,2})?$/.test(s.low) ? Number(s.low) : chineseNumber(s.low));
      if (a === undefined) return unknown(kind);
      return { kind: "understood", value: a } as Out<K>;
    }
    case "workingDays": {
      // 15个工作日, 15天, 15, 十五: a whole number of days, nothing else.
      const alone = /^\d{1,3}$/.test(s.low) ? Number(s.low) : chineseNumber(s.low);
      const d = alone ?? takeWorkingDays(s);
      if (d === undefined || (alone === undefined && !empty(s.text)) || d < 1) return unknown(kind);
      return { kind: "understood", value: d } as Out<K>;
    }
    case "year": {
      const words = takeWords(s).filter((w) => w.sense.kind === "year");
      const thisYear = Number(context.today.slice(0, 4));
      const y =
        takeYear(s) ??
        (words.length === 1 && words[0]!.sense.kind === "year"
          ? thisYear + words[0]!.sense.offset
          : undefined);
      if (y === undefined || !empty(s.text)) return unknown(kind);
      if (y > thisYear || y < 2008)
        return {
          kind: "refused",
          reason: {
            zh: `${y} 年不在可选范围（2008 年至今年）`,
            en: `${y} is out of range (2008 to this year)`,
          },
        } as Out<K>;
      return { kind: "understood", value: y } as Out<K>;
    }
    default:
  }
  // The words of the catalog: read as a message of its kind, and keep the one slot.
  const words = takeWords(s);
  if (!empty(s.text)) return unknown(kind);
  const values = new Set<string>();
  for (const w of words) {
    const sense = w.sense;
    if (kind === "applicantType" && sense.kind === "type") values.add(sense.value);
    if (kind === "channel" && sense.kind === "channel") values.add(sense.value);
    if (kind === "outcome" && sense.kind === "outcome") values.add(sense.value);
    if (kind === "event" && sense.kind === "event") values.add(sense.value);
  }
  if (kind === "outcome" && values.size === 0)
    for (const w of words)
      if (w.sense.kind === "outcomes") for (const o of w.sense.values) values.add(o);
  if (kind === "channel" && values.size === 0)
    for (const w of words)
      if (w.sense.kind === "channels") for (const c of w.sense.values) values.add(c);
  if (kind === "event" && values.size === 0)
    for (const w of words)
      if (w.sense.kind === "events") for (const e of w.sense.values) values.add(e);
  if (values.size === 1) return { kind: "understood", value: [...values][0] } as Out<K>;
  if (values.size === 0) return unknown(kind);
  return {
    kind: "ask",
    question: { zh: "是哪一个？", en: "Which one?" },
    choices: [...values].map((value) => ({ label: labelOf(kind, value), value })),
  } as Out<K>;
};

const labelOf = (kind: SlotKind, value: string): Bilingual => {
  if (kind === "outcome") return outcomeCore(value as Outcome);
  if (kind === "event") return MORE_EVENT_LABELS[value as MoreEventKey];
  if (kind === "applicantType") return APPLICANT_TYPE_LABELS[value as ApplicantType];
  if (kind === "channel") return CHANNEL_LABELS[value as Channel];
  return { zh: value, en: value };
};
