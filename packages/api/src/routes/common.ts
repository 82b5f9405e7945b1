import { OpenAPIHono } from "@hono/zod-openapi";
import type { AgencyRow, ApplicationRow, StaffRow, StoredApplication } from "@ogi/db";
import { type DeadlineView, deadlineView } from "../calendar.ts";
import type { AppEnv, Principal } from "../context.ts";
import { seesApplicant } from "../context.ts";
import { invalid, zodIssues } from "../errors.ts";

/** A sub-app whose validation failures become 400 (path, query, headers) or 422 (body). */
export const subApp = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = result.target;
        const status = target === "json" || target === "form" ? 422 : 400;
        throw invalid(zodIssues(result.error, target === "json" ? undefined : target), status);
      }
    },
  });

export const bearer = [{ bearer: [] }];

export const agencyJson = (a: AgencyRow) => ({
  code: a.code,
  name: a.name,
  regionCode: a.regionCode,
  parentCode: a.parentCode,
  kind: a.kind,
});

export const staffJson = (s: StaffRow) => ({
  id: s.id,
  agencyCode: s.agencyCode,
  name: s.name,
  role: s.role,
  linked: s.telegramUserId !== null || s.linkedAt !== null,
  revoked: s.revokedAt !== null,
});

/** An application as the API returns it; its deadline (due date, trace, status) derived on read. */
export const applicationJson = (
  row: ApplicationRow,
  p: Principal,
  today: string,
  deadline: DeadlineView,
) => ({
  id: row.id,
  agencyCode: row.agencyCode,
  number: row.number,
  subject: row.subject,
  ...(seesApplicant(p, row.agencyCode) ? { applicant: row.applicant ?? null } : {}),
  receivedOn: row.receivedOn,
  applicantType: row.applicantType,
  channel: row.channel,
  status: row.status,
  concludedOn: row.concludedOn,
  outcome: row.outcome,
  overdue: row.status === "open" && row.dueDate !== null && row.dueDate < today,
  ...deadline,
});

export const applicationDetailJson = (s: StoredApplication, p: Principal, today: string) => ({
  ...applicationJson(s.row, p, today, deadlineView(s.application, today)),
  events: s.events.map((e) => ({
    id: e.eventId,
    type: e.type,
    date: e.date,
    recordedAt: e.recordedAt.toISOString(),
    recordedBy: e.recordedBy,
    channel: e.channel,
    event: e.payload as Record<string, unknown>,
  })),
});
