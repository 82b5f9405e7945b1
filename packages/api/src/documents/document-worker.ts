// A document worker (worker_threads), one job at a time: reads a published report with
// @ogi/domain's parseReport, or writes a report as Word, PDF or Excel with @ogi/documents, and
// posts the result back. The pool ends it on a time-out and caps its heap: a pathological
// document, or a PDF's 100–300 ms of CPU, costs this thread, never the API's event loop.
// @ogi/documents (pdfmake, the fonts) is loaded the first time this worker writes a file.
import { parentPort } from "node:worker_threads";
import { emptyReport, ImportError, type PdfProgress, parseReport } from "@ogi/domain";
import type { ContentLimit } from "./limits.ts";
import type {
  ReadReply,
  ReadRequest,
  RenderReply,
  RenderRequest,
  WorkerRequest,
} from "./protocol.ts";

class LimitHit {
  readonly limit: ContentLimit;
  readonly max: number;
  constructor(limit: ContentLimit, max: number) {
    this.limit = limit;
    this.max = max;
  }
}

const read = async (req: ReadRequest): Promise<ReadReply> => {
  const { limits } = req;
  const check = (p: PdfProgress) => {
    if (p.pages > limits.maxPages) throw new LimitHit("pages", limits.maxPages);
    if (p.textRuns > limits.maxTextRuns) throw new LimitHit("textRuns", limits.maxTextRuns);
    if (p.characters > limits.maxCharacters) throw new LimitHit("characters", limits.maxCharacters);
  };
  try {
    const input = req.text ? new TextDecoder().decode(req.bytes) : req.bytes;
    if (typeof input === "string" && input.length > limits.maxCharacters)
      throw new LimitHit("characters", limits.maxCharacters);
    const options = { pdf: { onRead: check }, ...(req.filename ? { filename: req.filename } : {}) };
    return { id: req.id, kind: "ok", result: await parseReport(input, options) };
  } catch (error) {
    if (error instanceof LimitHit)
      return { id: req.id, kind: "limit", limit: error.limit, max: error.max };
    if (error instanceof ImportError)
      return { id: req.id, kind: "import", code: error.code, zh: error.zh, en: error.message };
    // The reader running out of stack or array length (HTML nested thousands deep) is still
    // this input's fault.
    if (error instanceof RangeError) return { id: req.id, kind: "unreadable" };
    return { id: req.id, kind: "failed", message: String((error as Error)?.stack ?? error) };
  }
};

const render = async (req: RenderRequest): Promise<RenderReply> => {
  const { id } = req;
  try {
    const { renderDocument, renderSheetXlsx } = await import("@ogi/documents");
    if (req.kind === "warm") {
      // An empty report in each writer: the modules, the PDF's font and the code paths warm.
      const report = emptyReport({ name: "预热 / warm-up" }, 2000);
      for (const format of ["pdf", "docx", "xlsx"] as const)
        await renderDocument(report, { format, lang: "zh", draft: false });
      return { id, kind: "rendered", bytes: new Uint8Array(0) };
    }
    const bytes =
      req.kind === "sheet"
        ? await renderSheetXlsx(req.sheet.name, req.sheet.columns, req.sheet.rows)
        : await renderDocument(req.report, req.job);
    return { id, kind: "rendered", bytes };
  } catch (error) {
    return { id, kind: "failed", message: String((error as Error)?.stack ?? error) };
  }
};

parentPort?.on("message", async (req: WorkerRequest) => {
  if (req.kind === "render" || req.kind === "sheet" || req.kind === "warm") {
    const reply = await render(req);
    // The file's bytes move to the API's thread (not copied) when they own their buffer.
    const owns =
      reply.kind === "rendered" &&
      reply.bytes.byteOffset === 0 &&
      reply.bytes.byteLength === reply.bytes.buffer.byteLength;
    parentPort?.postMessage(
      reply,
      owns && reply.kind === "rendered" ? [reply.bytes.buffer as ArrayBuffer] : [],
    );
  } else parentPort?.postMessage(await read(req));
});
