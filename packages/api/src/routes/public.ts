// The stateless routes anyone may call: check a report, parse a published one.
import { createRoute, z } from "@hono/zod-openapi";
import { checkReport, ImportError, parseReport, reportDraftSchema } from "@ogi/domain";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "../errors.ts";
import { body, checkOut, errorsFor, json, parseOut } from "../schemas.ts";
import { subApp } from "./common.ts";

export const CHECK_LIMIT = 2 * 1024 * 1024;
export const PARSE_LIMIT = 20 * 1024 * 1024;

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "tooLarge", {
    zh: `请求内容超过 ${limit / 1024 / 1024} MB 的上限。`,
    en: `The body exceeds the limit of ${limit / 1024 / 1024} MB.`,
  });
};

const tags = ["public"];

export const publicApp = () =>
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
          "Read a published report (text, HTML or PDF as the body) / 读取已发布的年报 (no token needed)",
        middleware: [bodyLimit({ maxSize: PARSE_LIMIT, onError: tooLarge(PARSE_LIMIT) })] as const,
        request: {
          query: z.object({ filename: z.string().max(200).optional() }),
          body: {
            content: {
              "text/plain": { schema: z.string() },
              "text/html": { schema: z.string() },
              "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
            },
            required: true,
          },
        },
        responses: {
          200: json(parseOut, "The report and its findings"),
          ...errorsFor(400, 422),
        },
      }),
      async (c) => {
        const type = c.req.header("content-type") ?? "";
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const filename = c.req.valid("query").filename;
        const input = /pdf|octet-stream/.test(type) ? bytes : new TextDecoder().decode(bytes);
        try {
          const result = await parseReport(input, filename ? { filename } : {});
          return c.json(result, 200);
        } catch (error) {
          if (error instanceof ImportError)
            throw new ApiError(422, `import.${error.code}`, { zh: error.zh, en: error.message });
          // The reader running out of stack or array length (HTML nested thousands deep) is
          // still this input's fault: a clear 422, not a 500.
          if (error instanceof RangeError)
            throw new ApiError(422, "import.unreadable", {
              zh: "无法读取该文件（结构过深或过大）。",
              en: "The file can't be read (nested too deep or too large).",
            });
          throw error;
        }
      },
    );
