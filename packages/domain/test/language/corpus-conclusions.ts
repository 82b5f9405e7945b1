// The phrase corpus, part 2: conclusions (办结) in clerks' words and the other events
// (补正, 征求意见, 延期, 收费).
import type { Row } from "./corpus-rows.ts";
import { ask } from "./corpus-rows.ts";

const denied = [
  "deniedStateSecret",
  "deniedProhibitedByLaw",
  "deniedSecurityStability",
  "deniedThirdPartyRights",
  "deniedInternalAffairs",
  "deniedProcessInformation",
  "deniedEnforcementFile",
  "deniedAdministrativeQuery",
] as const;

export const CONCLUSIONS: Row[] = [
  // ── Conclusions: the number in every form ──
  ["第3号予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["3号予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["No.3 予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["no3予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["#3 同意公开", { intent: "close", number: 3, outcome: "granted" }],
  ["编号3已公开", { intent: "close", number: 3, outcome: "granted" }],
  ["第十二号已公开", { intent: "close", number: 12, outcome: "granted" }],
  ["十二号件予以公开", { intent: "close", number: 12, outcome: "granted" }],
  ["二十一号件部分公开", { intent: "close", number: 21, outcome: "partiallyGranted" }],
  ["九十九号已答复公开", { intent: "close", number: 99, outcome: "granted" }],
  ["３号件予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["第３号部分公开", { intent: "close", number: 3, outcome: "partiallyGranted" }],
  ["Ｎｏ．７ 予以公开", { intent: "close", number: 7, outcome: "granted" }],
  ["第 15 号 予以公开", { intent: "close", number: 15, outcome: "granted" }],
  ["15号申请予以公开", { intent: "close", number: 15, outcome: "granted" }],
  ["第3件予以公开", { intent: "close", number: 3, outcome: "granted" }],
  [
    "办结 12 予以公开 11月20日",
    {
      intent: "close",
      number: 12,
      outcome: "granted",
      date: "2026-11-20",
    },
  ],
  ["办结12 予以公开", { intent: "close", number: 12, outcome: "granted" }],
  ["/close 12 部分公开", { intent: "close", number: 12, outcome: "partiallyGranted" }],
  ["办结 8", { intent: "close", number: 8 }],
  ["办结", { intent: "close" }],

  // ── Conclusions: the outcome in clerks' words ──
  ["5号信息不存在", { intent: "close", number: 5, outcome: "unableNotHeld" }],
  ["5号查无此信息", { intent: "close", number: 5, outcome: "unableNotHeld" }],
  ["6号我们不掌握", { intent: "close", number: 6, outcome: "unableNotHeld" }],
  ["6号本机关不掌握", { intent: "close", number: 6, outcome: "unableNotHeld" }],
  ["6号没有该信息", { intent: "close", number: 6, outcome: "unableNotHeld" }],
  [
    "7号非本机关，告知向市自然资源局申请",
    {
      intent: "close",
      number: 7,
      outcome: "unableNotHeld",
      referral: "市自然资源局",
    },
  ],
  ["8号不属于本机关职责", { intent: "close", number: 8, outcome: "unableNotHeld", referral: "" }],
  [
    "8号不属本机关，已告知其向区住建局咨询",
    {
      intent: "close",
      number: 8,
      outcome: "unableNotHeld",
      referral: "区住建局",
    },
  ],
  ["9号申请人撤回", { intent: "close", number: 9, outcome: "otherOther", withdrawn: true }],
  ["10号撤回申请", { intent: "close", number: 10, outcome: "otherOther", withdrawn: true }],
  [
    "10号件申请人主动撤回了",
    {
      intent: "close",
      number: 10,
      outcome: "otherOther",
      withdrawn: true,
    },
  ],
  ["11号撤销申请", { intent: "close", number: 11, outcome: "otherOther", withdrawn: true }],
  ["11号重复申请", { intent: "close", number: 11, outcome: "notProcessedDuplicate" }],
  ["12号涉密", { intent: "close", number: 12, outcome: "deniedStateSecret" }],
  ["12号属于国家秘密，不予公开", { intent: "close", number: 12, outcome: "deniedStateSecret" }],
  ["13号涉及商业秘密不予公开", { intent: "close", number: 13, outcome: "deniedThirdPartyRights" }],
  ["14号个人隐私", { intent: "close", number: 14, outcome: "deniedThirdPartyRights" }],
  ["14号第三方不同意公开", { intent: "close", number: 14, outcome: "deniedThirdPartyRights" }],
  ["15号未缴费", { intent: "close", number: 15, outcome: "otherFeeUnpaid" }],
  ["15号逾期未缴费，不再处理", { intent: "close", number: 15, outcome: "otherFeeUnpaid" }],
  ["16号逾期不补正", { intent: "close", number: 16, outcome: "otherNoCorrection" }],
  ["16号申请人一直没有补正", { intent: "close", number: 16, outcome: "otherNoCorrection" }],
  ["17号属于过程性信息", { intent: "close", number: 17, outcome: "deniedProcessInformation" }],
  ["18号内部事务信息", { intent: "close", number: 18, outcome: "deniedInternalAffairs" }],
  ["19号属于行政执法案卷", { intent: "close", number: 19, outcome: "deniedEnforcementFile" }],
  ["20号需要另行制作", { intent: "close", number: 20, outcome: "unableNeedsCreation" }],
  ["20号没有现成信息", { intent: "close", number: 20, outcome: "unableNeedsCreation" }],
  ["21号补正后仍不明确", { intent: "close", number: 21, outcome: "unableStillUnclear" }],
  ["22号属于信访举报投诉", { intent: "close", number: 22, outcome: "notProcessedComplaint" }],
  ["22号其实是投诉", { intent: "close", number: 22, outcome: "notProcessedComplaint" }],
  ["23号要求提供公开出版物", { intent: "close", number: 23, outcome: "notProcessedPublication" }],
  ["24号无正当理由大量反复申请", { intent: "close", number: 24, outcome: "notProcessedExcessive" }],
  ["25号要求重新出具", { intent: "close", number: 25, outcome: "notProcessedReconfirmation" }],
  ["26号危及社会稳定", { intent: "close", number: 26, outcome: "deniedSecurityStability" }],
  ["26号三安全一稳定", { intent: "close", number: 26, outcome: "deniedSecurityStability" }],
  ["27号法律法规禁止公开", { intent: "close", number: 27, outcome: "deniedProhibitedByLaw" }],
  ["28号属于行政查询事项", { intent: "close", number: 28, outcome: "deniedAdministrativeQuery" }],
  ["3号件昨天已答复公开", { intent: "close", number: 3, outcome: "granted", date: "2026-12-09" }],
  [
    "4号件部分公开，今天答复",
    {
      intent: "close",
      number: 4,
      outcome: "partiallyGranted",
      date: "2026-12-10",
    },
  ],
  [
    "第5号 上周五 同意公开",
    {
      intent: "close",
      number: 5,
      outcome: "granted",
      date: "2026-12-04",
    },
  ],
  ["第6号12.8全部公开", { intent: "close", number: 6, outcome: "granted", date: "2026-12-08" }],
  [
    "7号 2026年12月2日 信息不存在",
    {
      intent: "close",
      number: 7,
      outcome: "unableNotHeld",
      date: "2026-12-02",
    },
  ],
  [
    "8号件周二答复，予以公开",
    {
      intent: "close",
      number: 8,
      outcome: "granted",
      date: "2026-12-08",
    },
  ],
  ["3号件办结", { intent: "close", number: 3 }],
  ["3号已经答复了", { intent: "close", number: 3 }],
  ["予以公开", { intent: "close", outcome: "granted" }],
  ["部分公开", { intent: "close", outcome: "partiallyGranted" }],
  ["查无此信息", { intent: "close", outcome: "unableNotHeld" }],
  ["重复申请", { intent: "close", outcome: "notProcessedDuplicate" }],
  ["申请人撤回", { intent: "close", outcome: "otherOther", withdrawn: true }],
  ["商业秘密", { intent: "close", outcome: "deniedThirdPartyRights" }],

  // ── Conclusions asked back ──
  [
    "5号不予公开",
    ask(...denied.map((outcome) => ({ intent: "close" as const, number: 5, outcome }))),
  ],
  [
    "6号无法提供",
    ask(
      { number: 6, outcome: "unableNotHeld" },
      { number: 6, outcome: "unableNeedsCreation" },
      { number: 6, outcome: "unableStillUnclear" },
    ),
  ],
  [
    "7号不予处理",
    ask(
      { outcome: "notProcessedComplaint" },
      { outcome: "notProcessedDuplicate" },
      { outcome: "notProcessedPublication" },
      { outcome: "notProcessedExcessive" },
      { outcome: "notProcessedReconfirmation" },
    ),
  ],
  ["3号 公开", ask({ number: 3, outcome: "granted" }, { number: 3, outcome: "partiallyGranted" })],
  [
    "3号和5号予以公开",
    ask(
      { intent: "close", number: 3, outcome: "granted" },
      { intent: "close", number: 5, outcome: "granted" },
    ),
  ],
  [
    "3号涉密，也涉及个人隐私",
    ask(
      { number: 3, outcome: "deniedStateSecret" },
      { number: 3, outcome: "deniedThirdPartyRights" },
    ),
  ],
  ["4号 12.1 还是 12.2 予以公开", ask({ date: "2026-12-01" }, { date: "2026-12-02" })],
  [
    "5号征求第三方意见后予以公开",
    ask(
      { intent: "close", number: 5, outcome: "granted" },
      { intent: "more", number: 5, event: "consultationStartedThirdParty" },
    ),
  ],

  // ── Conclusions with refused dates ──
  ["3号予以公开，12月15日", { intent: "close", number: 3, outcome: "granted", refused: 1 }],
  ["3号 2019-05-01 予以公开", { intent: "close", number: 3, outcome: "granted", refused: 1 }],
  ["3号 2.30 予以公开", { intent: "close", number: 3, outcome: "granted", refused: 1 }],

  // ── Other events ──
  ["2号延期20个工作日", { intent: "more", number: 2, event: "extended", workingDays: 20 }],
  ["2号延长答复期限", { intent: "more", number: 2, event: "extended" }],
  ["第2号件今天延期", { intent: "more", number: 2, event: "extended", date: "2026-12-10" }],
  ["2号延期十五个工作日", { intent: "more", number: 2, event: "extended", workingDays: 15 }],
  ["2号延期30天", { intent: "more", number: 2, event: "extended", refused: 1 }],
  ["5号要求补正", { intent: "more", number: 5, event: "correctionRequested" }],
  ["5号通知补正", { intent: "more", number: 5, event: "correctionRequested" }],
  [
    "8号昨天发了补正通知",
    {
      intent: "more",
      number: 8,
      event: "correctionRequested",
      date: "2026-12-09",
    },
  ],
  ["5号补正材料收到了", { intent: "more", number: 5, event: "correctionReceived" }],
  ["5号已补正", { intent: "more", number: 5, event: "correctionReceived" }],
  [
    "5号今天收到补正材料",
    {
      intent: "more",
      number: 5,
      event: "correctionReceived",
      date: "2026-12-10",
    },
  ],
  [
    "5号补正",
    ask({ number: 5, event: "correctionRequested" }, { number: 5, event: "correctionReceived" }),
  ],
  ["6号征求第三方意见", { intent: "more", number: 6, event: "consultationStartedThirdParty" }],
  ["6号书面征求第三方意见", { intent: "more", number: 6, event: "consultationStartedThirdParty" }],
  ["6号征求相关部门意见", { intent: "more", number: 6, event: "consultationStartedAgency" }],
  ["6号会商", { intent: "more", number: 6, event: "consultationStartedAgency" }],
  [
    "6号征求意见",
    ask(
      { number: 6, event: "consultationStartedThirdParty" },
      { number: 6, event: "consultationStartedAgency" },
    ),
  ],
  ["6号第三方回复了", { intent: "more", number: 6, event: "consultationEnded" }],
  ["6号征求意见结束", { intent: "more", number: 6, event: "consultationEnded" }],
  ["6号意见回来了", { intent: "more", number: 6, event: "consultationEnded" }],
  ["7号收费通知50元", { intent: "more", number: 7, event: "feeNoticeIssued", amountYuan: 50 }],
  [
    "7号发收费通知，信息处理费100元",
    {
      intent: "more",
      number: 7,
      event: "feeNoticeIssued",
      amountYuan: 100,
    },
  ],
  [
    "7号信息处理费 80.5 元",
    {
      intent: "more",
      number: 7,
      event: "feeNoticeIssued",
      amountYuan: 80.5,
    },
  ],
  ["7号已缴费", { intent: "more", number: 7, event: "feePaid" }],
  ["7号信息处理费已缴", { intent: "more", number: 7, event: "feePaid" }],
  ["7号交了100元", { intent: "more", number: 7, event: "feePaid", amountYuan: 100 }],
  ["7号昨天缴费了", { intent: "more", number: 7, event: "feePaid", date: "2026-12-09" }],
  ["其他事项 3 延期", { intent: "more", number: 3, event: "extended" }],
  [
    "其他事项 3",
    ask(
      { number: 3, event: "correctionRequested" },
      { number: 3, event: "correctionReceived" },
      { number: 3, event: "consultationStartedThirdParty" },
      { number: 3, event: "consultationStartedAgency" },
      { number: 3, event: "consultationEnded" },
      { number: 3, event: "extended" },
      { number: 3, event: "feeNoticeIssued" },
      { number: 3, event: "feePaid" },
    ),
  ],
  ["延期", { intent: "more", event: "extended" }],
  ["要求补正", { intent: "more", event: "correctionRequested" }],
  ["收到补正", { intent: "more", event: "correctionReceived" }],
  ["已缴费", { intent: "more", event: "feePaid" }],
  ["2号 明天延期", { intent: "more", number: 2, event: "extended", refused: 1 }],
];
