// POST /v1/parse with several files (multipart/form-data, field "files"; a .zip among them is
// opened): each file read by the worker pool within the same limits as one document, one at
// a time, a file that cannot be read reported while the others are read; then the county
// government's section 三 against the sum of its departments' (readReportSet).
import {
  DEFAULT_ZIP_LIMITS,
  ImportError,
  readReportSet,
  type SetFile,
  type SetResult,
  unzipReports,
} from "@ogi/domain";
import { ApiError } from "../errors.ts";
import type { DocumentReader } from "./reader-pool.ts";

/** Files in one request (after opening the .zips). */
export const MAX_SET_FILES = 50;

/** The pool's refusal as a file's failure, its code kept ("scanned-pdf", "documentLimit.pages"). */
const asFailure = (e: ApiError) =>
  Object.assign(new Error(e.bilingual.en), {
    code: e.code.replace(/^import\./, ""),
    zh: e.bilingual.zh,
  });

const tooMany = () =>
  new ApiError(422, "tooManyFiles", {
    zh: `一次最多读取 ${MAX_SET_FILES} 个文件。`,
    en: `At most ${MAX_SET_FILES} files are read at once.`,
  });

/** The files of a multipart body: File parts of any field name, .zips opened. */
export const setFiles = async (
  parts: Record<string, unknown>,
  maxBytes: number,
): Promise<SetFile[]> => {
  const files: SetFile[] = [];
  const all = Object.values(parts).flatMap((v) => (Array.isArray(v) ? v : [v]));
  for (const part of all) {
    if (!(part instanceof File)) continue;
    const bytes = new Uint8Array(await part.arrayBuffer());
    if (/\.zip$/i.test(part.name)) {
      try {
        // Opened within the body's own limit: no more bytes out than were allowed in.
        files.push(...unzipReports(bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: maxBytes }));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        throw new ApiError(422, `import.${e.code}`, { zh: e.zh, en: e.message });
      }
    } else files.push({ name: part.name || `file-${files.length + 1}`, bytes });
    if (files.length > MAX_SET_FILES) throw tooMany();
  }
  if (files.length === 0)
    throw new ApiError(400, "noFiles", {
      zh: "请求中没有文件（multipart/form-data，字段 files）。",
      en: "The request holds no file (multipart/form-data, field files).",
    });
  return files;
};

/**
 * Text in UTF-8 goes as text (the characters limit applies); a PDF, or text in GB 18030 (which
 * parseReport tells from the bytes), goes as bytes.
 */
const isUtf8Text = (file: SetFile): boolean => {
  if (/\.pdf$/i.test(file.name) || (file.bytes[0] === 0x25 && file.bytes[1] === 0x50)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    return true;
  } catch {
    return false;
  }
};

export const parseSet = async (
  reader: DocumentReader,
  files: readonly SetFile[],
  county?: string,
): Promise<SetResult> => {
  let busy: ApiError | undefined;
  const result = await readReportSet(
    files,
    async (file) => {
      try {
        return await reader.read({
          bytes: file.bytes,
          text: isUtf8Text(file),
          filename: file.name,
        });
      } catch (e) {
        // Every reader busy: the whole request is worth retrying, not this file's fault.
        if (e instanceof ApiError && e.code === "parseBusy") busy ??= e;
        if (e instanceof ApiError && e.status !== 500) throw asFailure(e);
        throw e;
      }
    },
    county ? { county } : {},
  );
  if (busy) throw busy;
  return result;
};
