// The ogi command line (see cli.mts), loaded by main.ts once Node is known to be new enough. The
// commands are loaded inside the try so that even a broken installation fails in one line.
import { EXIT_USAGE, errorLine } from "./errors.mts";
import { processIo } from "./io.mts";

// `pnpm ogi check … | head`: the reader has gone, and nobody wants the rest; end quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

try {
  const { run } = await import("./cli.mts");
  process.exitCode = await run(process.argv.slice(2), processIo());
} catch (e) {
  process.stderr.write(`${errorLine(e)}\n`);
  if (process.env.OGI_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exitCode = EXIT_USAGE;
}
