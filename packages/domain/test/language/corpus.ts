// The phrase corpus of issue 15: messages as a county clerk writes them, with the reading each
// must get. Written for this test (not collected from real chats); the first ones are the
// issue's own examples. Today is Thursday 2026-12-10 (this week: Monday 12-07 to Sunday
// 12-13), the agency's first day 2020-01-01.
//
// A row: [message, expected]. Expected is an intent with exactly its slots (`refused`: how many
// stated slots are refused), `ask(...)`: the candidate readings offered (each matched as a
// subset), or UNKNOWN.
import type { Intent } from "../../src/index.ts";

export const TODAY = "2026-12-10";
export const EARLIEST = "2020-01-01";

export type Expected = (Intent & { refused?: number }) | { ask: Partial<Intent>[] } | "unknown";
export const UNKNOWN = "unknown" as const;
export const ask = (...choices: Partial<Intent>[]): Expected => ({ ask: choices });

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

export const CORPUS: [string, Expected][] = [
  // ── The examples ──
  [
    "今天收到张三申请，要求公开2025年预算",
    { intent: "new", date: "2026-12-10", applicantName: "张三", subject: "2025年预算" },
  ],
  ["3号件予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["今年收了多少件", { intent: "summary", year: 2026, measure: "received" }],
  ["今年办结了几件", { intent: "summary", year: 2026, measure: "concluded" }],
  ["帮我查一下逾期的", { intent: "pending", overdue: true }],
  ["2号延期", { intent: "more", number: 2, event: "extended" }],
  ["上周五", UNKNOWN],
  ["12.1", UNKNOWN],
  ["信息不存在", { intent: "close", outcome: "unableNotHeld" }],
  [
    "登记 自然人 今天 张三 要求公开2025年预算",
    {
      intent: "new",
      applicantType: "naturalPerson",
      date: "2026-12-10",
      applicantName: "张三",
      subject: "2025年预算",
    },
  ],

  // ── Registrations ──
  [
    "昨天收到李四的申请，申请公开本村2024年低保名单",
    { intent: "new", date: "2026-12-09", applicantName: "李四", subject: "本村2024年低保名单" },
  ],
  [
    "窗口今天来了个村民王五，要求公开宅基地审批结果",
    {
      intent: "new",
      date: "2026-12-10",
      channel: "inPerson",
      applicantType: "naturalPerson",
      applicantName: "王五",
      subject: "宅基地审批结果",
    },
  ],
  [
    "收到宏达建材有限公司邮寄的申请，要求公开该地块环评报告",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "宏达建材有限公司",
      channel: "post",
      subject: "该地块环评报告",
    },
  ],
  [
    "12月8日网上收到赵六申请，要求提供2023年征地补偿标准",
    {
      intent: "new",
      date: "2026-12-08",
      channel: "online",
      applicantName: "赵六",
      subject: "2023年征地补偿标准",
    },
  ],
  [
    "律师孙七今天当面提交申请，要求公开行政处罚决定书",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "naturalPerson",
      applicantName: "孙七",
      channel: "inPerson",
      subject: "行政处罚决定书",
    },
  ],
  [
    "今天收到金诚律师事务所的申请，要求公开招标文件",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "legalServiceAgency",
      applicantName: "金诚律师事务所",
      subject: "招标文件",
    },
  ],
  [
    "前天收到省环保公益基金会通过邮箱提交的申请，要求公开排污许可信息",
    {
      intent: "new",
      date: "2026-12-08",
      applicantType: "socialWelfareOrganization",
      applicantName: "省环保公益基金会",
      channel: "online",
      subject: "排污许可信息",
    },
  ],
  [
    "收到江南大学的申请，要求公开水质监测数据",
    {
      intent: "new",
      applicantType: "researchInstitution",
      applicantName: "江南大学",
      subject: "水质监测数据",
    },
  ],
  [
    "新收一件申请，申请人张三，电话13812345678，要求公开拆迁补偿方案",
    {
      intent: "new",
      applicantName: "张三",
      contact: "13812345678",
      subject: "拆迁补偿方案",
    },
  ],
  [
    "今天收到王女士的申请，要求公开小区规划许可证",
    { intent: "new", date: "2026-12-10", applicantName: "王女士", subject: "小区规划许可证" },
  ],
  [
    "收到一封挂号信，刘某申请公开2024年财政决算",
    { intent: "new", channel: "post", applicantName: "刘某", subject: "2024年财政决算" },
  ],
  [
    "传真收到天宇科技有限公司申请，要求公开项目验收材料",
    {
      intent: "new",
      channel: "fax",
      applicantType: "commercialEnterprise",
      applicantName: "天宇科技有限公司",
      subject: "项目验收材料",
    },
  ],
  [
    "登记 企业 昨天 邮寄",
    { intent: "new", applicantType: "commercialEnterprise", date: "2026-12-09", channel: "post" },
  ],
  ["登记", { intent: "new" }],
  ["新收 个人 12.1", { intent: "new", applicantType: "naturalPerson", date: "2026-12-01" }],
  ["/new 自然人 2026-12-01", { intent: "new", applicantType: "naturalPerson", date: "2026-12-01" }],
  [
    "今天有个市民来窗口申请公开公交线路调整方案",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "naturalPerson",
      channel: "inPerson",
      subject: "公交线路调整方案",
    },
  ],
  [
    "收到张三通过政务网提交的申请，要求公开老旧小区改造计划",
    { intent: "new", applicantName: "张三", channel: "online", subject: "老旧小区改造计划" },
  ],
  [
    "今天收到村民委员会的申请",
    { intent: "new", date: "2026-12-10", applicantType: "otherOrganization" },
  ],
  [
    "3号收到李明申请，要求公开道路改造预算",
    { intent: "new", date: "2026-12-03", applicantName: "李明", subject: "道路改造预算" },
  ],
  [
    "上周五收到陈刚的申请，要求公开征收决定",
    { intent: "new", date: "2026-12-04", applicantName: "陈刚", subject: "征收决定" },
  ],
  [
    "本周一收到快递，申请人周敏，要求公开学区划分文件",
    {
      intent: "new",
      date: "2026-12-07",
      channel: "post",
      applicantName: "周敏",
      subject: "学区划分文件",
    },
  ],
  [
    "周三在线收到申请，要求公开河道整治资金使用情况",
    { intent: "new", date: "2026-12-09", channel: "online", subject: "河道整治资金使用情况" },
  ],
  [
    "2025年12月1日收到吴昊申请，要求公开2025年12月1日的会议纪要",
    {
      intent: "new",
      date: "2025-12-01",
      applicantName: "吴昊",
      subject: "2025年12月1日的会议纪要",
    },
  ],
  [
    "二〇二五年十二月一日收到郑爽的申请",
    { intent: "new", date: "2025-12-01", applicantName: "郑爽" },
  ],
  [
    "2025-12-01 收到 冯涛 申请 要求公开 垃圾站选址依据",
    { intent: "new", date: "2025-12-01", applicantName: "冯涛", subject: "垃圾站选址依据" },
  ],
  [
    "12/1收到个体户褚亮的申请，要求公开市场摊位分配方案",
    {
      intent: "new",
      date: "2026-12-01",
      applicantType: "commercialEnterprise",
      applicantName: "褚亮",
      subject: "市场摊位分配方案",
    },
  ],
  [
    "今天收到一份申请，要求公开2026年城建计划，邮箱zhang@example.com",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "2026年城建计划",
      contact: "zhang@example.com",
    },
  ],
  [
    "收到卫德的申请，联系电话0371-12345678，要求公开集体土地补偿明细",
    {
      intent: "new",
      applicantName: "卫德",
      contact: "0371-12345678",
      subject: "集体土地补偿明细",
    },
  ],
  [
    "昨天收到关于蒋庄拆迁安置的信息公开申请",
    { intent: "new", date: "2026-12-09", subject: "蒋庄拆迁安置" },
  ],
  [
    "今天收到沈阳市某研究院的申请，要求公开科研项目经费",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "researchInstitution",
      applicantName: "沈阳市某研究院",
      subject: "科研项目经费",
    },
  ],
  [
    "收到韩梅梅律师的申请，要求公开执法人员名单",
    {
      intent: "new",
      applicantType: "naturalPerson",
      applicantName: "韩梅梅",
      subject: "执法人员名单",
    },
  ],
  [
    "收到青山志愿者协会的申请，要求公开养老补贴发放情况",
    {
      intent: "new",
      applicantType: "socialWelfareOrganization",
      applicantName: "青山志愿者协会",
      subject: "养老补贴发放情况",
    },
  ],
  [
    "收到红星机械厂的申请，要求公开用地审批",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "红星机械厂",
      subject: "用地审批",
    },
  ],
  [
    "收到杨柳村合作社的申请，要求公开扶贫资金去向",
    {
      intent: "new",
      applicantType: "otherOrganization",
      applicantName: "杨柳村合作社",
      subject: "扶贫资金去向",
    },
  ],
  [
    "收到群众朱丽申请，要求公开低保审核标准",
    {
      intent: "new",
      applicantType: "naturalPerson",
      applicantName: "朱丽",
      subject: "低保审核标准",
    },
  ],
  [
    "今天收到秦风申请公开本镇2025年三公经费",
    { intent: "new", date: "2026-12-10", applicantName: "秦风", subject: "本镇2025年三公经费" },
  ],
  [
    "许晴网上申请公开小区停车位规划",
    { intent: "new", applicantName: "许晴", channel: "online", subject: "小区停车位规划" },
  ],
  [
    "何平今天当面申请获取房屋征收补偿协议",
    {
      intent: "new",
      date: "2026-12-10",
      applicantName: "何平",
      channel: "inPerson",
      subject: "房屋征收补偿协议",
    },
  ],
  [
    "吕强邮寄来申请，要求查阅2024年环境监测报告",
    { intent: "new", applicantName: "吕强", channel: "post", subject: "2024年环境监测报告" },
  ],
  [
    "收到施工方华建有限责任公司的申请，要求公开中标结果",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "施工方华建有限责任公司",
      subject: "中标结果",
    },
  ],
  [
    "昨天收到申请，申请内容：2025年度部门决算",
    { intent: "new", date: "2026-12-09", subject: "2025年度部门决算" },
  ],
  ["新收 律所 今天", { intent: "new", applicantType: "legalServiceAgency", date: "2026-12-10" }],
  ["新收 律师 今天", { intent: "new", applicantType: "naturalPerson", date: "2026-12-10" }],
  [
    "登记 公益组织 前天 网络",
    {
      intent: "new",
      applicantType: "socialWelfareOrganization",
      date: "2026-12-08",
      channel: "online",
    },
  ],
  [
    "登记 科研机构 2026-11-30 传真",
    {
      intent: "new",
      applicantType: "researchInstitution",
      date: "2026-11-30",
      channel: "fax",
    },
  ],
  ["登记 其他 昨天", { intent: "new", applicantType: "otherOrganization", date: "2026-12-09" }],
  ["今天窗口收到一件申请", { intent: "new", date: "2026-12-10", channel: "inPerson" }],
  ["收到一件新申请", { intent: "new" }],
  ["刚才受理了一个市民的申请", { intent: "new", applicantType: "naturalPerson" }],
  [
    "今天上午村民蔡华来现场递交申请，要求公开村集体土地流转合同",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "naturalPerson",
      applicantName: "蔡华",
      channel: "inPerson",
      subject: "村集体土地流转合同",
    },
  ],
  [
    "12月9号收到居民田野的申请，要求公开电梯加装补贴政策",
    {
      intent: "new",
      date: "2026-12-09",
      applicantType: "naturalPerson",
      applicantName: "田野",
      subject: "电梯加装补贴政策",
    },
  ],
  [
    "十二月一日收到老百姓董方的申请",
    { intent: "new", date: "2026-12-01", applicantType: "naturalPerson", applicantName: "董方" },
  ],
  [
    "2026年11月30日收到邮件申请，要求公开供暖收费标准",
    ask({ channel: "post" }, { channel: "online" }),
  ],
  [
    "今天通过电子邮件收到申请，要求公开防汛预案",
    { intent: "new", date: "2026-12-10", channel: "online", subject: "防汛预案" },
  ],
  [
    "2026/12/2 收到 孔亮 的申请，要求公开 学校食堂招标情况",
    { intent: "new", date: "2026-12-02", applicantName: "孔亮", subject: "学校食堂招标情况" },
  ],
  ["上上周五收到曹操的申请", { intent: "new", date: "2026-11-27", applicantName: "曹操" }],
  [
    "上周日收到申请，要求公开垃圾分类考核结果",
    { intent: "new", date: "2026-12-06", subject: "垃圾分类考核结果" },
  ],
  [
    "本月1日收到申请，要求公开农村危房改造名单",
    { intent: "new", date: "2026-12-01", subject: "农村危房改造名单" },
  ],
  [
    "上个月28号收到申请，要求公开路灯维修合同",
    { intent: "new", date: "2026-11-28", subject: "路灯维修合同" },
  ],
  [
    "今天收到ABC贸易有限公司的申请，要求公开进口许可信息",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "commercialEnterprise",
      applicantName: "ABC贸易有限公司",
      subject: "进口许可信息",
    },
  ],
  [
    "今天收到张三申请，要求公开某公司的环评报告",
    { intent: "new", date: "2026-12-10", applicantName: "张三", subject: "某公司的环评报告" },
  ],
  [
    "今日收到申请人马超的申请，手机13900001111",
    { intent: "new", date: "2026-12-10", applicantName: "马超", contact: "13900001111" },
  ],
  ["１２月３日收到申请", { intent: "new", date: "2026-12-03" }],
  [
    "收到高校研究中心的申请，要求公开实验用地规划",
    { intent: "new", applicantType: "researchInstitution", subject: "实验用地规划" },
  ],
  ["收到法律援助中心的申请", { intent: "new", applicantType: "legalServiceAgency" }],
  [
    "收到某基金会的申请，要求公开慈善款项使用情况",
    { intent: "new", applicantType: "socialWelfareOrganization", subject: "慈善款项使用情况" },
  ],
  ["收到居委会申请", { intent: "new", applicantType: "otherOrganization" }],
  [
    "今天收到申请，申请人是律师，要求公开看守所管理规定",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "naturalPerson",
      subject: "看守所管理规定",
    },
  ],

  // ── Registrations with refused dates ──
  ["明天收到申请", { intent: "new", refused: 1 }],
  ["12月25日收到张三申请", { intent: "new", applicantName: "张三", refused: 1 }],
  ["周五收到申请，要求公开预算", { intent: "new", subject: "预算", refused: 1 }],
  ["2019年5月1日收到申请", { intent: "new", refused: 1 }],
  ["2026年2月30日收到申请", { intent: "new", refused: 1 }],
  ["登记 自然人 2027-01-05", { intent: "new", applicantType: "naturalPerson", refused: 1 }],
  ["13.45收到申请", { intent: "new", refused: 1 }],
  ["25号收到申请", { intent: "new", refused: 1 }],
  ["下周一收到申请", { intent: "new", refused: 1 }],

  // ── Registrations asked back ──
  [
    "收到金诚律师事务所律师张三的申请",
    ask(
      { applicantType: "legalServiceAgency", applicantName: "金诚律师事务所" },
      { applicantType: "naturalPerson", applicantName: "张三" },
    ),
  ],
  [
    "昨天和今天各收到一件申请",
    ask({ intent: "new", date: "2026-12-09" }, { intent: "new", date: "2026-12-10" }),
  ],
  ["当面和邮寄都收到了张三的申请", ask({ channel: "inPerson" }, { channel: "post" })],

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

  // ── Questions: year to date ──
  ["去年收了多少件", { intent: "summary", year: 2025, measure: "received" }],
  ["去年收了多少申请", { intent: "summary", year: 2025, measure: "received" }],
  ["今年逾期的有几件", { intent: "summary", year: 2026, measure: "overdue" }],
  ["在办的还有多少", { intent: "summary", year: 2026, measure: "open" }],
  ["还有几件没办完", { intent: "summary", year: 2026, measure: "open" }],
  [
    "今年予以公开了几件",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      outcome: "granted",
    },
  ],
  [
    "今年不予公开的有多少",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      group: "denied",
    },
  ],
  [
    "今年信息不存在的有几件",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      outcome: "unableNotHeld",
    },
  ],
  ["2025年办结多少件", { intent: "summary", year: 2025, measure: "concluded" }],
  ["统计", { intent: "summary", year: 2026 }],
  ["统计 2025", { intent: "summary", year: 2025 }],
  ["/summary", { intent: "summary", year: 2026 }],
  ["今年情况怎么样", { intent: "summary", year: 2026 }],
  ["今年一共收到多少申请", { intent: "summary", year: 2026, measure: "received" }],
  ["本年度受理了多少", { intent: "summary", year: 2026, measure: "received" }],
  ["去年办结了多少", { intent: "summary", year: 2025, measure: "concluded" }],
  ["前年收了几件", { intent: "summary", year: 2024, measure: "received" }],
  ["现在有多少件超期了", { intent: "summary", year: 2026, measure: "overdue" }],
  ["今年申请有多少", { intent: "summary", year: 2026, measure: "received" }],
  ["今年收了多少，办结了多少", { intent: "summary", year: 2026 }],
  ["2027年收了多少件", { intent: "summary", year: 2027, measure: "received", refused: 1 }],
  [
    "今年部分公开的有几件",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      outcome: "partiallyGranted",
    },
  ],
  [
    "去年撤回的有几件",
    {
      intent: "summary",
      year: 2025,
      measure: "concluded",
      outcome: "otherOther",
    },
  ],
  ["今年公开了多少件", { intent: "summary", year: 2026, measure: "concluded", outcome: "granted" }],
  [
    "今年无法提供的有多少",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      group: "unable",
    },
  ],
  ["今年在办多少件", { intent: "summary", year: 2026, measure: "open" }],
  ["统计一下今年的", { intent: "summary", year: 2026 }],

  // ── Lists ──
  ["逾期的有哪些", { intent: "pending", overdue: true }],
  ["在办的有哪些", { intent: "pending", overdue: false }],
  ["在办", { intent: "pending", overdue: false }],
  ["/pending", { intent: "pending", overdue: false }],
  ["还有哪些没办完", { intent: "pending", overdue: false }],
  ["超期的列一下", { intent: "pending", overdue: true }],
  ["看看逾期的", { intent: "pending", overdue: true }],
  ["有没有逾期的", { intent: "pending", overdue: true }],
  ["未办结的申请清单", { intent: "pending", overdue: false }],
  ["待办列表", { intent: "pending", overdue: false }],
  ["逾期", { intent: "pending", overdue: true }],
  ["超期件", { intent: "pending", overdue: true }],

  // ── The report ──
  ["年报", { intent: "report" }],
  ["/report", { intent: "report" }],
  ["年报 2025", { intent: "report", year: 2025 }],
  ["生成2025年年报", { intent: "report", year: 2025 }],
  ["出一下去年的年度报告", { intent: "report", year: 2025 }],
  ["今年的年报", { intent: "report", year: 2026 }],
  ["2027年年报", { intent: "report", year: 2027, refused: 1 }],

  // ── Help, undo, cancel ──
  ["帮助", { intent: "help" }],
  ["/help", { intent: "help" }],
  ["怎么用", { intent: "help" }],
  ["你能做什么", { intent: "help" }],
  ["请问怎么用", { intent: "help" }],
  ["使用说明", { intent: "help" }],
  ["help", { intent: "help" }],
  ["撤销", { intent: "undo" }],
  ["/undo", { intent: "undo" }],
  ["撤销上一条", { intent: "undo" }],
  ["刚才录错了", { intent: "undo" }],
  ["撤销刚才那条", { intent: "undo" }],
  ["刚才记错了，撤销", { intent: "undo" }],
  ["undo", { intent: "undo" }],
  ["取消", { intent: "cancel" }],
  ["算了", { intent: "cancel" }],
  ["/cancel", { intent: "cancel" }],
  ["撤销3号", ask({ intent: "undo" }, { intent: "close", number: 3, withdrawn: true })],

  // ── Not understood ──
  ["", UNKNOWN],
  ["   ", UNKNOWN],
  ["你好", UNKNOWN],
  ["今天天气不错", UNKNOWN],
  ["3号", UNKNOWN],
  ["第5号", UNKNOWN],
  ["😀", UNKNOWN],
  ["asdf", UNKNOWN],
  ["12345", UNKNOWN],
  ["2025-12-01", UNKNOWN],
  ["二〇二五年十二月一日", UNKNOWN],
  ["/start", UNKNOWN],
  ["/foo bar", UNKNOWN],
  ["谢谢", UNKNOWN],
  ["好的", UNKNOWN],
  ["ok", UNKNOWN],
  ["今天", UNKNOWN],
  ["周三", UNKNOWN],
  ["本周一", UNKNOWN],
  ["12/1", UNKNOWN],
  ["12月1日", UNKNOWN],
  ["2025年12月1日", UNKNOWN],

  // ── More of everything ──
  ["收到张三的政府信息公开申请", { intent: "new", applicantName: "张三" }],
  [
    "今天收到一个企业的申请",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "commercialEnterprise",
    },
  ],
  [
    "收到申请，要求公开2025年预算，申请人是村民",
    {
      intent: "new",
      applicantType: "naturalPerson",
      subject: "2025年预算",
    },
  ],
  [
    "昨天窗口受理了李雷的申请",
    {
      intent: "new",
      date: "2026-12-09",
      channel: "inPerson",
      applicantName: "李雷",
    },
  ],
  [
    "韩梅梅昨天在线提交了申请，要求公开学区房政策",
    {
      intent: "new",
      date: "2026-12-09",
      channel: "online",
      applicantName: "韩梅梅",
      subject: "学区房政策",
    },
  ],
  ["收到一件传真申请", { intent: "new", channel: "fax" }],
  [
    "登记 自然人 今天 窗口",
    {
      intent: "new",
      applicantType: "naturalPerson",
      date: "2026-12-10",
      channel: "inPerson",
    },
  ],
  ["登记 张三 今天", { intent: "new", applicantName: "张三", date: "2026-12-10" }],
  [
    "11月30日 登记 个人 网上",
    {
      intent: "new",
      date: "2026-11-30",
      applicantType: "naturalPerson",
      channel: "online",
    },
  ],
  ["今天 收到 个人 申请", { intent: "new", date: "2026-12-10", applicantType: "naturalPerson" }],
  ["2024年2月29日收到申请", { intent: "new", date: "2024-02-29" }],
  ["今年2月29日收到申请", { intent: "new", refused: 1 }],
  [
    "3号件今天已办结，予以公开",
    {
      intent: "close",
      number: 3,
      outcome: "granted",
      date: "2026-12-10",
    },
  ],
  ["3号按予以公开办结", { intent: "close", number: 3, outcome: "granted" }],
  ["十号件：信息不存在", { intent: "close", number: 10, outcome: "unableNotHeld" }],
  ["第二十号 不予公开 国家秘密", { intent: "close", number: 20, outcome: "deniedStateSecret" }],
  [
    "9号件申请人撤回了申请",
    {
      intent: "close",
      number: 9,
      outcome: "otherOther",
      withdrawn: true,
    },
  ],
  [
    "第4号部分公开 12月9日",
    {
      intent: "close",
      number: 4,
      outcome: "partiallyGranted",
      date: "2026-12-09",
    },
  ],
  [
    "4号件 非本机关 建议向市场监管局咨询",
    {
      intent: "close",
      number: 4,
      outcome: "unableNotHeld",
      referral: "市场监管局",
    },
  ],
  ["No.5 未交费", { intent: "close", number: 5, outcome: "otherFeeUnpaid" }],
  [
    "第7号 涉及个人隐私 不予公开",
    {
      intent: "close",
      number: 7,
      outcome: "deniedThirdPartyRights",
    },
  ],
  ["3号件 2026-12-11 予以公开", { intent: "close", number: 3, outcome: "granted", refused: 1 }],
  ["3号件今天延期了", { intent: "more", number: 3, event: "extended", date: "2026-12-10" }],
  ["3号需要延长答复期限", { intent: "more", number: 3, event: "extended" }],
  ["9号发补正通知", { intent: "more", number: 9, event: "correctionRequested" }],
  ["9号补正回来了", { intent: "more", number: 9, event: "correctionReceived" }],
  ["10号会商结束", { intent: "more", number: 10, event: "consultationEnded" }],
  ["11号收费50元", { intent: "more", number: 11, event: "feeNoticeIssued", amountYuan: 50 }],
  [
    "11号缴费通知 五十元",
    {
      intent: "more",
      number: 11,
      event: "feeNoticeIssued",
      amountYuan: 50,
    },
  ],
  ["11号申请人已交费", { intent: "more", number: 11, event: "feePaid" }],
  ["3号 收费", { intent: "more", number: 3, event: "feeNoticeIssued" }],
  [
    "3号5号延期",
    ask(
      { intent: "more", number: 3, event: "extended" },
      { intent: "more", number: 5, event: "extended" },
    ),
  ],
  ["撤销5号", ask({ intent: "undo" }, { intent: "close", number: 5, withdrawn: true })],
  ["今年到现在收了多少", { intent: "summary", year: 2026, measure: "received" }],
  ["去年一共办结了几件", { intent: "summary", year: 2025, measure: "concluded" }],
  ["上年逾期了多少件", { intent: "summary", year: 2025, measure: "overdue" }],
  ["今年有多少件还在办", { intent: "summary", year: 2026, measure: "open" }],
  [
    "今年重复申请的有几件",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      outcome: "notProcessedDuplicate",
    },
  ],
  [
    "今年不予处理的有多少",
    {
      intent: "summary",
      year: 2026,
      measure: "concluded",
      group: "notProcessed",
    },
  ],
  ["有哪些逾期了", { intent: "pending", overdue: true }],
  ["逾期清单", { intent: "pending", overdue: true }],
  ["在办清单", { intent: "pending", overdue: false }],
  ["年度报告", { intent: "report" }],
  ["看一下年报", { intent: "report" }],
  ["导出2025年度报告", { intent: "report", year: 2025 }],
  ["？", { intent: "help" }],
  ["3号怎么样了", UNKNOWN],
  ["hello", UNKNOWN],
  ["测试", UNKNOWN],
  ["今天收到", { intent: "new", date: "2026-12-10" }],
];
