// `pnpm chat`: the staff bot in a terminal (./run-chat.mts).
// This entry is plain JavaScript in a CommonJS folder (src/package.json), so that
// `node apps/api/src/chat.ts` on an older Node (Debian's 20) runs it and says in one line that
// Node 24 is needed and how to get it, instead of refusing the .ts file with a stack trace.
require("../../../scripts/node-version.cjs").needNode24();
import("./run-chat.mts");
