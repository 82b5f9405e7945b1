// The daily reminders (issue 4): who gets which message on a working day. Pure: the caller
// passes the calendar, today, the linked staff, their agencies' open applications (with the
// status the API computed) and the state of last year's reports; this returns the messages.
import type { Bilingual } from "../../report/catalog.ts";
import type { Finding } from "../../report/findings.ts";
import type { StatusKind } from "../deadlines/clocks.ts";
import { withWeekday, yearOf } from "../deadlines/iso-dates.ts";
import type { WorkingCalendar } from "../deadlines/working-calendar.ts";
import type { IsoDate } from "../schema.ts";

/** The language a reminder is sent in. */
export type ReminderLanguage = "zh" | "en";
/**
 * The reminders: a clerk's applications due soon or overdue, a manager's digest, the annual report.
 */
export type ReminderKind = "due" | "digest" | "annualReport";

/** A staff member who may receive reminders. */
export interface ReminderStaff {
  id: string;
  role: "clerk" | "manager" | "admin";
  agencyCode: string;
  /** Null while the staff member has not linked Telegram: nothing is sent. */
  telegramUserId: number | null;
  /** Chinese unless the staff member chose English. */
  language?: ReminderLanguage | null;
  /**
   * The agencies a manager's digest covers: their agency and the agencies below it, or their
   * region. Defaults to their own agency.
   */
  scope?: readonly string[];
}

/** An agency, named in reminders. */
export interface ReminderAgency {
  code: string;
  name: string;
  /**
   * 第四十九条: a department's report is due 31 January, a county-level or higher government's
   * (published by its government information office) 31 March. Department when omitted.
   */
  kind?: AgencyKind | null;
}

/** A department, or a government (its office) whose report is due later (第四十九条). */
export type AgencyKind = "department" | "government";

/** An open application as the reminders see it: its number, subject and status as of today. */
export interface ReminderApplication {
  id: string;
  agencyCode: string;
  /** The agency's running number. */
  number?: number | null;
  subject?: string | null;
  /** As of today (`applicationStatus`); only a running clock can be overdue or due soon. */
  status: StatusKind;
  dueDate: IsoDate | null;
  provisional?: boolean;
  /**
   * The applicant let a 补正 or a fee period lapse (`applicationStatus(…).decisionDue`): the
   * application is due to be closed as 逾期不补正 / 逾期未缴费 by `dueDate`.
   */
  decisionDue?: "otherNoCorrection" | "otherFeeUnpaid" | null;
}

/** The previous year's annual report of an agency: published or not, and the draft's findings. */
export interface AnnualReportState {
  agencyCode: string;
  year: number;
  published: boolean;
  findings: readonly Finding[];
}

/**
 * Everything `computeReminders` needs for one day: the calendar, the staff, the applications, the
 * reports.
 */
export interface ReminderInput {
  today: IsoDate;
  calendar: WorkingCalendar;
  staff: readonly ReminderStaff[];
  applications: readonly ReminderApplication[];
  agencies?: readonly ReminderAgency[];
  reports?: readonly AnnualReportState[];
  /** "Due soon" means at most this many working days left (default 3). */
  dueWithinWorkingDays?: number;
  /**
   * The last day ("MM-DD") an unpublished report is still reminded of (default "03-31", the
   * latest deadline of 第四十九条: a government's consolidated report), so that a year the
   * register never held a report for does not bring a reminder every day of the year.
   */
  annualReportUntil?: string;
}

/** One message to one staff member on one day, in both languages. */
export interface Reminder {
  /** `reminderKey(staffId, kind, date)`: the same reminder always has the same key. */
  key: string;
  staffId: string;
  telegramUserId: number;
  kind: ReminderKind;
  date: IsoDate;
  language: ReminderLanguage;
  /** Both languages, so that a sender that knows the user's language better can choose. */
  text: Bilingual;
  /** The text in `language`. */
  message: string;
}

/** "Due soon" by default: at most this many working days left. */
export const DUE_WITHIN_WORKING_DAYS = 3;
/** The annual report is published by 31 January (第四十九条): a department's. */
export const ANNUAL_REPORT_DEADLINE = "01-31";
/** 第四十九条: a county-level or higher government's report, by 31 March. */
export const GOVERNMENT_ANNUAL_REPORT_DEADLINE = "03-31";

/** The day ("MM-DD") the previous year's report of an agency of this kind is due (第四十九条). */
export const annualReportDeadline = (kind?: AgencyKind | null): string =>
  kind === "government" ? GOVERNMENT_ANNUAL_REPORT_DEADLINE : ANNUAL_REPORT_DEADLINE;
/** The last day ("MM-DD") an unpublished annual report is reminded of by default. */
export const ANNUAL_REPORT_REMINDED_UNTIL = "03-31";
/** A Telegram message holds 4096 characters; long lists are cut after this many lines. */
const MAX_LINES = 30;
const MAX_FINDINGS = 5;

/**
 * A key that names one reminder: the same staff member, kind and day always give the same key,
 * so a restart can tell what was already sent. Safe in a URL path.
 */
export const reminderKey = (staffId: string, kind: ReminderKind, date: IsoDate): string =>
  `${date}.${kind}.${encodeURIComponent(staffId)}`;

/** An application in a reminder's list, with whether it is overdue. */
export type DueItem = ReminderApplication & {
  overdue: boolean;
  /** Working days left (0 = due today) or, when overdue, working days past the due date. */
  workingDays: number;
};

/** The applications of `agencies` that are overdue or due within `within` working days. */
export const dueItems = (
  applications: readonly ReminderApplication[],
  agencies: ReadonlySet<string>,
  today: IsoDate,
  calendar: WorkingCalendar,
  within = DUE_WITHIN_WORKING_DAYS,
): DueItem[] => {
  const items: DueItem[] = [];
  for (const a of applications) {
    if (!agencies.has(a.agencyCode) || a.dueDate === null) continue;
    // A stopped clock (补正 or fee awaited, consultation open) and a concluded application
    // have nothing due.
    if (a.status !== "onTime" && a.status !== "dueSoon" && a.status !== "overdue") continue;
    if (a.dueDate < today)
      items.push({
        ...a,
        overdue: true,
        workingDays: Math.max(1, calendar.workingDaysBetween(a.dueDate, today)),
      });
    else {
      const left = calendar.workingDaysBetween(today, a.dueDate);
      if (left <= within) items.push({ ...a, overdue: false, workingDays: left });
    }
  }
  // Most urgent first: the oldest due date, then the running number.
  return items.sort((x, y) =>
    x.dueDate! < y.dueDate!
      ? -1
      : x.dueDate! > y.dueDate!
        ? 1
        : (x.number ?? 0) - (y.number ?? 0) || (x.id < y.id ? -1 : 1),
  );
};

const label = (a: ReminderApplication): Bilingual => {
  const n = a.number == null ? a.id : String(a.number);
  const subject = a.subject ? a.subject.replace(/\s+/g, " ").slice(0, 40) : "";
  return {
    zh: `第 ${n} 号${subject ? `「${subject}」` : ""}`,
    en: `No. ${n}${subject ? ` "${subject}"` : ""}`,
  };
};

const DECISION: Record<"otherNoCorrection" | "otherFeeUnpaid", Bilingual> = {
  otherNoCorrection: {
    zh: "（补正期限已过，应按逾期不补正办结）",
    en: " (correction period over: close as no correction)",
  },
  otherFeeUnpaid: {
    zh: "（缴费期限已过，应按逾期未缴费办结）",
    en: " (time to pay over: close as fee unpaid)",
  },
};

const itemLine = (i: DueItem): Bilingual => {
  const line = dueLine(i);
  if (!i.decisionDue) return line;
  const why = DECISION[i.decisionDue];
  return { zh: `${line.zh}${why.zh}`, en: `${line.en}${why.en}` };
};

const dueLine = (i: DueItem): Bilingual => {
  const l = label(i);
  const due = withWeekday(i.dueDate!);
  const prov = i.provisional ? { zh: "（暂定）", en: " (provisional)" } : { zh: "", en: "" };
  if (i.overdue)
    return {
      zh: `• ${l.zh}：期限 ${due.zh}${prov.zh}，已逾期 ${i.workingDays} 个工作日`,
      en: `• ${l.en}: due ${due.en}${prov.en}, ${i.workingDays} working day${i.workingDays === 1 ? "" : "s"} overdue`,
    };
  if (i.workingDays === 0)
    return {
      zh: `• ${l.zh}：今天到期${prov.zh}`,
      en: `• ${l.en}: due today${prov.en}`,
    };
  return {
    zh: `• ${l.zh}：期限 ${due.zh}${prov.zh}，尚余 ${i.workingDays} 个工作日`,
    en: `• ${l.en}: due ${due.en}${prov.en}, ${i.workingDays} working day${i.workingDays === 1 ? "" : "s"} left`,
  };
};

const join = (parts: Bilingual[]): Bilingual => ({
  zh: parts.map((p) => p.zh).join("\n"),
  en: parts.map((p) => p.en).join("\n"),
});

const capped = (lines: Bilingual[]): Bilingual[] =>
  lines.length <= MAX_LINES
    ? lines
    : [
        ...lines.slice(0, MAX_LINES),
        {
          zh: `……另有 ${lines.length - MAX_LINES} 件，请用 /pending 查看`,
          en: `… and ${lines.length - MAX_LINES} more: see /pending`,
        },
      ];

/** The list of one agency's overdue and soon-due applications. */
const dueList = (items: DueItem[], within: number): Bilingual[] => {
  const overdue = items.filter((i) => i.overdue);
  const soon = items.filter((i) => !i.overdue);
  const out: Bilingual[] = [];
  if (overdue.length > 0)
    out.push({ zh: `已逾期 ${overdue.length} 件：`, en: `Overdue: ${overdue.length}` });
  out.push(...capped(overdue.map(itemLine)));
  if (soon.length > 0)
    out.push({
      zh: `${within} 个工作日内到期 ${soon.length} 件：`,
      en: `Due within ${within} working days: ${soon.length}`,
    });
  out.push(...capped(soon.map(itemLine)));
  return out;
};

const agencyName = (code: string, names: ReadonlyMap<string, string>): Bilingual => {
  const name = names.get(code);
  return name ? { zh: name, en: `${name} (${code})` } : { zh: code, en: code };
};

const heading = (title: Bilingual, today: IsoDate): Bilingual => {
  const d = withWeekday(today);
  return { zh: `${title.zh} · ${d.zh}`, en: `${title.en} · ${d.en}` };
};

const annualReportText = (
  scope: readonly string[],
  today: IsoDate,
  reports: readonly AnnualReportState[],
  names: ReadonlyMap<string, string>,
  until: string,
  kinds: ReadonlyMap<string, AgencyKind | null | undefined> = new Map(),
): Bilingual | null => {
  const year = yearOf(today) - 1;
  // From 2 January (the year's report can only be complete once the year is over).
  if (today < `${yearOf(today)}-01-02` || today > `${yearOf(today)}-${until}`) return null;
  const byAgency = new Map(
    reports.filter((r) => r.year === year).map((r) => [r.agencyCode, r] as const),
  );
  const unpublished = scope.filter((code) => !byAgency.get(code)?.published);
  if (unpublished.length === 0) return null;
  // One paragraph per deadline: departments (1-31), then governments (3-31).
  const groups = [ANNUAL_REPORT_DEADLINE, GOVERNMENT_ANNUAL_REPORT_DEADLINE]
    .map((mmdd) => unpublished.filter((code) => annualReportDeadline(kinds.get(code)) === mmdd))
    .filter((g) => g.length > 0);
  const parts = groups.map((pending) =>
    annualReportGroup(
      pending,
      today,
      year,
      byAgency,
      names,
      annualReportDeadline(kinds.get(pending[0]!)),
    ),
  );
  return join([heading({ zh: "年度报告提醒", en: "Annual report reminder" }, today), ...parts]);
};

const annualReportGroup = (
  pending: readonly string[],
  today: IsoDate,
  year: number,
  byAgency: ReadonlyMap<string, AnnualReportState>,
  names: ReadonlyMap<string, string>,
  mmdd: string,
): Bilingual => {
  const deadline = `${yearOf(today)}-${mmdd}`;
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  const when: Bilingual =
    days > 0
      ? { zh: `还有 ${days} 天`, en: `${days} day${days === 1 ? "" : "s"} left` }
      : days === 0
        ? { zh: "今天截止", en: "due today" }
        : { zh: `已逾期 ${-days} 天`, en: `${-days} day${days === -1 ? "" : "s"} late` };
  const lines: Bilingual[] = [
    {
      zh: `${year} 年政府信息公开工作年度报告应于 ${deadline} 前公布（第四十九条），${when.zh}。`,
      en: `The ${year} annual report on government information disclosure is due by ${deadline} (Art. 49): ${when.en}.`,
    },
  ];
  for (const code of pending) {
    const findings = byAgency.get(code)?.findings ?? [];
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    const name = agencyName(code, names);
    lines.push(
      findings.length === 0
        ? {
            zh: `${name.zh}：尚未公布，草稿未发现问题。`,
            en: `${name.en}: not published yet; the draft has no findings.`,
          }
        : {
            zh: `${name.zh}：尚未公布，草稿有 ${errors} 个错误、${warnings} 个提示：`,
            en: `${name.en}: not published yet; the draft has ${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"}:`,
          },
    );
    // Errors first: they block publication.
    const shown = [...findings]
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
      .slice(0, MAX_FINDINGS);
    for (const f of shown)
      lines.push({
        zh: `• ${f.severity === "error" ? "错误" : "提示"}：${f.message.zh}`,
        en: `• ${f.severity === "error" ? "Error" : "Warning"}: ${f.message.en}`,
      });
    if (findings.length > shown.length)
      lines.push({
        zh: `……另有 ${findings.length - shown.length} 项，请用 /report 查看`,
        en: `… and ${findings.length - shown.length} more: see /report`,
      });
  }
  return join(lines);
};

/**
 * The reminders of a working day: for every linked staff member, their agency's applications
 * overdue or due within 3 working days (a manager's digest adds the other agencies of their
 * scope); for managers, from 2 January until last year's report is published, the 31 January
 * deadline with the draft's findings (an agency of the scope without a state in `reports` counts
 * as unpublished, with no findings). Nothing on a day that is not a working day, and no
 * message when there is nothing to say.
 */
export const computeReminders = (input: ReminderInput): Reminder[] => {
  const { today, calendar } = input;
  if (!calendar.isWorkingDay(today)) return [];
  const within = input.dueWithinWorkingDays ?? DUE_WITHIN_WORKING_DAYS;
  const names = new Map((input.agencies ?? []).map((a) => [a.code, a.name] as const));
  const kinds = new Map((input.agencies ?? []).map((a) => [a.code, a.kind] as const));
  const out: Reminder[] = [];
  const emit = (s: ReminderStaff, kind: ReminderKind, text: Bilingual) => {
    const language: ReminderLanguage = s.language === "en" ? "en" : "zh";
    out.push({
      key: reminderKey(s.id, kind, today),
      staffId: s.id,
      telegramUserId: s.telegramUserId!,
      kind,
      date: today,
      language,
      text,
      message: text[language],
    });
  };
  // One computation per agency set, however many staff members share it.
  const cache = new Map<string, DueItem[]>();
  const itemsOf = (codes: readonly string[]) => {
    const k = [...codes].sort().join("|");
    let items = cache.get(k);
    if (!items) {
      items = dueItems(input.applications, new Set(codes), today, calendar, within);
      cache.set(k, items);
    }
    return items;
  };

  const staff = [...input.staff].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of staff) {
    if (s.telegramUserId == null) continue;
    const own = itemsOf([s.agencyCode]);
    if (s.role !== "manager") {
      if (own.length > 0)
        emit(
          s,
          "due",
          join([
            heading({ zh: "答复期限提醒", en: "Reply deadlines" }, today),
            ...dueList(own, within),
          ]),
        );
      continue;
    }
    const scope = [...new Set([s.agencyCode, ...(s.scope ?? [])])].sort();
    const all = itemsOf(scope);
    if (all.length > 0) {
      const lines: Bilingual[] = [heading({ zh: "每日汇总", en: "Daily digest" }, today)];
      if (own.length > 0) lines.push(...dueList(own, within));
      else
        lines.push({
          zh: "本机关没有逾期或即将到期的申请。",
          en: "No application of your agency is overdue or due soon.",
        });
      const others = scope.filter((c) => c !== s.agencyCode);
      const rows = others
        .map((code) => {
          const items = all.filter((i) => i.agencyCode === code);
          const overdue = items.filter((i) => i.overdue).length;
          return { code, overdue, soon: items.length - overdue };
        })
        .filter((r) => r.overdue + r.soon > 0);
      if (rows.length > 0) {
        lines.push({ zh: "下属及本地区机关：", en: "Agencies below yours or in your region:" });
        lines.push(
          ...capped(
            rows.map((r) => {
              const n = agencyName(r.code, names);
              return {
                zh: `• ${n.zh}：逾期 ${r.overdue} 件，${within} 个工作日内到期 ${r.soon} 件`,
                en: `• ${n.en}: ${r.overdue} overdue, ${r.soon} due within ${within} working days`,
              };
            }),
          ),
        );
      }
      emit(s, "digest", join(lines));
    }
    const report = annualReportText(
      scope,
      today,
      input.reports ?? [],
      names,
      input.annualReportUntil ?? ANNUAL_REPORT_REMINDED_UNTIL,
      kinds,
    );
    if (report) emit(s, "annualReport", report);
  }
  return out;
};
