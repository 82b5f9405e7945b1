// The language module is pure and small in what it needs: from its index, the files it loads
// are its own, the catalog, the word lists and the date arithmetic, never the report
// import or PDF code, never I/O, a clock or randomness. So it is the subpath
// @ogi/domain/language, and a messenger bridge can load it alone.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import * as byPath from "@ogi/domain/language";
import { describe, expect, it } from "vitest";
import * as fromRoot from "../../src/index.ts";

const src = resolve(import.meta.dirname, "../../src");

const reached = (): string[] => {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    // Type-only imports load nothing when the module runs.
    for (const m of text.matchAll(
      /\b(?:import|export)(\s+type\b)?[^;"']*?from\s*["']([^"']+)["']/g,
    ))
      if (!m[1] && m[2]!.startsWith(".")) walk(resolve(dirname(file), m[2]!));
  };
  walk(resolve(src, "language/index.ts"));
  return [...seen].map((f) => relative(src, f)).sort();
};

describe("the language module", () => {
  it("loads only its own files, the catalog, the words and the date arithmetic", () => {
    const outside = reached().filter((f) => !f.startsWith("language/"));
    expect(outside).toEqual([
      "register/deadlines/iso-dates.ts",
      "register/deadlines/statutory-periods.ts",
      "report/catalog.ts",
      "report/words.ts",
    ]);
  });

  it("reads no clock, environment, file or randomness", () => {
    for (const f of reached().filter((x) => x.startsWith("language/"))) {
      const text = readFileSync(resolve(src, f), "utf8");
      expect(text, f).not.toMatch(/Date\.now|new Date\(|process\.|Math\.random|from "node:/);
    }
  });

  it("is the subpath @ogi/domain/language, the same as from the root", () => {
    expect(byPath.readMessage).toBe(fromRoot.readMessage);
    expect(byPath.readSlot).toBe(fromRoot.readSlot);
    expect(byPath.describeIntent).toBe(fromRoot.describeIntent);
  });
});
