// The bot's view of the OGI API: the few calls it makes, over HTTP with the bot's service token,
// acting for the Telegram user who pressed the button. Errors are sorted into what the user can
// fix (ApiError: the API's own bilingual message) and what they cannot (ApiUnavailable).
// The answers and bodies on the wire are inferred from the API's typed client (type-only: this
// loads nothing of the API).
import type { Client } from "@ogi/api/client";
import type { ApplicantType, Bilingual, Channel, IsoDate, Outcome } from "@ogi/domain";
import type { InferRequestType, InferResponseType } from "hono/client";

type V1 = Client["v1"];
type AgencyRoutes = V1["agencies"][":code"];

/** GET /v1/agencies/{code}/summary (and the year to date a write answers with). */
export type SummaryOut = InferResponseType<AgencyRoutes["summary"]["$get"], 200>;
/** One application as GET /v1/agencies/{code}/applications lists it. */
export type ApplicationOut = InferResponseType<
  AgencyRoutes["applications"]["$get"],
  200
>["applications"][number];
/** GET /v1/me. */
export type MeOut = InferResponseType<V1["me"]["$get"], 200>;
/** The application after an event was recorded (POST …/events). */
export type RecordedOut = InferResponseType<V1["applications"][":id"]["events"]["$post"], 201>;
/** GET …/reports/{year} as JSON (the route also serves rendered text; the bot asks for JSON). */
export type ReportWithFindings = Extract<
  InferResponseType<AgencyRoutes["reports"][":year"]["$get"], 200>,
  { report: unknown }
>;
export type Role = "clerk" | "manager" | "admin";

/** One staff record of the user: an agency they act in, and their role there. */
export type Membership = {
  staffId: string;
  name: string;
  role: Role;
  agencyCode: string;
  agencyName: string;
};

/** The user as the bot acts for them: in one of their agencies (chosen with /agency). */
export type Me = Membership & {
  /** Set when the user manages a region: /summary then sums its agencies. */
  regionCode?: string | null;
  /** Every agency the user is linked in (most staff: one). */
  memberships: Membership[];
};

export type ApplicationInfo = {
  id: string;
  number: number;
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  status: "open" | "concluded";
  outcome?: Outcome | null;
  concludedOn?: IsoDate | null;
  dueDate?: IsoDate | null;
  /** Working days until the due date (negative: overdue). */
  workingDaysLeft?: number | null;
  overdue?: boolean;
  /** The due date counts days of a year whose holidays are not yet published (暂定). */
  provisional?: boolean;
  /** Why there is no due date, when there is none: the clock waits or stands (the API's). */
  deadlineStatus?: string;
  /** 申请内容. */
  subject?: string | null;
  /** The applicant's name and contact: only in answers to the agency's own staff (the API rules). */
  applicant?: { name?: string; contact?: string } | null;
};

/** Particulars added or corrected after registration (POST /applications/{id}/particulars). */
export type ParticularsInput = {
  subject?: string;
  applicant?: { name?: string; contact?: string };
  reason?: string;
};

export type Summary = {
  asOf: IsoDate;
  year: number;
  carriedOver: number;
  received: number;
  receivedByApplicantType?: Partial<Record<ApplicantType, number>>;
  concluded: number;
  concludedByOutcome: Partial<Record<Outcome, number>>;
  open: number;
  overdue: number;
  dueSoon?: number;
  balanced: boolean;
};

export type RegionSummary = Summary & {
  agencies: ({ code: string; name: string } & Summary)[];
};

/**
 * A registration as the bot sends it: the API's body, with the enumerations by their keys (the
 * API also accepts their Chinese names, so its own type reads them as any value).
 */
export type NewApplication = Omit<
  InferRequestType<AgencyRoutes["applications"]["$post"]>["json"],
  "applicantType" | "channel"
> & { applicantType: ApplicantType; channel?: Channel };

/** An event as the bot records it (the API gives it its id). */
export type EventInput = InferRequestType<V1["applications"][":id"]["events"]["$post"]>["json"];

export type RecordedEvent = {
  eventId: string;
  application: ApplicationInfo;
  /** The agency's year to date after the event, when asked for and to be had. */
  yearToDate?: Summary;
};

/** Asks the API to answer the agency's year to date with the recorded event. */
export type RecordOptions = { yearToDate?: boolean };

/** The calls the bot needs. `as` is the Telegram user id the call acts for. */
export type OgiApi = {
  /** Links the Telegram user to the invite's staff record; the user then acts in its agency. */
  link(inviteCode: string, telegramUserId: number, idempotencyKey?: string): Promise<Me>;
  /**
   * The staff record linked to this Telegram user, in `agencyCode` when they are linked there
   * (otherwise their first agency), or null if none.
   */
  me(as: number, agencyCode?: string): Promise<Me | null>;
  register(
    as: number,
    agencyCode: string,
    body: NewApplication,
    idempotencyKey: string,
  ): Promise<ApplicationInfo & { receivedEventId?: string; receiptRule?: Bilingual }>;
  /** Adds or corrects the subject or the applicant; the application as it is now. */
  amendParticulars(
    as: number,
    applicationId: string,
    body: ParticularsInput,
    idempotencyKey: string,
  ): Promise<ApplicationInfo>;
  applications(
    as: number,
    agencyCode: string,
    filter: { status?: "open" | "concluded"; number?: number },
  ): Promise<ApplicationInfo[]>;
  addEvent(
    as: number,
    applicationId: string,
    event: EventInput,
    idempotencyKey: string,
    options?: RecordOptions,
  ): Promise<RecordedEvent>;
  /** The same, naming the application by its agency and running number (no look-up first). */
  addEventByNumber(
    as: number,
    agencyCode: string,
    number: number,
    event: EventInput,
    idempotencyKey: string,
    options?: RecordOptions,
  ): Promise<RecordedEvent>;
  summary(as: number, agencyCode: string, asOf: IsoDate): Promise<Summary>;
  regionSummary(as: number, regionCode: string, asOf: IsoDate): Promise<RegionSummary>;
  report(as: number, agencyCode: string, year: number): Promise<ReportWithFindings>;
  reportHtml(as: number, agencyCode: string, year: number): Promise<string>;
  /** The cell-wise sum of the reports of a region's agencies (a county's summary). */
  regionReport(as: number, regionCode: string, year: number): Promise<ReportWithFindings>;
  regionReportHtml(as: number, regionCode: string, year: number): Promise<string>;
  /** The report as a Word or PDF file, with the file name the API gives it. */
  reportFile(
    as: number,
    agencyCode: string,
    year: number,
    format: "docx" | "pdf",
  ): Promise<{ bytes: Uint8Array; filename: string }>;

  /** A one-time sign-in link to the web console for the user (absent: no console to offer). */
  signInLink?(as: number): Promise<{ url: string; expiresAt: string }>;
};

/** The API refused the request (4xx): its message says why, in both languages. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly messages: Bilingual;
  constructor(status: number, messages: Bilingual) {
    super(`${status}: ${messages.en}`);
    this.status = status;
    this.messages = messages;
  }
}

/** The API could not be reached or failed (network error, 5xx). */
export class ApiUnavailable extends Error {
  override name = "ApiUnavailable";
}
