// `pnpm bench` for the domain package, part two: the browser bundles of the subpaths (esbuild,
// platform "browser", minified, everything each subpath exports). Issue 21 sets 150 KiB for
// `@ogi/domain/rules`. Writes its own section of docs/benchmarks.md.
import { writeBenchSection } from "../../../scripts/bench-doc.ts";
import { bundleSubpath } from "../test/browser-bundle.ts";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const targets: Record<string, string> = { rules: "under 150 KiB" };
const rows: string[] = [];
for (const subpath of ["rules", "render", "report", "register", "deadlines"]) {
  const bundle = await bundleSubpath(subpath);
  rows.push(`| \`@ogi/domain/${subpath}\` | ${kib(bundle.bytes)} | ${targets[subpath] ?? "—"} |`);
}
const body = `
| Browser bundle (esbuild, minified, all its exports) | Size | Target |
|---|---|---|
${rows.join("\n")}

\`report\`, \`register\` and \`deadlines\` carry zod (its locales included: esbuild keeps
\`export * as locales\`); \`rules\` and \`render\` do not load it.
`;
console.log(body);
writeBenchSection(
  "Domain: browser bundles",
  "pnpm bench (packages/domain: node bench/bundles.ts)",
  body,
);
