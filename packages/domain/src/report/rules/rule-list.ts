// The list of the rules: code, severity and what each says, for docs and the API. The checks
// themselves are by section (requests.ts, appeals.ts, fees.ts, cross-year.ts, narrative.ts).
import type { Bilingual } from "../catalog.ts";
import type { RuleCode, Severity } from "../findings.ts";

/** What a rule is, for docs and the API. */
export type RuleInfo = {
  code: RuleCode;
  severity: Severity;
  /**
   * `check`: run by checkReport; `import`: raised while reading a document; `register`: raised
   * from the register (opening balances, events, the report's year) by the API.
   */
  stage: "check" | "import" | "register";
  /** Runs only when the previous year's report is given. */
  needsPrevious: boolean;
  description: Bilingual;
};

/** Every rule `checkReport` applies, with its code, severity and description in both languages. */
export const RULES: readonly RuleInfo[] = [
  {
    code: "requests.balance",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "三、每一列：第一项（本年新收）加第二项（上年结转）之和，等于第三项（本年度办理结果总计）加第四项（结转下年度继续办理）之和。",
      en: "Section 3, each column: new applications + carried over = total processed + carried forward.",
    },
  },
  {
    code: "requests.rowTotal",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "三、每一行：总计等于六类申请人（自然人及五类法人或其他组织）之和。",
      en: "Section 3, each row: the total equals the sum of the six applicant columns.",
    },
  },
  {
    code: "requests.outcomeTotal",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "三、每一列：（七）总计等于 21 项办理结果之和。",
      en: "Section 3, each column: (7) Total equals the sum of the 21 outcome rows.",
    },
  },
  {
    code: "appeals.total",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "四、行政复议及两类行政诉讼：总计等于结果维持、结果纠正、其他结果、尚未审结之和。",
      en: "Section 4, each block: total = upheld + corrected + other + pending.",
    },
  },
  {
    code: "value.invalid",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "每个件数都是不小于 0 的整数，金额是不小于 0 的数；不得缺失、空白或填“/”（收费说明见 fees.notStated）。",
      en: "Every count is an integer ≥ 0 and every amount a number ≥ 0; no cell is missing, blank or “/” (for the fee statement see fees.notStated).",
    },
  },
  {
    code: "requests.carryOverMismatch",
    severity: "error",
    stage: "check",
    needsPrevious: true,
    description: {
      zh: "本年“上年结转”等于本机关上一年度报告的“结转下年度继续办理”（逐列）。所给上年报告不是上一年度的，则只给出提示。",
      en: "This year's carried over equals the carried forward of the agency's previous-year report (each column). A warning instead when the report given as previous is not of the previous year.",
    },
  },
  {
    code: "proactive.inForceDrift",
    severity: "warning",
    stage: "check",
    needsPrevious: true,
    description: {
      zh: "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数；文件也会自然失效，故只作提示。",
      en: "In force = last year's in force + issued − repealed; documents also lapse, so only a warning.",
    },
  },
  {
    code: "fees.collectedExceedsNotified",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "实际收取的信息处理费不超过收费通知的总金额。",
      en: "The processing fees collected do not exceed the amount notified.",
    },
  },
  {
    code: "fees.unpaidWithoutNotice",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "有“逾期未按收费通知要求缴纳费用”的办理结果，却未发出收费通知（上年发出的通知可以解释）。",
      en: "Applications closed for an unpaid fee while no fee notice was issued (notices of the year before can explain it).",
    },
  },
  {
    code: "fees.notStated",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "六、其他需要报告的事项应说明发出收费通知的件数和总金额，以及实际收取的总金额。",
      en: "Section 6 should state the fee notices issued, the amount notified and the amount collected.",
    },
  },
  {
    code: "narrative.numberMismatch",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "一、总体情况文字中写出的件数（收到/受理申请、答复、上年结转、结转下年度、行政复议、行政诉讼）与表格一致。",
      en: "Counts written in the overview text (applications received, answered, carried over, carried forward, reconsiderations, lawsuits) agree with the tables.",
    },
  },
  {
    code: "narrative.missing",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "五、存在的主要问题及改进情况不得空白。",
      en: "Section 5 (main problems and improvements) is not empty.",
    },
  },
  {
    code: "format.outdated",
    severity: "error",
    stage: "import",
    needsPrevious: false,
    description: {
      zh: "文件使用了 2019 年试行格式的栏目（本年新制作数量、本年新公开数量等），应使用 2021 年格式。",
      en: "The document uses the 2019 trial columns; the 2021 format applies.",
    },
  },
  {
    code: "import.unreadable",
    severity: "warning",
    stage: "import",
    needsPrevious: false,
    description: {
      zh: "导入时有无法识别的内容（指明行号）。",
      en: "Part of the document could not be read on import (the line is given).",
    },
  },
  {
    code: "import.missingRow",
    severity: "warning",
    stage: "import",
    needsPrevious: false,
    description: {
      zh: "导入时表格中缺少某一行（表格被截断、印成图片或漏印），其余各行照常读取。",
      en: "A row of a table is missing on import (the table is cut off, printed as an image or left out); the other rows are read.",
    },
  },
  {
    code: "hierarchy.sumMismatch",
    severity: "error",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "县级政府报告第三部分的某一格与其所属部门报告相应格之和不一致（一并检查一组报告时）。",
      en: "A cell of the county government's section 3 differs from the sum of its departments' (when a set of reports is checked together).",
    },
  },
  {
    code: "requests.openCarriedAsCounts",
    severity: "warning",
    stage: "register",
    needsPrevious: false,
    description: {
      zh: "期初数中有“结转下年度继续办理”：这些仍在办理的申请只以件数计，办结后须更新期初数（或逐件登记，不得重复计入）。",
      en: "An opening balance carries applications forward: they are open and counted only as numbers; update the balance when they are concluded (or record them one by one, never both).",
    },
  },
  {
    code: "requests.previousYearMissing",
    severity: "warning",
    stage: "register",
    needsPrevious: false,
    description: {
      zh: "上一年度没有在本系统发布或导入的年报，也没有登记数据：未核对“上年结转”。可导入上年已公布的年报。",
      en: "The previous year has no report published or brought in and nothing on the register: carried over was not checked. Bring in last year's published report.",
    },
  },
  {
    code: "fees.amountWithoutNotice",
    severity: "warning",
    stage: "check",
    needsPrevious: false,
    description: {
      zh: "六、收费说明：发出收费通知 0 件，却有通知金额或实收金额（上年发出的通知可以解释实收金额）。",
      en: "Section 6 fees: no notice issued, yet an amount notified or collected (notices of the year before can explain an amount collected).",
    },
  },
  {
    code: "fees.registerDiffers",
    severity: "warning",
    stage: "register",
    needsPrevious: false,
    description: {
      zh: "六、收费说明与登记簿的收费记录（本年发出的收费通知、通知金额、实收金额）不一致。",
      en: "Section 6's fee statement differs from the register's fee events (notices issued in the year, amount notified, amount collected).",
    },
  },
  {
    code: "register.outcomeImplausible",
    severity: "warning",
    stage: "register",
    needsPrevious: false,
    description: {
      zh: "办理结果与登记的过程不符：逾期不补正却无补正要求或补正期限未满；逾期未缴费却无收费通知；补正后仍不明确却未收到补正。",
      en: "An outcome the recorded events do not support: no correction without a request or before its period ended; fee unpaid without a notice; still unclear without a correction received.",
    },
  },
];
