// `@ogi/api/client` is what other programs (the bot) import: it must load the typed client and
// nothing of the server (no database driver, no routes). A child `node` process imports it and
// lists every module it resolved; importing `@ogi/api` itself is the control that the check sees
// the server when it is there.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The URLs of every module `specifier` loads, in a fresh process. */
const loadedBy = (specifier: string): string[] => {
  const script = `
    import { registerHooks } from "node:module";
    const seen = [];
    registerHooks({
      resolve(spec, context, next) {
        const r = next(spec, context);
        seen.push(r.url);
        return r;
      },
    });
    await import(${JSON.stringify(specifier)});
    process.stdout.write(JSON.stringify(seen));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: import.meta.dirname,
    encoding: "utf8",
    timeout: 60_000,
  });
  return JSON.parse(out) as string[];
};

const SERVER = [
  /[/\\]packages[/\\]db[/\\]/,
  /node_modules[/\\]pg[/\\]/,
  /@electric-sql[/\\]pglite/,
];
const serverModules = (urls: string[]) => urls.filter((u) => SERVER.some((p) => p.test(u)));

describe("@ogi/api/client", () => {
  it("loads hono's client and the wire constants, nothing of the server", () => {
    const urls = loadedBy("@ogi/api/client");
    expect(urls.some((u) => u.endsWith("/packages/api/src/client.ts"))).toBe(true);
    expect(serverModules(urls)).toEqual([]);
    // Nothing of the API but the client and its header constants.
    expect(
      urls.filter((u) => u.includes("/packages/api/src/")).map((u) => u.split("/").pop()),
    ).toEqual(expect.arrayContaining(["client.ts", "identity.ts"]));
    expect(
      urls.filter((u) => u.includes("/packages/api/src/") && !/\/(client|identity)\.ts$/.test(u)),
    ).toEqual([]);
  });

  it("the check sees the server when it is loaded (@ogi/api itself)", () => {
    const urls = loadedBy("@ogi/api");
    expect(serverModules(urls).length).toBeGreaterThan(0);
  });
});
