// The bot's walls: it reaches the register only through the API's typed client, never the
// database; its package declares no database dependency.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sources } from "./support/sources.ts";

const root = resolve(import.meta.dirname, "..");
/** Every module specifier a file imports, statically or dynamically. */
const specifiers = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("the bot's dependencies", () => {
  it("declares no database package", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    for (const field of ["dependencies", "devDependencies"])
      for (const name of ["@ogi/db", "drizzle-orm", "pg", "@electric-sql/pglite"])
        expect(Object.keys(pkg[field] ?? {}), `${field} ${name}`).not.toContain(name);
  });

  it("imports the API only as @ogi/api/client, and nothing of the database", () => {
    const files = sources(join(root, "src"));
    expect(files.length).toBeGreaterThan(20);
    const api = files.flatMap((f) =>
      specifiers(f)
        .filter((s) => s.startsWith("@ogi/api") || s.startsWith("@ogi/db") || s === "drizzle-orm")
        .map((s) => `${f.slice(root.length)}: ${s}`),
    );
    expect(api.length).toBeGreaterThan(0);
    expect(api.filter((line) => !line.endsWith(": @ogi/api/client"))).toEqual([]);
  });
});
