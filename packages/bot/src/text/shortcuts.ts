// Commands and their Chinese text shortcuts, parsed to what the user asked for. Pure: the
// arguments are resolved against the catalog here, the flows decide what to ask next.
import type {
  ApplicantType,
  Bilingual,
  Channel,
  IsoDate,
  Lang,
  Outcome,
  OutcomeGroup,
  SummaryMeasure,
} from "@ogi/domain";
import type { MoreEvent } from "../flows/more.ts";
import {
  type Resolution,
  resolveApplicantType,
  resolveChannel,
  resolveOutcome,
} from "./choices.ts";
import { looksLikeDate, parseDate } from "./dates.ts";
import { normalize, parseNumber, tokens } from "./normalize.ts";
import { readParticulars } from "./particulars.ts";

export type NewRequest = {
  kind: "new";
  /** Undefined: ask with the six buttons. */
  type?: Resolution<ApplicantType>;
  date?: IsoDate;
  channel?: Channel;
  /** 申请内容 and the applicant, when the message names them. */
  subject?: string;
  applicantName?: string;
  contact?: string;
  errors: Bilingual[];
};
export type CloseRequest = {
  kind: "close";
  number?: number;
  outcome?: Resolution<Outcome>;
  date?: IsoDate;
  /** 非本机关: the body the applicant is told to ask ("" when the message names none). */
  referral?: string;
  /** 撤回: the applicant withdrew (recorded as （六）3 其他). */
  withdrawn?: boolean;
  errors: Bilingual[];
};
export type Parsed =
  | NewRequest
  | CloseRequest
  | {
      kind: "more";
      number?: number;
      /** Named by the clerk's words: the flow opens at its card. */
      event?: MoreEvent;
      date?: IsoDate;
      fen?: number | null;
      /** An extension's working days, as the clerk said them ("3号延期15天"). */
      days?: number;
      errors: Bilingual[];
    }
  | { kind: "start"; code?: string }
  | {
      kind: "edit";
      number?: number;
      /** What the message gives already ("更正 12 申请人 张三"). */
      subject?: string;
      applicantName?: string;
      contact?: string;
      errors: Bilingual[];
    }
  | { kind: "undo" }
  | {
      kind: "summary";
      year?: number;
      /** A question in words: the figure asked for, answered first. */
      measure?: SummaryMeasure;
      outcome?: Outcome;
      group?: OutcomeGroup;
      errors: Bilingual[];
    }
  | { kind: "report"; year?: number; errors: Bilingual[] }
  | { kind: "pending"; overdue?: boolean }
  | { kind: "agency" }
  | { kind: "help" }
  | { kind: "web" }
  | { kind: "cancel" }
  | { kind: "lang"; lang?: Lang; errors: Bilingual[] }
  | { kind: "unknownCommand"; command: string }
  | { kind: "text"; text: string };

/** Commands and the Chinese words that mean the same when they open a message. */
const ALIASES: Record<string, string> = Object.assign(Object.create(null) as object, {
  new: "new",
  登记: "new",
  新收: "new",
  close: "close",
  办结: "close",
  more: "more",
  其他事项: "more",
  undo: "undo",
  撤销: "undo",
  edit: "edit",
  更正: "edit",
  补充: "edit",
  修改: "edit",
  summary: "summary",
  统计: "summary",
  report: "report",
  年报: "report",
  pending: "pending",
  在办: "pending",
  overdue: "overdue",
  逾期: "overdue",
  agency: "agency",
  机关: "agency",
  help: "help",
  帮助: "help",
  web: "web",
  网页: "web",
  lang: "lang",
  语言: "lang",
  start: "start",
  cancel: "cancel",
  取消: "cancel",
});

const badNumber = (t: string): Bilingual => ({
  zh: `“${t}”不是有效的申请编号，编号是正整数，例如 12`,
  en: `"${t}" is not a valid application number: a positive whole number such as 12`,
});

const parseYear = (args: string[]): { year?: number; errors: Bilingual[] } => {
  if (args.length === 0) return { errors: [] };
  const m = /^(\d{4})年?$/.exec(args[0]!);
  const year = m ? Number(m[1]) : Number.NaN;
  if (args.length > 1 || !(year >= 2008 && year <= 2100))
    return {
      errors: [
        {
          zh: `“${args.join(" ")}”不是有效年度，请写成 2026`,
          en: `"${args.join(" ")}" is not a valid year: write e.g. 2026`,
        },
      ],
    };
  return { year, errors: [] };
};

const parseNew = (args: string[], today: IsoDate): NewRequest => {
  const out: NewRequest = { kind: "new", errors: [] };
  const rest: string[] = [];
  for (const a of args) {
    if (looksLikeDate(a) && out.date === undefined) {
      const d = parseDate(a, today);
      if (d.ok) out.date = d.date;
      else out.errors.push(d.error);
    } else rest.push(a);
  }
  // First word: the applicant type; second (if any): the channel.
  if (rest.length > 0) {
    const type = resolveApplicantType(rest[0]!);
    out.type = type;
    if (type.kind === "none")
      out.errors.push({
        zh: `“${rest[0]}”不是申请人类型，请在按钮中选择`,
        en: `"${rest[0]}" is not an applicant type: choose one of the buttons`,
      });
  }
  // Then the channel, if the next word names one; whatever follows is the particulars
  // (applicant, contact, subject): "登记 自然人 今天 张三 要求公开2025年预算".
  let more = rest.slice(1);
  const channel = more[0] !== undefined ? resolveChannel(more[0]) : undefined;
  if (channel?.kind === "one") {
    out.channel = channel.value;
    more = more.slice(1);
  }
  const p = readParticulars(more);
  if (p.subject) out.subject = p.subject;
  if (p.applicantName) out.applicantName = p.applicantName;
  if (p.contact) out.contact = p.contact;
  return out;
};

const parseClose = (args: string[], today: IsoDate): CloseRequest => {
  const out: CloseRequest = { kind: "close", errors: [] };
  let rest = args;
  if (rest.length > 0) {
    const n = parseNumber(rest[0]!);
    if (n === undefined) {
      out.errors.push(badNumber(rest[0]!));
      return out;
    }
    out.number = n;
    rest = rest.slice(1);
  }
  // A date may close the line: "办结 12 予以公开 11月20日".
  const last = rest.at(-1);
  if (last !== undefined && looksLikeDate(last)) {
    const d = parseDate(last, today);
    if (d.ok) out.date = d.date;
    else out.errors.push(d.error);
    rest = rest.slice(0, -1);
  }
  if (rest.length > 0) out.outcome = resolveOutcome(rest.join(" "));
  return out;
};

/** The command a message asks for; plain text that is no shortcut comes back as `text`. */
export const parseMessage = (raw: string, today: IsoDate): Parsed => {
  const text = normalize(raw);
  const words = tokens(text);
  const head = words[0] ?? "";
  let command: string | undefined;
  let args = words.slice(1);
  const slash = /^\/([A-Za-z_]+)(?:@\w+)?$/.exec(head);
  if (slash) {
    command = ALIASES[slash[1]!.toLowerCase()];
    if (!command) return { kind: "unknownCommand", command: slash[1]! };
  } else if (ALIASES[head] && /^[\u4e00-\u9fff]/.test(head)) {
    command = ALIASES[head];
  } else {
    // "办结12 予以公开": a shortcut glued to its number.
    const glued = /^(登记|新收|办结|其他事项|更正)(\S+)$/.exec(head);
    if (glued) {
      command = ALIASES[glued[1]!];
      args = [glued[2]!, ...args];
    }
  }
  switch (command) {
    case "new":
      return parseNew(args, today);
    case "close":
      return parseClose(args, today);
    case "more": {
      if (args.length === 0) return { kind: "more", errors: [] };
      const n = parseNumber(args[0]!);
      if (n === undefined || args.length > 1)
        return { kind: "more", errors: [badNumber(args.join(" "))] };
      return { kind: "more", number: n, errors: [] };
    }
    case "edit": {
      if (args.length === 0) return { kind: "edit", errors: [] };
      const n = parseNumber(args[0]!);
      if (n === undefined) return { kind: "edit", errors: [badNumber(args[0]!)] };
      const p = readParticulars(args.slice(1));
      return {
        kind: "edit",
        number: n,
        ...(p.subject ? { subject: p.subject } : {}),
        ...(p.applicantName ? { applicantName: p.applicantName } : {}),
        ...(p.contact ? { contact: p.contact } : {}),
        errors: [],
      };
    }
    case "start":
      return args[0] ? { kind: "start", code: args[0] } : { kind: "start" };
    case "undo":
      return { kind: "undo" };
    case "summary":
      return { kind: "summary", ...parseYear(args) };
    case "report":
      return { kind: "report", ...parseYear(args) };
    case "pending":
      return args[0] === "逾期" || args[0]?.toLowerCase() === "overdue"
        ? { kind: "pending", overdue: true }
        : { kind: "pending" };
    case "overdue":
      return { kind: "pending", overdue: true };
    case "agency":
      return { kind: "agency" };
    case "help":
      return { kind: "help" };
    case "web":
      return { kind: "web" };
    case "cancel":
      return { kind: "cancel" };
    case "lang": {
      const l = args[0]?.toLowerCase();
      if (l === undefined) return { kind: "lang", errors: [] };
      if (l === "zh" || l === "中文" || l === "cn") return { kind: "lang", lang: "zh", errors: [] };
      if (l === "en" || l === "english" || l === "英文")
        return { kind: "lang", lang: "en", errors: [] };
      return {
        kind: "lang",
        errors: [
          {
            zh: `不支持的语言“${args[0]}”，可选 zh 或 en`,
            en: `Unknown language "${args[0]}": zh or en`,
          },
        ],
      };
    }
    default:
      return { kind: "text", text };
  }
};
