// The one check of Node's version, before any TypeScript loads: every entry (apps/api/src/main.ts,
// bot.ts, chat.ts; apps/cli/src/main.ts), plain JavaScript so that Node 20 can run them, calls it. Older Node can't even read our .ts files, so without it the
// newcomer sees ERR_UNKNOWN_FILE_EXTENSION and a stack trace instead of what to do.
// Plain JavaScript that Node 20 parses: no types, no newer syntax.
"use strict";

const NEEDED = 24;

/** Ends the process with one bilingual line and exit status 2 when Node is older than 24. */
exports.needNode24 = function needNode24() {
  const found = process.versions.node;
  if (Number(found.split(".")[0]) >= NEEDED) return;
  process.stderr.write(
    `需要 Node ${NEEDED}，请用 ./ogi start / needs Node ${NEEDED} (found v${found}): run ./ogi start, which fetches it\n`,
  );
  process.exit(2);
};
