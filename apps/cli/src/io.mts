// Where a command writes, so that commands stay testable in process as well as by spawning.
export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The directory relative paths are resolved against. */
  cwd: string;
};

/**
 * `pnpm ogi …` runs the script in the repository root; pnpm keeps the directory it was typed in
 * as INIT_CWD, and file arguments are meant relative to that.
 */
const invocationDirectory = () =>
  process.env.npm_lifecycle_event === "ogi" && process.env.INIT_CWD
    ? process.env.INIT_CWD
    : process.cwd();

export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: invocationDirectory(),
});
