// The stateless routes anyone may call: check a report, parse a published one.
import { createRoute, z } from "@hono/zod-openapi";
import { checkReport, reportDraftSchema } from "@ogi/domain";
import { bodyLimit } from "hono/body-limit";
import type { Deps } from "../context.ts";
import { parseSet, setFiles } from "../documents/parse-set.ts";
import { ApiError } from "../errors.ts";
import { body, checkOut, errorSchema, errorsFor, json, parseOut, parseSetOut } from "../schemas.ts";
import { subApp } from "./common.ts";

/** A zip's local file header: a Word .docx sent under a text type is still read as bytes. */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export const CHECK_LIMIT = 2 * 1024 * 1024;

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "tooLarge", {
    zh: `请求内容超过 ${limit / 1024 / 1024} MB 的上限。`,
    en: `The body exceeds the limit of ${limit / 1024 / 1024} MB.`,
  });
};

const tags = ["public"];
const refusal = (description: string) => ({
  content: { "application/json": { schema: errorSchema } },
  description,
});

export const publicApp = (deps: Deps) =>
  subApp()
    .openapi(
      createRoute({
        method: "post",
        path: "/check",
        tags,
        summary: "Check a report / 检查年报 (no token needed)",
        middleware: [bodyLimit({ maxSize: CHECK_LIMIT, onError: tooLarge(CHECK_LIMIT) })] as const,
        request: {
          ...body(
            z.union([
              reportDraftSchema,
              z.strictObject({ report: reportDraftSchema, previous: reportDraftSchema.optional() }),
            ]),
          ),
        },
        responses: { 200: json(checkOut, "Findings"), ...errorsFor(400, 422) },
      }),
      (c) => {
        const input = c.req.valid("json");
        const { report, previous } =
          "formatVersion" in input ? { report: input, previous: undefined } : input;
        return c.json({ findings: checkReport(report, previous ? { previous } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/parse",
        tags,
        summary:
          "Read a published report (text, HTML, PDF or Word .docx as the body) / 读取已发布的年报 (no token needed)",
        description:
          "Read in a worker thread, within limits on size (413), pages, text runs, characters and memory (422 documentLimit.*), time and reads in flight (503 parseTimeout / parseBusy, with Retry-After).",
        middleware: [
          bodyLimit({
            maxSize: deps.documents!.limits.maxBytes,
            onError: tooLarge(deps.documents!.limits.maxBytes),
          }),
        ] as const,
        request: {
          query: z.object({
            filename: z.string().max(200).optional(),
            county: z.string().max(200).optional(),
          }),
          body: {
            content: {
              "multipart/form-data": {
                schema: z.object({}).passthrough().openapi({
                  description:
                    "Several files (field files; a .zip is opened): each read and checked, then the county government's section 3 against its departments' sum / 一次读取多个文件",
                }),
              },
              "text/plain": { schema: z.string() },
              "text/html": { schema: z.string() },
              "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                schema: z.string().openapi({ format: "binary" }),
              },
              "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
            },
            required: true,
          },
        },
        responses: {
          200: {
            content: { "application/json": { schema: z.union([parseOut, parseSetOut]) } },
            description: "The report and its findings; for several files, one entry per file",
          },
          ...errorsFor(400, 422),
          413: refusal("The body is too large / 文件过大"),
          503: refusal("Too many reads in flight, or the read timed out / 读取繁忙或超时"),
        },
      }),
      async (c) => {
        const type = c.req.header("content-type") ?? "";
        if (/^multipart\/form-data/i.test(type)) {
          const files = await setFiles(
            await c.req.parseBody({ all: true }),
            deps.documents!.limits.maxBytes,
          );
          return c.json(await parseSet(deps.documents!, files, c.req.valid("query").county), 200);
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const filename = c.req.valid("query").filename;
        // Off this thread, within the limits (see documents/): the event loop stays free.
        const result = await deps.documents!.read({
          bytes,
          // Bytes for PDF, Word (a zip) and anything unnamed; text for text and HTML.
          text: !/pdf|octet-stream|officedocument|zip/.test(type) && !isZip(bytes),
          filename,
        });
        return c.json(result, 200);
      },
    );
