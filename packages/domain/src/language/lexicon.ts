// The words a message is read by, one table: the catalog's applicant types, channels and
// outcomes with the words staff use (report/words.ts), and the cue words of the intents and
// events. Read longest first, each cut out as read, so 逾期不补正 (an outcome) is not read as
// 逾期 (overdue) and 补正 (an event), and 收到补正材料 not as 收到 (a receipt).
import type { ApplicantType, Channel, Outcome } from "../report/catalog.ts";
import {
  APPLICANT_TYPE_WORDS,
  CHANNEL_WORDS,
  OUTCOME_SPAN_WORDS,
  OUTCOME_WORDS,
  REFERRAL_WORDS,
  WITHDRAWAL_WORDS,
} from "../report/words.ts";
import { cut, type Scratch } from "./normalize.ts";
import type { MoreEventKey, SummaryMeasure } from "./types.ts";

/** What a word says. */
export type Sense =
  | { kind: "type"; value: ApplicantType }
  | { kind: "channel"; value: Channel }
  | { kind: "channels"; values: readonly Channel[] }
  | { kind: "outcome"; value: Outcome; referral?: true; withdrawn?: true }
  | { kind: "outcomes"; values: readonly Outcome[] }
  | { kind: "event"; value: MoreEventKey }
  /** A word that names two events (补正: asked for or received?). */
  | { kind: "events"; values: readonly MoreEventKey[] }
  /** The fee named, without saying notice or payment (信息处理费). */
  | { kind: "feeName" }
  | { kind: "cue"; value: Cue }
  | { kind: "measure"; value: SummaryMeasure }
  | { kind: "year"; offset: number }
  /** 本月, 本周: a period shorter than the year. */
  | { kind: "period" };

export type Cue =
  | "new"
  /** 申请: a receipt only where nothing else is read. */
  | "apply"
  | "close"
  | "undo"
  | "count"
  | "list"
  | "report"
  | "help"
  | "cancel";

export type WordHit = { start: number; end: number; word: string; sense: Sense };

const entries: [string, Sense][] = [];
const add = (words: readonly string[], sense: Sense) => {
  for (const w of words) entries.push([w.toLowerCase(), sense]);
};

// The catalog's Chinese words only (a key or English label inside Chinese text is noise).
const chinese = (w: string) => /[\u4e00-\u9fff]/.test(w);
for (const [t, words] of Object.entries(APPLICANT_TYPE_WORDS) as [ApplicantType, string[]][])
  add(words.slice(1).filter(chinese), { kind: "type", value: t });
for (const [c, words] of Object.entries(CHANNEL_WORDS) as [Channel, string[]][])
  add(
    words.slice(1).filter((w) => chinese(w) && w !== "其他"),
    { kind: "channel", value: c },
  );
add(["email", "e-mail"], { kind: "channel", value: "online" });
add(["ems"], { kind: "channel", value: "post" });
// 邮件: a letter or an e-mail? Asked back.
add(["邮件"], { kind: "channels", values: ["post", "online"] });
const flagged = new Set([...REFERRAL_WORDS, ...WITHDRAWAL_WORDS]);
for (const [o, words] of Object.entries(OUTCOME_WORDS) as [Outcome, string[]][])
  add(
    words.slice(1).filter((w) => chinese(w) && !flagged.has(w) && !/^(\d\.)?其他$/.test(w)),
    { kind: "outcome", value: o },
  );
for (const w of REFERRAL_WORDS)
  entries.push([w, { kind: "outcome", value: "unableNotHeld", referral: true }]);
for (const w of WITHDRAWAL_WORDS)
  entries.push([w, { kind: "outcome", value: "otherOther", withdrawn: true }]);
for (const [w, values] of Object.entries(OUTCOME_SPAN_WORDS))
  entries.push([w, { kind: "outcomes", values }]);

const event = (value: MoreEventKey, words: string[]) => add(words, { kind: "event", value });
event("correctionRequested", [
  "要求补正",
  "通知补正",
  "补正通知",
  "告知补正",
  "发补正",
  "发了补正",
  "需要补正",
  "责令补正",
  "请求补正",
  "让申请人补正",
  "让他补正",
  "让其补正",
  "一次性告知",
]);
event("correctionReceived", [
  "收到补正",
  "补正材料收到",
  "补正材料到了",
  "补正回来",
  "已补正",
  "补正了",
  "补正到了",
  "提交了补正",
  "交了补正",
  "补齐了",
  "补正完毕",
  "补正已收到",
]);
add(["补正"], { kind: "events", values: ["correctionRequested", "correctionReceived"] });
event("consultationStartedThirdParty", [
  "征求了第三方意见",
  "征求了第三方",
  "征求第三方意见",
  "征求第三方",
  "征询第三方",
  "第三方意见征询",
  "书面征求第三方",
  "向第三方征求意见",
]);
event("consultationStartedAgency", [
  "征求了相关部门意见",
  "征求了有关部门意见",
  "征求了其他机关意见",
  "征求其他机关意见",
  "征求机关意见",
  "征求有关部门意见",
  "征求相关部门意见",
  "征求其他部门意见",
  "征求部门意见",
  "征求有关机关意见",
  "会商",
]);
add(["征求意见", "征询意见", "开始征求意见", "征求了意见"], {
  kind: "events",
  values: ["consultationStartedThirdParty", "consultationStartedAgency"],
});
event("consultationEnded", [
  "征求意见结束",
  "征求意见完毕",
  "意见回复了",
  "意见已回复",
  "意见回来了",
  "意见已返回",
  "第三方回复了",
  "第三方已回复",
  "收到回复意见",
  "收到第三方意见",
  "收到意见",
  "会商结束",
  "会商完毕",
  "征询结束",
]);
event("extended", ["延期", "延长答复期限", "延长期限", "延长答复", "延期答复", "延长"]);
event("feeNoticeIssued", [
  "收费通知",
  "发收费通知",
  "缴费通知",
  "通知缴费",
  "收取费用",
  "要收费",
  "收费",
]);
add(["信息处理费", "处理费", "费用"], { kind: "feeName" });
event("feePaid", [
  "已缴费",
  "缴费了",
  "交费了",
  "已交费",
  "费用已缴",
  "缴了费",
  "交了费",
  "已付款",
  "付了费",
  "缴纳了",
  "已缴纳",
  "已缴",
  "已交",
  "交钱了",
  "钱交了",
  "交过费",
  "交了",
  "缴了",
  "付了",
]);

const cue = (value: Cue, words: string[]) => add(words, { kind: "cue", value });
cue("new", [
  "收到",
  "收了",
  "接到",
  "登记",
  "新收",
  "受理",
  "来了",
  "递交",
  "提交",
  "寄来",
  "来信",
  "来函",
  "新申请",
  "提出",
]);
cue("apply", [
  "申请",
  "申请人",
  "申请书",
  "政府信息公开申请",
  "信息公开申请",
  "政府信息公开",
  "信息公开",
]);
cue("close", ["办结", "已答复", "答复", "答复了", "结了", "办完", "处理完", "结案", "已办结"]);
cue("undo", [
  "撤销",
  "撤销上一条",
  "撤销刚才",
  "撤回刚才",
  "删除刚才",
  "删掉刚才",
  "刚才记错了",
  "刚才录错了",
  "刚才登记错了",
  "上一条错了",
  "上一条记错了",
  "记错了",
  "录错了",
  "弄错了",
  "undo",
]);
cue("count", [
  "多少",
  "几件",
  "几个",
  "几份",
  "几起",
  "几宗",
  "几单",
  "几条",
  "有几",
  "了几",
  "数量",
  "总数",
  "一共",
  "总共",
  "合计",
  "统计",
  "汇总",
  "情况",
  // 本年至今 (the bot's own name for the year's figures), 截至目前, 到目前为止.
  "至今",
  "截至目前",
  "到目前为止",
  "how many",
]);
cue("list", [
  "哪些",
  "清单",
  "列表",
  "名单",
  "列出",
  "列一下",
  "查一下",
  "查查",
  "看看",
  "看一下",
  "有没有",
]);
cue("report", ["年报", "年度报告", "工作年度报告", "年度工作报告", "report"]);
cue("help", [
  "?",
  "帮助",
  "help",
  "怎么用",
  "如何使用",
  "使用说明",
  "说明",
  "你能做什么",
  "能做什么",
  "能干什么",
  "菜单",
  "功能",
  "不会用",
  "教我",
]);
cue("cancel", ["取消", "算了", "不用了", "不要了", "cancel"]);

const measure = (value: SummaryMeasure, words: string[]) => add(words, { kind: "measure", value });
measure("received", ["收了", "收到", "新收", "受理", "接收", "收件", "来了", "接到"]);
measure("concluded", ["办结", "结了", "办完", "答复了", "处理完", "已办结", "完成", "结案"]);
measure("open", [
  "在办",
  "未办结",
  "没办结",
  "还没办",
  "没办完",
  "待办",
  "未结",
  "没结",
  "正在办",
  "未完成",
  "还没结",
]);
measure("overdue", ["逾期", "超期", "超时", "过期", "超过期限"]);

// A question about a month or a week: the figures are kept by year only.
add(["这个月", "本月", "上个月", "上月", "这周", "本周", "上周", "这星期", "本星期"], {
  kind: "period",
});

const year = (offset: number, words: string[]) => add(words, { kind: "year", offset });
year(0, ["今年", "本年", "本年度", "今年度", "this year"]);
year(-1, ["去年", "上年", "上一年", "上年度", "last year"]);
year(-2, ["前年"]);

/**
 * Words that are both a cue and a measure (收到, 办结…) are kept once per sense; the reader
 * asks `sensesOf` for every sense of a word found.
 */
const bySense = new Map<string, Sense[]>();
for (const [w, s] of entries) {
  const list = bySense.get(w);
  if (list) {
    if (!list.some((x) => JSON.stringify(x) === JSON.stringify(s))) list.push(s);
  } else bySense.set(w, [s]);
}
// The words by their first character, longest first: at each place of the message only the
// words that can start there are tried (one alternation of all of them cost a third of the time).
const byFirst = new Map<string, string[]>();
for (const w of [...bySense.keys()].sort((a, b) => b.length - a.length)) {
  const list = byFirst.get(w[0]!);
  if (list) list.push(w);
  else byFirst.set(w[0]!, [w]);
}

const LETTER = /[a-z]/;
/** An English word is read whole only ("ems" is not read inside "systems"). */
const whole = (low: string, at: number, w: string): boolean =>
  !(LETTER.test(w[0]!) && LETTER.test(low[at - 1] ?? "")) &&
  !(LETTER.test(w.at(-1)!) && LETTER.test(low[at + w.length] ?? ""));

/** Every word of the table in the message, longest first at each place, cut out as read. */
export const takeWords = (s: Scratch): WordHit[] => {
  const hits: WordHit[] = [];
  const low = s.low;
  const found: [number, string][] = [];
  for (let i = 0; i < low.length; ) {
    const word = byFirst.get(low[i]!)?.find((w) => low.startsWith(w, i) && whole(low, i, w));
    if (word === undefined) i++;
    else {
      found.push([i, word]);
      i += word.length;
    }
  }
  for (const [start, word] of found) {
    for (const sense of bySense.get(word)!)
      hits.push({ start, end: start + word.length, word, sense });
    cut(s, start, start + word.length);
  }
  return hits;
};
