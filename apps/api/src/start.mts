// `pnpm start`: the API host (api-host.ts). The embedded data folder's owner is looked up before
// the API's modules load, which takes seconds on a busy machine, so that a second start is
// refused at once, in one line, with exit status 2; createDb then takes the folder for real (and
// refuses the same way if another process got there in between).
import { resolve } from "node:path";
import { parseBridgesEnv } from "@ogi/bot/bridges-env";
import { DataDirInUseError, dataDirOwner } from "@ogi/db/data-dir-lock";

const repoRoot = resolve(import.meta.dirname, "../../..");

if (!process.env.DATABASE_URL?.trim()) {
  const dataDir = resolve(process.env.OGI_DATA_DIR?.trim() || resolve(repoRoot, ".data"));
  const owner = dataDirOwner(dataDir);
  if (owner) {
    console.error(new DataDirInUseError(dataDir, owner).line());
    process.exit(2);
  }
}
// The bridges' variables (WECOM_*, DINGTALK_*) are checked before the API loads: a half-given
// pair stops the start at once, in one line.
try {
  parseBridgesEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
await import("./api-host.mts");
