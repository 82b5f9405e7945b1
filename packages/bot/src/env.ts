// Configuration from the environment, validated in one place with a readable, bilingual error.
import { z } from "zod";

const url = (name: string) =>
  z
    .string()
    .trim()
    .url(`${name} must be a URL such as http://127.0.0.1:3000 / ${name} 应为网址`)
    .transform((u) => u.replace(/\/+$/, ""));

const isRedisUrl = (s: string) => {
  try {
    const u = new URL(s);
    return (u.protocol === "redis:" || u.protocol === "rediss:") && u.hostname !== "";
  } catch {
    return false;
  }
};

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(
      /^\d+:[A-Za-z0-9_-]{20,}$/,
      "TELEGRAM_BOT_TOKEN must look like 123456:ABC… (from @BotFather) / 应为 @BotFather 给出的令牌",
    ),
  TELEGRAM_API_ROOT: url("TELEGRAM_API_ROOT").default("https://api.telegram.org"),
  OGI_API_URL: url("OGI_API_URL").default("http://127.0.0.1:3000"),
  /** Where people open the web console, for /web's sign-in links (default: OGI_API_URL). */
  OGI_CONSOLE_URL: url("OGI_CONSOLE_URL").optional(),
  OGI_BOT_SERVICE_TOKEN: z
    .string()
    .trim()
    .min(
      16,
      "OGI_BOT_SERVICE_TOKEN is required (a bot service token from the API) / 缺少机器人服务令牌",
    ),
  BOT_MODE: z
    .enum(["polling", "webhook"], {
      error: "BOT_MODE must be polling or webhook / BOT_MODE 只能是 polling 或 webhook",
    })
    .default("polling"),
  WEBHOOK_URL: url("WEBHOOK_URL").optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{16,256}$/,
      "WEBHOOK_SECRET must be 16–256 characters of A-Z a-z 0-9 _ - / WEBHOOK_SECRET 应为 16–256 个字母、数字、_ 或 -",
    )
    .optional(),
  WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Where the webhook server listens (0.0.0.0: every interface, behind a reverse proxy). */
  WEBHOOK_HOST: z.string().min(1).default("0.0.0.0"),
  /** A Redis shared by every instance of the bot; unset: a JSON file of this instance's own. */
  BOT_STORAGE_URL: z
    .string()
    .trim()
    .refine(
      isRedisUrl,
      "BOT_STORAGE_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 / BOT_STORAGE_URL 应为 redis:// 或 rediss:// 开头的 Redis 地址",
    )
    .optional(),
});

export type BotEnv = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates the bot's configuration; throws an EnvError listing every problem, one per line. */
export const parseEnv = (env: Record<string, string | undefined>): BotEnv => {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const r = envSchema.safeParse(cleaned);
  const issues = r.success
    ? []
    : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  // Checked apart from the schema, so they are reported together with every other problem.
  if (cleaned.BOT_MODE === "webhook") {
    if (!cleaned.WEBHOOK_URL)
      issues.push({
        path: "WEBHOOK_URL",
        message: "WEBHOOK_URL is required when BOT_MODE=webhook / webhook 模式需要 WEBHOOK_URL",
      });
    if (!cleaned.WEBHOOK_SECRET)
      issues.push({
        path: "WEBHOOK_SECRET",
        message:
          "WEBHOOK_SECRET is required when BOT_MODE=webhook / webhook 模式需要 WEBHOOK_SECRET",
      });
  }
  if (r.success && issues.length === 0) return r.data;
  const lines = issues.map((i) => `  ${i.path || "env"}: ${i.message}`);
  throw new EnvError(`Bot configuration is invalid / 机器人配置有误:\n${lines.join("\n")}`);
};
