// The fold from the register (登记簿) to the tables. Pure: every function reads events and
// dates it is given, never the clock.
//
// Event semantics, in one place:
// - Events are kept in the order they were recorded. An `amended` event supersedes an earlier
//   one: without a `replacement` it withdraws it, with one it puts the replacement in its place
//   (same position in the recorded order). An amendment may supersede an earlier amendment,
//   which undoes that one (restoring what it removed). An amendment pointing at an unknown id,
//   or at an event recorded after it, is ignored; when two amendments supersede the same event
//   the later one wins. `effectiveEvents` applies all this and returns plain events.
//   Amendments apply whatever their own date: they correct the record, so the state "as of"
//   an earlier day and the tables of earlier years show the corrected history.
// - The status of an application at the end of a day D comes from its effective events dated
//   on or before D: it is open from its `received` date until a `concluded`, open again after a
//   `reopened`, and so on. Among status events (concluded/reopened), the latest date wins and, on
//   the same date, the one recorded last. A status event dated before receipt counts as dated on
//   the day of receipt (the API refuses such events; the fold stays balanced anyway). A
//   `reopened` on an open application changes nothing; a `concluded` on a concluded one only
//   replaces the outcome (the API refuses both: see `validateTransition`).
// - An application without an effective `received` event (its receipt withdrawn by an
//   amendment: recorded by mistake) counts nowhere.
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type Bilingual,
  type Channel,
  OUTCOME_GROUPS,
  OUTCOMES,
  type Outcome,
  type OutcomeGroup,
  outcomeGroupOf,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  type RequestColumn,
  type RequestRow,
} from "./catalog.ts";
import type { Finding } from "./findings.ts";
import type {
  AmendedEvent,
  Application,
  ApplicationEvent,
  IsoDate,
  OpeningBalance,
  PlainEvent,
  Register,
} from "./register.ts";
import {
  type ApplicantCounts,
  emptyApplicantCounts,
  emptyRequestsTable,
  type RequestsTable,
  requestCellPath,
} from "./report.ts";
import { checkRequests } from "./rules.ts";

// ── Effective events ──────────────────────────────────────────────────────────

const hasAmendment = (events: readonly ApplicationEvent[]): boolean => {
  for (let i = 0; i < events.length; i++) if (events[i]!.type === "amended") return true;
  return false;
};

type Mark = { by: number; replacement: PlainEvent | undefined };

/**
 * Works out which amendments are in force: going backwards, an amendment that no later
 * amendment in force supersedes is in force itself and marks its target. Returns the marks
 * (target id → the amendment in force on it) and the index at which each id was recorded.
 */
const amendmentMarks = (events: readonly ApplicationEvent[]) => {
  const indexOf = new Map<string, number>();
  events.forEach((e, i) => {
    if (!indexOf.has(e.id)) indexOf.set(e.id, i);
    if (e.type === "amended" && e.replacement && !indexOf.has(e.replacement.id))
      indexOf.set(e.replacement.id, i);
  });
  const marks = new Map<string, Mark>();
  for (let j = events.length - 1; j >= 0; j--) {
    const e = events[j]!;
    if (e.type !== "amended") continue;
    if (indexOf.get(e.id) === j && marks.has(e.id)) continue; // itself superseded
    const t = indexOf.get(e.supersedes);
    if (t === undefined || t >= j || marks.has(e.supersedes)) continue;
    const targetIsAmendment = events[t]!.type === "amended" && events[t]!.id === e.supersedes;
    marks.set(e.supersedes, { by: j, replacement: targetIsAmendment ? undefined : e.replacement });
  }
  return { indexOf, marks };
};

/**
 * The events in force, in recorded order, amendments applied (see the file's head comment).
 * Deterministic for any input; the result holds no `amended` events.
 */
export const effectiveEvents = (app: Application): PlainEvent[] => {
  const events = app.events;
  if (!hasAmendment(events)) return events.slice() as PlainEvent[];
  const { indexOf, marks } = amendmentMarks(events);
  // A replacement may itself be superseded by a later amendment (that names its id).
  const resolve = (e: PlainEvent, owner: number): PlainEvent | undefined => {
    const m = marks.get(e.id);
    if (!m || indexOf.get(e.id) !== owner || m.by <= owner) return e;
    return m.replacement ? resolve(m.replacement, m.by) : undefined;
  };
  const out: PlainEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === "amended") continue;
    const m = indexOf.get(e.id) === i ? marks.get(e.id) : undefined;
    if (!m) out.push(e);
    else if (m.replacement) {
      const r = resolve(m.replacement, m.by);
      if (r) out.push(r);
    }
  }
  return out;
};

/** Ids an amendment may name now: effective plain events and amendments in force. */
const amendableIds = (app: Application): Map<string, ApplicationEvent> => {
  const ids = new Map<string, ApplicationEvent>();
  for (const e of effectiveEvents(app)) ids.set(e.id, e);
  const { indexOf, marks } = amendmentMarks(app.events);
  app.events.forEach((e, j) => {
    if (e.type !== "amended") return;
    if (indexOf.get(e.id) === j && marks.has(e.id)) return;
    // Only an amendment that actually did something can be undone.
    const m = marks.get(e.supersedes);
    if (m && m.by === j && !ids.has(e.id)) ids.set(e.id, e);
  });
  return ids;
};

// ── State of one application ──────────────────────────────────────────────────

/** A status event dated before receipt counts as dated on the day of receipt. */
const clampDate = (date: string, receivedOn: string): string => {
  if (date < receivedOn) return receivedOn;
  return date;
};

export type ApplicationState = {
  /** false when the application has no effective `received` event dated on or before asOf. */
  received: boolean;
  receivedOn: IsoDate | null;
  applicantType: ApplicantType | null;
  channel: Channel | null;
  status: "notReceived" | "open" | "concluded";
  open: boolean;
  /** The outcome of the conclusion in force (null while open). */
  outcome: Outcome | null;
  concludedOn: IsoDate | null;
  /** The date of the latest conclusion or reopening (null when there is none). */
  lastStatusChangeOn: IsoDate | null;
  reopenedCount: number;
  /** A correction was requested and the corrected application has not arrived. */
  awaitingCorrection: boolean;
  correctionRequestedCount: number;
  /** Consultations started and not ended (第三十二条 / 第三十四条). */
  openConsultations: number;
  inConsultation: boolean;
  /** A fee notice is outstanding (issued, not paid). */
  awaitingFee: boolean;
  /** The clock is stopped: consultation or unpaid fee notice. */
  paused: boolean;
  extended: boolean;
  /** The effective events dated on or before asOf, in recorded order. */
  events: PlainEvent[];
};

/**
 * The state at the end of day `asOf` (all events when omitted). Status events are ordered by
 * date, then by recorded order; other flags count events in recorded order.
 */
export const applicationState = (app: Application, asOf?: IsoDate): ApplicationState => {
  const all = effectiveEvents(app);
  const events = asOf === undefined ? all : all.filter((e) => e.date <= asOf);
  const received = events.find((e) => e.type === "received");
  const state: ApplicationState = {
    received: received !== undefined,
    receivedOn: received?.date ?? null,
    applicantType: received?.type === "received" ? received.applicantType : null,
    channel: received?.type === "received" ? received.channel : null,
    status: received ? "open" : "notReceived",
    open: received !== undefined,
    outcome: null,
    concludedOn: null,
    lastStatusChangeOn: null,
    reopenedCount: 0,
    awaitingCorrection: false,
    correctionRequestedCount: 0,
    openConsultations: 0,
    inConsultation: false,
    awaitingFee: false,
    paused: false,
    extended: false,
    events,
  };
  if (!received) return state;
  const r = received.date;
  // The latest status event by (date, recorded order), and the transitions it went through.
  let open = true;
  let outcome: Outcome | null = null;
  let concludedOn: IsoDate | null = null;
  let last: IsoDate | null = null;
  const statusEvents = events
    .map((e, i) => ({ e, i, d: clampDate(e.date, r) }))
    .filter(({ e }) => e.type === "concluded" || e.type === "reopened")
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i));
  for (const { e, d } of statusEvents) {
    last = d;
    if (e.type === "concluded") {
      if (open) concludedOn = d;
      open = false;
      outcome = e.outcome;
    } else if (e.type === "reopened" && !open) {
      open = true;
      outcome = null;
      concludedOn = null;
      state.reopenedCount++;
    }
  }
  let pendingFees = 0;
  for (const e of events) {
    if (e.type === "correctionRequested") {
      state.correctionRequestedCount++;
      state.awaitingCorrection = true;
    } else if (e.type === "correctionReceived") state.awaitingCorrection = false;
    else if (e.type === "consultationStarted") state.openConsultations++;
    else if (e.type === "consultationEnded")
      state.openConsultations = Math.max(0, state.openConsultations - 1);
    else if (e.type === "extended") state.extended = true;
    else if (e.type === "feeNoticeIssued") pendingFees++;
    else if (e.type === "feePaid") pendingFees = Math.max(0, pendingFees - 1);
  }
  state.open = open;
  state.status = open ? "open" : "concluded";
  state.outcome = outcome;
  state.concludedOn = concludedOn;
  state.lastStatusChangeOn = last;
  state.inConsultation = state.openConsultations > 0;
  state.awaitingFee = pendingFees > 0;
  state.paused = open && (state.inConsultation || state.awaitingFee);
  return state;
};

// ── Transitions ───────────────────────────────────────────────────────────────

export type TransitionCode =
  | "duplicateId"
  | "notReceived"
  | "alreadyReceived"
  | "beforeReceipt"
  | "beforeLastStatusChange"
  | "alreadyConcluded"
  | "notConcluded"
  | "concluded"
  | "alreadyExtended"
  | "noCorrectionRequested"
  | "noConsultation"
  | "noFeeNotice"
  | "unknownEvent"
  | "alreadySuperseded"
  | "replacementTypeMismatch"
  | "replacementOfAmendment"
  | "amendmentBreaksHistory"
  | "receiptWithdrawn";

export type TransitionResult =
  | { ok: true }
  | { ok: false; code: TransitionCode; message: Bilingual };

const refuse = (code: TransitionCode, zh: string, en: string): TransitionResult => ({
  ok: false,
  code,
  message: { zh, en },
});

const EVENT_NAMES: Record<PlainEvent["type"] | "amended", Bilingual> = {
  received: { zh: "收到申请", en: "received" },
  correctionRequested: { zh: "要求补正", en: "correction requested" },
  correctionReceived: { zh: "收到补正", en: "correction received" },
  consultationStarted: { zh: "开始征求意见", en: "consultation started" },
  consultationEnded: { zh: "征求意见结束", en: "consultation ended" },
  extended: { zh: "延长答复期限", en: "extended" },
  feeNoticeIssued: { zh: "发出收费通知", en: "fee notice issued" },
  feePaid: { zh: "缴纳费用", en: "fee paid" },
  concluded: { zh: "办结", en: "concluded" },
  reopened: { zh: "重新办理", en: "reopened" },
  amended: { zh: "更正", en: "amendment" },
};

/** Whether `next` may follow the plain events `before` (already effective, recorded order). */
const checkNext = (before: readonly PlainEvent[], next: PlainEvent): TransitionResult => {
  const app: Application = { id: "_", events: before as PlainEvent[] };
  const s = applicationState(app);
  const name = EVENT_NAMES[next.type];
  if (next.type === "received")
    return s.received
      ? refuse(
          "alreadyReceived",
          "该申请已登记收到，不能再次登记。",
          "The application is already received.",
        )
      : { ok: true };
  if (!s.received || s.receivedOn === null)
    return refuse(
      "notReceived",
      `申请尚未登记收到，不能登记“${name.zh}”。`,
      `The application has no receipt; "${name.en}" cannot be recorded.`,
    );
  if (next.date < s.receivedOn)
    return refuse(
      "beforeReceipt",
      `“${name.zh}”的日期（${next.date}）早于收到申请之日（${s.receivedOn}）。`,
      `The date of "${name.en}" (${next.date}) is before the application was received (${s.receivedOn}).`,
    );
  if (
    (next.type === "concluded" || next.type === "reopened") &&
    s.lastStatusChangeOn !== null &&
    next.date < s.lastStatusChangeOn
  )
    return refuse(
      "beforeLastStatusChange",
      `“${name.zh}”的日期（${next.date}）早于上一次办结或重新办理（${s.lastStatusChangeOn}）。`,
      `The date of "${name.en}" (${next.date}) is before the last conclusion or reopening (${s.lastStatusChangeOn}).`,
    );
  switch (next.type) {
    case "concluded":
      return s.open
        ? { ok: true }
        : refuse(
            "alreadyConcluded",
            `该申请已于 ${s.concludedOn} 办结，不能再次办结（需要时先登记重新办理）。`,
            `The application was concluded on ${s.concludedOn}; it cannot be concluded again (reopen it first).`,
          );
    case "reopened":
      return s.open
        ? refuse(
            "notConcluded",
            "该申请仍在办理中，不能重新办理。",
            "The application is still open; it cannot be reopened.",
          )
        : { ok: true };
    default:
      break;
  }
  if (!s.open)
    return refuse(
      "concluded",
      `该申请已于 ${s.concludedOn} 办结，不能再登记“${name.zh}”。`,
      `The application was concluded on ${s.concludedOn}; "${name.en}" cannot be recorded.`,
    );
  switch (next.type) {
    case "extended":
      return s.extended
        ? refuse(
            "alreadyExtended",
            "答复期限只能延长一次（条例第三十三条）。",
            "The reply period can be extended only once (Art. 33).",
          )
        : { ok: true };
    case "correctionReceived":
      return s.awaitingCorrection
        ? { ok: true }
        : refuse(
            "noCorrectionRequested",
            "没有待补正的要求，不能登记收到补正。",
            "No correction was requested; a correction cannot be received.",
          );
    case "consultationEnded":
      return s.inConsultation
        ? { ok: true }
        : refuse(
            "noConsultation",
            "没有正在进行的征求意见，不能登记征求意见结束。",
            "No consultation is in progress; it cannot end.",
          );
    case "feePaid":
      return s.awaitingFee
        ? { ok: true }
        : refuse(
            "noFeeNotice",
            "没有未缴的收费通知，不能登记缴费。",
            "No fee notice is outstanding; a payment cannot be recorded.",
          );
    default:
      return { ok: true };
  }
};

/** The first event of an effective history that could not have been recorded after the others. */
const historyProblem = (events: readonly PlainEvent[]): TransitionResult => {
  for (let i = 0; i < events.length; i++) {
    const r = checkNext(events.slice(0, i), events[i]!);
    if (!r.ok) return r;
  }
  return { ok: true };
};

/**
 * Whether `next` may be recorded on `app` now. The API answers 409 with `message` when not.
 * Refused: a duplicate id; a second receipt; any event before receipt or on an application
 * without one; a conclusion on a concluded application, a reopening on an open one, either
 * dated before the last conclusion/reopening; other events on a concluded application; a
 * second extension; correctionReceived without a pending correction request; consultationEnded
 * without one started; feePaid without an outstanding notice. An amendment is refused when it
 * names an unknown or already superseded event, when its replacement is of another type (or it
 * replaces an amendment, which can only be withdrawn), when it leaves no receipt, or when the
 * history it leaves would break one of the rules above.
 */
export const validateTransition = (app: Application, next: ApplicationEvent): TransitionResult => {
  const used = new Set<string>();
  for (const e of app.events) {
    used.add(e.id);
    if (e.type === "amended" && e.replacement) used.add(e.replacement.id);
  }
  if (used.has(next.id))
    return refuse(
      "duplicateId",
      `事件编号 ${next.id} 已被使用。`,
      `The event id ${next.id} is already used.`,
    );
  if (next.type !== "amended") return checkNext(effectiveEvents(app), next);
  return validateAmendment(app, next, used);
};

const validateAmendment = (
  app: Application,
  next: AmendedEvent,
  used: Set<string>,
): TransitionResult => {
  if (next.replacement && used.has(next.replacement.id))
    return refuse(
      "duplicateId",
      `更正后事件的编号 ${next.replacement.id} 已被使用。`,
      `The replacement's id ${next.replacement.id} is already used.`,
    );
  const exists = used.has(next.supersedes);
  const target = amendableIds(app).get(next.supersedes);
  if (!target)
    return exists
      ? refuse(
          "alreadySuperseded",
          `事件 ${next.supersedes} 已被更正或撤销，只能更正其现行版本。`,
          `The event ${next.supersedes} is already superseded; amend its current version.`,
        )
      : refuse(
          "unknownEvent",
          `该申请没有编号为 ${next.supersedes} 的事件。`,
          `The application has no event ${next.supersedes}.`,
        );
  if (next.replacement && target.type === "amended")
    return refuse(
      "replacementOfAmendment",
      "更正记录只能撤销，不能替换。",
      "An amendment can only be withdrawn, not replaced.",
    );
  if (next.replacement && next.replacement.type !== target.type)
    return refuse(
      "replacementTypeMismatch",
      `更正后的事件类型（${EVENT_NAMES[next.replacement.type].zh}）与原事件（${EVENT_NAMES[target.type].zh}）不同。`,
      `The replacement (${EVENT_NAMES[next.replacement.type].en}) is not of the type of the event it replaces (${EVENT_NAMES[target.type].en}).`,
    );
  const after = effectiveEvents({ ...app, events: [...app.events, next] });
  // An application is its receipt: withdrawing it (or the amendment that put it in place)
  // would leave a row with nothing to count.
  if (!after.some((e) => e.type === "received"))
    return refuse(
      "receiptWithdrawn",
      "不能撤销申请的收到登记：申请必须有收到记录。如登记有误，请更正收到日期等内容。",
      "The receipt of an application can't be withdrawn: an application must have one. If it was recorded wrongly, amend it instead.",
    );
  const problem = historyProblem(after);
  if (!problem.ok)
    return {
      ok: false,
      code: "amendmentBreaksHistory",
      message: {
        zh: `更正后记录前后矛盾：${problem.message.zh}`,
        en: `After this amendment the history is inconsistent: ${problem.message.en}`,
      },
    };
  return { ok: true };
};

// ── The fold over a register ──────────────────────────────────────────────────

const TYPE_INDEX: Record<string, number> = Object.fromEntries(
  APPLICANT_TYPES.map((t, i) => [t, i]),
);
const NT = APPLICANT_TYPES.length;
// Counter rows: 0 newReceived, 1 carriedOver, 2..22 outcomes, 23 carriedForward.
const ROW_NEW = 0;
const ROW_OVER = 1;
const ROW_FORWARD = 2 + OUTCOMES.length;
const OUTCOME_INDEX: Record<string, number> = Object.fromEntries(
  OUTCOMES.map((o, i) => [o, 2 + i]),
);

/**
 * Adds one application's part of the period [from, to] (ISO dates, compared as strings) to
 * `counts` (Float64Array of 24 × 6). Per application: s = open at the end of the day before
 * `from` (received before it); e = open at the end of `to`; carriedOver += s; carriedForward
 * += e; newReceived += 1 when received in the period, or when, not s and received before, an
 * effective `reopened` in the period made it open again; the outcome row of the last
 * conclusion in the period += 1 when the last status event in the period is a conclusion (and
 * the application was open at some point in it). So s + new = concluded + e, always.
 */
const foldApplication = (
  events: readonly PlainEvent[],
  from: string,
  to: string,
  counts: Float64Array,
): void => {
  const n = events.length;
  const first = events[0];
  if (first === undefined) return;
  // Fast path: received [+ concluded], the bulk of any register.
  if (
    first.type === "received" &&
    (n === 1 || (n === 2 && events[1]!.type === "concluded" && events[1]!.date >= first.date))
  ) {
    const r = first.date;
    if (r > to) return;
    const col = TYPE_INDEX[first.applicantType] ?? 0;
    const c = n === 2 ? (events[1] as PlainEvent & { type: "concluded" }) : undefined;
    const s = r < from && (c === undefined || c.date >= from);
    if (r >= from) counts[ROW_NEW * NT + col]! += 1;
    else if (s) counts[ROW_OVER * NT + col]! += 1;
    else return; // concluded before the period
    if (c !== undefined && c.date <= to) counts[(OUTCOME_INDEX[c.outcome] ?? 0) * NT + col]! += 1;
    else counts[ROW_FORWARD * NT + col]! += 1;
    return;
  }
  let received: (PlainEvent & { type: "received" }) | undefined;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (e.type === "received") {
      received = e;
      break;
    }
  }
  if (received === undefined) return;
  const r = received.date;
  if (r > to) return;
  const col = TYPE_INDEX[received.applicantType] ?? 0;
  // The latest status event before the period and within it, by (date, recorded order).
  let beforeDate = "";
  let beforeConcluded = false;
  let inDate = "";
  let inEvent: PlainEvent | undefined;
  let reopenIn = false;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (e.type !== "concluded" && e.type !== "reopened") continue;
    const d = clampDate(e.date, r);
    if (d < from) {
      if (d >= beforeDate) {
        beforeDate = d;
        beforeConcluded = e.type === "concluded";
      }
    } else if (d <= to) {
      if (e.type === "reopened") reopenIn = true;
      if (d >= inDate) {
        inDate = d;
        inEvent = e;
      }
    }
  }
  const s = r < from && !beforeConcluded;
  const fresh = r >= from || (!s && reopenIn);
  if (!s && !fresh) return;
  if (s) counts[ROW_OVER * NT + col]! += 1;
  else counts[ROW_NEW * NT + col]! += 1;
  // With no status event in the period the application stays as it was: open.
  if (inEvent !== undefined && inEvent.type === "concluded")
    counts[(OUTCOME_INDEX[inEvent.outcome] ?? 0) * NT + col]! += 1;
  else counts[ROW_FORWARD * NT + col]! += 1;
};

const foldRegister = (register: Register, from: string, to: string): Float64Array => {
  const counts = new Float64Array((ROW_FORWARD + 1) * NT);
  const apps = register.applications;
  for (let i = 0; i < apps.length; i++) {
    const events = apps[i]!.events;
    foldApplication(
      hasAmendment(events) ? effectiveEvents(apps[i]!) : (events as PlainEvent[]),
      from,
      to,
      counts,
    );
  }
  return counts;
};

const countsRow = (counts: Float64Array, row: number): ApplicantCounts => {
  const out = emptyApplicantCounts();
  let total = 0;
  for (let t = 0; t < NT; t++) {
    const v = counts[row * NT + t]!;
    out[APPLICANT_TYPES[t]!] = v;
    total += v;
  }
  out.total = total;
  return out;
};

const addInto = (target: ApplicantCounts, add: ApplicantCounts) => {
  for (const c of REQUEST_COLUMNS) target[c] += add[c];
};

const yearBounds = (year: number) => {
  const y = String(year).padStart(4, "0");
  return { from: `${y}-01-01`, to: `${y}-12-31` };
};

/** Table from the counters: rows by applicant type, `total` = sum, totalProcessed = Σ outcomes. */
const toTable = (counts: Float64Array): RequestsTable => {
  const table = emptyRequestsTable();
  table.newReceived = countsRow(counts, ROW_NEW);
  table.carriedOver = countsRow(counts, ROW_OVER);
  OUTCOMES.forEach((o, i) => {
    table[o] = countsRow(counts, 2 + i);
    addInto(table.totalProcessed, table[o]);
  });
  table.carriedForward = countsRow(counts, ROW_FORWARD);
  return table;
};

const addOpeningBalances = (table: RequestsTable, register: Register, year: number) => {
  for (const ob of register.openingBalances ?? [])
    if (ob.year === year) for (const row of REQUEST_ROWS) addInto(table[row], ob.counts[row]);
};

/**
 * Section 三 of year `year` from the register: the fold of every application (see
 * `foldApplication`) by applicant type, plus the opening balances of that year cell-wise.
 * Every application balances in every year, so the table passes requests.balance,
 * requests.rowTotal and requests.outcomeTotal whenever the opening balances do.
 */
export const deriveRequests = (register: Register, year: number): RequestsTable => {
  const { from, to } = yearBounds(year);
  const table = toTable(foldRegister(register, from, to));
  addOpeningBalances(table, register, year);
  return table;
};

/** A cell of section 三 that is a flow of the year (not a stock): newReceived, an outcome row, totalProcessed. */
export type FlowCell = { row: RequestRow; column: RequestColumn; n: number };

/**
 * The non-zero flow cells one application adds to section 三 of `year`: what deriveRequests of
 * a register of that one application has in those rows, without building its tables (the
 * path of every event; tested equal).
 */
export const applicationFlows = (app: Application, year: number): FlowCell[] => {
  const { from, to } = yearBounds(year);
  const counts = new Float64Array((ROW_FORWARD + 1) * NT);
  foldApplication(
    hasAmendment(app.events) ? effectiveEvents(app) : (app.events as PlainEvent[]),
    from,
    to,
    counts,
  );
  const out: FlowCell[] = [];
  const row = (name: RequestRow, index: number) => {
    let total = 0;
    for (let t = 0; t < NT; t++) {
      const n = counts[index * NT + t]!;
      if (n !== 0) out.push({ row: name, column: APPLICANT_TYPES[t]!, n });
      total += n;
    }
    if (total !== 0) out.push({ row: name, column: "total", n: total });
  };
  row("newReceived", ROW_NEW);
  const processed = new Float64Array(NT);
  OUTCOMES.forEach((o, i) => {
    row(o, 2 + i);
    for (let t = 0; t < NT; t++) processed[t]! += counts[(2 + i) * NT + t]!;
  });
  let total = 0;
  for (let t = 0; t < NT; t++) {
    if (processed[t] !== 0)
      out.push({ row: "totalProcessed", column: APPLICANT_TYPES[t]!, n: processed[t]! });
    total += processed[t]!;
  }
  if (total !== 0) out.push({ row: "totalProcessed", column: "total", n: total });
  return out;
};

/** Findings when an opening balance does not balance itself or leaves anything open. */
export const checkOpeningBalance = (ob: OpeningBalance): Finding[] => {
  const findings = checkRequests(ob.counts);
  for (const c of REQUEST_COLUMNS) {
    const v = ob.counts.carriedForward[c];
    if (v !== 0 && typeof v === "number")
      findings.push({
        code: "value.invalid",
        severity: "error",
        cells: [requestCellPath("carriedForward", c)],
        message: {
          zh: `${ob.year} 年期初数的“结转下年度继续办理”应为 0（仍在办理的申请须逐件登记），此处为 ${v}。`,
          en: `The ${ob.year} opening balance must carry nothing forward (open applications are recorded one by one); it has ${v}.`,
        },
      });
  }
  return findings;
};

// ── Year to date ──────────────────────────────────────────────────────────────

export type YearToDate = {
  year: number;
  asOf: IsoDate;
  /** Open at the end of the previous year (上年结转). */
  carriedOver: ApplicantCounts;
  /** Received from 1 January to asOf, including reopenings of applications closed before. */
  received: ApplicantCounts;
  concluded: Record<Outcome, ApplicantCounts>;
  concludedByGroup: Record<OutcomeGroup, ApplicantCounts>;
  concludedTotal: ApplicantCounts;
  /** Open at the end of asOf. */
  openNow: ApplicantCounts;
  /** carriedOver + received = concludedTotal + openNow in every column. */
  balanced: boolean;
};

/**
 * Stock and flow of the year of `asOf`, from 1 January to the end of `asOf`, with that year's
 * opening balances. For asOf = 31 December it is section 三 of the year.
 */
export const summarize = (register: Register, asOf: IsoDate): YearToDate => {
  const year = Number(asOf.slice(0, 4));
  const { from } = yearBounds(year);
  const table = toTable(foldRegister(register, from, asOf));
  addOpeningBalances(table, register, year);
  return yearToDateOf(table, asOf);
};

/**
 * The year to date read off a section 三 table of the year of `asOf` that holds everything up to
 * `asOf`: the fold's (summarize), or the stored flows' when no event is dated after `asOf`.
 */
export const yearToDateOf = (table: RequestsTable, asOf: IsoDate): YearToDate => {
  const concluded = Object.fromEntries(OUTCOMES.map((o) => [o, table[o]])) as Record<
    Outcome,
    ApplicantCounts
  >;
  const concludedByGroup = Object.fromEntries(
    OUTCOME_GROUPS.map((g) => [g, emptyApplicantCounts()]),
  ) as Record<OutcomeGroup, ApplicantCounts>;
  for (const o of OUTCOMES) addInto(concludedByGroup[outcomeGroupOf(o)], table[o]);
  const balanced = REQUEST_COLUMNS.every(
    (c) =>
      table.carriedOver[c] + table.newReceived[c] ===
      table.totalProcessed[c] + table.carriedForward[c],
  );
  return {
    year: Number(asOf.slice(0, 4)),
    asOf,
    carriedOver: table.carriedOver,
    received: table.newReceived,
    concluded,
    concludedByGroup,
    concludedTotal: table.totalProcessed,
    openNow: table.carriedForward,
    balanced,
  };
};
