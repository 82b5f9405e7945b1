// An application's particulars as clerks type them after the type, date and channel of a
// registration ("张三 13800000000 要求公开2025年预算", "申请人 张三 内容 2025年预算"), and the short
// title every card and list shows ("第 12 号 · 张三 · 2025年预算…"). Pure.
import type { Lang } from "@ogi/domain";
import { normalize } from "./normalize.ts";

export type Particulars = { subject?: string; applicantName?: string; contact?: string };

/** A telephone number or an e-mail address. */
const CONTACT = /^(?:\+?86-?)?1\d{10}$|^0\d{2,3}-?\d{7,8}$|^\d{7,8}$|^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const looksLikeContact = (t: string) => CONTACT.test(t);

/** Words that open the subject: what the applicant asks for. */
const SUBJECT_START = /^(?:要求公开|申请公开|请求公开|要求|申请|请求|公开|关于)/;
const LABELS: [RegExp, keyof Particulars][] = [
  [/^(?:申请人|姓名|名称)[:：]?/, "applicantName"],
  [/^(?:电话|手机|联系方式|联系电话|邮箱)[:：]?/, "contact"],
  [/^(?:申请内容|内容|事项)[:：]?/, "subject"],
];

/** "要求公开2025年预算" → "2025年预算": what is asked for, without the verb. */
export const subjectCore = (s: string) => s.replace(SUBJECT_START, "").trim() || s.trim();

const MAX_SUBJECT = 500;
const MAX_FIELD = 200;

/**
 * The particulars in `words` (what is left of a registration after type, date and channel): a
 * contact by its shape, a labelled field by its label, a leading short word as the name, the
 * rest as the subject. Nothing is dropped: whatever is not a name or a contact is the subject.
 */
export const readParticulars = (words: readonly string[]): Particulars => {
  const out: Particulars = {};
  const subject: string[] = [];
  let field: keyof Particulars | undefined;
  for (const [i, raw] of words.entries()) {
    let w = raw;
    const label = LABELS.find(([re]) => re.test(w));
    if (label) {
      field = label[1];
      w = w.replace(label[0], "");
      if (w === "") continue;
    }
    if (field === "subject" || (field === undefined && subject.length > 0)) {
      subject.push(w);
      continue;
    }
    if (field === "contact" || (field === undefined && looksLikeContact(w))) {
      out.contact = out.contact ? `${out.contact} ${w}` : w;
      field = undefined;
      continue;
    }
    if (field === "applicantName") {
      out.applicantName = out.applicantName ? `${out.applicantName} ${w}` : w;
      field = undefined;
      continue;
    }
    // Unlabelled: a leading word that does not open a request is the applicant's name when
    // more follows, or when it is short enough to be a name (a lone "预算申请" is a subject).
    const isLast = i === words.length - 1;
    if (
      out.applicantName === undefined &&
      !SUBJECT_START.test(w) &&
      (!isLast || [...w].length <= 4)
    ) {
      out.applicantName = w;
      continue;
    }
    subject.push(w);
  }
  if (subject.length > 0) out.subject = subjectCore(subject.join(" ")).slice(0, MAX_SUBJECT);
  if (out.applicantName) out.applicantName = out.applicantName.slice(0, MAX_FIELD);
  if (out.contact) out.contact = out.contact.slice(0, MAX_FIELD);
  return out;
};

/** A typed answer to "申请人？": "张三 13800000000", "张三", "13800000000". */
export const readApplicant = (text: string): Particulars => {
  const words = normalize(text).split(" ").filter(Boolean);
  const contact = words.filter(looksLikeContact);
  const name = words.filter((w) => !looksLikeContact(w)).join(" ");
  return {
    ...(name ? { applicantName: name.slice(0, MAX_FIELD) } : {}),
    ...(contact.length > 0 ? { contact: contact.join(" ").slice(0, MAX_FIELD) } : {}),
  };
};

/** A typed subject: trimmed, the verb kept off, at most 500 characters. */
export const readSubject = (text: string): string | undefined => {
  const s = subjectCore(normalize(text));
  return s === "" ? undefined : s.slice(0, MAX_SUBJECT);
};

/** At most `max` characters (not UTF-16 units), "…" when cut. */
export const truncate = (s: string, max: number) => {
  const chars = [...s.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
};

export const SHORT_SUBJECT = 12;
export const SHORT_NAME = 8;

/**
 * "第 12 号 · 张三 · 2025年预算…": the number, the applicant's name (only when the API gave it:
 * the agency's own staff), the subject cut short. Plain text: the caller escapes it for HTML.
 */
export const applicationTitle = (
  a: { number: number; subject?: string | null; applicant?: { name?: string } | null },
  lang: Lang,
) =>
  [
    lang === "zh" ? `第 ${a.number} 号` : `No. ${a.number}`,
    ...(a.applicant?.name ? [truncate(a.applicant.name, SHORT_NAME)] : []),
    ...(a.subject ? [truncate(a.subject, SHORT_SUBJECT)] : []),
  ].join(" · ");
