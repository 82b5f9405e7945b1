// A command of the CLI. Commands with subcommands (`ogi admin …`, `ogi calendar load <file>`)
// are one Command each whose run() dispatches on args[0]; a command that needs heavy modules
// (a database client) should import them inside run() so the others stay fast.
import type { Bilingual } from "@ogi/domain";
import type { Io } from "./io.mts";

export type Command = {
  name: string;
  /** The synopsis line: "ogi check <file> [--previous <file>] [--json] [--lang zh|en]". */
  synopsis: string;
  summary: Bilingual;
  /** Details shown by `ogi help <name>` and `ogi <name> --help`, one entry per line. */
  details?: readonly Bilingual[];
  /** Returns the exit status; throws CliError for bad input (exit status 2). */
  run: (args: string[], io: Io) => Promise<number>;
};
