// The configuration, read once from the environment by one pure function.
import { z } from "zod";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DEFAULT_RENDER_LIMITS,
  type DocumentLimits,
} from "./documents/limits.ts";
import { type AuthFailureLimits, DEFAULT_AUTH_FAILURES } from "./guards.ts";

const count = (max: number) => z.coerce.number().int().min(1).max(max);
/** "1", "true", "yes" (and "0", "false", "no"): a switch. */
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no"], "1 or 0 / 应为 1 或 0")
  .transform((v) => v === "1" || v === "true" || v === "yes");

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
  // Reading published reports (POST /v1/parse): see docs/operations.md ("Limits").
  PARSE_MAX_BYTES: count(25 * 1024 * 1024).optional(),
  PARSE_MAX_PAGES: count(100_000).optional(),
  PARSE_MAX_TEXT_RUNS: count(100_000_000).optional(),
  PARSE_MAX_CHARACTERS: count(100_000_000).optional(),
  PARSE_TIMEOUT_MS: count(600_000).optional(),
  PARSE_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).optional(),
  PARSE_WORKERS: count(64).optional(),
  PARSE_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  // Writing Word, PDF and Excel downloads (GET …/reports/{year}?format=docx|pdf|xlsx).
  RENDER_WORKERS: count(64).optional(),
  RENDER_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  // Sign-in failures (see guards.ts): per presented token and per client address, a minute.
  AUTH_FAILURES_PER_TOKEN: count(1_000_000).optional(),
  AUTH_FAILURES_PER_ADDRESS: count(1_000_000).optional(),
  AUTH_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** Behind a reverse proxy: the client's address is the last one X-Forwarded-For names. */
  TRUST_PROXY: flag.optional(),
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
  documents: DocumentLimits;
  authFailures: AuthFailureLimits;
  /** Take the client's address from X-Forwarded-For (set only behind a reverse proxy). */
  trustProxy: boolean;
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
  const d = r.data;
  return {
    port: r.data.PORT,
    host: r.data.HOST,
    dataDir: r.data.OGI_DATA_DIR ?? defaults.dataDir,
    databaseUrl: r.data.DATABASE_URL,
    adminToken: r.data.OGI_ADMIN_TOKEN,
    logLevel: r.data.LOG_LEVEL,
    demo: r.data.OGI_DEMO === undefined ? undefined : r.data.OGI_DEMO === "1",
    documents: {
      maxBytes: d.PARSE_MAX_BYTES ?? DEFAULT_DOCUMENT_LIMITS.maxBytes,
      maxPages: d.PARSE_MAX_PAGES ?? DEFAULT_DOCUMENT_LIMITS.maxPages,
      maxTextRuns: d.PARSE_MAX_TEXT_RUNS ?? DEFAULT_DOCUMENT_LIMITS.maxTextRuns,
      maxCharacters: d.PARSE_MAX_CHARACTERS ?? DEFAULT_DOCUMENT_LIMITS.maxCharacters,
      timeoutMs: d.PARSE_TIMEOUT_MS ?? DEFAULT_DOCUMENT_LIMITS.timeoutMs,
      memoryMb: d.PARSE_MEMORY_MB ?? DEFAULT_DOCUMENT_LIMITS.memoryMb,
      workers: d.PARSE_WORKERS ?? DEFAULT_DOCUMENT_LIMITS.workers,
      queue: d.PARSE_QUEUE ?? DEFAULT_DOCUMENT_LIMITS.queue,
      renderWorkers: d.RENDER_WORKERS ?? DEFAULT_RENDER_LIMITS.renderWorkers,
      renderQueue: d.RENDER_QUEUE ?? DEFAULT_RENDER_LIMITS.renderQueue,
    },
    authFailures: {
      perToken: d.AUTH_FAILURES_PER_TOKEN ?? DEFAULT_AUTH_FAILURES.perToken,
      perAddress: d.AUTH_FAILURES_PER_ADDRESS ?? DEFAULT_AUTH_FAILURES.perAddress,
      delayMs: d.AUTH_FAILURE_DELAY_MS ?? DEFAULT_AUTH_FAILURES.delayMs,
    },
    trustProxy: d.TRUST_PROXY ?? false,
  };
};

/**
 * Demo data goes into an empty database on the embedded default only: never into PostgreSQL
 * unless OGI_DEMO=1, and nowhere with OGI_DEMO=0.
 */
export const demoWanted = (config: Pick<Config, "demo" | "databaseUrl">): boolean =>
  config.demo ?? config.databaseUrl === undefined;
