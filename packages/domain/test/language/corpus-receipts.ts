// The phrase corpus, part 1: the issue's own examples and registrations (登记), with the
// dates refused and the readings asked back.
import type { Row } from "./corpus-rows.ts";
import { ask, UNKNOWN } from "./corpus-rows.ts";

export const RECEIPTS: Row[] = [
  // ── The examples ──
  [
    "今天收到张三申请，要求公开2025年预算",
    { intent: "new", date: "2026-12-10", applicantName: "张三", subject: "2025年预算" },
  ],
  ["3号件予以公开", { intent: "close", number: 3, outcome: "granted" }],
  ["今年收了多少件", { intent: "summary", year: 2026, measure: "received" }],
  ["今年办结了几件", { intent: "summary", year: 2026, measure: "concluded" }],
  // Tried by hand in `pnpm chat` (2026-12-05): the bot's own words for the year's figures.
  ["本年至今怎么样", { intent: "summary", year: 2026 }],
  ["到目前为止今年收了多少件", { intent: "summary", year: 2026, measure: "received" }],
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
  // Tried by hand in `pnpm chat` (2026-12-05): the name swallowed the subject.
  [
    "今天收到一封信，市民孙先生想要2024年城区道路改造的招标文件，电话13812345678",
    {
      intent: "new",
      date: "2026-12-10",
      applicantType: "naturalPerson",
      channel: "post",
      applicantName: "孙先生",
      subject: "2024年城区道路改造的招标文件",
      contact: "13812345678",
    },
  ],
  [
    "昨天某建材公司来人索取本局2025年政府采购合同",
    {
      intent: "new",
      date: "2026-12-09",
      applicantType: "commercialEnterprise",
      applicantName: "某建材公司",
      subject: "本局2025年政府采购合同",
    },
  ],
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
  [
    "收到县人民医院的申请，要求公开医保结算政策",
    {
      intent: "new",
      applicantType: "otherOrganization",
      applicantName: "县人民医院",
      subject: "医保结算政策",
    },
  ],
  [
    "收到实验学校的申请",
    {
      intent: "new",
      applicantType: "otherOrganization",
      applicantName: "实验学校",
    },
  ],
  [
    "收到农商银行的申请，要求公开企业贷款贴息名单",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "农商银行",
      subject: "企业贷款贴息名单",
    },
  ],
  [
    "收到医科大学附属医院的申请",
    ask(
      { applicantType: "researchInstitution", applicantName: "医科大学附属医院" },
      { applicantType: "otherOrganization", applicantName: "医科大学附属医院" },
    ),
  ],
  [
    "收到宏达建材有限公司张经理的申请",
    {
      intent: "new",
      applicantType: "commercialEnterprise",
      applicantName: "宏达建材有限公司",
    },
  ],
];
