// A county's reports sent as one .zip: its entries read within limits on their number and on
// the bytes they inflate to, counted while inflating (the sizes an archive declares can lie),
// so a zip bomb is refused after at most a few MB of output, never expanded in full.
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { ImportError, importErrors } from "./import-error.ts";

/** Limits on reading a .zip: entries, bytes one file inflates to, bytes all inflate to. */
export type ZipLimits = {
  /** Entries in the archive (files and folders). */
  maxEntries: number;
  /** Bytes one file inflates to. */
  maxEntryBytes: number;
  /** Bytes all files inflate to together. */
  maxTotalBytes: number;
};

/** The limits a .zip of reports is read within (entries, bytes per file and in all): beyond them it is refused as a zip bomb. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
};

/** One file of a set: its name and bytes. */
export type SetFile = { name: string; bytes: Uint8Array };

/** The file types a report is published in. */
export const REPORT_FILE = /\.(?:txt|text|html?|xhtml|pdf|md|markdown|json|csv|docx)$/i;

/** Folders, macOS resource forks and hidden files are not reports. */
const skipped = (name: string) =>
  name.endsWith("/") || /(?:^|\/)(?:__MACOSX|\.)/.test(name) || !REPORT_FILE.test(name);

/** ZIP file names are CP437 or GBK unless flagged UTF-8; fflate gives them as Latin-1 then. */
const fileName = (raw: string): string => {
  if (!/[\u0080-\u00ff]/.test(raw)) return raw;
  const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0) & 0xff);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
};

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The report files of a .zip, in archive order. Throws ImportError (zip-refused, damaged-zip). */
export const unzipReports = (
  zip: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): SetFile[] => {
  const files: { name: string; chunks: Uint8Array[]; size: number }[] = [];
  let entries = 0;
  let total = 0;
  // fflate may catch what a callback throws and report it as a stream error: the refusal is
  // kept here and thrown again.
  let refused: ImportError | undefined;
  const refuse = (detail: { zh: string; en: string }) => {
    refused ??= importErrors.zipRefused(detail);
    throw refused;
  };
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries)
      refuse({
        zh: `文件多于 ${limits.maxEntries} 个`,
        en: `more than ${limits.maxEntries} entries`,
      });
    const name = fileName(file.name);
    if (skipped(name) || (file.compression !== 0 && file.compression !== 8)) return;
    const entry = { name, chunks: [] as Uint8Array[], size: 0 };
    files.push(entry);
    file.ondata = (err, chunk) => {
      if (refused) throw refused;
      if (err) throw importErrors.damagedZip(err);
      entry.size += chunk.length;
      total += chunk.length;
      if (entry.size > limits.maxEntryBytes)
        refuse({
          zh: `“${name}”解压后超过 ${mb(limits.maxEntryBytes)}`,
          en: `"${name}" inflates to over ${mb(limits.maxEntryBytes)}`,
        });
      if (total > limits.maxTotalBytes)
        refuse({
          zh: `解压后合计超过 ${mb(limits.maxTotalBytes)}`,
          en: `the files inflate to over ${mb(limits.maxTotalBytes)} together`,
        });
      entry.chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Small pieces in: deflate expands at most about 1000 times, so one piece's output is small.
    const step = 1024;
    if (zip.length === 0) throw importErrors.damagedZip();
    for (let at = 0; at < zip.length; at += step)
      unzip.push(zip.subarray(at, at + step), at + step >= zip.length);
  } catch (e) {
    throw refused ?? (e instanceof ImportError ? e : importErrors.damagedZip(e));
  }
  if (refused) throw refused;
  if (entries === 0) throw importErrors.damagedZip();
  return files.map((f) => {
    const bytes = new Uint8Array(f.size);
    let at = 0;
    for (const c of f.chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { name: f.name, bytes };
  });
};

/** A .zip by its first bytes ("PK\x03\x04", or an empty archive "PK\x05\x06"). */
export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
