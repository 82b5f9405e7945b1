// parseReport: a published annual report (web text, pdftotext output, HTML, PDF, or our own
// renderings and canonical JSON) into the canonical JSON, with findings. The kind of input is
// told from its content first (PDF magic, the zip of a .docx, markup, JSON), then from the file name.
import type { Finding } from "../findings.ts";
import { checkReport } from "../rules/index.ts";
import { type ReportDraft, reportDraftSchema } from "../schema.ts";
import { docxToHtml, isZip } from "./docx-source.ts";
import { assertHtmlDepth, htmlToSource } from "./html-source.ts";
import { ImportError, importErrors } from "./import-error.ts";
import {
  isOwnCsv,
  isOwnHtml,
  isOwnMarkdown,
  isOwnText,
  readOwnCsv,
  readOwnHtml,
  readOwnMarkdown,
  readOwnText,
} from "./own-formats.ts";
import type { PdfReadOptions } from "./pdf-source.ts";
import { readDocument } from "./read-document.ts";
import { type SourceDoc, textToSource } from "./source-lines.ts";
import {
  docHasTraditional,
  hasTraditional,
  loadedSimplifier,
  loadSimplifier,
  simplifyDoc,
} from "./traditional.ts";

/**
 * What an import gives: the report as read (blank cells null) and the findings, the import's first.
 */
export type ParseResult = { report: ReportDraft; findings: Finding[] };
/** Options of `parseReport`: the file name (to tell the kind) and the PDF reader's options. */
export type ParseOptions = { filename?: string; pdf?: PdfReadOptions };

/** A report's text is well under 1 MB; ten times that is not one report. */
const MAX_CHARS = 10_000_000;

const finish = (source: SourceDoc): ParseResult => {
  // Traditional characters read as simplified, when the converter is loaded (parseReport
  // loads it for a report that needs it).
  const simplify = loadedSimplifier();
  const doc = simplify && docHasTraditional(source) ? simplifyDoc(source, simplify) : source;
  const { report, findings, recognized } = readDocument(doc);
  if (recognized === 0) throw importErrors.notAReport();
  // The import's own findings first (they explain the checks' findings), then the checks.
  return { report, findings: [...findings, ...checkReport(report)] };
};

const looksBinary = (text: string): boolean => {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 65536);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (
      (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ||
      c === 0xfffd ||
      (c >= 0x7f && c < 0xa0)
    )
      bad++;
  }
  return bad > Math.max(2, sample.length * 0.01);
};

const checkText = (text: string): string => {
  if (text.trim() === "") throw importErrors.empty();
  if (looksBinary(text)) throw importErrors.binary();
  if (text.length > MAX_CHARS) throw importErrors.tooLarge(text.length);
  return text;
};

const own = (report: ReportDraft | null): ParseResult | null =>
  report ? { report, findings: checkReport(report) } : null;

/**
 * Reads a report from text: copied from a web page (tab-separated tables), `pdftotext` output
 * (-layout or not), Markdown, or our own Markdown, chat text and CSV renderings (exactly).
 */
export const parseReportText = (text: string): ParseResult => {
  const checked = checkText(text);
  const exact =
    (isOwnCsv(checked) && own(readOwnCsv(checked))) ||
    (isOwnMarkdown(checked) && own(readOwnMarkdown(checked))) ||
    (isOwnText(checked) && own(readOwnText(checked)));
  return exact || finish(textToSource(checked));
};

/**
 * Reads a report from an HTML page: tables with rowspan/colspan expanded into a grid, prose
 * from the paragraphs; our own HTML rendering exactly (by its data attributes).
 */
export const parseReportHtml = (html: string): ParseResult => {
  const checked = checkText(html);
  assertHtmlDepth(checked);
  return (isOwnHtml(checked) && own(readOwnHtml(checked))) || finish(htmlToSource(checked));
};

const parseJson = (text: string): ParseResult => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw importErrors.invalidJson((e as Error).message);
  }
  // Accept the report itself or an object carrying it ({ report, findings }).
  const candidate =
    data && typeof data === "object" && "report" in data && !("requests" in data)
      ? (data as { report: unknown }).report
      : data;
  const parsed = reportDraftSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw importErrors.invalidJson(
      issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid",
    );
  }
  return { report: parsed.data, findings: checkReport(parsed.data) };
};

const isPdf = (bytes: Uint8Array): boolean => {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
};

const decodeText = (bytes: Uint8Array): string => {
  // UTF-8 first (with or without BOM), then GB18030, which many government sites still use.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
      if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw importErrors.binary();
    }
  }
};

const extensionOf = (filename?: string) => {
  const ext = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  return ext === "htm" || ext === "xhtml" ? "html" : ext;
};

/** An HTML page: a document start, or several block tags. */
const looksHtml = (text: string) =>
  /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(text) ||
  (text.slice(0, 200_000).match(/<(?:table|tbody|body|div|p|tr|td|th|span|br)[\s>/]/gi)?.length ??
    0) >= 5;

/** JSON when it says so (.json) or when it parses as an object. */
const isJson = (text: string, ext: string) => {
  if (ext === "json") return true;
  const t = text.trim();
  if (!t.startsWith("{") || !t.endsWith("}")) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

/**
 * Reads a published report into the canonical JSON. `input` is the file's bytes or its text.
 * Throws `ImportError` when the input cannot be read at all (a scanned PDF, binary data,
 * something that is not an annual report); everything else is findings.
 */
export const parseReport = async (
  input: string | Uint8Array,
  options: ParseOptions = {},
): Promise<ParseResult> => {
  const ext = extensionOf(options.filename);
  if (typeof input !== "string") {
    if (input.length === 0) throw importErrors.empty();
    if (isPdf(input)) return readPdf(input, options);
    if (isZip(input)) {
      const html = docxToHtml(input);
      if (hasTraditional(html.slice(0, 200_000))) await loadSimplifier();
      return parseReportHtml(html);
    }
    input = decodeText(input);
  } else if (input.startsWith("%PDF-")) {
    // PDF bytes passed as a binary string.
    const bytes = Uint8Array.from(input, (ch) => ch.charCodeAt(0) & 0xff);
    return readPdf(bytes, options);
  }
  const text = checkText(input);
  if (hasTraditional(text.slice(0, 200_000))) await loadSimplifier();
  if (isJson(text, ext)) return parseJson(text);
  // Our own renderings first: their text may contain anything, markup included.
  if (isOwnCsv(text) || isOwnMarkdown(text) || isOwnText(text)) return parseReportText(text);
  if (isOwnHtml(text) || looksHtml(text) || (ext === "html" && /<[a-z]/i.test(text)))
    return parseReportHtml(text);
  return parseReportText(text);
};

const readPdf = async (bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> => {
  const { pdfToSource } = await import("./pdf-source.ts");
  const doc = await pdfToSource(bytes, options.pdf);
  if (docHasTraditional(doc)) await loadSimplifier();
  return finish(doc);
};

export { ImportError };
