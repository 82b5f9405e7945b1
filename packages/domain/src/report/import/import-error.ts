// The one error an import throws: for input it cannot read at all (a scan, binary junk, a
// file that is not an annual report). Everything it can partly read becomes findings instead.

/** Why an input could not be read at all. */
export type ImportErrorCode =
  | "empty"
  | "binary"
  | "scanned-pdf"
  | "damaged-pdf"
  | "encrypted-pdf"
  | "invalid-json"
  | "too-large"
  | "too-deep"
  | "not-a-report"
  | "zip-refused"
  | "damaged-zip";

/**
 * The one error an import throws, for input it cannot read at all; `message` is English, `zh`
 * Chinese.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** The message in Chinese; `message` is English. */
  readonly zh: string;

  constructor(code: ImportErrorCode, message: { zh: string; en: string }, options?: ErrorOptions) {
    super(message.en, options);
    this.name = "ImportError";
    this.code = code;
    this.zh = message.zh;
  }
}

export const importErrors = {
  empty: () =>
    new ImportError("empty", {
      zh: "文件为空，没有可读取的内容。",
      en: "The input is empty: there is nothing to read.",
    }),
  binary: () =>
    new ImportError("binary", {
      zh: "无法读取：内容是二进制数据，不是文本、HTML、JSON 或 PDF 格式的年度报告。",
      en: "Cannot read the input: it is binary data, not an annual report as text, HTML, JSON or PDF.",
    }),
  scannedPdf: () =>
    new ImportError("scanned-pdf", {
      zh: "这是扫描版 PDF，没有文字层，无法读取其中的文字和表格。请提供带文字层的 PDF（例如由 Word 导出的 PDF）、网页或文本。",
      en: "This is a scanned PDF without a text layer: its text and tables cannot be read. Provide a PDF with a text layer (e.g. exported from Word), the web page, or the text.",
    }),
  damagedPdf: (cause?: unknown) =>
    new ImportError(
      "damaged-pdf",
      {
        zh: "PDF 文件已损坏或不是有效的 PDF，无法读取。",
        en: "The PDF file is damaged or not a valid PDF and cannot be read.",
      },
      { cause },
    ),
  encryptedPdf: (cause?: unknown) =>
    new ImportError(
      "encrypted-pdf",
      {
        zh: "PDF 文件有密码保护，无法读取。",
        en: "The PDF file is password-protected and cannot be read.",
      },
      { cause },
    ),
  invalidJson: (detail: string) =>
    new ImportError("invalid-json", {
      zh: `JSON 不是规范格式的年度报告：${detail}`,
      en: `The JSON is not an annual report in the canonical format: ${detail}`,
    }),
  tooLarge: (chars: number) =>
    new ImportError("too-large", {
      zh: `文本过长（${chars} 个字符），不像是一份年度报告（通常不到 100 万字符）。`,
      en: `The text is too long (${chars} characters) to be one annual report (usually under a million).`,
    }),
  tooDeep: (depth: number) =>
    new ImportError("too-deep", {
      zh: `HTML 嵌套过深（超过 ${depth} 层），不像是一份年度报告的网页。`,
      en: `The HTML is nested too deeply (over ${depth} levels) to be an annual report's page.`,
    }),
  notAReport: () =>
    new ImportError("not-a-report", {
      zh: "这不是政府信息公开工作年度报告：找不到报告的章节标题，也找不到任何统计表格。",
      en: "This is not an annual report on government information disclosure: none of its section headings and none of its tables were found.",
    }),
  zipRefused: (detail: { zh: string; en: string }) =>
    new ImportError("zip-refused", {
      zh: `压缩包超出上限，未读取：${detail.zh}（可能是“压缩炸弹”）。`,
      en: `The archive exceeds a limit and was not read: ${detail.en} (possibly a zip bomb).`,
    }),
  damagedZip: (cause?: unknown) =>
    new ImportError(
      "damaged-zip",
      {
        zh: "压缩包已损坏或不是 ZIP 格式，无法读取。",
        en: "The archive is damaged or not a ZIP file and cannot be read.",
      },
      { cause },
    ),
};
