// The phrase corpus, part 4: how clerks name the channel of a registration (第三十一条 tells
// 当面, 邮寄/信函, 网络, 传真 apart: the receipt date depends on it), so that 来信, 来函, EMS or
// 快递 is read as a letter and never as the applicant's name; and extensions with the days the
// clerk said (at most 20 working days, 第三十三条第二款: more is refused, never cut down).
import type { Row } from "./corpus-rows.ts";
import { ask } from "./corpus-rows.ts";

export const CHANNELS: Row[] = [
  [
    "昨天收到某某公司来信，申请公开2025年预算",
    {
      intent: "new",
      date: "2026-12-09",
      subject: "2025年预算",
      applicantType: "commercialEnterprise",
      channel: "post",
    },
  ],
  [
    "收到某某有限公司来函，要求公开项目审批文件",
    {
      intent: "new",
      subject: "项目审批文件",
      applicantType: "commercialEnterprise",
      channel: "post",
    },
  ],
  [
    "收到张三来函，要求公开2024年决算",
    { intent: "new", subject: "2024年决算", channel: "post", applicantName: "张三" },
  ],
  [
    "今天来信一封，申请人陈静，要求公开2025年部门预算",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "2025年部门预算",
      channel: "post",
      applicantName: "陈静",
    },
  ],
  [
    "张三寄了一封信来，申请公开村级财务",
    { intent: "new", subject: "村级财务", channel: "post", applicantName: "张三" },
  ],
  [
    "收到一封平信，没有签收，孙丽申请公开低保名单",
    { intent: "new", subject: "低保名单", channel: "post", applicantName: "孙丽" },
  ],
  [
    "昨天签收了一件EMS，刘洋申请公开拆迁补偿方案",
    {
      intent: "new",
      date: "2026-12-09",
      subject: "拆迁补偿方案",
      channel: "post",
      applicantName: "刘洋",
    },
  ],
  [
    "收到李四的EMS，要求公开征收公告",
    { intent: "new", subject: "征收公告", channel: "post", applicantName: "李四" },
  ],
  [
    "前天顺丰寄来申请，申请人何军，要求公开道路规划",
    {
      intent: "new",
      date: "2026-12-08",
      subject: "道路规划",
      channel: "post",
      applicantName: "何军",
    },
  ],
  [
    "收到邮政寄来的挂号信，宏达建材有限公司申请公开土地出让合同",
    {
      intent: "new",
      subject: "土地出让合同",
      applicantType: "commercialEnterprise",
      channel: "post",
      applicantName: "宏达建材有限公司",
    },
  ],
  [
    "刚收到一封快递，是周律师寄来的申请，要求公开行政处罚决定",
    {
      intent: "new",
      subject: "行政处罚决定",
      applicantType: "naturalPerson",
      channel: "post",
      applicantName: "周律师",
    },
  ],
  [
    "收到县人大转来的信函，申请人刘某，要求公开信访处理结果",
    { intent: "new", subject: "信访处理结果", channel: "post", applicantName: "刘某" },
  ],
  [
    "今天收到村民王五的来信，要求公开宅基地审批",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "宅基地审批",
      applicantType: "naturalPerson",
      channel: "post",
      applicantName: "王五",
    },
  ],
  [
    "12月8日收到传真，某某科技有限公司要求公开招标文件",
    {
      intent: "new",
      date: "2026-12-08",
      subject: "招标文件",
      applicantType: "commercialEnterprise",
      channel: "fax",
      applicantName: "某某科技有限公司",
    },
  ],
  [
    "今天收到一份传真件，王强申请公开采购合同",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "采购合同",
      channel: "fax",
      applicantName: "王强",
    },
  ],
  [
    "王五发传真申请公开规划许可",
    { intent: "new", subject: "规划许可", channel: "fax", applicantName: "王五" },
  ],
  [
    "网上申请平台收到李娜的申请，要求公开学校招生计划",
    { intent: "new", subject: "学校招生计划", channel: "online", applicantName: "李娜" },
  ],
  [
    "政府信息公开平台昨天收到张伟申请，要求公开财政预算",
    {
      intent: "new",
      date: "2026-12-09",
      subject: "财政预算",
      channel: "online",
      applicantName: "张伟",
    },
  ],
  [
    "今天通过依申请公开平台收到王芳申请，要求公开规划",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "规划",
      channel: "online",
      applicantName: "王芳",
    },
  ],
  [
    "昨天邮箱收到赵敏的申请，要求公开环评批复",
    {
      intent: "new",
      date: "2026-12-09",
      subject: "环评批复",
      channel: "online",
      applicantName: "赵敏",
    },
  ],
  [
    "今天收到电子邮件，刘芳申请公开征地批复",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "征地批复",
      channel: "online",
      applicantName: "刘芳",
    },
  ],
  [
    "赵六昨天发电子邮件申请公开预算",
    {
      intent: "new",
      date: "2026-12-09",
      subject: "预算",
      channel: "online",
      applicantName: "赵六",
    },
  ],
  [
    "钱七发邮件申请公开会议纪要",
    { intent: "new", subject: "会议纪要", channel: "online", applicantName: "钱七" },
  ],
  [
    "赵六昨天寄邮件申请公开预算",
    ask(
      {
        intent: "new",
        date: "2026-12-09",
        subject: "预算",
        applicantName: "赵六",
        channel: "post",
      },
      {
        intent: "new",
        date: "2026-12-09",
        subject: "预算",
        applicantName: "赵六",
        channel: "online",
      },
    ),
  ],
  [
    "今天在微信公众号上收到吴刚的申请，要求公开垃圾分类方案",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "垃圾分类方案",
      channel: "online",
      applicantName: "吴刚",
    },
  ],
  [
    "通过小程序收到申请，要求公开公交线路",
    { intent: "new", subject: "公交线路", channel: "online" },
  ],
  [
    "周八通过政务服务网申请公开规划",
    { intent: "new", subject: "规划", channel: "online", applicantName: "周八" },
  ],
  [
    "张明今天亲自到窗口提交申请，要求公开住房补贴政策",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "住房补贴政策",
      channel: "inPerson",
      applicantName: "张明",
    },
  ],
  [
    "今天政务大厅来了个群众，申请公开社保缴费基数",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "社保缴费基数",
      applicantType: "naturalPerson",
      channel: "inPerson",
    },
  ],
  [
    "王丽当面递交申请，要求公开拆迁安置方案",
    { intent: "new", subject: "拆迁安置方案", channel: "inPerson", applicantName: "王丽" },
  ],
  [
    "钱七亲自来窗口申请公开预算",
    { intent: "new", subject: "预算", channel: "inPerson", applicantName: "钱七" },
  ],
  ["收到EMS", { intent: "new", channel: "post" }],
  ["systems收到", { intent: "new", applicantName: "systems" }],
  [
    "登记 自然人 昨天 来信",
    { intent: "new", date: "2026-12-09", applicantType: "naturalPerson", channel: "post" },
  ],
  [
    "登记 商业企业 今天 EMS",
    { intent: "new", date: "2026-12-10", applicantType: "commercialEnterprise", channel: "post" },
  ],
  [
    "新收 自然人 前天 挂号信",
    { intent: "new", date: "2026-12-08", applicantType: "naturalPerson", channel: "post" },
  ],
  [
    "登记 其他 今天 传真",
    { intent: "new", date: "2026-12-10", applicantType: "otherOrganization", channel: "fax" },
  ],
  [
    "登记 自然人 今天 网上",
    { intent: "new", date: "2026-12-10", applicantType: "naturalPerson", channel: "online" },
  ],
  [
    "登记 自然人 今天 现场",
    { intent: "new", date: "2026-12-10", applicantType: "naturalPerson", channel: "inPerson" },
  ],
  [
    "收到张三的传真，要求公开2025年预算",
    { intent: "new", subject: "2025年预算", channel: "fax", applicantName: "张三" },
  ],
  ["昨天网上收到一件申请", { intent: "new", date: "2026-12-09", channel: "online" }],
  [
    "今天窗口收到李四申请，要求公开征地补偿",
    {
      intent: "new",
      date: "2026-12-10",
      subject: "征地补偿",
      channel: "inPerson",
      applicantName: "李四",
    },
  ],
  ["收到一件挂号信", { intent: "new", channel: "post" }],
  ["收到来信", { intent: "new", channel: "post" }],
  // A channel word inside an organisation's name names no channel.
  [
    "收到顺丰速运有限公司的申请，要求公开快递网点规划",
    {
      intent: "new",
      subject: "快递网点规划",
      applicantType: "commercialEnterprise",
      applicantName: "顺丰速运有限公司",
    },
  ],
  [
    "收到中国邮政储蓄银行的申请，要求公开网点规划",
    {
      intent: "new",
      subject: "网点规划",
      applicantType: "commercialEnterprise",
      applicantName: "中国邮政储蓄银行",
    },
  ],
  [
    "收到微信支付公司的申请",
    { intent: "new", applicantType: "commercialEnterprise", applicantName: "微信支付公司" },
  ],
  [
    "收到宏达网络科技有限公司的申请",
    { intent: "new", applicantType: "commercialEnterprise", applicantName: "宏达网络科技有限公司" },
  ],
  [
    "收到宏达公司快递来的申请",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "宏达公司",
      channel: "post",
    },
  ],
  [
    "顺丰寄来宏达公司的申请",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "宏达公司",
      channel: "post",
    },
  ],
  [
    "今天网上收到宏达公司申请",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "commercialEnterprise",
      applicantName: "宏达公司",
      channel: "online",
    },
  ],
  [
    "通过微信收到申请，要求公开停车收费标准",
    { intent: "new", subject: "停车收费标准", channel: "online" },
  ],
];

export const EXTENSIONS: Row[] = [
  ["3号延期15天", { intent: "more", event: "extended", number: 3, workingDays: 15 }],
  ["第3号延长期限10个工作日", { intent: "more", event: "extended", number: 3, workingDays: 10 }],
  ["3号延期25天", { intent: "more", event: "extended", number: 3, refused: 1 }],
  [
    "第5号延长答复期限20个工作日",
    { intent: "more", event: "extended", number: 5, workingDays: 20 },
  ],
  ["7号延期十个工作日", { intent: "more", event: "extended", number: 7, workingDays: 10 }],
  [
    "12号延长答复期限，延长15个工作日",
    { intent: "more", event: "extended", number: 12, workingDays: 15 },
  ],
  ["2号延期0天", { intent: "more", event: "extended", number: 2, refused: 1 }],
  ["4号延期二十天", { intent: "more", event: "extended", number: 4, workingDays: 20 }],
  ["6号延期三十个工作日", { intent: "more", event: "extended", number: 6, refused: 1 }],
  ["延期10天", { intent: "more", event: "extended", workingDays: 10 }],
  [
    "8号今天延期，延长5个工作日",
    { intent: "more", event: "extended", number: 8, date: "2026-12-10", workingDays: 5 },
  ],
  [
    "9号昨天延期12个工作日",
    { intent: "more", event: "extended", number: 9, date: "2026-12-09", workingDays: 12 },
  ],
];
