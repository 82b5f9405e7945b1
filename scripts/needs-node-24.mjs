// `pnpm start`, `pnpm ogi`, `pnpm chat`: checks the Node version before anything else loads (the
// entries are TypeScript, which older Node can't even read), then runs the entry as if started
// directly: `node scripts/needs-node-24.mjs apps/cli/src/main.ts …` is `node apps/cli/src/main.ts …`.
// Plain JavaScript that Node 20 parses: no types, no newer syntax.
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const NEEDED = 24;
const found = process.versions.node;
if (Number(found.split(".")[0]) < NEEDED) {
  process.stderr.write(
    `需要 Node ${NEEDED}，请用 ./ogi start / needs Node ${NEEDED} (found v${found}): run ./ogi start, which fetches it\n`,
  );
  process.exit(2);
}
const root = fileURLToPath(new URL("..", import.meta.url));
const entry = resolve(root, process.argv[2]);
process.argv.splice(1, 2, entry);
await import(pathToFileURL(entry).href);
