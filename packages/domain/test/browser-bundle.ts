// Bundles subpaths of @ogi/domain for a browser with esbuild, the way a front end would
// (platform "browser", minified, no polyfills). Used by the browser test and the benchmark.
import { build } from "esbuild";

const packageDir = new URL("..", import.meta.url).pathname;

/** The script, its size in bytes, and the input files that put code into it. */
export type Bundle = { code: string; bytes: number; inputs: string[] };

/** Bundles `source` (an ES module importing @ogi/domain subpaths) into one minified script. */
export const bundleForBrowser = async (
  source: string,
  options: { format?: "esm" | "iife"; globalName?: string } = {},
): Promise<Bundle> => {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: "ts" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: options.format ?? "esm",
    globalName: options.globalName,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  return {
    code,
    bytes: Buffer.byteLength(code),
    // Files parsed but shaken out entirely (e.g. zod behind schema.ts) put no bytes in.
    inputs: Object.values(result.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([path]) => path),
    ),
  };
};

/** Everything a subpath exports, bundled: the worst case for a consumer of that subpath. */
export const bundleSubpath = (subpath: string) =>
  bundleForBrowser(`export * from "@ogi/domain/${subpath}";`);
