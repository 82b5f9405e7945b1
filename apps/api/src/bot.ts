// `pnpm --filter @ogi/server bot`: the bots alone, talking to the API at OGI_API_URL (./run-bots.mts).
// This entry is plain JavaScript in a CommonJS folder (src/package.json), so that
// `node apps/api/src/bot.ts` on an older Node (Debian's 20) runs it and says in one line that
// Node 24 is needed and how to get it, instead of refusing the .ts file with a stack trace.
require("../../../scripts/node-version.cjs").needNode24();
import("./run-bots.mts");
