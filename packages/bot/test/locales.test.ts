// Every message the code asks for exists in both languages, and the two files have the same keys.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MORE_EVENTS, UNDO_REASONS } from "../src/flows/index.ts";
import { sources } from "./support/sources.ts";

const root = resolve(import.meta.dirname, "..");
const keysOf = (file: string) =>
  new Set(
    [
      ...readFileSync(join(root, "locales", file), "utf8").matchAll(/^([a-z][a-zA-Z0-9-]*) =/gm),
    ].map((m) => m[1]!),
  );

describe("locales", () => {
  const zh = keysOf("zh.ftl");
  const en = keysOf("en.ftl");
  it("have the same keys", () => {
    expect([...zh].sort()).toEqual([...en].sort());
  });
  it("have every key the code uses", () => {
    const used = new Set<string>();
    for (const file of sources(join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z][a-zA-Z0-9-]*)"/g)) used.add(m[1]!);
    }
    // Keys built from a variable part.
    for (const e of MORE_EVENTS) used.add(`event-${e}`);
    for (const r of UNDO_REASONS) used.add(`undo-reason-${r}`);
    for (const r of ["clerk", "manager", "admin"]) used.add(`role-${r}`);
    for (const s of ["malformed", "forged", "version", "expired"]) used.add(`stale-${s}`);
    for (const k of ["error-api-down", "error-internal", "pending-line", "pending-line-overdue"])
      used.add(k);
    const missing = [...used].filter((k) => !zh.has(k));
    expect(missing).toEqual([]);
  });
});
