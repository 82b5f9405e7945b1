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
});

export type Config = {
  port: number;
  host: string;
  /** PGlite's data folder (ignored when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  logLevel: string;
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
  };
};
