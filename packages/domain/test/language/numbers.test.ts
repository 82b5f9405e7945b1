// Application numbers, Chinese numerals up to 99, amounts, years and the catalog's words, each
// read alone (readSlot: the answer to a question the bot asked).
import { describe, expect, it } from "vitest";
import { readSlot } from "../../src/index.ts";
import { chineseNumber, chineseYear } from "../../src/language/numerals.ts";

const context = { today: "2026-12-10" };

describe("Chinese numerals", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["九", 9],
    ["十", 10],
    ["十一", 11],
    ["十二", 12],
    ["二十", 20],
    ["二十一", 21],
    ["廿一", 21],
    ["五十", 50],
    ["九十九", 99],
    ["07", 7],
  ])("%s → %i", (s, n) => expect(chineseNumber(s)).toBe(n));
  it.each(["一百", "十十", "二二", "零十", "", "abc", "廿廿", "二廿"])("%s is not one", (s) =>
    expect(chineseNumber(s)).toBeUndefined(),
  );
  it("reads a year digit by digit", () => {
    expect(chineseYear("二〇二五")).toBe(2025);
    expect(chineseYear("二零二六")).toBe(2026);
    expect(chineseYear("二十二五")).toBeUndefined();
  });
});

describe("an application's number", () => {
  it.each([
    ["3", 3],
    ["3号", 3],
    ["第3号", 3],
    ["3号件", 3],
    ["第3号件", 3],
    ["No.3", 3],
    ["no.3", 3],
    ["NO 3", 3],
    ["#3", 3],
    ["编号 7", 7],
    ["３", 3],
    ["第３号", 3],
    ["十二号", 12],
    ["十二", 12],
    ["第十二号", 12],
    ["九十九号件", 99],
    ["二十号", 20],
    ["123456", 123456],
  ])("%s → %i", (text, n) =>
    expect(readSlot("number", text, context)).toEqual({ kind: "understood", value: n }),
  );
  it.each(["0", "零号", "一百号", "abc", "3号和5号", "-3", "3.5", ""])("%s is not one", (text) =>
    expect(readSlot("number", text, context).kind).toBe("unknown"),
  );
});

describe("amounts and years", () => {
  it.each([
    ["50", 50],
    ["50元", 50],
    ["50.5元", 50.5],
    ["五十元", 50],
    ["五十", 50],
    ["¥80", 80],
    ["100块", 100],
  ])("amount %s → %d", (text, n) =>
    expect(readSlot("amount", text, context)).toEqual({ kind: "understood", value: n }),
  );
  it.each([
    ["今年", 2026],
    ["去年", 2025],
    ["2025", 2025],
    ["2025年", 2025],
    ["2024年度", 2024],
  ])("year %s → %i", (text, y) =>
    expect(readSlot("year", text, context)).toEqual({ kind: "understood", value: y }),
  );
  it("refuses a year to come", () => {
    expect(readSlot("year", "2027", context).kind).toBe("refused");
    expect(readSlot("year", "明年", context).kind).toBe("unknown");
  });
  it.each([
    ["15个工作日", 15],
    ["15天", 15],
    ["15 天", 15],
    ["15", 15],
    ["十五", 15],
    ["二十个工作日", 20],
    ["２５天", 25],
  ])("working days %s → %i (the caller checks the maximum)", (text, d) =>
    expect(readSlot("workingDays", text, context)).toEqual({ kind: "understood", value: d }),
  );
  it.each(["0", "15号", "明天", "2025-12-01", "十五个工作日以后"])(
    "working days: %s is not a number of days",
    (text) => expect(readSlot("workingDays", text, context).kind).toBe("unknown"),
  );
});

describe("the catalog's words alone", () => {
  const one = (kind: Parameters<typeof readSlot>[0], text: string, value: string) =>
    expect(readSlot(kind, text, context), text).toEqual({ kind: "understood", value });
  it("applicant types, by the README policy for lawyers", () => {
    for (const w of ["个人", "市民", "群众", "村民", "自然人", "律师"])
      one("applicantType", w, "naturalPerson");
    for (const w of ["公司", "企业", "有限公司", "厂", "个体户"])
      one("applicantType", w, "commercialEnterprise");
    for (const w of ["大学", "学院", "研究所", "研究院", "医院的研究部门"])
      one("applicantType", w, "researchInstitution");
    for (const w of ["基金会", "协会", "公益", "志愿"])
      one("applicantType", w, "socialWelfareOrganization");
    for (const w of ["律师事务所", "律所"]) one("applicantType", w, "legalServiceAgency");
    for (const w of ["其他", "村委会"]) one("applicantType", w, "otherOrganization");
  });
  it("channels", () => {
    for (const w of ["当面", "现场", "窗口"]) one("channel", w, "inPerson");
    for (const w of ["信函", "邮寄", "快递"]) one("channel", w, "post");
    for (const w of ["网上", "网络", "在线", "政务网", "邮箱", "电子邮件"])
      one("channel", w, "online");
    one("channel", "传真", "fax");
    expect(readSlot("channel", "邮件", context)).toMatchObject({
      kind: "ask",
      choices: [{ value: "post" }, { value: "online" }],
    });
  });
  it("outcomes", () => {
    for (const w of ["信息不存在", "查无此信息", "不掌握", "非本机关", "不属于本机关"])
      one("outcome", w, "unableNotHeld");
    for (const w of ["撤回", "撤销申请"]) one("outcome", w, "otherOther");
    one("outcome", "重复申请", "notProcessedDuplicate");
    for (const w of ["涉密", "国家秘密"]) one("outcome", w, "deniedStateSecret");
    for (const w of ["商业秘密", "个人隐私"]) one("outcome", w, "deniedThirdPartyRights");
    one("outcome", "未缴费", "otherFeeUnpaid");
    for (const w of ["同意公开", "已公开", "已答复公开", "予以公开"]) one("outcome", w, "granted");
    const denied = readSlot("outcome", "不予公开", context);
    expect(denied.kind === "ask" && denied.choices.length).toBe(8);
    expect(readSlot("outcome", "飞机", context).kind).toBe("unknown");
  });
  it("events", () => {
    one("event", "延期", "extended");
    one("event", "要求补正", "correctionRequested");
    one("event", "已缴费", "feePaid");
    expect(readSlot("event", "补正", context)).toMatchObject({
      kind: "ask",
      choices: [{ value: "correctionRequested" }, { value: "correctionReceived" }],
    });
  });
});
