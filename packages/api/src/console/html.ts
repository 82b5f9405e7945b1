// The console's pages are Hono's `html` templates: every interpolated value is escaped unless it
// is itself a template (or raw()). Hono's JSX would need a .tsx transform, which Node's type
// stripping (`pnpm start` runs the sources) does not do; the templates need no build step.

import type { Bilingual, Lang } from "@ogi/domain";
import { html as honoHtml, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export type Html = HtmlEscapedString;
/** Synchronous templates only (nothing here interpolates a promise). */
export const html = honoHtml as (strings: TemplateStringsArray, ...values: unknown[]) => Html;
export { raw };

/** Chinese first: the text in the page's language. */
export const t = (lang: Lang, zh: string, en: string) => (lang === "en" ? en : zh);
export const tb = (lang: Lang, b: Bilingual) => (lang === "en" ? b.en : b.zh);

/** A query string from the defined values (`?a=1&b=x`, or "" when none). */
export const query = (values: Record<string, string | number | boolean | undefined | null>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
};

export const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === "en" ? "en-US" : "zh-CN");
