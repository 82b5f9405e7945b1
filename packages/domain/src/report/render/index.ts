// renderReport: one report in the official layout as Markdown, an HTML page, chat text or CSV.
// Each format's exact layout is described at the top of its file (for parsers reading it back).
import type { ReportDraft } from "../schema.ts";
import type { RenderOptions } from "./common.ts";
import { renderCsv } from "./csv.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderText } from "./text.ts";

export {
  type Lang,
  RENDER_FORMATS,
  REPORT_TITLE,
  type RenderFormat,
  type RenderOptions,
  reportTitle,
  requestRowLevels,
  TITLE_PATTERN,
} from "./common.ts";
export { CSV_HEADER } from "./csv.ts";
export { escapeHtml } from "./html.ts";
export {
  FINDINGS_HEADING,
  type LayoutBlock,
  type LayoutCell,
  type LayoutTable,
  type Publication,
  type PublicationOptions,
  reportPreamble,
  reportPublication,
  signOffDate,
  WATERMARK,
} from "./layout.ts";
export { escapeMarkdown, unescapeMarkdown } from "./markdown.ts";
export {
  displayWidth,
  renderRequestsText,
  SHORT_APPLICANT_LABELS,
  SHORT_ROW_LABELS,
  TEXT_WIDTH,
} from "./text.ts";

/** Renders a report in the official layout, as Markdown, an HTML page, chat text or CSV. */
export const renderReport = (report: ReportDraft, options: RenderOptions): string => {
  const lang = options.lang ?? "zh";
  switch (options.format) {
    case "md":
      return renderMarkdown(report, lang);
    case "html":
      return renderHtml(report, lang, {
        draft: options.draft ?? options.findings !== undefined,
        ...(options.findings ? { findings: options.findings } : {}),
        ...(options.date ? { date: options.date } : {}),
      });
    case "txt":
      return renderText(report, lang);
    case "csv":
      return renderCsv(report, lang);
  }
};
