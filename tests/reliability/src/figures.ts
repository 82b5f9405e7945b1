// The soak runs write their figures into docs/reliability.md, between markers of their own, so
// that the document always shows the numbers of the last run.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatMarkdown } from "../../../scripts/bench-doc.ts";
import { repoRoot } from "./harness.ts";

export const RELIABILITY_DOC = resolve(repoRoot, "docs/reliability.md");

export type Figures = Record<string, string | number>;

/** A markdown table of one row per run (e.g. per engine). */
export const figuresTable = (rows: Figures[]) => {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [
    `| ${keys.join(" | ")} |`,
    `| ${keys.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${keys.map((k) => String(r[k] ?? "")).join(" | ")} |`),
  ].join("\n");
};

/** Replaces (or appends) the section `name` of docs/reliability.md. */
export const writeFigures = (name: string, body: string) => {
  const start = `<!-- figures:${name}:start -->`;
  const end = `<!-- figures:${name}:end -->`;
  const doc = existsSync(RELIABILITY_DOC) ? readFileSync(RELIABILITY_DOC, "utf8") : "";
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  const next =
    i >= 0 && j > i
      ? `${doc.slice(0, i)}${block}${doc.slice(j + end.length)}`
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(RELIABILITY_DOC, next);
  formatMarkdown(RELIABILITY_DOC);
};
