// The words that name an applicant type, a channel or an outcome: the key, the catalog's Chinese
// and English labels (an outcome also without its numbering or note), and the words staff use.
// One list for everything that reads them: the API's JSON bodies and CSV files, and the bot.
import type { Bilingual } from "../text.ts";
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  OUTCOMES,
  type Outcome,
  rowInfo,
} from "./catalog.ts";

/** "1.属于国家秘密" → "属于国家秘密"; "（一）予以公开" → "予以公开"; the part before any note. */
export const outcomeCore = (o: Outcome): Bilingual => {
  const { label } = rowInfo(o);
  return {
    zh: label.zh.replace(/^(?:\d+\.|（[一二三四五六七]）)/, "").replace(/（.*$/, ""),
    en: label.en.replace(/^(?:\d+\.\s*|\(\d\)\s*)/, "").replace(/\s*\(.*$/, ""),
  };
};

/**
 * Words staff use beside the catalog's labels. Policy (README): a lawyer applying in their own
 * name is a natural person (律师 → 自然人); only the firm (律师事务所, 律所) is a legal service
 * agency. The language module (../language) reads these inside sentences, so each word names
 * one type only.
 */
export const APPLICANT_TYPE_ALIASES: Record<ApplicantType, readonly string[]> = {
  naturalPerson: ["个人", "公民", "市民", "群众", "村民", "居民", "农民", "律师", "老百姓"],
  commercialEnterprise: [
    "企业",
    "公司",
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "厂",
    "工厂",
    "个体户",
    "个体工商户",
    "商户",
    "银行",
  ],
  researchInstitution: [
    "科研",
    "大学",
    "学院",
    "研究所",
    "研究院",
    "研究中心",
    "高校",
    "医院的研究部门",
    "医院研究部门",
  ],
  socialWelfareOrganization: ["公益组织", "基金会", "协会", "公益", "志愿", "志愿者", "慈善组织"],
  legalServiceAgency: ["律所", "律师事务所", "法律服务所", "法律援助中心"],
  otherOrganization: [
    "其他组织",
    "村民委员会",
    "居民委员会",
    "村委会",
    "居委会",
    "合作社",
    "事业单位",
    "社会团体",
    "医院",
    "学校",
  ],
};

/**
 * Words staff use for a channel beside the catalog's labels (当面 / 邮寄 / 网络 / 传真 / 其他, the
 * channels 第三十一条 distinguishes). A letter is 信函 in the 2021 format's words and comes as
 * 来信, 来函, 挂号信, EMS or 快递; 邮件 alone (a letter or an e-mail?) is in none of them.
 */
export const CHANNEL_ALIASES: Record<Channel, readonly string[]> = {
  inPerson: [
    "现场",
    "窗口",
    "当场",
    "面交",
    "上门",
    "当面递交",
    "当面提交",
    "亲自",
    "亲手",
    "面对面",
    "来访",
    "前台",
    "大厅",
    "政务大厅",
    "服务大厅",
  ],
  post: [
    "信函",
    "快递",
    "挂号信",
    "寄来",
    "来信",
    "来函",
    "信件",
    "函件",
    "书信",
    "一封信",
    "封信",
    "寄信",
    "寄了",
    "写信",
    "平信",
    "挂号",
    "邮政",
    "邮递",
    "邮来",
    "寄过来",
    "邮过来",
    "寄到",
    "寄给",
    "寄送",
    "签收",
    "已签收",
    "签收了",
    "没有签收",
    "未签收",
    "无需签收",
    "ems",
    "顺丰",
  ],
  online: [
    "网上",
    "在线",
    "政务网",
    "网站",
    "门户网站",
    "邮箱",
    "电子邮件",
    "电子邮箱",
    "email",
    "e-mail",
    "网络平台",
    "网上平台",
    "网上申请平台",
    "政府信息公开平台",
    "平台",
    "发邮件",
    "发了邮件",
    "发来邮件",
    "发的邮件",
    "网上申请",
    "网申",
    "申请平台",
    "公开平台",
    "信息公开平台",
    "依申请公开平台",
    "政务服务网",
    "政务服务平台",
    "互联网",
    "网页",
    "微信",
    "公众号",
    "小程序",
  ],
  fax: ["传真件", "发传真", "传真机"],
  other: [],
};

/**
 * Words staff use for an outcome beside the catalog's labels: 信息不存在 → 本机关不掌握;
 * 非本机关 → 本机关不掌握 (the reply refers the applicant on: REFERRAL_WORDS); 撤回 → （六）3 其他
 * (WITHDRAWAL_WORDS); 商业秘密 / 个人隐私 → 保护第三方合法权益; 同意公开 → 予以公开.
 */
export const OUTCOME_ALIASES: Record<Outcome, readonly string[]> = {
  granted: ["同意公开", "已公开", "已答复公开", "全部公开", "公开了", "准予公开", "予以提供"],
  partiallyGranted: ["部分公开了", "部分予以公开", "部分同意公开"],
  deniedStateSecret: ["国家秘密", "涉密", "涉及国家秘密", "属于涉密信息"],
  deniedProhibitedByLaw: ["法律法规禁止公开", "法律禁止公开", "法规禁止公开"],
  deniedSecurityStability: ["三安全一稳定", "危及国家安全", "危及社会稳定", "影响社会稳定"],
  deniedThirdPartyRights: [
    "商业秘密",
    "个人隐私",
    "涉及商业秘密",
    "涉及个人隐私",
    "第三方合法权益",
    "第三方不同意公开",
  ],
  deniedInternalAffairs: ["内部事务", "内部事务信息", "内部管理信息"],
  deniedProcessInformation: ["过程性信息", "过程信息"],
  deniedEnforcementFile: ["行政执法案卷", "执法案卷"],
  deniedAdministrativeQuery: ["行政查询事项", "行政查询"],
  unableNotHeld: [
    "信息不存在",
    "查无此信息",
    "不掌握",
    "本机关不掌握",
    "没有该信息",
    "没有这个信息",
    "未制作",
    "未制作或获取",
    "非本机关",
    "不属于本机关",
    "不属本机关",
    "非本机关职责",
    "不属于本机关职责",
  ],
  unableNeedsCreation: ["需要另行制作", "需另行制作", "没有现成信息", "需要加工"],
  unableStillUnclear: ["补正后仍不明确", "仍不明确", "内容不明确"],
  notProcessedComplaint: ["信访", "举报", "投诉", "信访举报投诉"],
  notProcessedDuplicate: ["重复申请", "重复提出"],
  notProcessedPublication: ["公开出版物", "出版物"],
  notProcessedExcessive: ["大量反复申请", "反复申请"],
  notProcessedReconfirmation: ["重新出具", "要求确认", "确认已获取信息"],
  otherNoCorrection: ["逾期不补正", "未补正", "不补正", "没有补正"],
  otherFeeUnpaid: ["未缴费", "逾期未缴费", "没交费", "未交费", "逾期未缴纳费用"],
  otherOther: ["撤回", "撤回申请", "撤销申请", "申请人撤回", "主动撤回"],
};

/** Outcome words that also mean the applicant was referred to another body (非本机关). */
export const REFERRAL_WORDS: readonly string[] = [
  "非本机关",
  "不属于本机关",
  "不属本机关",
  "非本机关职责",
  "不属于本机关职责",
];
/** Outcome words that mean the applicant withdrew (recorded as （六）3 其他). */
export const WITHDRAWAL_WORDS: readonly string[] = [
  "撤回",
  "撤回申请",
  "撤销申请",
  "申请人撤回",
  "主动撤回",
];

/** Words that name a whole outcome group or more than one row: read as a choice among them. */
export const OUTCOME_SPAN_WORDS: Readonly<Record<string, readonly Outcome[]>> = {
  公开: ["granted", "partiallyGranted"],
  不予公开: OUTCOMES.filter((o) => rowInfo(o).group === "denied"),
  不公开: OUTCOMES.filter((o) => rowInfo(o).group === "denied"),
  无法提供: OUTCOMES.filter((o) => rowInfo(o).group === "unable"),
  不予处理: OUTCOMES.filter((o) => rowInfo(o).group === "notProcessed"),
  其他处理: OUTCOMES.filter((o) => rowInfo(o).group === "otherHandling"),
};

const wordsOf = <K extends string>(keys: readonly K[], words: (k: K) => string[]) =>
  Object.fromEntries(keys.map((k) => [k, words(k)])) as unknown as Record<K, readonly string[]>;

/** The words that name each applicant type: key, labels and staff's words. */
export const APPLICANT_TYPE_WORDS = wordsOf(APPLICANT_TYPES, (t) => [
  t,
  APPLICANT_TYPE_LABELS[t].zh,
  APPLICANT_TYPE_LABELS[t].en,
  ...APPLICANT_TYPE_ALIASES[t],
]);

/** The words that name each channel. */
export const CHANNEL_WORDS = wordsOf(CHANNELS, (c) => [
  c,
  CHANNEL_LABELS[c].zh,
  CHANNEL_LABELS[c].en,
  ...CHANNEL_ALIASES[c],
]);

/** The words that name each outcome: key, labels with and without numbering, staff's words. */
export const OUTCOME_WORDS = wordsOf(OUTCOMES, (o) => {
  const core = outcomeCore(o);
  return [o, rowInfo(o).label.zh, rowInfo(o).label.en, core.zh, core.en, ...OUTCOME_ALIASES[o]];
});

/** How two spellings are compared: NFKC (full-width to half-width), lower case, no spaces or punctuation. */
export const foldWord = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s.·“”"'()（）《》,，。:：\-_/\u200b-\u200d\ufeff]/g, "");

/** The one value a word names exactly (undefined: none, or more than one). */
const exactly = <T extends string>(words: Record<T, readonly string[]>) => {
  const by = new Map<string, T | null>();
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][])
    for (const w of list) {
      const k = foldWord(w);
      const found = by.get(k);
      by.set(k, found === undefined || found === value ? value : null);
    }
  return (word: string): T | undefined => by.get(foldWord(word)) ?? undefined;
};

/** The applicant type a word names exactly, or undefined. */
export const applicantTypeOfWord = exactly(APPLICANT_TYPE_WORDS);
/** The channel a word names exactly, or undefined. */
export const channelOfWord = exactly(CHANNEL_WORDS);
/** The outcome a word names exactly, or undefined. */
export const outcomeOfWord = exactly(OUTCOME_WORDS);

/** The accepted values, for an error message: `自然人（naturalPerson）、…`. */
export const acceptedWords = <T extends string>(
  words: Record<T, readonly string[]>,
): { zh: string; en: string } => {
  const entries = Object.entries(words) as [T, readonly string[]][];
  return {
    zh: entries.map(([k, w]) => `${w[1]}（${k}）`).join("、"),
    en: entries.map(([k, w]) => `${k} (${w[1]})`).join(", "),
  };
};
