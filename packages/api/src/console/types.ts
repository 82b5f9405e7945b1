// The API's answers as the console reads them (the routes' schemas say the same; see schemas.ts).
import type { Bilingual, Finding, ReportDraft } from "@ogi/domain";

export type Counts = Record<string, number>;

export type Summary = {
  agency: { code: string; name: string };
  year: number;
  asOf: string;
  carriedOver: Counts;
  received: Counts;
  concludedByGroup: Record<string, Counts>;
  concludedTotal: Counts;
  openNow: Counts;
  balanced: boolean;
  overdue: number;
  dueWithin5WorkingDays: number;
};

export type ApplicationItem = {
  id: string;
  agencyCode: string;
  number: number;
  subject: string | null;
  applicant?: { name?: string; contact?: string } | null;
  receivedOn: string;
  applicantType: string;
  channel: string;
  status: "open" | "concluded";
  concludedOn: string | null;
  outcome: string | null;
  dueDate: string | null;
  overdue: boolean;
  provisional: boolean;
  trace: Bilingual[];
  deadlineStatus: string;
  workingDaysLeft: number | null;
  registeredBy?: string | null;
};

export type ApplicationDetail = ApplicationItem & {
  events: {
    id: string;
    type: string;
    date: string;
    recordedAt: string;
    recordedBy: string | null;
    channel: string;
    event: Record<string, unknown>;
  }[];
};

export type RegionRow = {
  code: string;
  name: string;
  carriedOver: number;
  received: number;
  concluded: number;
  open: number;
  overdue: number;
  dueWithin5WorkingDays: number;
  balanced: boolean;
  report: "draft" | "published";
};

export type ServedReport = {
  status: "draft" | "published";
  publishedAt: string | null;
  report: ReportDraft;
  findings: Finding[];
};
