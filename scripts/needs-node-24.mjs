// `pnpm start`, `pnpm ogi`, `pnpm chat`: checks the Node version before anything else loads (the
// entries are TypeScript, which older Node can't even read), then runs the entry as if started
// directly: `node scripts/needs-node-24.mjs apps/cli/src/main.ts …` is `node apps/cli/src/main.ts …`.
// Plain JavaScript that Node 20 parses: no types, no newer syntax.
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { needNode24 } from "./node-version.cjs";

needNode24();
const root = fileURLToPath(new URL("..", import.meta.url));
const entry = resolve(root, process.argv[2]);
process.argv.splice(1, 2, entry);
await import(pathToFileURL(entry).href);
