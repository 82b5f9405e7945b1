// fast-check generators of VALID data, shared by the tests of every package:
// - arbRequestsTable: a section 三 table that passes requests.balance/rowTotal/outcomeTotal;
// - arbReport: a whole report that passes checkReport with no finding at all (its overview
//   may state the table's numbers, its fee statement agrees with section 三);
// - arbRegister: a register whose every event could have been recorded (validateTransition
//   accepts each one after those before it), with optional amendments and opening balances.
import fc from "fast-check";
import {
  APPEAL_BLOCKS,
  APPEAL_COLUMNS,
  APPLICANT_TYPES,
  type Appeals,
  type Application,
  type ApplicationEvent,
  applicationState,
  CHANNELS,
  effectiveEvents,
  type Fees,
  type OpeningBalance,
  OUTCOMES,
  type PlainEvent,
  type Proactive,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type Register,
  type Report,
  type RequestsTable,
} from "../src/index.ts";

/** Mostly small counts (many zeros), sometimes large ones. */
export const arbCount = (max = 100_000): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.nat({ max: 9 }), weight: 3 },
    { arbitrary: fc.nat({ max }), weight: 1 },
  );

/**
 * Money with at most `places` decimals (yuan to the fen: 2; 万元: 4). Kept below 10^8 units so
 * that sums of a few dozen stay within what `money` of report.ts accepts (its 4-decimal check
 * uses an absolute tolerance that float error exceeds from about 5·10^9 units of 1/10000).
 */
export const arbMoney = (places = 2, maxUnits = 100_000_000): fc.Arbitrary<number> =>
  fc
    .oneof(
      { arbitrary: fc.constant(0), weight: 1 },
      { arbitrary: fc.nat({ max: maxUnits }), weight: 3 },
    )
    .map((n) => n / 10 ** places);

export type RequestsTableOptions = {
  maxCount?: number;
  /** Opening balances carry nothing forward. */
  carriedForwardZero?: boolean;
};

/** A balanced section 三 table (each column: carriedOver ≤ Σ outcomes + carriedForward). */
export const arbRequestsTable = (
  options: RequestsTableOptions = {},
): fc.Arbitrary<RequestsTable> => {
  const count = arbCount(options.maxCount ?? 100_000);
  const column = fc.record({
    outcomes: fc.array(count, { minLength: OUTCOMES.length, maxLength: OUTCOMES.length }),
    carriedForward: options.carriedForwardZero ? fc.constant(0) : count,
    carriedOverSeed: fc.nat(),
  });
  return fc
    .array(column, { minLength: APPLICANT_TYPES.length, maxLength: APPLICANT_TYPES.length })
    .map((columns) => {
      const table = Object.fromEntries(
        REQUEST_ROWS.map((r) => [r, Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, 0]))]),
      ) as RequestsTable;
      columns.forEach((col, i) => {
        const t = APPLICANT_TYPES[i]!;
        let processed = 0;
        OUTCOMES.forEach((o, k) => {
          const v = col.outcomes[k]!;
          table[o][t] = v;
          processed += v;
        });
        const carriedOver = col.carriedOverSeed % (processed + col.carriedForward + 1);
        table.totalProcessed[t] = processed;
        table.carriedForward[t] = col.carriedForward;
        table.carriedOver[t] = carriedOver;
        table.newReceived[t] = processed + col.carriedForward - carriedOver;
      });
      for (const r of REQUEST_ROWS)
        table[r].total = APPLICANT_TYPES.reduce((s, t) => s + table[r][t], 0);
      return table;
    });
};

export const arbAppeals = (): fc.Arbitrary<Appeals> =>
  fc
    .array(fc.array(arbCount(1000), { minLength: 4, maxLength: 4 }), {
      minLength: APPEAL_BLOCKS.length,
      maxLength: APPEAL_BLOCKS.length,
    })
    .map(
      (blocks) =>
        Object.fromEntries(
          APPEAL_BLOCKS.map((b, i) => {
            const v = blocks[i]!;
            const cells = Object.fromEntries(
              APPEAL_COLUMNS.slice(0, 4).map((c, k) => [c, v[k]!]),
            ) as Record<(typeof APPEAL_COLUMNS)[number], number>;
            cells.total = v.reduce((s, x) => s + x, 0);
            return [b, cells];
          }),
        ) as Appeals,
    );

export const arbProactive = (): fc.Arbitrary<Proactive> =>
  fc
    .record({
      docs: fc.array(arbCount(10_000), { minLength: 6, maxLength: 6 }),
      decisions: fc.array(arbCount(10_000_000), { minLength: 3, maxLength: 3 }),
      amountWanYuan: arbMoney(4),
    })
    .map(({ docs, decisions, amountWanYuan }) => ({
      rules: { issued: docs[0]!, repealed: docs[1]!, inForce: docs[2]! },
      normativeDocuments: { issued: docs[3]!, repealed: docs[4]!, inForce: docs[5]! },
      licensing: { decisions: decisions[0]! },
      penalty: { decisions: decisions[1]! },
      coercion: { decisions: decisions[2]! },
      fees: { amountWanYuan },
    }));

/** A fee statement with collected ≤ notified. */
export const arbFees = (): fc.Arbitrary<Fees> =>
  fc
    .record({ notices: arbCount(1000), notifiedFen: fc.nat({ max: 1_000_000 }), seed: fc.nat() })
    .map(({ notices, notifiedFen, seed }) => ({
      noticesIssued: notices,
      // fees.amountWithoutNotice: an amount notified needs a notice (issue 19).
      amountNotifiedYuan: notices === 0 ? 0 : notifiedFen / 100,
      amountCollectedYuan: notices === 0 ? 0 : (seed % (notifiedFen + 1)) / 100,
    }));

const AGENCIES = ["淮安市人民政府", "民权县工业和信息化和科技局", "某县自然资源局", "测试局"];
const FILLER = [
  "严格按照“谁公开、谁负责”的原则开展工作。",
  "进一步优化政务公开专栏设置。",
  "加强政务新媒体监管，及时督促整改。",
  "",
];
const PROBLEMS = [
  "存在的主要问题：政策解读质量仍需提升。改进情况：加强培训。",
  "一是公开内容需要进一步深化；二是队伍建设还需加强。",
];

/** The overview sentences a report writes about its tables (they must agree with them). */
export const narrativeOf = (r: Pick<Report, "year" | "requests" | "appeals">) => {
  const q = r.requests;
  const a = r.appeals;
  const lit = (c: (typeof APPEAL_COLUMNS)[number]) =>
    a.litigationDirect[c] + a.litigationAfterReview[c];
  return {
    requests: `${r.year}年，共收到政府信息公开申请${q.newReceived.total}件，答复${q.totalProcessed.total}件（含上年度结转申请${q.carriedOver.total}件，另有${q.carriedForward.total}件顺延到下年度答复）。`,
    appeals: `政府信息公开行政复议${a.review.total}件，其中结果维持${a.review.upheld}件，结果纠正${a.review.corrected}件，其他结果${a.review.other}件，尚未审结${a.review.pending}件；政府信息公开行政诉讼${lit("total")}件，其中结果维持${lit("upheld")}件，结果纠正${lit("corrected")}件，其他结果${lit("other")}件，尚未审结${lit("pending")}件。`,
  };
};

export type ReportOptions = {
  year?: number;
  requests?: fc.Arbitrary<RequestsTable>;
};

/** A report that passes checkReport without any finding. */
export const arbReport = (options: ReportOptions = {}): fc.Arbitrary<Report> =>
  fc
    .record({
      year:
        options.year === undefined
          ? fc.integer({ min: 2021, max: 2030 })
          : fc.constant(options.year),
      name: fc.constantFrom(...AGENCIES),
      code: fc.option(fc.stringMatching(/^[0-9A-Z]{18}$/), { nil: undefined }),
      requests: options.requests ?? arbRequestsTable(),
      appeals: arbAppeals(),
      proactive: arbProactive(),
      fees: arbFees(),
      statesNumbers: fc.boolean(),
      filler: fc.array(fc.constantFrom(...FILLER), { minLength: 6, maxLength: 6 }),
      problems: fc.constantFrom(...PROBLEMS),
      otherMatters: fc.constantFrom("本年度未收取信息处理费。", ""),
    })
    .map((g) => {
      const fees = { ...g.fees };
      // fees.unpaidWithoutNotice: a closure for an unpaid fee needs a notice.
      if (g.requests.otherFeeUnpaid.total > 0 && fees.noticesIssued === 0) fees.noticesIssued = 1;
      const base = { year: g.year, requests: g.requests, appeals: g.appeals };
      const told = g.statesNumbers ? narrativeOf(base) : { requests: "", appeals: "" };
      const report: Report = {
        formatVersion: "2021",
        agency: g.code === undefined ? { name: g.name } : { name: g.name, code: g.code },
        year: g.year,
        overview: {
          // narrative.missing: section 一 is never left empty (issue 19).
          intro: g.filler[0] || "本机关认真贯彻落实《政府信息公开条例》。",
          proactive: g.filler[1]!,
          requests: `${told.requests}${g.filler[2]!}${told.appeals}`,
          management: g.filler[3]!,
          platform: g.filler[4]!,
          supervision: g.filler[5]!,
        },
        proactive: g.proactive,
        requests: g.requests,
        appeals: g.appeals,
        problems: g.problems,
        otherMatters: g.otherMatters,
        fees,
      };
      return report;
    });

// ── Registers ─────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
export const dateOf = (dayNumber: number): string =>
  new Date(dayNumber * DAY).toISOString().slice(0, 10);
export const dayNumberOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

const STEP_KINDS = [
  "conclude",
  "conclude",
  "conclude",
  "reopen",
  "correction",
  "consult",
  "extend",
  "fee",
  "amendOutcome",
  "withdrawLast",
  "undoLast",
] as const;

type Step = {
  gap: number;
  kind: (typeof STEP_KINDS)[number];
  outcome: (typeof OUTCOMES)[number];
  party: "thirdParty" | "agency";
};

const arbStep: fc.Arbitrary<Step> = fc.record({
  gap: fc.oneof(
    { arbitrary: fc.nat({ max: 3 }), weight: 2 },
    { arbitrary: fc.nat({ max: 40 }), weight: 3 },
    { arbitrary: fc.nat({ max: 500 }), weight: 1 },
  ),
  kind: fc.constantFrom(...STEP_KINDS),
  outcome: fc.constantFrom(...OUTCOMES),
  party: fc.constantFrom("thirdParty" as const, "agency" as const),
});

/**
 * Builds one application from its receipt and a list of intents, turning each intent into an
 * event that is allowed in the state reached so far (e.g. "conclude" on a concluded
 * application becomes a reopening).
 */
const buildApplication = (
  id: string,
  receivedDay: number,
  applicantType: (typeof APPLICANT_TYPES)[number],
  channel: (typeof CHANNELS)[number],
  steps: readonly Step[],
  amendments: boolean,
): Application => {
  const events: ApplicationEvent[] = [
    { id: `${id}-e0`, type: "received", date: dateOf(receivedDay), applicantType, channel },
  ];
  let day = receivedDay;
  let n = 1;
  const nextId = () => `${id}-e${n++}`;
  for (const step of steps) {
    const app: Application = { id, events };
    const s = applicationState(app);
    if (!s.received) break;
    day += step.gap;
    const date = dateOf(day);
    let kind = step.kind;
    if (!amendments && (kind === "amendOutcome" || kind === "withdrawLast" || kind === "undoLast"))
      kind = "conclude";
    switch (kind) {
      case "conclude":
      case "reopen":
        if (s.open) events.push({ id: nextId(), type: "concluded", date, outcome: step.outcome });
        else events.push({ id: nextId(), type: "reopened", date, reason: "复议决定责令重新答复" });
        break;
      case "correction":
        if (!s.open) break;
        if (s.awaitingCorrection) events.push({ id: nextId(), type: "correctionReceived", date });
        else events.push({ id: nextId(), type: "correctionRequested", date });
        break;
      case "consult":
        if (!s.open) break;
        if (s.inConsultation) events.push({ id: nextId(), type: "consultationEnded", date });
        else events.push({ id: nextId(), type: "consultationStarted", date, party: step.party });
        break;
      case "extend":
        if (s.open && !s.extended)
          events.push({ id: nextId(), type: "extended", date, workingDays: 20 });
        break;
      case "fee":
        if (!s.open) break;
        if (s.awaitingFee) events.push({ id: nextId(), type: "feePaid", date });
        else events.push({ id: nextId(), type: "feeNoticeIssued", date, amountYuan: 100 });
        break;
      case "amendOutcome": {
        const effective = effectiveEvents(app);
        const target = effective.findLast((e) => e.type === "concluded");
        if (target?.type !== "concluded") break;
        events.push({
          id: nextId(),
          type: "amended",
          date,
          supersedes: target.id,
          reason: "办理结果登记有误",
          replacement: { ...target, id: nextId(), outcome: step.outcome },
        });
        break;
      }
      case "withdrawLast": {
        // Withdrawing the last effective event leaves a prefix of a valid history.
        const effective = effectiveEvents(app);
        const target = effective[effective.length - 1];
        const lastRecorded = events[events.length - 1];
        if (!target || lastRecorded?.type === "amended") break;
        // Not the receipt: validateTransition refuses that (receiptWithdrawn); the fold of a
        // register holding one is tested on its own (fold.test.ts).
        if (target.type === "received") break;
        events.push({
          id: nextId(),
          type: "amended",
          date,
          supersedes: target.id,
          reason: "误登记",
        });
        break;
      }
      case "undoLast": {
        const last = events[events.length - 1];
        if (last?.type !== "amended") break;
        events.push({
          id: nextId(),
          type: "amended",
          date,
          supersedes: last.id,
          reason: "撤销更正",
        });
        break;
      }
    }
  }
  return { id, events };
};

export type RegisterOptions = {
  /** Receipt dates fall in these years (inclusive); default 2021–2024. */
  years?: readonly [number, number];
  maxApplications?: number;
  maxSteps?: number;
  /** Amendments (outcome corrections, withdrawals, undoing them); default true. */
  amendments?: boolean;
  /** An opening balance for the first year (carrying nothing forward); default true. */
  openingBalances?: boolean;
};

/** A register whose every event is a valid transition (see buildApplication). */
export const arbRegister = (options: RegisterOptions = {}): fc.Arbitrary<Register> => {
  const [y0, y1] = options.years ?? [2021, 2024];
  const first = dayNumberOf(`${y0}-01-01`);
  const last = dayNumberOf(`${y1}-12-31`);
  const amendments = options.amendments ?? true;
  const app = fc.record({
    day: fc.integer({ min: first, max: last }),
    applicantType: fc.oneof(
      { arbitrary: fc.constant("naturalPerson" as const), weight: 4 },
      { arbitrary: fc.constantFrom(...APPLICANT_TYPES), weight: 2 },
    ),
    channel: fc.constantFrom(...CHANNELS),
    steps: fc.array(arbStep, { maxLength: options.maxSteps ?? 6 }),
  });
  const openingBalance: fc.Arbitrary<OpeningBalance[]> =
    (options.openingBalances ?? true)
      ? fc
          .option(arbRequestsTable({ maxCount: 50, carriedForwardZero: true }), { nil: undefined })
          .map((counts) => (counts ? [{ year: y0, counts }] : []))
      : fc.constant([]);
  return fc
    .record({
      prefix: fc.stringMatching(/^[a-z]{1,4}$/),
      apps: fc.array(app, { maxLength: options.maxApplications ?? 30 }),
      openingBalances: openingBalance,
    })
    .map(({ prefix, apps, openingBalances }) => ({
      applications: apps.map((a, i) =>
        buildApplication(`${prefix}${i}`, a.day, a.applicantType, a.channel, a.steps, amendments),
      ),
      openingBalances,
    }));
};

/** The plain events of an application as recorded (for tests that compare histories). */
export const plainEvents = (app: Application): PlainEvent[] =>
  app.events.filter((e): e is PlainEvent => e.type !== "amended");
