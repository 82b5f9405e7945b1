#!/usr/bin/env node
// `pnpm ogi …` / `node apps/cli/src/main.ts …`: the ogi command line (see cli.ts).
import { run } from "./cli.ts";
import { processIo } from "./io.ts";

process.exitCode = await run(process.argv.slice(2), processIo());
