// The command table and the dispatcher. run() never throws: it returns the exit status and
// writes at most one error line (Chinese / English) to stderr.
import type { Command } from "./command.mts";
import { adminCommand } from "./commands/admin.mts";
import { backupCommand, restoreCommand } from "./commands/backup.mts";
import { calendarCommand } from "./commands/calendar.mts";
import { checkCommand } from "./commands/check.mts";
import { commandUsage, usage } from "./commands/help.mts";
import { parseCommand } from "./commands/parse.mts";
import { renderCommand } from "./commands/render.mts";
import { CliError, EXIT_OK, EXIT_USAGE, errorLine } from "./errors.mts";
import type { Io } from "./io.mts";

const helpCommand: Command = {
  name: "help",
  synopsis: "ogi help [<command>]",
  summary: { zh: "显示用法", en: "Show this usage text" },
  run: async ([name], io) => {
    const command = COMMANDS.find((c) => c.name === name);
    if (name !== undefined && command === undefined) throw unknownCommand(name);
    io.out(command === undefined ? usage(COMMANDS) : commandUsage(command));
    return EXIT_OK;
  },
};

/** Later issues add `admin` and `calendar` here. */
export const COMMANDS: readonly Command[] = [
  parseCommand,
  checkCommand,
  renderCommand,
  adminCommand,
  calendarCommand,
  backupCommand,
  restoreCommand,
  helpCommand,
];

const unknownCommand = (name: string) =>
  new CliError({
    zh: `未知命令：${name}（运行 ogi help 查看用法）`,
    en: `Unknown command: ${name} (run ogi help for usage)`,
  });

const HELP_FLAGS = ["--help", "-h"];

export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  // `pnpm run ogi -- check x` passes the "--" on.
  const [name, ...args] = argv[0] === "--" ? argv.slice(1) : argv;
  try {
    if (name === undefined || HELP_FLAGS.includes(name)) {
      io.out(usage(COMMANDS));
      return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) {
      io.err(usage(COMMANDS));
      throw unknownCommand(name);
    }
    if (args.some((a) => HELP_FLAGS.includes(a))) {
      io.out(commandUsage(command));
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (e) {
    io.err(`${errorLine(e)}\n`);
    if (process.env.OGI_DEBUG && e instanceof Error && !(e instanceof CliError))
      io.err(`${e.stack}\n`);
    return EXIT_USAGE;
  }
};
