import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  OUTCOME_GROUP_CATALOG,
  OUTCOMES,
  outcomesInGroup,
  rowInfo,
} from "@ogi/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitMessage } from "../src/features/common.ts";
import {
  outcomeCore,
  resolveApplicantType,
  resolveChannel,
  resolveOutcome,
} from "../src/text/choices.ts";
import { addDays, parseDate } from "../src/text/dates.ts";
import { normalize, parseNumber, toHalfWidth } from "../src/text/normalize.ts";
import { applicationTitle, readParticulars, truncate } from "../src/text/particulars.ts";
import { parseMessage } from "../src/text/shortcuts.ts";

const today = "2026-11-25";

describe("normalize", () => {
  it("turns full-width digits, letters and spaces into ASCII", () => {
    expect(toHalfWidth("办结　１２　ＡＢ")).toBe("办结 12 AB");
    expect(normalize("  登记\u200b  自然人，２０２６－１１－２０ ")).toBe("登记 自然人 2026-11-20");
  });
  it("reads application numbers", () => {
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber("１２")).toBe(12);
    expect(parseNumber("第12号")).toBe(12);
    expect(parseNumber("#7")).toBe(7);
    expect(parseNumber("0")).toBeUndefined();
    expect(parseNumber("-3")).toBeUndefined();
    expect(parseNumber("12a")).toBeUndefined();
  });
  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(normalize(normalize(s))).toBe(normalize(s));
      }),
    );
  });
});

describe("parseDate", () => {
  it.each([
    ["2026-11-20", "2026-11-20"],
    ["2026/11/2", "2026-11-02"],
    ["2026.1.5", "2026-01-05"],
    ["2026年11月20日", "2026-11-20"],
    ["11月20日", "2026-11-20"],
    ["11月20号", "2026-11-20"],
    ["１１月２０日", "2026-11-20"],
    ["２０２６－１１－２０", "2026-11-20"],
    ["20261120", "2026-11-20"],
    ["今天", "2026-11-25"],
    ["昨天", "2026-11-24"],
    ["前天", "2026-11-23"],
    ["Yesterday", "2026-11-24"],
  ])("%s → %s", (input, date) => {
    expect(parseDate(input, today)).toEqual({ ok: true, date });
  });
  it.each([
    "__proto__",
    "constructor",
    "toString",
    "2026-02-30",
    "2026-13-01",
    "11月32日",
    "明天",
    "abc",
    "",
    "2026-11-26",
    "12月1日",
  ])("refuses %s with a bilingual message", (input) => {
    const r = parseDate(input, today);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.error.en).toMatch(/[a-z]/);
    }
  });
  it("round-trips every past date in every written form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (back) => {
        const d = addDays(today, -back);
        const [y, m, dd] = d.split("-");
        for (const form of [d, `${y}年${Number(m)}月${Number(dd)}日`, `${y}/${m}/${dd}`]) {
          expect(parseDate(form, today)).toEqual({ ok: true, date: d });
        }
      }),
    );
  });
  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseDate(s, today);
        if (r.ok) expect(r.date <= today).toBe(true);
      }),
    );
  });
});

describe("resolving names against the catalog", () => {
  it("finds every applicant type by its verbatim label", () => {
    for (const t of APPLICANT_TYPES) {
      expect(resolveApplicantType(APPLICANT_TYPE_LABELS[t].zh)).toEqual({ kind: "one", value: t });
      expect(resolveApplicantType(APPLICANT_TYPE_LABELS[t].en)).toEqual({ kind: "one", value: t });
    }
    expect(resolveApplicantType("个人")).toEqual({ kind: "one", value: "naturalPerson" });
    expect(resolveApplicantType("飞机").kind).toBe("none");
  });
  it("finds channels", () => {
    expect(resolveChannel("邮寄")).toEqual({ kind: "one", value: "post" });
    expect(resolveChannel("online")).toEqual({ kind: "one", value: "online" });
  });
  it("finds every outcome by its verbatim label, its core, and group + number", () => {
    for (const o of OUTCOMES) {
      expect(resolveOutcome(rowInfo(o).label.zh)).toEqual({ kind: "one", value: o });
      const group = OUTCOME_GROUP_CATALOG.find((g) => g.key === rowInfo(o).group)!;
      const n = outcomesInGroup(group.key).indexOf(o) + 1;
      expect(resolveOutcome(`${group.short.zh} ${n}`)).toEqual({ kind: "one", value: o });
      expect(resolveOutcome(`${group.short.zh} ${outcomeCore(o).zh}`)).toEqual({
        kind: "one",
        value: o,
      });
    }
  });
  it("resolves the issue's examples", () => {
    expect(resolveOutcome("予以公开")).toEqual({ kind: "one", value: "granted" });
    expect(resolveOutcome("部分公开")).toEqual({ kind: "one", value: "partiallyGranted" });
    expect(resolveOutcome("不予公开 国家秘密")).toEqual({
      kind: "one",
      value: "deniedStateSecret",
    });
    expect(resolveOutcome("不予公开国家秘密")).toEqual({ kind: "one", value: "deniedStateSecret" });
    expect(resolveOutcome("国家秘密")).toEqual({ kind: "one", value: "deniedStateSecret" });
    expect(resolveOutcome("重复申请")).toEqual({ kind: "one", value: "notProcessedDuplicate" });
    expect(resolveOutcome("state secret")).toEqual({ kind: "one", value: "deniedStateSecret" });
  });
  it("reads nothing from words after a group of one row (found by fast-check)", () => {
    expect(resolveOutcome("予以公开 /new")).toEqual({ kind: "none" });
    expect(resolveOutcome("部分公开 5")).toEqual({ kind: "none" });
    expect(resolveOutcome("不予公开 99")).toEqual({
      kind: "choices",
      values: outcomesInGroup("denied"),
    });
  });
  it("offers the choices for anything ambiguous, never a guess", () => {
    expect(resolveOutcome("不予公开")).toEqual({
      kind: "choices",
      values: outcomesInGroup("denied"),
    });
    expect(resolveOutcome("无法提供")).toEqual({
      kind: "choices",
      values: outcomesInGroup("unable"),
    });
    const other = resolveOutcome("其他");
    expect(other.kind).toBe("choices");
    if (other.kind === "choices") {
      expect(other.values).toContain("otherOther");
      expect(other.values).toContain("deniedProhibitedByLaw");
      expect(other.values).toContain("otherFeeUnpaid");
    }
    expect(resolveOutcome("公开").kind).toBe("choices");
    expect(resolveOutcome("不予公开 9")).toEqual({
      kind: "choices",
      values: outcomesInGroup("denied"),
    });
    expect(resolveOutcome("飞机").kind).toBe("none");
    expect(resolveOutcome("不").kind).toBe("none");
  });
  it("never throws, and a unique answer's label really contains the query's words", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = resolveOutcome(s);
        if (r.kind === "choices") expect(r.values.length).toBeGreaterThan(1);
      }),
    );
  });
});

describe("parseMessage", () => {
  it("reads /new and its shortcuts", () => {
    expect(parseMessage("/new 自然人 2026-11-20", today)).toEqual({
      kind: "new",
      type: { kind: "one", value: "naturalPerson" },
      date: "2026-11-20",
      errors: [],
    });
    expect(parseMessage("登记", today)).toEqual({ kind: "new", errors: [] });
    expect(parseMessage("新收 商业企业 昨天 邮寄", today)).toEqual({
      kind: "new",
      type: { kind: "one", value: "commercialEnterprise" },
      date: "2026-11-24",
      channel: "post",
      errors: [],
    });
    expect(parseMessage("/new@ogi_bot", today)).toEqual({ kind: "new", errors: [] });
    const bad = parseMessage("/new 飞机 2026-02-30", today);
    expect(bad.kind === "new" && bad.errors.length).toBe(2);
  });
  it("keeps the subject, the applicant and the contact of a registration (nothing dropped)", () => {
    expect(parseMessage("登记 自然人 今天 张三 要求公开2025年预算", today)).toEqual({
      kind: "new",
      type: { kind: "one", value: "naturalPerson" },
      date: today,
      applicantName: "张三",
      subject: "2025年预算",
      errors: [],
    });
    expect(
      parseMessage("登记 公司 昨天 邮寄 某某有限公司 13800000000 申请公开 环评报告 批复", today),
    ).toEqual({
      kind: "new",
      type: { kind: "one", value: "commercialEnterprise" },
      date: "2026-11-24",
      channel: "post",
      applicantName: "某某有限公司",
      contact: "13800000000",
      subject: "环评报告 批复",
      errors: [],
    });
    expect(readParticulars(["申请人", "李四", "电话", "0370-1234567", "内容", "征地补偿"])).toEqual(
      {
        applicantName: "李四",
        contact: "0370-1234567",
        subject: "征地补偿",
      },
    );
    expect(readParticulars(["2025年部门预算和决算"])).toEqual({ subject: "2025年部门预算和决算" });
    expect(readParticulars(["王五"])).toEqual({ applicantName: "王五" });
    expect(readParticulars(["a@b.cn", "要求公开规划"])).toEqual({
      contact: "a@b.cn",
      subject: "规划",
    });
  });
  it("titles an application: number, name, subject cut short", () => {
    expect(applicationTitle({ number: 12 }, "zh")).toBe("第 12 号");
    expect(
      applicationTitle(
        { number: 12, subject: "2025年预算执行情况和决算报告", applicant: { name: "张三" } },
        "zh",
      ),
    ).toBe("第 12 号 · 张三 · 2025年预算执行情况…");
    expect(applicationTitle({ number: 3, subject: "规划", applicant: null }, "en")).toBe(
      "No. 3 · 规划",
    );
    expect(truncate("𠀀𠀁𠀂", 2)).toBe("𠀀…");
  });
  it("reads /close and 办结", () => {
    expect(parseMessage("/close 12 予以公开", today)).toEqual({
      kind: "close",
      number: 12,
      outcome: { kind: "one", value: "granted" },
      errors: [],
    });
    expect(parseMessage("办结 12 不予公开 国家秘密", today)).toEqual({
      kind: "close",
      number: 12,
      outcome: { kind: "one", value: "deniedStateSecret" },
      errors: [],
    });
    expect(parseMessage("办结１２ 予以公开 昨天", today)).toMatchObject({
      kind: "close",
      number: 12,
      date: "2026-11-24",
    });
    expect(parseMessage("/close", today)).toEqual({ kind: "close", errors: [] });
    expect(parseMessage("/close abc", today)).toMatchObject({ kind: "close", errors: [{}] });
  });
  it("reads the other commands and their Chinese words", () => {
    expect(parseMessage("/start abc123", today)).toEqual({ kind: "start", code: "abc123" });
    expect(parseMessage("统计", today)).toEqual({ kind: "summary", errors: [] });
    expect(parseMessage("/summary 2025", today)).toEqual({
      kind: "summary",
      year: 2025,
      errors: [],
    });
    expect(parseMessage("年报 2025年", today)).toEqual({ kind: "report", year: 2025, errors: [] });
    expect(parseMessage("/report 20x", today)).toMatchObject({ kind: "report", errors: [{}] });
    expect(parseMessage("在办", today)).toEqual({ kind: "pending" });
    expect(parseMessage("/more 3", today)).toEqual({ kind: "more", number: 3, errors: [] });
    expect(parseMessage("/undo", today)).toEqual({ kind: "undo" });
    expect(parseMessage("/lang en", today)).toEqual({ kind: "lang", lang: "en", errors: [] });
    expect(parseMessage("/lang fr", today)).toMatchObject({ kind: "lang", errors: [{}] });
    expect(parseMessage("/frobnicate", today)).toEqual({
      kind: "unknownCommand",
      command: "frobnicate",
    });
    expect(parseMessage("你好", today)).toEqual({ kind: "text", text: "你好" });
    // Names of Object.prototype are not commands (found by fast-check).
    expect(parseMessage("/constructor", today)).toEqual({
      kind: "unknownCommand",
      command: "constructor",
    });
    expect(parseMessage("__proto__", today)).toEqual({ kind: "text", text: "__proto__" });
    // Words after the type that are no channel are the particulars, kept as typed.
    expect(parseMessage("/new 自然人 __proto__", today)).toEqual({
      kind: "new",
      type: { kind: "one", value: "naturalPerson" },
      subject: "__proto__",
      errors: [],
    });
  });
  // Messages made of the words staff type, glued or spaced in any order, plus arbitrary text.
  const word = fc.constantFrom(
    "/new",
    "/close",
    "/more",
    "/summary",
    "登记",
    "新收",
    "办结",
    "统计",
    "年报",
    "12",
    "１２",
    "第3号",
    "0",
    "-1",
    "自然人",
    "商业企业",
    "其他",
    "邮寄",
    "予以公开",
    "不予公开",
    "国家秘密",
    "其他处理",
    "3",
    "今天",
    "昨天",
    "11月20日",
    "2026-02-30",
    "2026-11-20",
    "　",
    " ",
    "，",
    "__proto__",
  );
  const typed = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.array(word, { maxLength: 6 }).map((ws) => ws.join(" ")),
    fc.array(word, { maxLength: 6 }).map((ws) => ws.join("")),
  );
  it("never throws on arbitrary text, and what it reads is consistent", () => {
    fc.assert(
      fc.property(typed, (s) => {
        const p = parseMessage(s, today);
        if (p.kind === "close" && p.number !== undefined) expect(p.number).toBeGreaterThan(0);
        if ((p.kind === "new" || p.kind === "close") && p.date) expect(p.date <= today).toBe(true);
        if (p.kind === "close" && p.outcome?.kind === "choices")
          expect(p.outcome.values.length).toBeGreaterThan(1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("splitMessage", () => {
  it("keeps short messages whole and cuts long ones between lines, within the limit", () => {
    expect(splitMessage("短消息")).toEqual(["短消息"]);
    expect(splitMessage(" ")).toEqual([]); // found by fast-check: a blank message is none
    expect(splitMessage("\n \n")).toEqual([]);
    const lines = Array.from({ length: 300 }, (_, i) => `✅ 机关 ${i}：新收 12 · 办结 10`);
    const parts = splitMessage(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("\n")).toBe(lines.join("\n"));
    const pre = `<pre>${"x\n".repeat(5)}</pre>`;
    expect(splitMessage(`${"a".repeat(20)}\n${pre}\n${"b".repeat(20)}`, 30)).toEqual([
      "a".repeat(20),
      pre,
      "b".repeat(20),
    ]);
  });
  it("never exceeds the limit and loses no character", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 120 }), { maxLength: 80 }),
        fc.integer({ min: 50, max: 400 }),
        (ls, limit) => {
          const text = ls.map((l) => l.replace(/[<>]/g, "")).join("\n");
          const parts = splitMessage(text, limit);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
          expect(parts.join("").replace(/\n/g, "")).toBe(
            text.replace(/\n/g, "").replace(/^\s*$/, ""),
          );
        },
      ),
    );
  });
});
