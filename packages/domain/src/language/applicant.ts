// A receipt's free text: what is asked for (申请内容), the applicant's contact, and the name
// left once everything else is read. Cut out before the dates and words are read, so a date or
// a company inside the subject ("要求公开2025年12月1日的会议纪要", "…某公司的环评报告") is
// the subject's, not the message's.
import { cut, MASK, type Scratch } from "./normalize.ts";

// 想要/索取/索要 the thing itself ("孙先生想要城区道路改造的招标文件") ask as well as 要求公开 does.
const SUBJECT_AT =
  /(?<!依)(?:要求|申请|请求|希望|想要|想)(?:依法)?(?:公开|提供|获取|查阅|查询|复制|调取)(?:一下)?[:：]?|(?:想要|索取|索要)[:：]?|申请内容(?:是|为)?[:：]?|(?<![\u4e00-\u9fff])(?:公开|提供)[:：]/;
const ABOUT = /关于(.{1,200}?)的(?:政府)?(?:信息公开)?申请/;
const CLAUSE_END = /[，,。;；!！?？]|(?:电话|手机|联系方式|联系电话|邮箱)/;

/**
 * The subject, cut from the message; "" where a request is made but names nothing
 * (张三申请公开); undefined where there is no request.
 */
export const takeSubject = (s: Scratch): string | undefined => {
  const m = SUBJECT_AT.exec(s.text);
  if (m) {
    const from = m.index + m[0].length;
    const rest = s.text.slice(from);
    const stop = CLAUSE_END.exec(rest);
    const to = from + (stop ? stop.index : rest.length);
    const subject = s.text
      .slice(from, to)
      .replace(/(?:的)?(?:政府信息公开申请|信息公开申请|申请)$/, "")
      .replace(/的$/, "")
      .trim();
    cut(s, m.index, to);
    return subject.includes(MASK) ? "" : subject.slice(0, 500);
  }
  const a = ABOUT.exec(s.text);
  if (a && !a[1]!.includes(MASK)) {
    cut(s, a.index, a.index + a[0].length);
    // The receipt cue the pattern swallowed ("…的申请") is said by the caller's cue "apply".
    return a[1]!.trim();
  }
  return undefined;
};

const CONTACT =
  /(?:(?:联系)?(?:电话|手机|手机号|联系方式|邮箱|email)[:：是为]? ?)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d))/i;

/** A phone number or an e-mail address, cut from the message. */
export const takeContact = (s: Scratch): string | undefined => {
  if (!/\d{7}|@/.test(s.low)) return undefined;
  const m = CONTACT.exec(s.text);
  if (!m) return undefined;
  cut(s, m.index, m.index + m[0].length);
  return m[1];
};

// Small words around a name that say nothing about it.
const FILLER_LEAD =
  "我要|我想|帮我|麻烦|请问|请|我|要|了|的|一份|一件|一个|一封|份|件|个|位|名|由|是|为|经|从|通过|来|去|向|对|把|给|申请人|政府信息公开|信息公开|本人|某|有|新|姓名|名字|叫|刚才|刚刚|上午|下午|早上|晚上|中午";
const FILLER_TRAIL =
  "了|的|转交|转|一份|一件|份|件|提交|递交|提出|寄来|发来|送来|来|政府信息公开|信息公开|通过|从|在|用|以|方式|形式|渠道";

export type Piece = { start: number; end: number; text: string };

const LEAD = new RegExp(`^(?:${FILLER_LEAD})+`);
const TRAIL = new RegExp(`(?:${FILLER_TRAIL})+$`);

/** The pieces of text no word explained, in order, with where they are; fillers trimmed. */
export const unexplained = (text: string): Piece[] => {
  const out: Piece[] = [];
  const re = /[^\u0001 ,，。.;；:：!！?？、"“”'‘’()（）【】[\]《》<>]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let t = m[0];
    const lead = LEAD.exec(t);
    if (lead) {
      start += lead[0].length;
      t = t.slice(lead[0].length);
    }
    t = t.replace(TRAIL, "");
    // A place word left alone (公众号上, 邮箱里) says nothing.
    if (t !== "" && /[\p{L}\p{N}]/u.test(t) && !/^[上里中内]$/.test(t))
      out.push({ start, end: start + t.length, text: t });
  }
  return out;
};
