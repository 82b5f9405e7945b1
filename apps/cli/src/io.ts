// Where a command writes, so that commands stay testable in process as well as by spawning.
export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
};

export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
