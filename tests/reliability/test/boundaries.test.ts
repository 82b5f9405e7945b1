// The house's walls (issue 13): apps host, packages hold the rules. No file of an app or a
// package reaches into another app's or package's files by path (relative or absolute); other
// workspaces are imported by package name, and each such name is declared in package.json.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const workspaces = ["apps", "packages"].flatMap((group) =>
  readdirSync(join(repoRoot, group))
    .map((name) => join(repoRoot, group, name))
    .filter((dir) => statSync(join(dir, "package.json"), { throwIfNoEntry: false })),
);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    // dist/: a package's build output (gitignored), compiled from the sources checked here.
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|mjs|js)$/.test(e.name) ? [path] : [];
  });

/** Module specifiers (static and dynamic imports, exports) and `new URL("…", import.meta.url)`. */
const references = (text: string) => [
  ...[...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!),
  ...[...text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g)].map((m) => m[1]!),
];

/** Paths to files as plain strings ("…/apps/bot/src/x.ts"), e.g. given to spawn or resolve. */
const pathStrings = (text: string) =>
  [
    ...text.matchAll(
      /["'`]([^"'`\s]*(?:apps|packages)\/[a-z-]+\/(?:src|bench|test)\/[^"'`\s]*)["'`]/g,
    ),
  ].map((m) => m[1]!);

describe("workspaces reach each other only by package name", () => {
  it("finds the workspaces", () => {
    const names = workspaces.map((w) => relative(repoRoot, w).split(sep).join("/"));
    expect(names).toEqual(
      expect.arrayContaining([
        "apps/api",
        "apps/cli",
        "packages/api",
        "packages/bot",
        "packages/db",
        "packages/domain",
      ]),
    );
  });

  for (const workspace of workspaces) {
    const name = relative(repoRoot, workspace).split(sep).join("/");
    it(`${name}: nothing reaches into another workspace by path, every @ogi/ import is declared`, () => {
      const pkg = JSON.parse(readFileSync(join(workspace, "package.json"), "utf8"));
      const declared = new Set([
        pkg.name,
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.devDependencies ?? {}),
      ]);
      const problems: string[] = [];
      for (const file of sourceFiles(workspace)) {
        const text = readFileSync(file, "utf8");
        const where = relative(repoRoot, file);
        for (const spec of references(text)) {
          if (spec.startsWith(".")) {
            // The repository's own tooling (scripts/) is not a workspace; another workspace is.
            const target = resolve(file, "..", spec);
            const other = workspaces.find((w) => w !== workspace && target.startsWith(w + sep));
            if (other) problems.push(`${where}: ${spec}`);
          } else if (spec.startsWith("@ogi/")) {
            const pkgName = spec.split("/").slice(0, 2).join("/");
            if (!declared.has(pkgName)) problems.push(`${where}: ${spec} (not declared)`);
          }
        }
        // A path into another workspace's files, e.g. spawning another app's entry.
        for (const path of pathStrings(text))
          if (
            !path.startsWith(`${name}/`) &&
            !path.includes(`/${name}/`) &&
            !text.includes(`// boundary-ok: ${path}`)
          )
            problems.push(`${where}: "${path}"`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("rooms a person can hold", () => {
  it("no source file over 600 lines, the label catalog excepted", () => {
    const big = workspaces
      .flatMap((w) => sourceFiles(w))
      .filter((f) => !f.endsWith(join("report", "catalog.ts")))
      .map((f) => ({ f: relative(repoRoot, f), n: readFileSync(f, "utf8").split("\n").length }))
      .filter(({ n }) => n > 600);
    expect(big).toEqual([]);
  });
});
