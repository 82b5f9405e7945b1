// Configuration from the environment, validated in one place with a readable, bilingual error.
import { z } from "zod";

const url = (name: string) =>
  z
    .string()
    .trim()
    .url(`${name} must be a URL such as http://127.0.0.1:3000 / ${name} 应为网址`)
    .transform((u) => u.replace(/\/+$/, ""));

const envSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: z
      .string()
      .trim()
      .regex(
        /^\d+:[A-Za-z0-9_-]{20,}$/,
        "TELEGRAM_BOT_TOKEN must look like 123456:ABC… (from @BotFather) / 应为 @BotFather 给出的令牌",
      ),
    TELEGRAM_API_ROOT: url("TELEGRAM_API_ROOT").default("https://api.telegram.org"),
    OGI_API_URL: url("OGI_API_URL").default("http://127.0.0.1:3000"),
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
    WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_URL"],
        message: "WEBHOOK_URL is required when BOT_MODE=webhook / webhook 模式需要 WEBHOOK_URL",
      });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message:
          "WEBHOOK_SECRET is required when BOT_MODE=webhook / webhook 模式需要 WEBHOOK_SECRET",
      });
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
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
  throw new EnvError(`Bot configuration is invalid / 机器人配置有误:\n${lines.join("\n")}`);
};
