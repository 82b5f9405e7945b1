export * from "./api.ts";
export { type BotDeps, createBot, todayIn } from "./bot.ts";
export type { BotContext, Logger } from "./context.ts";
export { EnvError, parseEnv } from "./env.ts";
export { fileStore, type KeyValueStore, memoryStore } from "./storage.ts";
