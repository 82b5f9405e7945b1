// The rows and columns of the 2021 national format (国办公开办函〔2021〕30号), with the
// verbatim labels of the official template. Everything that renders, parses or explains a
// cell reads its labels from here, so a label is written once.

import type { Bilingual } from "../text.ts";

export type { Bilingual };

/** The six applicant types, the columns of section 三 before the total. */
export const APPLICANT_TYPES = [
  "naturalPerson",
  "commercialEnterprise",
  "researchInstitution",
  "socialWelfareOrganization",
  "legalServiceAgency",
  "otherOrganization",
] as const;
/** An applicant type. */
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** The columns of section 三: the six applicant types and the total. */
export const REQUEST_COLUMNS = [...APPLICANT_TYPES, "total"] as const;
/** A column of section 三. */
export type RequestColumn = (typeof REQUEST_COLUMNS)[number];

/** A column of section 三 with its verbatim label. */
export type ColumnInfo = {
  key: RequestColumn;
  order: number;
  /** Verbatim label of the template's column. */
  label: Bilingual;
  /** The header above it, where the template merges one (法人或其他组织). */
  group?: Bilingual;
};

const LEGAL_PERSON: Bilingual = {
  zh: "法人或其他组织",
  en: "Legal persons or other organizations",
};

/** The columns of section 三 in the official order, with their verbatim labels. */
export const REQUEST_COLUMN_CATALOG: readonly ColumnInfo[] = [
  { key: "naturalPerson", order: 1, label: { zh: "自然人", en: "Natural persons" } },
  {
    key: "commercialEnterprise",
    order: 2,
    label: { zh: "商业企业", en: "Commercial enterprises" },
    group: LEGAL_PERSON,
  },
  {
    key: "researchInstitution",
    order: 3,
    label: { zh: "科研机构", en: "Research institutions" },
    group: LEGAL_PERSON,
  },
  {
    key: "socialWelfareOrganization",
    order: 4,
    label: { zh: "社会公益组织", en: "Social welfare organizations" },
    group: LEGAL_PERSON,
  },
  {
    key: "legalServiceAgency",
    order: 5,
    label: { zh: "法律服务机构", en: "Legal service agencies" },
    group: LEGAL_PERSON,
  },
  {
    key: "otherOrganization",
    order: 6,
    label: { zh: "其他", en: "Others" },
    group: LEGAL_PERSON,
  },
  { key: "total", order: 7, label: { zh: "总计", en: "Total" } },
];

/** The 21 outcomes of section 三 (予以公开 … 其他), in the official order. */
export const OUTCOMES = [
  "granted",
  "partiallyGranted",
  "deniedStateSecret",
  "deniedProhibitedByLaw",
  "deniedSecurityStability",
  "deniedThirdPartyRights",
  "deniedInternalAffairs",
  "deniedProcessInformation",
  "deniedEnforcementFile",
  "deniedAdministrativeQuery",
  "unableNotHeld",
  "unableNeedsCreation",
  "unableStillUnclear",
  "notProcessedComplaint",
  "notProcessedDuplicate",
  "notProcessedPublication",
  "notProcessedExcessive",
  "notProcessedReconfirmation",
  "otherNoCorrection",
  "otherFeeUnpaid",
  "otherOther",
] as const;
/** An outcome of an application. */
export type Outcome = (typeof OUTCOMES)[number];

/** The rows of section 三, in the official order: new, carried over, the outcomes, the totals. */
export const REQUEST_ROWS = [
  "newReceived",
  "carriedOver",
  ...OUTCOMES,
  "totalProcessed",
  "carriedForward",
] as const;
/** A row of section 三. */
export type RequestRow = (typeof REQUEST_ROWS)[number];

/** The groups of outcomes in section 三 (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理). */
export const OUTCOME_GROUPS = [
  "granted",
  "partiallyGranted",
  "denied",
  "unable",
  "notProcessed",
  "otherHandling",
] as const;
/** A group of outcomes. */
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

/** A group of outcomes with its verbatim label. */
export type OutcomeGroupInfo = {
  key: OutcomeGroup;
  /** Verbatim, with its numbering: "（三）不予公开". */
  label: Bilingual;
  /** The label without numbering, for buttons: "不予公开". */
  short: Bilingual;
};

/** The groups of outcomes, with their verbatim labels. */
export const OUTCOME_GROUP_CATALOG: readonly OutcomeGroupInfo[] = [
  {
    key: "granted",
    label: { zh: "（一）予以公开", en: "(1) Granted" },
    short: { zh: "予以公开", en: "Granted" },
  },
  {
    key: "partiallyGranted",
    label: {
      zh: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      en: "(2) Partially granted (where separated, count only here)",
    },
    short: { zh: "部分公开", en: "Partially granted" },
  },
  {
    key: "denied",
    label: { zh: "（三）不予公开", en: "(3) Denied" },
    short: { zh: "不予公开", en: "Denied" },
  },
  {
    key: "unable",
    label: { zh: "（四）无法提供", en: "(4) Unable to provide" },
    short: { zh: "无法提供", en: "Unable to provide" },
  },
  {
    key: "notProcessed",
    label: { zh: "（五）不予处理", en: "(5) Not processed" },
    short: { zh: "不予处理", en: "Not processed" },
  },
  {
    key: "otherHandling",
    label: { zh: "（六）其他处理", en: "(6) Other handling" },
    short: { zh: "其他处理", en: "Other handling" },
  },
];

/** A row of section 三 with its verbatim label, its group and the articles behind it. */
export type RowInfo = {
  key: RequestRow;
  /** 1-based position in the official table. */
  order: number;
  /** The row's own verbatim label: "1.属于国家秘密", "一、本年新收政府信息公开申请数量". */
  label: Bilingual;
  /** For the 21 outcome rows: the group they belong to. */
  group?: OutcomeGroup;
  /** For outcome rows: the article(s) of the 条例 the outcome rests on. */
  basis?: Bilingual;
};

const outcomeRow = (
  key: Outcome,
  order: number,
  group: OutcomeGroup,
  zh: string,
  en: string,
  basis: Bilingual,
): RowInfo => ({ key, order, group, label: { zh, en }, basis });

/** The rows of section 三 in the official order, with their verbatim labels. */
export const REQUEST_ROW_CATALOG: readonly RowInfo[] = [
  {
    key: "newReceived",
    order: 1,
    label: {
      zh: "一、本年新收政府信息公开申请数量",
      en: "1. New applications received this year",
    },
  },
  {
    key: "carriedOver",
    order: 2,
    label: {
      zh: "二、上年结转政府信息公开申请数量",
      en: "2. Applications carried over from last year",
    },
  },
  outcomeRow("granted", 3, "granted", "（一）予以公开", "(1) Granted", {
    zh: "第三十六条第（一）（二）项",
    en: "Art. 36 (1)(2)",
  }),
  outcomeRow(
    "partiallyGranted",
    4,
    "partiallyGranted",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "(2) Partially granted (where separated, count only here)",
    { zh: "第三十七条", en: "Art. 37" },
  ),
  outcomeRow("deniedStateSecret", 5, "denied", "1.属于国家秘密", "1. State secret", {
    zh: "第十四条",
    en: "Art. 14",
  }),
  outcomeRow(
    "deniedProhibitedByLaw",
    6,
    "denied",
    "2.其他法律行政法规禁止公开",
    "2. Prohibited by other laws or administrative regulations",
    { zh: "第十四条", en: "Art. 14" },
  ),
  outcomeRow(
    "deniedSecurityStability",
    7,
    "denied",
    "3.危及“三安全一稳定”",
    "3. Endangers national, public, economic security or social stability",
    { zh: "第十四条", en: "Art. 14" },
  ),
  outcomeRow(
    "deniedThirdPartyRights",
    8,
    "denied",
    "4.保护第三方合法权益",
    "4. Protection of third parties' lawful rights",
    { zh: "第十五条、第三十二条", en: "Arts. 15, 32" },
  ),
  outcomeRow(
    "deniedInternalAffairs",
    9,
    "denied",
    "5.属于三类内部事务信息",
    "5. Internal affairs information (three kinds)",
    { zh: "第十六条第一款", en: "Art. 16 para. 1" },
  ),
  outcomeRow(
    "deniedProcessInformation",
    10,
    "denied",
    "6.属于四类过程性信息",
    "6. Process information (four kinds)",
    { zh: "第十六条第二款", en: "Art. 16 para. 2" },
  ),
  outcomeRow(
    "deniedEnforcementFile",
    11,
    "denied",
    "7.属于行政执法案卷",
    "7. Administrative enforcement case files",
    { zh: "第十六条第二款", en: "Art. 16 para. 2" },
  ),
  outcomeRow(
    "deniedAdministrativeQuery",
    12,
    "denied",
    "8.属于行政查询事项",
    "8. Administrative query matters",
    { zh: "第三十六条第（七）项", en: "Art. 36 (7)" },
  ),
  outcomeRow(
    "unableNotHeld",
    13,
    "unable",
    "1.本机关不掌握相关政府信息",
    "1. Information not held by this agency",
    { zh: "第三十六条第（四）（五）项", en: "Art. 36 (4)(5)" },
  ),
  outcomeRow(
    "unableNeedsCreation",
    14,
    "unable",
    "2.没有现成信息需要另行制作",
    "2. No existing information; would need to be created",
    { zh: "第三十八条", en: "Art. 38" },
  ),
  outcomeRow(
    "unableStillUnclear",
    15,
    "unable",
    "3.补正后申请内容仍不明确",
    "3. Still unclear after correction",
    { zh: "第三十条", en: "Art. 30" },
  ),
  outcomeRow(
    "notProcessedComplaint",
    16,
    "notProcessed",
    "1.信访举报投诉类申请",
    "1. Petitions, reports or complaints",
    { zh: "第三十九条", en: "Art. 39" },
  ),
  outcomeRow(
    "notProcessedDuplicate",
    17,
    "notProcessed",
    "2.重复申请",
    "2. Duplicate application",
    {
      zh: "第三十六条第（六）项",
      en: "Art. 36 (6)",
    },
  ),
  outcomeRow(
    "notProcessedPublication",
    18,
    "notProcessed",
    "3.要求提供公开出版物",
    "3. Requests for public publications",
    { zh: "第三十九条", en: "Art. 39" },
  ),
  outcomeRow(
    "notProcessedExcessive",
    19,
    "notProcessed",
    "4.无正当理由大量反复申请",
    "4. Large numbers of repeated applications without good reason",
    { zh: "第三十五条", en: "Art. 35" },
  ),
  outcomeRow(
    "notProcessedReconfirmation",
    20,
    "notProcessed",
    "5.要求行政机关确认或重新出具已获取信息",
    "5. Asks the agency to confirm or re-issue information already obtained",
    { zh: "—", en: "—" },
  ),
  outcomeRow(
    "otherNoCorrection",
    21,
    "otherHandling",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "1. Applicant failed to correct in time without good reason; no longer processed",
    { zh: "第三十条", en: "Art. 30" },
  ),
  outcomeRow(
    "otherFeeUnpaid",
    22,
    "otherHandling",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "2. Applicant failed to pay the fee notice in time; no longer processed",
    { zh: "第四十二条", en: "Art. 42" },
  ),
  outcomeRow("otherOther", 23, "otherHandling", "3.其他", "3. Other", {
    zh: "—（如申请人撤回申请）",
    en: "— (e.g. the applicant withdraws)",
  }),
  { key: "totalProcessed", order: 24, label: { zh: "（七）总计", en: "(7) Total" } },
  {
    key: "carriedForward",
    order: 25,
    label: {
      zh: "四、结转下年度继续办理",
      en: "4. Carried forward to next year",
    },
  },
];

/** The heading of rows 3–24: "三、本年度办理结果". */
export const OUTCOMES_HEADING: Bilingual = {
  zh: "三、本年度办理结果",
  en: "3. Results of handling this year",
};

/** The balance note printed in the table's corner. */
export const BALANCE_NOTE: Bilingual = {
  zh: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  en: "(Item 1 plus item 2 equals item 3 plus item 4)",
};

/** The heading over the applicant columns (申请人情况). */
export const APPLICANT_HEADING: Bilingual = { zh: "申请人情况", en: "Applicants" };

/** The catalog entry of a row of section 三. */
export const rowInfo = (key: RequestRow): RowInfo =>
  REQUEST_ROW_CATALOG.find((r) => r.key === key)!;
/** The catalog entry of a column of section 三. */
export const columnInfo = (key: RequestColumn): ColumnInfo =>
  REQUEST_COLUMN_CATALOG.find((c) => c.key === key)!;
/** The group an outcome belongs to. */
export const outcomeGroupOf = (outcome: Outcome): OutcomeGroup => rowInfo(outcome).group!;
/** The outcomes of a group, in the official order. */
export const outcomesInGroup = (group: OutcomeGroup): Outcome[] =>
  OUTCOMES.filter((o) => outcomeGroupOf(o) === group);

// ── 二 · 主动公开 ──────────────────────────────────────────────────────────────

/** The columns of section 二's document rows: issued, repealed, in force. */
export const PROACTIVE_DOCUMENT_COLUMNS = ["issued", "repealed", "inForce"] as const;
/** A column of section 二's document rows. */
export type ProactiveDocumentColumn = (typeof PROACTIVE_DOCUMENT_COLUMNS)[number];

/** The verbatim labels of section 二's document columns. */
export const PROACTIVE_DOCUMENT_COLUMN_LABELS: Record<ProactiveDocumentColumn, Bilingual> = {
  issued: { zh: "本年制发件数", en: "Issued this year" },
  repealed: { zh: "本年废止件数", en: "Repealed this year" },
  inForce: { zh: "现行有效件数", en: "Currently in force" },
};

/** The verbatim label of section 二's decision counts (本年处理决定数量). */
export const DECISIONS_LABEL: Bilingual = { zh: "本年处理决定数量", en: "Decisions this year" };
/** The verbatim label of section 二's fee amount (本年收费金额（单位：万元）). */
export const FEE_AMOUNT_LABEL: Bilingual = {
  zh: "本年收费金额（单位：万元）",
  en: "Fees collected this year (10,000 yuan)",
};
/** The verbatim label of section 二's first column (信息内容). */
export const CONTENT_LABEL: Bilingual = { zh: "信息内容", en: "Information" };

/** One of section 二's tables: its article, rows and labels. */
export type ProactiveTableInfo = {
  /** "第二十条第（一）项" */
  article: Bilingual;
  rows: readonly { key: ProactiveRow; label: Bilingual }[];
  kind: "documents" | "decisions" | "fees";
};

/** The rows of section 二: rules, normative documents, licensing, penalties, coercion, fees. */
export const PROACTIVE_ROWS = [
  "rules",
  "normativeDocuments",
  "licensing",
  "penalty",
  "coercion",
  "fees",
] as const;
/** A row of section 二. */
export type ProactiveRow = (typeof PROACTIVE_ROWS)[number];

/** Section 二's tables in the official order, with their articles and verbatim labels. */
export const PROACTIVE_CATALOG: readonly ProactiveTableInfo[] = [
  {
    article: { zh: "第二十条第（一）项", en: "Art. 20 (1)" },
    kind: "documents",
    rows: [
      { key: "rules", label: { zh: "规章", en: "Rules (规章)" } },
      {
        key: "normativeDocuments",
        label: { zh: "行政规范性文件", en: "Administrative normative documents" },
      },
    ],
  },
  {
    article: { zh: "第二十条第（五）项", en: "Art. 20 (5)" },
    kind: "decisions",
    rows: [{ key: "licensing", label: { zh: "行政许可", en: "Administrative licensing" } }],
  },
  {
    article: { zh: "第二十条第（六）项", en: "Art. 20 (6)" },
    kind: "decisions",
    rows: [
      { key: "penalty", label: { zh: "行政处罚", en: "Administrative penalties" } },
      { key: "coercion", label: { zh: "行政强制", en: "Administrative coercion" } },
    ],
  },
  {
    article: { zh: "第二十条第（八）项", en: "Art. 20 (8)" },
    kind: "fees",
    rows: [
      {
        key: "fees",
        label: { zh: "行政事业性收费", en: "Administrative and institutional fees" },
      },
    ],
  },
];

// ── 四 · 行政复议、行政诉讼 ────────────────────────────────────────────────────

/**
 * The blocks of section 四: administrative reconsideration, litigation directly, litigation after
 * reconsideration.
 */
export const APPEAL_BLOCKS = ["review", "litigationDirect", "litigationAfterReview"] as const;
/** A block of section 四. */
export type AppealBlock = (typeof APPEAL_BLOCKS)[number];
/** The columns of each block of section 四: upheld, corrected, other, pending, total. */
export const APPEAL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"] as const;
/** A column of section 四. */
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];

/** The verbatim labels of section 四's blocks. */
export const APPEAL_BLOCK_LABELS: Record<AppealBlock, Bilingual> = {
  review: { zh: "行政复议", en: "Administrative reconsideration" },
  litigationDirect: { zh: "未经复议直接起诉", en: "Sued directly without reconsideration" },
  litigationAfterReview: { zh: "复议后起诉", en: "Sued after reconsideration" },
};
/** The verbatim label over section 四's litigation blocks (行政诉讼). */
export const LITIGATION_LABEL: Bilingual = { zh: "行政诉讼", en: "Administrative litigation" };
/** The verbatim labels of section 四's columns. */
export const APPEAL_COLUMN_LABELS: Record<AppealColumn, Bilingual> = {
  upheld: { zh: "结果维持", en: "Upheld" },
  corrected: { zh: "结果纠正", en: "Corrected" },
  other: { zh: "其他结果", en: "Other result" },
  pending: { zh: "尚未审结", en: "Pending" },
  total: { zh: "总计", en: "Total" },
};

// ── Sections ──────────────────────────────────────────────────────────────────

/** The six sections of the report, in order. */
export const SECTIONS = [
  "overview",
  "proactive",
  "requests",
  "appeals",
  "problems",
  "otherMatters",
] as const;
/** A section of the report. */
export type Section = (typeof SECTIONS)[number];

/** The verbatim titles of the six sections (一、总体情况 …). */
export const SECTION_TITLES: Record<Section, Bilingual> = {
  overview: { zh: "一、总体情况", en: "1. Overview" },
  proactive: { zh: "二、主动公开政府信息情况", en: "2. Proactive disclosure" },
  requests: {
    zh: "三、收到和处理政府信息公开申请情况",
    en: "3. Applications received and handled",
  },
  appeals: {
    zh: "四、政府信息公开行政复议、行政诉讼情况",
    en: "4. Administrative reconsideration and litigation",
  },
  problems: { zh: "五、存在的主要问题及改进情况", en: "5. Main problems and improvements" },
  otherMatters: { zh: "六、其他需要报告的事项", en: "6. Other matters to report" },
};

/** The numbered parts of section 一 (主动公开, 依申请公开, …). */
export const OVERVIEW_PARTS = [
  "proactive",
  "requests",
  "management",
  "platform",
  "supervision",
] as const;
/** A numbered part of section 一. */
export type OverviewPart = (typeof OVERVIEW_PARTS)[number];
/** The verbatim labels of section 一's parts. */
export const OVERVIEW_PART_LABELS: Record<OverviewPart, Bilingual> = {
  proactive: { zh: "（一）主动公开", en: "(1) Proactive disclosure" },
  requests: { zh: "（二）依申请公开", en: "(2) Disclosure on application" },
  management: { zh: "（三）政府信息管理", en: "(3) Information management" },
  platform: { zh: "（四）政府信息公开平台建设", en: "(4) Disclosure platforms" },
  supervision: { zh: "（五）监督保障", en: "(5) Supervision and safeguards" },
};

/** The labels of the fee figures (notices issued, amounts notified and collected). */
export const FEES_LABELS = {
  noticesIssued: { zh: "发出收费通知的件数", en: "Fee notices issued" },
  amountNotifiedYuan: { zh: "收费通知总金额（元）", en: "Amount notified (yuan)" },
  amountCollectedYuan: { zh: "实际收取的总金额（元）", en: "Amount collected (yuan)" },
} as const satisfies Record<string, Bilingual>;

/** The verbatim labels of the applicant types. */
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, Bilingual> = Object.fromEntries(
  APPLICANT_TYPES.map((t) => [t, columnInfo(t).label]),
) as Record<ApplicantType, Bilingual>;

/** The channels an application can come by. */
export const CHANNELS = ["inPerson", "post", "online", "fax", "other"] as const;
/** A channel an application came by. */
export type Channel = (typeof CHANNELS)[number];
/** The channels' labels in both languages. */
export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  inPerson: { zh: "当面", en: "In person" },
  post: { zh: "邮寄", en: "By post" },
  online: { zh: "网络", en: "Online" },
  fax: { zh: "传真", en: "Fax" },
  other: { zh: "其他", en: "Other" },
};
