// Word documents (.docx): our own and those agencies fill in from the official template. The
// main part (word/document.xml) becomes HTML the HTML reader takes: paragraphs as <p>, tables
// with their merged cells spread out (gridSpan as colspan; a cell merged down, vMerge, repeats
// the text of the cell it continues, as the HTML reader does with rowspan). Pure: bytes in,
// text out. A .docx is a zip: it is opened with limits on the number of entries, the sizes
// its directory declares and the compression ratio, so a zip bomb is refused before anything
// is inflated; inflating never writes past the declared size.
import { unzipSync } from "fflate";
import { Parser } from "htmlparser2";
import { escapeHtml } from "../../text.ts";
import { ImportError } from "./import-error.ts";

export const DOCX_LIMITS = {
  /** A report's .docx has a dozen parts; a few hundred with images. */
  entries: 2_000,
  /** word/document.xml of a long report is about 1 MB; the official template's is 250 KB. */
  documentBytes: 32 * 1024 * 1024,
  /** All parts together, as declared. */
  totalBytes: 256 * 1024 * 1024,
  /** XML compresses about 10:1; a bomb compresses 1000:1 and more. */
  ratio: 200,
};

/** A zip file (a .docx) starts with a local file header. */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04;

const refuse = (zh: string, en: string, cause?: unknown) =>
  new ImportError("too-large", { zh, en }, cause === undefined ? undefined : { cause });
const unreadable = (cause?: unknown) =>
  new ImportError(
    "binary",
    {
      zh: "无法读取：这不是有效的 Word 文档（.docx），文件可能已损坏。",
      en: "Cannot read the input: it is not a valid Word document (.docx); the file may be damaged.",
    },
    cause === undefined ? undefined : { cause },
  );

/** word/document.xml, after checking every entry of the zip's directory against the limits. */
export const docxDocumentXml = (bytes: Uint8Array, limits = DOCX_LIMITS): string => {
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (entries > limits.entries)
          throw refuse(
            `Word 文档的压缩包条目过多（超过 ${limits.entries} 个），不像是一份年度报告。`,
            `The Word document's zip has too many entries (over ${limits.entries}) to be an annual report.`,
          );
        const ratio = file.originalSize / Math.max(1, file.size);
        if (
          total > limits.totalBytes ||
          ratio > limits.ratio ||
          (file.name === "word/document.xml" && file.originalSize > limits.documentBytes)
        )
          throw refuse(
            `Word 文档解压后过大或压缩比异常（${file.name}：${file.size} 字节解压为 ${file.originalSize} 字节），拒绝读取（疑似压缩炸弹）。`,
            `The Word document is too large once unpacked or compressed suspiciously (${file.name}: ${file.size} bytes to ${file.originalSize}); refused (a zip bomb?).`,
          );
        return file.name === "word/document.xml";
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw unreadable(e);
  }
  const xml = files["word/document.xml"];
  if (xml === undefined) throw unreadable();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(xml);
  } catch (e) {
    throw unreadable(e);
  }
};

type Cell = { text: string[]; span: number; merge: "restart" | "continue" | undefined };

/**
 * The body of word/document.xml as HTML: <p> per paragraph outside tables, <table> per top-level
 * table (a nested table's text goes into its cell). Tabs become spaces; line breaks <br>.
 */
export const docxXmlToHtml = (xml: string): string => {
  const out: string[] = [];
  let paragraph: string[] | undefined;
  let inText = false;
  let depth = 0; // table nesting
  let row: Cell[] | undefined;
  let cell: Cell | undefined;
  let rows: Cell[][] = [];
  let skip = 0; // inside deleted text, field codes, etc.
  const emitTable = () => {
    const above = new Map<number, string>();
    out.push("<table>");
    for (const r of rows) {
      let col = 0;
      const tds: string[] = [];
      for (const c of r) {
        const own = c.text.join("<br>");
        const text = c.merge === "continue" ? (above.get(col) ?? "") : own;
        for (let i = 0; i < c.span; i++) above.set(col + i, text);
        tds.push(`<td${c.span > 1 ? ` colspan="${c.span}"` : ""}>${text}</td>`);
        col += c.span;
      }
      out.push(`<tr>${tds.join("")}</tr>`);
    }
    out.push("</table>");
    rows = [];
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip > 0) {
          if (name === "w:instrText" || name === "w:delText" || name === "w:del") skip++;
          return;
        }
        switch (name) {
          case "w:del":
          case "w:instrText":
          case "w:delText":
            skip++;
            break;
          case "w:tbl":
            depth++;
            break;
          case "w:tr":
            if (depth === 1) row = [];
            break;
          case "w:tc":
            if (depth === 1) cell = { text: [], span: 1, merge: undefined };
            break;
          case "w:gridSpan":
            if (depth === 1 && cell)
              cell.span = Math.max(1, Math.min(64, Number(attrs["w:val"]) || 1));
            break;
          case "w:vMerge":
            if (depth === 1 && cell)
              cell.merge = attrs["w:val"] === "restart" ? "restart" : "continue";
            break;
          case "w:p":
            paragraph = [];
            break;
          case "w:t":
            inText = true;
            break;
          case "w:tab":
            paragraph?.push(" ");
            break;
          case "w:br":
          case "w:cr":
            paragraph?.push("\n");
            break;
        }
      },
      ontext(text) {
        if (inText && skip === 0) paragraph?.push(text);
      },
      onclosetag(name) {
        if (skip > 0) {
          if (name === "w:instrText" || name === "w:delText" || name === "w:del") skip--;
          return;
        }
        switch (name) {
          case "w:t":
            inText = false;
            break;
          case "w:p": {
            const text = (paragraph ?? []).join("");
            paragraph = undefined;
            const html = escapeHtml(text).replace(/\n/g, "<br>");
            if (depth === 0) out.push(`<p>${html}</p>`);
            else if (cell && text.trim() !== "") cell.text.push(html);
            break;
          }
          case "w:tc":
            if (depth === 1 && cell && row) row.push(cell);
            if (depth === 1) cell = undefined;
            break;
          case "w:tr":
            if (depth === 1 && row) rows.push(row);
            if (depth === 1) row = undefined;
            break;
          case "w:tbl":
            depth--;
            if (depth === 0) emitTable();
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return `<!doctype html><html><body>\n${out.join("\n")}\n</body></html>`;
};

/** A .docx's bytes as HTML for the HTML reader. */
export const docxToHtml = (bytes: Uint8Array, limits = DOCX_LIMITS): string =>
  docxXmlToHtml(docxDocumentXml(bytes, limits));
