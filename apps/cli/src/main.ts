#!/usr/bin/env node
// `pnpm ogi …` / `node apps/cli/src/main.ts …`: the ogi command line (./run.mts).
// This entry is plain JavaScript in a CommonJS folder (src/package.json), so that an older Node
// (Debian's 20) runs it and says in one line that Node 24 is needed and how to get it, instead of
// refusing the .ts file with a stack trace.
require("../../../scripts/node-version.cjs").needNode24();
import("./run.mts");
