/// <reference path="./pdfjs-worker.d.ts" />
// PDF files read directly with pdf.js: text items are grouped into lines by their baseline
// (y), and into cells by the horizontal gaps between them, which gives the same shape as
// `pdftotext -layout` output with geometric x positions. No worker thread, no network, no
// canvas, no fonts: only the text layer is read, from the bytes given.

import { importErrors } from "./import-error.ts";
import { displayWidth } from "./normalize.ts";
import {
  type Cell,
  isPageFooter,
  isWrapped,
  type SourceDoc,
  type SourceLine,
} from "./source-lines.ts";

type Item = { str: string; x: number; y: number; w: number; size: number };

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loaded: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => {
  loaded ??= (async () => {
    // The worker's code runs in this thread ("fake worker"): registering it up front means
    // pdf.js never looks for a worker file or spawns a thread.
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loaded;
};

/** Items of one page into lines (top to bottom) of cells (left to right). */
const pageLines = (items: Item[]): { cells: Cell[]; size: number; y: number }[] => {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; size: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const row = rows.find((r) => Math.abs(r.y - it.y) <= Math.min(r.size, it.size) * 0.5);
    if (row) row.items.push(it);
    else rows.push({ y: it.y, size: it.size, items: [it] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((row) => {
    const its = row.items.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    let cur: { text: string; x: number; end: number } | null = null;
    for (const it of its) {
      const gap = cur ? it.x - cur.end : 0;
      // Two numbers apart are two cells, however narrow the column ("61" "4" is never 614).
      const numbersApart =
        cur !== null && gap > it.size * 0.1 && /\d$/.test(cur.text) && /^\d/.test(it.str);
      if (cur && gap <= it.size * 1.2 && !numbersApart) {
        cur.text += gap > it.size * 0.25 && /[A-Za-z0-9]$/.test(cur.text) ? ` ${it.str}` : it.str;
        cur.end = Math.max(cur.end, it.x + it.w);
      } else {
        if (cur) cells.push({ text: cur.text.trim(), x: cur.x, w: cur.end - cur.x });
        cur = { text: it.str, x: it.x, end: it.x + it.w };
      }
    }
    if (cur) cells.push({ text: cur.text.trim(), x: cur.x, w: cur.end - cur.x });
    return { cells: cells.filter((c) => c.text !== ""), size: row.size, y: row.y };
  });
};

/** What has been read so far: the document's page count, text runs and characters. */
export type PdfProgress = { pages: number; textRuns: number; characters: number };
/**
 * Options of the PDF reader.
 *
 * @property onRead Told as the text is read (once on opening, then per chunk of a page's text);
 * throwing from it stops the read and is rethrown as is: the caller's limits, not the domain's.
 */
export type PdfReadOptions = { onRead?: (read: PdfProgress) => void };

type Page = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;
type TextItems = Awaited<ReturnType<Page["getTextContent"]>>["items"];

/** A page's text chunk by chunk (getTextContent reads all of it before anyone can stop it). */
const readText = async (
  page: Page,
  onChunk: (items: TextItems) => void,
): Promise<{ items: TextItems }> => {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{
    items: TextItems;
  }>;
  const items: TextItems = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { items };
    for (const item of value.items) items.push(item);
    try {
      onChunk(value.items);
    } catch (stop) {
      // Not reader.cancel(): pdf.js then enqueues into the closed stream and throws uncaught.
      throw new Stopped(stop);
    }
  }
};

class Stopped {
  readonly reason: unknown;
  constructor(reason: unknown) {
    this.reason = reason;
  }
}

export const pdfToSource = async (
  bytes: Uint8Array,
  options: PdfReadOptions = {},
): Promise<SourceDoc> => {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    if ((e as { name?: string }).name === "PasswordException") throw importErrors.encryptedPdf(e);
    throw importErrors.damagedPdf(e);
  }
  // Stopped by onRead: the page's text is still being read and destroy() waits for it, so it
  // is not awaited (a caller that stops reads ends the thread they run in; see the API's pool).
  let stopped = false;
  try {
    const lines: SourceLine[] = [];
    const dropped: number[] = [];
    let chars = 0;
    const read: PdfProgress = { pages: doc.numPages, textRuns: 0, characters: 0 };
    options.onRead?.(read);
    for (let p = 1; p <= doc.numPages; p++) {
      // A damaged cross-reference table or content stream can surface only when a page is
      // read (pdf.js's UnknownErrorException): the file is damaged, not our failure.
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: { items: TextItems };
      try {
        page = await doc.getPage(p);
        content = await readText(page, (chunk) => {
          read.textRuns += chunk.length;
          for (const item of chunk) if ("str" in item) read.characters += item.str.length;
          options.onRead?.(read);
        });
      } catch (e) {
        if (e instanceof Stopped) {
          stopped = true;
          throw e.reason;
        }
        throw importErrors.damagedPdf(e);
      }
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!("str" in raw) || raw.str.trim() === "") continue;
        const [a, b, c, d, x, y] = raw.transform as number[];
        const size = Math.max(Math.hypot(c ?? 0, d ?? 0), Math.hypot(a ?? 0, b ?? 0), 1);
        items.push({
          str: radicalsToIdeographs(raw.str),
          x: x ?? 0,
          y: y ?? 0,
          w: raw.width,
          size,
        });
        chars += raw.str.replace(/\s/g, "").length;
      }
      const rows = pageLines(items);
      // The left margin and body size of the page, to tell indented (paragraph-opening) lines.
      const starts = rows.map((r) => r.cells[0]?.x ?? 0).sort((m, n) => m - n);
      const left = starts[Math.floor(starts.length * 0.1)] ?? 0;
      for (const row of rows) {
        const text = row.cells.map((c) => c.text).join(" ");
        const no = lines.length + 1;
        if (isPageFooter(text)) {
          dropped.push(no);
          lines.push(emptyLine(no));
          continue;
        }
        lines.push({
          no,
          text,
          cells: row.cells,
          indent: Math.max(0, ((row.cells[0]?.x ?? left) - left) / row.size),
          width: displayWidth(text),
          explicit: false,
          positional: true,
        });
      }
      lines.push(emptyLine(lines.length + 1));
      page.cleanup();
    }
    if (chars < 20) throw importErrors.scannedPdf();
    return { kind: "pdf", lines, wrapped: isWrapped(lines), dropped };
  } finally {
    const destroyed = task.destroy().catch(() => {});
    if (!stopped) await destroyed;
  }
};

// Fonts that map glyphs to the Kangxi radicals or the radicals supplement (Chromium's and
// some Word exports' PDFs: "淮安市⼈⺠政府") are read as the ideographs they look like.
const SUPPLEMENT: Record<string, string> = {
  "\u2e8b": "㔾",
  "\u2e97": "心",
  "\u2ea0": "民",
  "\u2ea7": "牛",
  "\u2eab": "罒",
  "\u2eb6": "羊",
  "\u2eb7": "羊",
  "\u2ebc": "肉",
  "\u2ec4": "西",
  "\u2ec5": "见",
  "\u2ec6": "角",
  "\u2ecf": "阝",
  "\u2ed3": "长",
  "\u2ed4": "门",
  "\u2ed5": "阜",
  "\u2ed6": "阝",
  "\u2ee0": "食",
  "\u2ee2": "马",
  "\u2ee3": "骨",
  "\u2ee4": "鬼",
  "\u2eea": "黾",
  "\u2ebb": "聿",
  "\u2ebe": "艹",
  "\u2ec0": "艹",
  "\u2ecc": "辶",
  "\u2ecd": "辶",
  "\u2ed1": "长",
  "\u2ed7": "雨",
  "\u2edd": "食",
  "\u2ee5": "鱼",
  "\u2eeb": "斉",
  "\u2eed": "歯",
  "\u2ef3": "龟",
  "\u2ec9": "贝",
  "\u2ec8": "讠",
  "\u2ec7": "角",
  "\u2ecb": "车",
  "\u2ed2": "长",
  "\u2ee6": "鸟",
  "\u2ee7": "卤",
  "\u2ee8": "麦",
  "\u2ed0": "钅",
  "\u2ee9": "黄",
};
const RADICALS = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;
export const radicalsToIdeographs = (s: string): string =>
  /[\u2e80-\u2fdf]/.test(s)
    ? s.replace(RADICALS, (ch) => SUPPLEMENT[ch] ?? (ch >= "\u2f00" ? ch.normalize("NFKC") : ch))
    : s;

const emptyLine = (no: number): SourceLine => ({
  no,
  text: "",
  cells: [],
  indent: 0,
  width: 0,
  explicit: false,
  positional: false,
});
