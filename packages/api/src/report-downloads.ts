// The report as a page or a file (the report routes' ?format=): Markdown, HTML, text and CSV
// from the domain, Word, PDF and Excel from @ogi/documents, written in the document workers
// (documents/reader-pool.ts: a PDF's CPU never holds up the API's thread; 503 renderBusy when
// they are all busy), with their content types and a Chinese file name. Kept apart from the
// routes, which only choose it.
import { z } from "@hono/zod-openapi";
import {
  contentDisposition,
  DOCUMENT_CONTENT_TYPES,
  isDocumentFormat,
  safeFileName,
} from "@ogi/documents";
import { type Finding, type ReportDraft, renderReport, reportTitle } from "@ogi/domain";
import type { Context, TypedResponse } from "hono";
import type { Deps } from "./context.ts";
import { todayIn } from "./domain.ts";
import { errorSchema, errorsFor, reportOut, type reportQuery } from "./schemas.ts";

const CONTENT_TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  ...DOCUMENT_CONTENT_TYPES,
} as const;

const binary = { schema: z.string().openapi({ format: "binary" }) };
export const reportResponses = {
  200: {
    content: {
      "application/json": { schema: reportOut },
      "text/markdown": { schema: z.string() },
      "text/html": { schema: z.string() },
      "text/plain": { schema: z.string() },
      "text/csv": { schema: z.string() },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": binary,
      "application/pdf": binary,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": binary,
    },
    description:
      "The report with its findings (JSON), or rendered with ?format=md|html|txt|csv|docx|pdf|xlsx (a draft is watermarked 草稿; ?findings=true lists a draft's findings)",
  },
  ...errorsFor(400, 401, 403, 404),
  503: {
    content: { "application/json": { schema: errorSchema } },
    description:
      "Every worker writing Word, PDF or Excel files is busy (renderBusy, with Retry-After) / 正在生成的文件过多",
  },
} as const;

type RenderQuery = {
  format: Exclude<z.infer<typeof reportQuery>["format"], "json">;
  lang: "zh" | "en";
  findings: "true" | "false";
};

/** Typed as text for the client's sake: a binary body is bytes all the same. */
type Rendered = Response & TypedResponse<string, 200, "body">;

/**
 * The report as a page or a file. A draft is marked as one; its findings are listed only when
 * asked (?findings=true), a published report's never. The 落款 carries the publication date,
 * or today's for a draft. Word, PDF and Excel come as attachments named in Chinese.
 */
export const rendered = async (
  c: Context,
  deps: Deps,
  served: {
    status: "draft" | "published";
    publishedAt: string | null;
    report: ReportDraft;
    findings: Finding[];
  },
  q: RenderQuery,
): Promise<Rendered> => {
  const draft = served.status === "draft";
  const options = {
    lang: q.lang,
    draft,
    date: served.publishedAt?.slice(0, 10) ?? todayIn(deps.clock.now()),
    ...(draft && q.findings === "true" ? { findings: served.findings } : {}),
  };
  if (!isDocumentFormat(q.format))
    return c.body(renderReport(served.report, { format: q.format, ...options }), 200, {
      "content-type": CONTENT_TYPES[q.format],
    });
  if (deps.documents === undefined) throw new Error("createApp sets deps.documents");
  const bytes = await deps.documents.render(served.report, { format: q.format, ...options });
  const title =
    reportTitle(served.report, q.lang) + (draft ? (q.lang === "zh" ? "（草稿）" : " (draft)") : "");
  const ascii = `report-${served.report.year}${draft ? "-draft" : ""}.${q.format}`;
  const body = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  return c.body(body, 200, {
    "content-type": CONTENT_TYPES[q.format],
    "content-disposition": contentDisposition(`${safeFileName(title)}.${q.format}`, ascii),
  }) as unknown as Rendered;
};
