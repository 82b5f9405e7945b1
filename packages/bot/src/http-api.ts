// OgiApi over HTTP with the API's own typed client (`createClient`, hc<AppType> from
// @ogi/api/client, which loads nothing of the server): the bot's service token plus the
// Telegram user header (the API then acts with that user's role). Every answer's type is
// inferred from the client; every answer that is not a success is turned into an error here, in
// the fetch the client uses: ApiError (4xx, the API's `{ error: { message: { zh, en } } }`) or
// ApiUnavailable (no answer, 5xx, time-out).
import { type ChatPlatform, createClient, IDEMPOTENCY_HEADER } from "@ogi/api/client";
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type Bilingual,
  type IsoDate,
  OUTCOMES,
  type Outcome,
} from "@ogi/domain";
import { parseResponse } from "hono/client";
import { z } from "zod";
import {
  ApiError,
  ApiUnavailable,
  type ApplicationInfo,
  type ApplicationOut,
  type Me,
  type MeOut,
  type OgiApi,
  type RecordedEvent,
  type RecordedOut,
  type RecordOptions,
  type RegionSummary,
  type ReportWithFindings,
  type Summary,
  type SummaryOut,
} from "./api.ts";

export type HttpApiOptions = {
  baseUrl: string;
  serviceToken: string;
  fetch?: typeof fetch;
  /** Per request; a hung API must not hold a chat's queue forever. */
  timeoutMs?: number;
  /**
   * `wecom:ZhangSan` for a bridge's user number (transports/bridge/chat-users.ts): the API is
   * then told who acts by X-Chat-User; undefined: a Telegram user.
   */
  chatUserOf?: (as: number) => string | undefined;

  /** Where people open the web console (default: baseUrl), for the links of /web. */
  consoleUrl?: string | undefined;
};

type Counts = Record<string, number>;
const total = (c: Counts | undefined) => c?.total ?? 0;

/** The counts of the keys the bot knows (the API's columns are a record of names). */
const known = <K extends string>(all: readonly K[], c: Counts, count: (n: number) => number) => {
  const out: Partial<Record<K, number>> = {};
  for (const k of all) {
    const n = c[k];
    if (n !== undefined) out[k] = count(n);
  }
  return out;
};

export const toSummary = (s: SummaryOut): Summary => ({
  asOf: s.asOf,
  year: s.year,
  carriedOver: total(s.carriedOver),
  received: total(s.received),
  receivedByApplicantType: known(APPLICANT_TYPES, s.received, (n) => n),
  concluded: total(s.concludedTotal),
  concludedByOutcome: known(
    OUTCOMES,
    Object.fromEntries(Object.entries(s.concluded).map(([o, c]) => [o, total(c)])),
    (n) => n,
  ),
  open: total(s.openNow),
  overdue: s.overdue,
  dueSoon: s.dueWithin5WorkingDays,
  balanced: s.balanced,
});

/** One of `all`, or an answer this bot cannot read (an API newer than the bot). */
const oneOf = <T extends string>(all: readonly T[], value: string, what: string): T => {
  const found = all.find((x) => x === value);
  if (found === undefined) throw new ApiUnavailable(`unknown ${what} "${value}" in the answer`);
  return found;
};

const toApplication = (a: ApplicationOut): ApplicationInfo => ({
  id: a.id,
  number: a.number,
  applicantType: oneOf<ApplicantType>(APPLICANT_TYPES, a.applicantType, "applicant type"),
  receivedOn: a.receivedOn,
  status: a.status,
  outcome: a.outcome === null ? null : oneOf<Outcome>(OUTCOMES, a.outcome, "outcome"),
  concludedOn: a.concludedOn,
  dueDate: a.dueDate,
  overdue: a.overdue,
  workingDaysLeft: a.workingDaysLeft,
  provisional: a.provisional,
  deadlineStatus: a.deadlineStatus,
  subject: a.subject,
  ...("applicant" in a ? { applicant: a.applicant ?? null } : {}),
});

/** The answer is the application as it is now; the event just recorded is the last one. */
const recordedOf = (r: RecordedOut, event: { type: string }): RecordedEvent => {
  const recorded = [...r.events].reverse().find((e) => e.type === event.type);
  return {
    eventId: recorded?.id ?? "",
    application: toApplication(r),
    ...(r.yearToDate ? { yearToDate: toSummary(r.yearToDate) } : {}),
  };
};

/** A report asked for as JSON: an answer in another format is the API's fault, not the user's. */
const reportOf = (r: ReportWithFindings | string | Response): ReportWithFindings => {
  if (typeof r === "string" || r instanceof Response)
    throw new ApiUnavailable("the report came back as text, not JSON");
  return r;
};

const recordQuery = (options: RecordOptions | undefined) =>
  options?.yearToDate ? { yearToDate: "true" as const } : {};

/** The API's refusal: `{ error: { message: { zh, en } } }` (anything else gets a general message). */
const errorBody = z.object({
  error: z.object({
    message: z.object({ zh: z.string(), en: z.string() }),
    issues: z.array(z.object({ message: z.string() })).optional(),
  }),
});
/**
 * The refusal as the person reads it: a refused body's own issues (each "中文 / English"), not the
 * API's pointer to them ("见 issues"), which means nothing in a chat.
 */
const errorMessage = (body: unknown): Bilingual | undefined => {
  const error = errorBody.safeParse(body).data?.error;
  if (!error?.issues?.length) return error?.message;
  const parts = error.issues.slice(0, 3).map(({ message }) => {
    const i = message.indexOf(" / ");
    return i < 0
      ? { zh: message, en: message }
      : { zh: message.slice(0, i), en: message.slice(i + 3) };
  });
  return {
    zh: `请求内容有误：${parts.map((p) => p.zh).join("；")}`,
    en: `The request is invalid: ${parts.map((p) => p.en).join("; ")}`,
  };
};

const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"]);
const isConnectionReset = (e: unknown): boolean => {
  for (let c: unknown = e, depth = 0; c && depth < 4; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string" && RESET_CODES.has(code)) return true;
    c = (c as { cause?: unknown }).cause;
  }
  return false;
};

/** fetch with a time-out, one retry on a dropped connection, and failures as errors. */
export const guardedFetch =
  (inner: typeof fetch, timeoutMs: number): typeof fetch =>
  async (input, init) => {
    const what = `${init?.method ?? "GET"} ${input instanceof Request ? input.url : String(input)}`;
    // A read is safe to repeat, and so is every write: each carries its Idempotency-Key.
    const attempt = () => inner(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    let res: Response;
    try {
      try {
        res = await attempt();
      } catch (e) {
        // A kept-alive connection the server closed as it was reused: once more, on a new one.
        if (!isConnectionReset(e)) throw e;
        res = await attempt();
      }
    } catch (e) {
      throw new ApiUnavailable(`${what}: ${(e as Error).message}`, { cause: e });
    }
    if (res.status >= 500)
      throw new ApiUnavailable(`${what}: ${res.status} ${await res.text().catch(() => "")}`);
    if (!res.ok) {
      throw new ApiError(
        res.status,
        errorMessage(await res.json().catch(() => undefined)) ?? {
          zh: `登记系统拒绝了请求（${res.status}）`,
          en: `The register refused the request (${res.status})`,
        },
      );
    }
    return res;
  };

export const createHttpApi = (options: HttpApiOptions): OgiApi => {
  const base = options.baseUrl.replace(/\/+$/, "");
  const fetch_ = guardedFetch(options.fetch ?? fetch, options.timeoutMs ?? 15_000);
  /** The typed client acting for a Telegram user (or as the service itself). */
  const client = (as?: number) => {
    const chatUser = as === undefined ? undefined : options.chatUserOf?.(as);
    return createClient(base, options.serviceToken, {
      ...(chatUser !== undefined ? { chatUser } : as !== undefined ? { telegramUserId: as } : {}),
      fetch: fetch_,
    });
  };
  const idem = (key: string) => ({ headers: { [IDEMPOTENCY_HEADER]: key } });

  const api: OgiApi = {
    async signInLink(as) {
      const { path, expiresAt } = await parseResponse(client(as).v1["sign-in-links"].$post());
      return { url: new URL(path, `${options.consoleUrl ?? base}/`).toString(), expiresAt };
    },
    async link(inviteCode, telegramUserId, idempotencyKey) {
      const chatUser = options.chatUserOf?.(telegramUserId);
      const i = chatUser?.indexOf(":") ?? -1;
      const who =
        chatUser !== undefined && i > 0
          ? {
              platform: chatUser.slice(0, i) as ChatPlatform,
              externalId: chatUser.slice(i + 1),
            }
          : { telegramUserId };
      const staff = await parseResponse(
        client().v1.staff.link.$post(
          { json: { inviteCode, ...who } },
          idempotencyKey ? idem(idempotencyKey) : {},
        ),
      );
      const m = await api.me(telegramUserId, staff.agencyCode);
      if (!m) throw new ApiUnavailable("linked, but the API does not know the user");
      return m;
    },
    async me(as, agencyCode) {
      let out: MeOut;
      try {
        out = await parseResponse(client(as).v1.me.$get());
      } catch (e) {
        // 403 notLinked: this Telegram user is no staff member (or was revoked).
        if (e instanceof ApiError && (e.status === 403 || e.status === 401 || e.status === 404))
          return null;
        throw e;
      }
      // The agency asked for, if the user is linked there; otherwise the first.
      const m = out.memberships.find((x) => x.agencyCode === agencyCode) ?? out.memberships[0];
      if (!m && out.kind === "admin")
        throw new ApiError(403, {
          zh: "系统管理员账号不属于任何机关，不能通过机器人登记；请用工作人员的邀请码关联。",
          en: "An administrator's account belongs to no agency and cannot record through the bot; link a staff member's invite code instead.",
        });
      if (!m) return null;
      const membership = (x: MeOut["memberships"][number]) => ({
        staffId: x.staffId,
        name: x.name,
        role: x.role,
        agencyCode: x.agencyCode,
        agencyName: x.agencyName,
      });
      const me: Me = { ...membership(m), memberships: out.memberships.map(membership) };
      if (m.role !== "manager") return me;
      // A manager of an agency that others sit under (a county government) manages a region.
      const { agencies: list } = await parseResponse(client(as).v1.agencies.$get());
      const own = list.find((a) => a.code === m.agencyCode);
      if (own?.regionCode && list.some((a) => a.parentCode === m.agencyCode))
        me.regionCode = own.regionCode;
      return me;
    },
    async register(as, agencyCode, body, idempotencyKey) {
      const c = client(as);
      const a = await parseResponse(
        c.v1.agencies[":code"].applications.$post(
          { param: { code: agencyCode }, json: body },
          idem(idempotencyKey),
        ),
      );
      return {
        id: a.id,
        number: a.number,
        applicantType: body.applicantType,
        receivedOn: body.receivedOn,
        status: "open",
        dueDate: a.dueDate,
        provisional: a.provisional,
        ...(body.subject ? { subject: body.subject } : {}),
        ...(body.applicant ? { applicant: body.applicant } : {}),
        // Its received event (for /undo).
        receivedEventId: a.receivedEventId,
        // Which day counts as received for its channel (第三十一条).
        receiptRule: a.receiptRule,
      };
    },
    async amendParticulars(as, applicationId, body, idempotencyKey) {
      const r = await parseResponse(
        client(as).v1.applications[":id"].particulars.$post(
          { param: { id: applicationId }, json: body },
          idem(idempotencyKey),
        ),
      );
      return toApplication(r);
    },
    async applications(as, agencyCode, filter) {
      const list = client(as).v1.agencies[":code"].applications;
      const param = { code: agencyCode };
      const out: ApplicationInfo[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await parseResponse(
          list.$get({
            param,
            query: {
              limit: "1000",
              offset: String(offset),
              ...(filter.number !== undefined ? { number: String(filter.number) } : {}),
              ...(filter.status ? { status: filter.status } : {}),
            },
          }),
        );
        const rows = page.applications;
        out.push(...rows.map(toApplication));
        if (rows.length < 1000) return out;
      }
    },
    async addEvent(as, applicationId, event, idempotencyKey, options) {
      const r = await parseResponse(
        client(as).v1.applications[":id"].events.$post(
          { param: { id: applicationId }, query: recordQuery(options), json: event },
          idem(idempotencyKey),
        ),
      );
      return recordedOf(r, event);
    },
    async addEventByNumber(as, agencyCode, number, event, idempotencyKey, options) {
      const r = await parseResponse(
        client(as).v1.agencies[":code"].applications[":number"].events.$post(
          {
            param: { code: agencyCode, number: String(number) },
            query: recordQuery(options),
            json: event,
          },
          idem(idempotencyKey),
        ),
      );
      return recordedOf(r, event);
    },
    async summary(as, agencyCode, asOf: IsoDate) {
      const s = await parseResponse(
        client(as).v1.agencies[":code"].summary.$get({
          param: { code: agencyCode },
          query: { asOf },
        }),
      );
      return toSummary(s);
    },
    async regionSummary(as, regionCode, asOf) {
      const c = client(as);
      const s = await parseResponse(
        c.v1.regions[":code"].summary.$get({ param: { code: regionCode }, query: { asOf } }),
      );
      // One line per agency the manager sees (their agency and those under it).
      const { agencies } = await parseResponse(c.v1.agencies.$get());
      const lines = await Promise.all(
        agencies.map(async (a) => ({
          code: a.code,
          name: a.name,
          ...(await api.summary(as, a.code, asOf)),
        })),
      );
      return { ...toSummary(s), agencies: lines } satisfies RegionSummary;
    },
    async report(as, agencyCode, year) {
      const r = await parseResponse(
        client(as).v1.agencies[":code"].reports[":year"].$get({
          param: { code: agencyCode, year: String(year) },
          query: {},
        }),
      );
      return reportOf(r);
    },
    async regionReport(as, regionCode, year) {
      const r = await parseResponse(
        client(as).v1.regions[":code"].reports[":year"].$get({
          param: { code: regionCode, year: String(year) },
          query: {},
        }),
      );
      return reportOf(r);
    },
    async regionReportHtml(as, regionCode, year) {
      const r = await client(as).v1.regions[":code"].reports[":year"].$get({
        param: { code: regionCode, year: String(year) },
        query: { format: "html" },
      });
      return r.text();
    },
    async reportFile(as, agencyCode, year, format) {
      const r = await client(as).v1.agencies[":code"].reports[":year"].$get({
        param: { code: agencyCode, year: String(year) },
        query: { format },
      });
      if (!r.ok) await parseResponse(Promise.resolve(r));
      // The Chinese name from filename* (RFC 8187), else the plain one.
      const disposition = r.headers.get("content-disposition") ?? "";
      const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
      const filename = star
        ? decodeURIComponent(star)
        : (plain ?? `${agencyCode}-${year}.${format}`);
      return { bytes: new Uint8Array(await r.arrayBuffer()), filename };
    },
    async reportHtml(as, agencyCode, year) {
      const r = await client(as).v1.agencies[":code"].reports[":year"].$get({
        param: { code: agencyCode, year: String(year) },
        query: { format: "html" },
      });
      return r.text();
    },
  };
  return api;
};
