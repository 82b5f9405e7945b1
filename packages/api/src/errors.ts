// One error shape for every failure: { error: { code, message: { zh, en }, issues } }.

import type { Bilingual } from "@ogi/domain";
import type { z } from "zod";

export type { Bilingual };
export type Issue = { path: string; message: string };
export type ErrorBody = {
  error: { code: string; message: Bilingual; issues?: Issue[] };
};

export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  readonly code: string;
  readonly bilingual: Bilingual;
  readonly issues: Issue[] | undefined;
  /** Seconds, sent as Retry-After (a 503 or 429 worth retrying). */
  readonly retryAfter: number | undefined;
  constructor(
    status: ApiError["status"],
    code: string,
    message: Bilingual,
    issues?: Issue[],
    retryAfter?: number,
  ) {
    super(message.en);
    this.status = status;
    this.code = code;
    this.bilingual = message;
    this.issues = issues;
    this.retryAfter = retryAfter;
  }
  body(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.bilingual,
        ...(this.issues ? { issues: this.issues } : {}),
      },
    };
  }
}

type AnyIssue = { path: PropertyKey[]; message: string; code?: string; errors?: AnyIssue[][] };
/** A union's "Invalid input" says nothing; the issues of its closest branch name the field. */
const unionBranch = (i: AnyIssue): AnyIssue[] => {
  if (i.code !== "invalid_union" || !i.errors?.length) return [i];
  const best = [...i.errors].sort((a, b) => a.length - b.length)[0]!;
  if (best.length === 0) return [i];
  return best.flatMap((e) => unionBranch({ ...e, path: [...i.path, ...e.path] }));
};

/** What each kind of issue is, in Chinese, before zod's English message. */
const ISSUE_ZH: Record<string, string> = {
  invalid_type: "类型有误或缺少",
  invalid_value: "取值无效",
  invalid_format: "格式有误",
  too_big: "过大或过长",
  too_small: "过小、过短或为空",
  unrecognized_keys: "有不认识的字段",
  not_multiple_of: "数值有误",
  invalid_key: "键有误",
  invalid_element: "元素有误",
  invalid_union: "内容有误",
  custom: "内容有误",
};
const HAN = /[\u4e00-\u9fff]/;

export const zodIssues = (error: z.ZodError, prefix?: string): Issue[] =>
  (error.issues as AnyIssue[]).flatMap(unionBranch).map((i) => ({
    path: [...(prefix ? [prefix] : []), ...i.path.map(String)].join("."),
    // Every message in both languages: ours are; zod's get the Chinese of their kind.
    message: HAN.test(i.message)
      ? i.message
      : `${ISSUE_ZH[i.code ?? ""] ?? "内容有误"} / ${i.message}`,
  }));

export const invalid = (issues: Issue[], status: 400 | 422 = 422) =>
  new ApiError(
    status,
    "invalid",
    { zh: "请求内容有误，见 issues。", en: "The request is invalid; see issues." },
    issues,
  );

export const unauthorized = () =>
  new ApiError(401, "unauthorized", {
    zh: "需要有效的令牌（Authorization: Bearer …）。",
    en: "A valid token is needed (Authorization: Bearer …).",
  });

export const forbidden = (what: Bilingual = { zh: "此操作", en: "this" }) =>
  new ApiError(403, "forbidden", {
    zh: `无权进行${what.zh}。`,
    en: `You are not allowed to do ${what.en}.`,
  });

export const notFound = (what: Bilingual) =>
  new ApiError(404, "notFound", { zh: `找不到${what.zh}。`, en: `${what.en} not found.` });

export const conflict = (code: string, message: Bilingual) => new ApiError(409, code, message);
