// A clerk's message to exactly one Reading. The message is read in a fixed order, each part cut
// out as read: a leading command (登记, /close…), the subject (要求公开…), a contact, an amount,
// the dates, the application numbers, then the words of the lexicon. What was read decides the
// intent (decide.ts); a slot read more than one way is asked back with every candidate.
import type { Bilingual } from "../text.ts";
import { takeContact, takeSubject } from "./applicant.ts";
import { type DateHit, takeDates } from "./dates.ts";
import { decide, type Read } from "./decide.ts";
import { takeWords } from "./lexicon.ts";
import { cut, MAX_MESSAGE_LENGTH, prepare, type Scratch } from "./normalize.ts";
import { hasMarkedNumber, takeAmount, takeNumbers } from "./numbers.ts";
import type { IntentName, ReadContext, Reading } from "./types.ts";

export const NOT_UNDERSTOOD: Bilingual = {
  zh: "没有看懂。可以这样写：“今天收到张三申请，要求公开2025年预算”“3号件予以公开”“2号延期”“今年收了多少件”“逾期的有哪些”，或发送“帮助”。",
  en: 'Not understood. Try e.g. "今天收到张三申请，要求公开2025年预算" (register), "3号件予以公开" (conclude No. 3: granted), "2号延期" (extend No. 2), "今年收了多少件" (received this year), "逾期的有哪些" (overdue list), or send 帮助 (help).',
};

const TOO_LONG: Bilingual = {
  zh: `消息太长（超过 ${MAX_MESSAGE_LENGTH} 字），请一次写一件事`,
  en: `The message is too long (over ${MAX_MESSAGE_LENGTH} characters): one thing at a time, please`,
};

// The bot's commands and their Chinese shortcuts (packages/bot/src/text/shortcuts.ts): a message
// that opens with one means that intent, whatever follows.
const COMMANDS: ReadonlyMap<string, IntentName> = new Map([
  ["new", "new"],
  ["登记", "new"],
  ["新收", "new"],
  ["close", "close"],
  ["办结", "close"],
  ["more", "more"],
  ["其他事项", "more"],
  ["undo", "undo"],
  ["撤销", "undo"],
  ["summary", "summary"],
  ["统计", "summary"],
  ["report", "report"],
  ["年报", "report"],
  ["pending", "pending"],
  ["在办", "pending"],
  ["help", "help"],
  ["帮助", "help"],
  ["cancel", "cancel"],
  ["取消", "cancel"],
] as [string, IntentName][]);

const takeCommand = (s: Scratch): IntentName | "other" | undefined => {
  const slash = /^\/([a-z_]+)(?:@\w+)?(?= |$)/.exec(s.low);
  if (slash) {
    cut(s, 0, slash[0].length);
    return COMMANDS.get(slash[1]!) ?? "other";
  }
  // 登记 / 办结 / 其他事项 opening the message, alone or before a space or a number.
  const head = /^(登记|新收|办结|其他事项|统计|年报|在办)(?= |\d|第|no|#|$)/.exec(s.low);
  if (head) {
    cut(s, 0, head[0].length);
    return COMMANDS.get(head[1]!);
  }
  return undefined;
};

// Outcome rows that read like a request (要求提供公开出版物, 要求确认…): never a subject.
const OUTCOME_LOOKALIKE = /要求(?:提供)?公开出版物|要求(?:行政机关)?确认|要求重新出具/;

/** Reads a clerk's message: understood (an intent and its slots), ask (choices) or unknown. */
export const readMessage = (text: string, context: ReadContext): Reading => {
  if (typeof text !== "string" || text.length > MAX_MESSAGE_LENGTH * 4)
    return { kind: "unknown", hint: TOO_LONG };
  const s = prepare(text);
  if (s.text.length > MAX_MESSAGE_LENGTH) return { kind: "unknown", hint: TOO_LONG };
  if (s.text === "") return { kind: "unknown", hint: NOT_UNDERSTOOD };
  const original = s.text;
  const command = takeCommand(s);
  if (command === "other") return { kind: "unknown", hint: NOT_UNDERSTOOD };
  // A message about a numbered application asks nothing: 23号要求提供公开出版物 is an outcome.
  const subject =
    command === "close" || command === "more" || hasMarkedNumber(s) || OUTCOME_LOOKALIKE.test(s.low)
      ? undefined
      : takeSubject(s);
  const contact = takeContact(s);
  const amount = takeAmount(s);
  const dates: DateHit[] = takeDates(s, context);
  const numbers = takeNumbers(s);
  const words = takeWords(s);
  const read: Read = {
    original,
    rest: s,
    command,
    subject,
    contact,
    amount,
    dates,
    numbers,
    words,
  };
  return decide(read, context) ?? { kind: "unknown", hint: hintFor(read) };
};

/** Not understood: what was read is said back, with examples around it. */
const hintFor = (r: Read): Bilingual => {
  const first = r.dates[0]?.result;
  if (r.dates.length === 1 && first?.ok)
    return {
      zh: `读到日期 ${first.date}，但不知道要做什么。${NOT_UNDERSTOOD.zh}`,
      en: `Read the date ${first.date}, but not what to do with it. ${NOT_UNDERSTOOD.en}`,
    };
  if (first && !first.ok)
    return {
      zh: `${first.reason.zh}。${NOT_UNDERSTOOD.zh}`,
      en: `${first.reason.en}. ${NOT_UNDERSTOOD.en}`,
    };
  return NOT_UNDERSTOOD;
};
