// Demo data for `pnpm start` on an empty database: a county government and four departments,
// with last year's register complete (every kind of event and outcome) and this year's so far.
// Deterministic: the same "today" gives the same data.
import {
  appendEvent,
  createApplication,
  createStaff,
  type Db,
  getApplication,
  insertAgency,
  putSection,
} from "@ogi/db";
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type ApplicationEvent,
  CHANNELS,
  type Outcome,
  validateTransition,
} from "@ogi/domain";
import { todayIn } from "./domain.ts";
import { appended, registrationOf } from "./register/decide.ts";

export const DEMO_REGION = "411421";
export const DEMO_AGENCIES = [
  { code: "411421-gov", name: "民权县人民政府", regionCode: DEMO_REGION },
  { code: "411421-gxkj", name: "民权县工业和信息化科技局", parentCode: "411421-gov" },
  { code: "411421-zrzy", name: "民权县自然资源局", parentCode: "411421-gov" },
  { code: "411421-rsj", name: "民权县人力资源和社会保障局", parentCode: "411421-gov" },
  { code: "411421-zjj", name: "民权县住房和城乡建设局", parentCode: "411421-gov" },
] as const;

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const weighted = <T>(r: () => number, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items.at(-1)![0];
};

const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ["granted", 40],
  ["partiallyGranted", 10],
  ["deniedThirdPartyRights", 3],
  ["deniedProcessInformation", 3],
  ["deniedInternalAffairs", 2],
  ["deniedEnforcementFile", 2],
  ["deniedAdministrativeQuery", 2],
  ["unableNotHeld", 15],
  ["unableNeedsCreation", 4],
  ["unableStillUnclear", 2],
  ["notProcessedComplaint", 4],
  ["notProcessedDuplicate", 3],
  ["notProcessedPublication", 1],
  ["otherNoCorrection", 2],
  ["otherFeeUnpaid", 1],
  ["otherOther", 4],
];
const APPLICANT_WEIGHTS: readonly (readonly [ApplicantType, number])[] = [
  ["naturalPerson", 70],
  ["commercialEnterprise", 12],
  ["researchInstitution", 2],
  ["socialWelfareOrganization", 2],
  ["legalServiceAgency", 9],
  ["otherOrganization", 5],
];
const SUBJECTS = [
  "征收补偿安置方案",
  "建设项目规划许可证",
  "土地出让合同",
  "企业技术改造补助资金发放情况",
  "社会保险补贴发放名单",
  "棚户区改造项目审批文件",
  "不动产登记资料",
  "行政处罚决定书",
  "专项资金使用情况",
  "招标投标文件",
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

const DAY = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** Moves a weekend day to the Monday after (offices receive and answer on working days). */
const weekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 6 ? addDays(date, 2) : d === 0 ? addDays(date, 1) : date;
};

type Planned = ApplicationEvent extends infer E
  ? E extends unknown
    ? Omit<E, "id">
    : never
  : never;

/** The plan of one application: its receipt and what happened to it, in order. */
const planEvents = (r: () => number, received: string, today: string) => {
  const events: Planned[] = [];
  let day = received;
  const step = (min: number, max: number) => {
    day = weekday(addDays(day, min + Math.floor(r() * (max - min + 1))));
    return day;
  };
  const kind = r();
  let outcome = weighted(r, OUTCOME_WEIGHTS);
  if (kind < 0.1) {
    events.push({ type: "correctionRequested", date: step(2, 6), periodWorkingDays: 15 });
    if (outcome === "otherNoCorrection" || r() < 0.3) outcome = "otherNoCorrection";
    else events.push({ type: "correctionReceived", date: step(3, 10) });
  } else if (kind < 0.17) {
    events.push({ type: "consultationStarted", date: step(3, 8), party: "thirdParty" });
    events.push({ type: "consultationEnded", date: step(10, 15) });
  } else if (kind < 0.22) {
    events.push({ type: "extended", date: step(15, 18), workingDays: 20 });
  } else if (kind < 0.25) {
    events.push({
      type: "feeNoticeIssued",
      date: step(5, 10),
      amountYuan: 100 + Math.floor(r() * 8) * 50,
    });
    if (outcome === "otherFeeUnpaid" || r() < 0.2) outcome = "otherFeeUnpaid";
    else events.push({ type: "feePaid", date: step(2, 10) });
  }
  events.push({ type: "concluded", date: step(5, 18), outcome });
  // Now and then a correction of the recorded outcome, or a reopening ordered on review.
  const extra = r();
  if (extra < 0.04)
    events.push({
      type: "amended",
      date: step(1, 5),
      supersedes: "__concluded",
      reason: "办理结果录入错误，予以更正",
      replacement: { type: "concluded", date: events.at(-1)!.date, outcome: "partiallyGranted" },
    } as Planned);
  else if (extra < 0.07) {
    events.push({ type: "reopened", date: step(20, 40), reason: "行政复议决定责令重新答复" });
    events.push({ type: "concluded", date: step(5, 15), outcome: "granted" });
  }
  // Only what has happened by today is recorded.
  return events.filter((e) => e.date <= today);
};

export type DemoResult = { agencies: number; applications: number; events: number };

/** Loads the demo data; call it only on an empty database. */
export const seedDemo = async (db: Db, now: Date): Promise<DemoResult> => {
  const today = todayIn(now);
  const thisYear = Number(today.slice(0, 4));
  const by = { actor: "demo", channel: "import" as const, now };
  const r = mulberry32(20_211_130);
  let applications = 0;
  let events = 0;
  for (const a of DEMO_AGENCIES) await insertAgency(db, a, now);
  for (const [i, agency] of DEMO_AGENCIES.entries()) {
    await createStaff(
      db,
      { agencyCode: agency.code, name: `${SURNAMES[i]}主任`, role: "manager" },
      now,
    );
    await createStaff(
      db,
      { agencyCode: agency.code, name: `${SURNAMES[i + 5]}科员`, role: "clerk" },
      now,
    );
    const perYear = agency.code === "411421-gov" ? 40 : 15 + Math.floor(r() * 30);
    const fees = { noticesIssued: 0, amountNotifiedYuan: 0, amountCollectedYuan: 0 };
    let pending = 0;
    await db.transaction(async (tx) => {
      // From 1 January of last year to today, evenly spread, in date order.
      const start = Date.parse(`${thisYear - 1}-01-01T00:00:00Z`);
      const span = Date.parse(`${today}T00:00:00Z`) - start;
      const count = Math.round((perYear * span) / (365 * DAY));
      const dates = Array.from({ length: count }, () =>
        weekday(new Date(start + Math.floor(r() * span)).toISOString().slice(0, 10)),
      )
        .filter((d) => d <= today)
        .sort();
      for (const received of dates) {
        const { application } = await createApplication(tx, {
          agencyCode: agency.code,
          ...registrationOf(
            {
              id: "e1",
              type: "received",
              date: received,
              applicantType: weighted(r, APPLICANT_WEIGHTS) ?? APPLICANT_TYPES[0],
              channel: CHANNELS[Math.floor(r() * 4)]!,
            },
            by,
            {
              subject: `申请公开${SUBJECTS[Math.floor(r() * SUBJECTS.length)]}`,
              applicant: {
                name: `${SURNAMES[Math.floor(r() * SURNAMES.length)]}某`,
                contact: `1380000${String(Math.floor(r() * 10000)).padStart(4, "0")}`,
              },
            },
          ),
        });
        applications++;
        events++;
        let concludedId = "";
        const lastYear = String(thisYear - 1);
        for (const plan of planEvents(r, received, today)) {
          const stored = (await getApplication(tx, application.id))!;
          const id = `e${stored.events.length + 1}`;
          let event = { ...plan, id } as ApplicationEvent;
          if (event.type === "amended" && event.replacement)
            event = {
              ...event,
              supersedes: concludedId,
              replacement: { ...event.replacement, id: `${id}r` },
            };
          if (!validateTransition(stored.application, event).ok) break;
          if (event.type === "concluded") concludedId = id;
          await appendEvent(tx, appended(stored, event, by).item);
          events++;
          if (event.date.startsWith(lastYear)) {
            if (event.type === "feeNoticeIssued") {
              fees.noticesIssued++;
              fees.amountNotifiedYuan += event.amountYuan;
              pending = event.amountYuan;
            } else if (event.type === "feePaid") fees.amountCollectedYuan += pending;
          }
        }
      }
      // Last year's sections that people write.
      const year = thisYear - 1;
      await putSection(
        tx,
        agency.code,
        year,
        "overview",
        {
          intro: `${year}年，${agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。`,
          proactive: "通过门户网站主动公开政策文件、财政预决算和重点领域信息。",
          requests: "依法规范办理政府信息公开申请，按时答复。",
          management: "健全政府信息公开审查机制。",
          platform: "持续优化政府信息公开专栏。",
          supervision: "将政府信息公开工作纳入年度绩效考核。",
        },
        now,
      );
      const n = () => Math.floor(r() * 20);
      const issued = n();
      const repealed = Math.floor(issued / 4);
      await putSection(
        tx,
        agency.code,
        year,
        "proactive",
        {
          rules: { issued: 0, repealed: 0, inForce: 0 },
          normativeDocuments: { issued, repealed, inForce: 20 + issued - repealed },
          licensing: { decisions: n() * 10 },
          penalty: { decisions: n() },
          coercion: { decisions: Math.floor(n() / 4) },
          fees: { amountWanYuan: 0 },
        },
        now,
      );
      const upheld = Math.floor(r() * 3);
      await putSection(
        tx,
        agency.code,
        year,
        "appeals",
        {
          review: { upheld, corrected: 0, other: 0, pending: 0, total: upheld },
          litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
          litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
        },
        now,
      );
      await putSection(
        tx,
        agency.code,
        year,
        "problems",
        "主动公开的及时性有待提高；下一步将加强培训。",
        now,
      );
      await putSection(
        tx,
        agency.code,
        year,
        "otherMatters",
        `本年度发出收费通知${fees.noticesIssued}件，实际收取信息处理费${fees.amountCollectedYuan}元。`,
        now,
      );
      // Section 六's figures come from the register's fee events (issue 19).
    });
  }
  return { agencies: DEMO_AGENCIES.length, applications, events };
};
