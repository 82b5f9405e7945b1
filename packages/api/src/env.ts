// The configuration, read once from the environment by one pure function.
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  OGI_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// / 必须以 postgres:// 开头")
    .optional(),
  OGI_ADMIN_TOKEN: z.string().min(16, "at least 16 characters / 至少 16 个字符").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  OGI_DEMO: z.enum(["0", "1"], "0 or 1 / 应为 0 或 1").optional(),
});

export type Config = {
  port: number;
  host: string;
  /** PGlite's data folder (ignored when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  logLevel: string;
  /** OGI_DEMO: 1 loads the demo data into an empty database, 0 never; unset: see demoWanted. */
  demo: boolean | undefined;
  /**
   * Not from the environment: the per-run token the API host makes and records, readable only by
   * the data folder's owner (see @ogi/db's data-dir-lock), accepted as the CLI (admin, channel
   * `cli`) for this run only.
   */
  localAdminToken?: string | undefined;
};

/** Reads the configuration; throws one readable error listing every bad variable. */
export const parseEnv = (
  env: Record<string, string | undefined>,
  defaults: { dataDir: string },
): Config => {
  const blank = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const r = envSchema.safeParse(blank);
  if (!r.success)
    throw new Error(
      `配置有误 / invalid configuration:\n${r.error.issues
        .map((i) => `  ${i.path.join(".")}: ${i.message}`)
        .join("\n")}`,
    );
  return {
    port: r.data.PORT,
    host: r.data.HOST,
    dataDir: r.data.OGI_DATA_DIR ?? defaults.dataDir,
    databaseUrl: r.data.DATABASE_URL,
    adminToken: r.data.OGI_ADMIN_TOKEN,
    logLevel: r.data.LOG_LEVEL,
    demo: r.data.OGI_DEMO === undefined ? undefined : r.data.OGI_DEMO === "1",
  };
};

/**
 * Demo data goes into an empty database on the embedded default only: never into PostgreSQL
 * unless OGI_DEMO=1, and nowhere with OGI_DEMO=0.
 */
export const demoWanted = (config: Pick<Config, "demo" | "databaseUrl">): boolean =>
  config.demo ?? config.databaseUrl === undefined;
