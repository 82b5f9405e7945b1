// OgiApi over HTTP with the API's own typed client (`createClient`, hc<AppType> from @ogi/api):
// the bot's service token plus the X-Telegram-User-Id header (the API then acts with that
// user's role). Every answer that is not a success is turned into an error here, in the fetch
// the client uses: ApiError (4xx, the API's `{ error: { message: { zh, en } } }`) or
// ApiUnavailable (no answer, 5xx, time-out).
import { createClient, IDEMPOTENCY_HEADER } from "@ogi/api";
import type { ApplicantType, IsoDate, Outcome } from "@ogi/domain";
import {
  ApiError,
  ApiUnavailable,
  type ApplicationInfo,
  type Me,
  type OgiApi,
  type RecordedEvent,
  type RecordOptions,
  type RegionSummary,
  type ReportWithFindings,
  type Summary,
} from "./api.ts";

export const TELEGRAM_USER_HEADER = "X-Telegram-User-Id";

export type HttpApiOptions = {
  baseUrl: string;
  serviceToken: string;
  fetch?: typeof fetch;
  /** Per request; a hung API must not hold a chat's queue forever. */
  timeoutMs?: number;
};

type Counts = Record<string, number>;
type SummaryOut = {
  agency: { code: string; name: string };
  year: number;
  asOf: string;
  carriedOver: Counts;
  received: Counts;
  concluded: Record<string, Counts>;
  concludedTotal: Counts;
  openNow: Counts;
  overdue: number;
  dueWithin5WorkingDays: number;
  balanced: boolean;
};
type ApplicationOut = {
  id: string;
  number: number;
  receivedOn: string;
  applicantType: string;
  status: "open" | "concluded";
  concludedOn: string | null;
  outcome: string | null;
  dueDate: string | null;
  overdue: boolean;
  workingDaysLeft?: number | null;
  events?: { id: string; type: string }[];
};

type MeOut = {
  kind: "admin" | "service" | "staff";
  memberships: {
    staffId: string;
    agencyCode: string;
    agencyName: string;
    role: "clerk" | "manager";
    name: string;
  }[];
};

const total = (c: Counts | undefined) => c?.total ?? 0;

export const toSummary = (s: SummaryOut): Summary => ({
  asOf: s.asOf,
  year: s.year,
  carriedOver: total(s.carriedOver),
  received: total(s.received),
  receivedByApplicantType: Object.fromEntries(
    Object.entries(s.received).filter(([k]) => k !== "total"),
  ) as Partial<Record<ApplicantType, number>>,
  concluded: total(s.concludedTotal),
  concludedByOutcome: Object.fromEntries(
    Object.entries(s.concluded).map(([o, c]) => [o, total(c)]),
  ) as Partial<Record<Outcome, number>>,
  open: total(s.openNow),
  overdue: s.overdue,
  dueSoon: s.dueWithin5WorkingDays,
  balanced: s.balanced,
});

const toApplication = (a: ApplicationOut): ApplicationInfo => ({
  id: a.id,
  number: a.number,
  applicantType: a.applicantType as ApplicantType,
  receivedOn: a.receivedOn,
  status: a.status,
  outcome: a.outcome as Outcome | null,
  concludedOn: a.concludedOn,
  dueDate: a.dueDate,
  overdue: a.overdue,
  ...(a.workingDaysLeft !== undefined ? { workingDaysLeft: a.workingDaysLeft } : {}),
});

/** The answer is the application as it is now; the event just recorded is the last one. */
const recordedOf = (
  r: ApplicationOut & { events: { id: string; type: string }[]; yearToDate?: SummaryOut },
  event: { type: string },
): RecordedEvent => {
  const recorded = [...r.events].reverse().find((e) => e.type === event.type);
  return {
    eventId: recorded?.id ?? "",
    application: toApplication(r),
    ...(r.yearToDate ? { yearToDate: toSummary(r.yearToDate) } : {}),
  };
};

const recordQuery = (options: RecordOptions | undefined) =>
  options?.yearToDate ? { yearToDate: "true" as const } : {};

const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED"]);
const isConnectionReset = (e: unknown): boolean => {
  for (let c: unknown = e, depth = 0; c && depth < 4; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string" && RESET_CODES.has(code)) return true;
    c = (c as { cause?: unknown }).cause;
  }
  return false;
};

/** The success variant of a typed response (failures have been thrown by `guardedFetch`). */
const ok = <R extends { ok: boolean }>(r: R): Extract<R, { ok: true }> => {
  if (!r.ok) throw new ApiUnavailable("unexpected failure status");
  return r as Extract<R, { ok: true }>;
};

/** fetch with a time-out, one retry on a dropped connection, and failures as errors. */
const guardedFetch =
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
      const body = (await res.json().catch(() => undefined)) as
        | { error?: { message?: { zh: string; en: string } } }
        | undefined;
      throw new ApiError(
        res.status,
        body?.error?.message ?? {
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
  const client = (as?: number) =>
    createClient(base, options.serviceToken, {
      ...(as !== undefined ? { telegramUserId: as } : {}),
      fetch: fetch_,
    });
  const idem = (key: string) => ({ headers: { [IDEMPOTENCY_HEADER]: key } });

  const api: OgiApi = {
    async link(inviteCode, telegramUserId, idempotencyKey) {
      const staff = await ok(
        await client().v1.staff.link.$post(
          { json: { inviteCode, telegramUserId } },
          idempotencyKey ? idem(idempotencyKey) : {},
        ),
      ).json();
      const m = await api.me(telegramUserId, staff.agencyCode);
      if (!m) throw new ApiUnavailable("linked, but the API does not know the user");
      return m;
    },
    async me(as, agencyCode) {
      let out: MeOut;
      try {
        out = await ok(await client(as).v1.me.$get()).json();
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
      const { agencies: list } = await ok(await client(as).v1.agencies.$get()).json();
      const own = list.find((a) => a.code === m.agencyCode);
      if (own?.regionCode && list.some((a) => a.parentCode === m.agencyCode))
        me.regionCode = own.regionCode;
      return me;
    },
    async register(as, agencyCode, body, idempotencyKey) {
      const c = client(as);
      const a = await ok(
        await c.v1.agencies[":code"].applications.$post(
          { param: { code: agencyCode }, json: body },
          idem(idempotencyKey),
        ),
      ).json();
      return {
        id: a.id,
        number: a.number,
        applicantType: body.applicantType,
        receivedOn: body.receivedOn,
        status: "open",
        dueDate: a.dueDate,
        // Its received event (for /undo).
        receivedEventId: a.receivedEventId,
      };
    },
    async applications(as, agencyCode, filter) {
      const list = client(as).v1.agencies[":code"].applications;
      const param = { code: agencyCode };
      const out: ApplicationInfo[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await ok(
          await list.$get({
            param,
            query: {
              limit: "1000",
              offset: String(offset),
              ...(filter.number !== undefined ? { number: String(filter.number) } : {}),
              ...(filter.status ? { status: filter.status } : {}),
            },
          }),
        ).json();
        const rows = page.applications;
        out.push(...rows.map(toApplication));
        if (rows.length < 1000) return out;
      }
    },
    async addEvent(as, applicationId, event, idempotencyKey, options) {
      const r = await ok(
        await client(as).v1.applications[":id"].events.$post(
          { param: { id: applicationId }, query: recordQuery(options), json: event },
          idem(idempotencyKey),
        ),
      ).json();
      return recordedOf(r, event);
    },
    async addEventByNumber(as, agencyCode, number, event, idempotencyKey, options) {
      const r = await ok(
        await client(as).v1.agencies[":code"].applications[":number"].events.$post(
          {
            param: { code: agencyCode, number: String(number) },
            query: recordQuery(options),
            json: event,
          },
          idem(idempotencyKey),
        ),
      ).json();
      return recordedOf(r, event);
    },
    async summary(as, agencyCode, asOf: IsoDate) {
      const s = await ok(
        await client(as).v1.agencies[":code"].summary.$get({
          param: { code: agencyCode },
          query: { asOf },
        }),
      ).json();
      return toSummary(s);
    },
    async regionSummary(as, regionCode, asOf) {
      const c = client(as);
      const s = await ok(
        await c.v1.regions[":code"].summary.$get({ param: { code: regionCode }, query: { asOf } }),
      ).json();
      // One line per agency the manager sees (their agency and those under it).
      const { agencies } = await ok(await c.v1.agencies.$get()).json();
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
      const r = await ok(
        await client(as).v1.agencies[":code"].reports[":year"].$get({
          param: { code: agencyCode, year: String(year) },
          query: {},
        }),
      ).json();
      return r as unknown as ReportWithFindings;
    },
    async regionReport(as, regionCode, year) {
      const r = await ok(
        await client(as).v1.regions[":code"].reports[":year"].$get({
          param: { code: regionCode, year: String(year) },
          query: {},
        }),
      ).json();
      return r as unknown as ReportWithFindings;
    },
    async regionReportHtml(as, regionCode, year) {
      const r = ok(
        await client(as).v1.regions[":code"].reports[":year"].$get({
          param: { code: regionCode, year: String(year) },
          query: { format: "html" },
        }),
      );
      return r.text();
    },
    async reportHtml(as, agencyCode, year) {
      const r = ok(
        await client(as).v1.agencies[":code"].reports[":year"].$get({
          param: { code: agencyCode, year: String(year) },
          query: { format: "html" },
        }),
      );
      return r.text();
    },
  };
  return api;
};
