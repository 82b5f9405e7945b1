// The register as CSV: export (cells that a spreadsheet would run as a formula are escaped) and
// import (a dry run by default that lists every rejected row with its reason; committing is all
// or nothing). Export → import gives the same applications.

import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createRoute, z } from "@hono/zod-openapi";
import { listApplications } from "@ogi/db";
import { contentDisposition, type SheetColumn } from "@ogi/documents";
import {
  APPLICANT_TYPE_WORDS,
  acceptedWords,
  applicantTypeOfWord,
  CHANNEL_WORDS,
  channelOfWord,
  isoDate,
  OUTCOME_WORDS,
  outcomeOfWord,
} from "@ogi/domain";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import type { TypedResponse } from "hono";
import { canRead, type Deps, requireAgency, seesApplicant } from "../context.ts";
import { todayIn } from "../domain.ts";
import { ApiError, type Issue, invalid } from "../errors.ts";
import { type ImportRow, importRegister } from "../register/import-register.ts";
import { codeParam, errorsFor, json } from "../schemas.ts";
import { bearer, subApp } from "./common.ts";

export const CSV_COLUMNS = [
  "number",
  "receivedOn",
  "applicantType",
  "channel",
  "subject",
  "applicantName",
  "applicantContact",
  "concludedOn",
  "outcome",
] as const;

const FORMULA = /^[=+\-@\t\r]/;
/** A cell a spreadsheet would evaluate gets a leading apostrophe (CSV injection). */
export const escapeCell = (v: string) => (FORMULA.test(v) ? `'${v}` : v);
const unescapeCell = (v: string) =>
  v.startsWith("'") && FORMULA.test(v.slice(1)) ? v.slice(1) : v;

/** The Chinese header of each column, as the export writes it (the English keys are read too). */
export const CSV_HEADERS_ZH: Record<(typeof CSV_COLUMNS)[number], string> = {
  number: "编号",
  receivedOn: "收到申请日期",
  applicantType: "申请人类型",
  channel: "收件渠道",
  subject: "申请内容",
  applicantName: "申请人姓名",
  applicantContact: "联系方式",
  concludedOn: "办结日期",
  outcome: "办理结果",
};
const columnOf = (header: string) =>
  CSV_COLUMNS.find((c) => c.toLowerCase() === header.toLowerCase() || CSV_HEADERS_ZH[c] === header);

/** "unknown applicant type" with the accepted values, in both languages. */
const unknown = <T extends string>(
  name: { zh: string; en: string },
  words: Record<T, readonly string[]>,
  text: string,
) => {
  const list = acceptedWords(words);
  return `${name.zh}无法识别：“${text}”，可用：${list.zh} / unknown ${name.en} "${text}"; accepted: ${list.en}`;
};

/** Characters of the CSV parsed at a time (a few milliseconds' work). */
const PARSE_SLICE = 64 * 1024;
/** How long reading the CSV may hold the event loop before other requests get a turn. */
const READ_TURN_MS = 20;
const turn = () => new Promise<void>((ok) => setImmediate(ok));

/** The CSV's records, parsed a slice at a time with a turn for other requests between slices. */
const parseCsv = async (text: string): Promise<string[][]> => {
  const records: string[][] = [];
  const parser = parse({ relaxColumnCount: true, relaxQuotes: true, skipEmptyLines: true });
  parser.on("data", (record: string[]) => records.push(record));
  // Rejects at the parser's first error.
  const done = finished(parser);
  done.catch(() => {});
  for (let at = 0; at < text.length; at += PARSE_SLICE) {
    // Each slice parsed before the next is given (not buffered and parsed all at once).
    if (!parser.write(text.slice(at, at + PARSE_SLICE)))
      await Promise.race([once(parser, "drain"), done]);
    await turn();
  }
  parser.end();
  await done;
  return records;
};

/**
 * Reads the CSV: the rows it can register and, for every other row, why not. A large file is
 * read in steps, other requests answered between them.
 */
export const readRegisterCsv = async (text: string, today: string) => {
  let records: string[][];
  try {
    records = await parseCsv(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalid(
      [{ path: "body", message: `not a CSV file / 不是 CSV 文件: ${(error as Error).message}` }],
      422,
    );
  }
  const header = (records[0] ?? []).map((h) => columnOf(h.trim()) ?? h.trim());
  for (const required of ["receivedOn", "applicantType"] as const)
    if (!header.includes(required))
      throw invalid([
        {
          path: "header",
          message: `缺少“${CSV_HEADERS_ZH[required]}”列 / missing column ${required}`,
        },
      ]);
  const rows: ImportRow[] = [];
  const rejected: { line: number; issues: Issue[] }[] = [];
  let since = performance.now();
  for (const [i, record] of records.slice(1).entries()) {
    if (performance.now() - since > READ_TURN_MS) {
      await turn();
      since = performance.now();
    }
    const line = i + 2;
    const cell = (name: string) => {
      const at = header.indexOf(name);
      const v = at >= 0 ? unescapeCell((record[at] ?? "").trim()) : "";
      return v === "" ? undefined : v;
    };
    const issues: Issue[] = [];
    const receivedOn = cell("receivedOn") ?? "";
    if (!isoDate.safeParse(receivedOn).success)
      issues.push({
        path: "receivedOn",
        message: `not a date (YYYY-MM-DD) / 日期有误: "${receivedOn}"`,
      });
    else if (receivedOn > today)
      issues.push({ path: "receivedOn", message: "in the future / 晚于今天" });
    const applicantType = applicantTypeOfWord(cell("applicantType") ?? "");
    if (!applicantType)
      issues.push({
        path: "applicantType",
        message: unknown(
          { zh: "申请人类型", en: "applicant type" },
          APPLICANT_TYPE_WORDS,
          cell("applicantType") ?? "",
        ),
      });
    const channelText = cell("channel");
    const channel = channelText ? channelOfWord(channelText) : "other";
    if (!channel)
      issues.push({
        path: "channel",
        message: unknown({ zh: "收件渠道", en: "channel" }, CHANNEL_WORDS, channelText ?? ""),
      });
    const concludedOn = cell("concludedOn");
    const outcomeText = cell("outcome");
    const outcome = outcomeText ? outcomeOfWord(outcomeText) : undefined;
    if (outcomeText && !outcome)
      issues.push({
        path: "outcome",
        message: unknown({ zh: "办理结果", en: "outcome" }, OUTCOME_WORDS, outcomeText),
      });
    if (concludedOn && !outcomeText)
      issues.push({ path: "outcome", message: "a conclusion needs an outcome / 办结需要办理结果" });
    if (outcomeText && !concludedOn)
      issues.push({
        path: "concludedOn",
        message: "an outcome needs its date / 办理结果需要办结日期",
      });
    if (concludedOn) {
      if (!isoDate.safeParse(concludedOn).success)
        issues.push({
          path: "concludedOn",
          message: `not a date (YYYY-MM-DD) / 日期有误: "${concludedOn}"`,
        });
      else if (concludedOn > today)
        issues.push({ path: "concludedOn", message: "in the future / 晚于今天" });
      else if (concludedOn < receivedOn)
        issues.push({ path: "concludedOn", message: "before receipt / 早于收到申请之日" });
    }
    const subject = cell("subject");
    if (subject && subject.length > 500)
      issues.push({ path: "subject", message: "longer than 500 / 超过 500 字" });
    if (issues.length > 0) {
      rejected.push({ line, issues });
      continue;
    }
    const name = cell("applicantName");
    const contact = cell("applicantContact");
    rows.push({
      line,
      receivedOn,
      applicantType: applicantType!,
      channel: channel!,
      subject,
      applicant:
        name || contact
          ? { ...(name ? { name } : {}), ...(contact ? { contact } : {}) }
          : undefined,
      concludedOn,
      outcome,
    });
  }
  return { rows, rejected };
};

const importResult = z
  .object({
    dryRun: z.boolean(),
    accepted: z.number(),
    rejected: z.array(
      z.object({
        line: z.number(),
        issues: z.array(z.object({ path: z.string(), message: z.string() })),
      }),
    ),
    created: z.array(z.object({ line: z.number(), id: z.string(), number: z.number() })),
  })
  .openapi("ImportResult");

export const transferApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "get",
        path: "/agencies/{code}/applications/export",
        tags: ["applications"],
        security: bearer,
        summary:
          "The register as CSV or Excel (?format=xlsx) / 导出登记簿 (also at …/applications:export)",
        request: {
          params: codeParam,
          query: z.object({
            format: z.enum(["csv", "xlsx"]).default("csv"),
            lang: z.enum(["zh", "en"]).optional(),
          }),
        },
        responses: {
          200: {
            content: {
              "text/csv": { schema: z.string() },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: z.string().openapi({ format: "binary" }),
              },
            },
            description:
              "One line per application; in Excel, dates as dates (applicants' names and contacts only for those who may see them)",
          },
          ...errorsFor(401, 403, 404),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        await canRead(deps, p, code, "applications");
        const personal = seesApplicant(p, code);
        const rows = await listApplications(deps.db, code, { limit: 10_000_000 });
        // In Chinese, as the format names them; `?lang=en` gives the English keys.
        const zh = c.req.valid("query").lang !== "en";
        // The Chinese label (an outcome's without its numbering): the words the import reads.
        const word = <T extends string>(
          words: Record<T, readonly string[]>,
          v: string | null,
          index = 1,
        ) => (v && zh ? (words[v as T]?.[index] ?? v) : (v ?? ""));
        const records = rows.map((r) => [
          String(r.number),
          r.receivedOn,
          word(APPLICANT_TYPE_WORDS, r.applicantType),
          word(CHANNEL_WORDS, r.channel),
          r.subject ?? "",
          personal ? (r.applicant?.name ?? "") : "",
          personal ? (r.applicant?.contact ?? "") : "",
          r.concludedOn ?? "",
          word(OUTCOME_WORDS, r.outcome, 3),
        ]);
        const headers = CSV_COLUMNS.map((k) => (zh ? CSV_HEADERS_ZH[k] : k));
        if (c.req.valid("query").format === "xlsx") {
          const kinds: Record<(typeof CSV_COLUMNS)[number], SheetColumn["kind"]> = {
            number: "number",
            receivedOn: "date",
            applicantType: "text",
            channel: "text",
            subject: "text",
            applicantName: "text",
            applicantContact: "text",
            concludedOn: "date",
            outcome: "text",
          };
          // The columns of personal data are left out altogether for a caller who may not see them.
          const shown = CSV_COLUMNS.map((k, i) => ({ k, i })).filter(
            ({ k }) => personal || (k !== "applicantName" && k !== "applicantContact"),
          );
          // Written in a document worker: tens of thousands of rows take seconds of CPU, which
          // the API's thread must not spend (503 renderBusy when the writers are full).
          if (deps.documents === undefined) throw new Error("createApp sets deps.documents");
          const bytes = await deps.documents.renderSheet({
            name: zh ? "登记簿" : "Register",
            columns: shown.map(({ k, i }) => ({ header: headers[i]!, kind: kinds[k] })),
            rows: records.map((r) =>
              shown.map(({ k, i }) => (k === "number" ? Number(r[i]) : r[i])),
            ),
          });
          return c.body(
            bytes.buffer.slice(
              bytes.byteOffset,
              bytes.byteOffset + bytes.byteLength,
            ) as ArrayBuffer,
            200,
            {
              "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "content-disposition": contentDisposition(
                `${code}-登记簿.xlsx`,
                `${code}-register.xlsx`,
              ),
            },
          ) as unknown as Response & TypedResponse<string, 200, "body">;
        }
        const csv = stringify([headers, ...records.map((r) => r.map(escapeCell))]);
        return c.body(`\uFEFF${csv}`, 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${code}-register.csv"`,
        });
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/agencies/{code}/applications/import",
        tags: ["applications"],
        security: bearer,
        summary:
          "Import a register from CSV / 导入登记簿 (dry run unless ?commit=true; all or nothing; also at …/applications:import)",
        request: {
          params: codeParam,
          query: z.object({ commit: z.enum(["true", "false"]).default("false") }),
          body: { content: { "text/csv": { schema: z.string() } }, required: true },
        },
        responses: {
          200: json(
            importResult,
            "What was (or, in a dry run, would be) registered and what was rejected",
          ),
          ...errorsFor(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const p = c.get("principal");
        const { code } = c.req.valid("param");
        const commit = c.req.valid("query").commit === "true";
        await requireAgency(deps.db, p, code, "record");
        const text = await c.req.text();
        const today = todayIn(deps.clock.now());
        const { rows, rejected } = await readRegisterCsv(text, today);
        if (!commit)
          return c.json({ dryRun: true, accepted: rows.length, rejected, created: [] }, 200);
        if (rejected.length > 0)
          throw new ApiError(
            422,
            "importRejected",
            {
              zh: `有 ${rejected.length} 行无法导入，未写入任何数据。`,
              en: `${rejected.length} rows can't be imported; nothing was written.`,
            },
            rejected.flatMap((r) =>
              r.issues.map((i) => ({ path: `line ${r.line}.${i.path}`, message: i.message })),
            ),
          );
        const result = await importRegister(deps, c, p, code, text, rows);
        return c.json(result.body, result.status);
      },
    );
