export * from "./api.ts";
export { type BotDeps, createBot, todayIn } from "./bot.ts";
export type { BotContext, Logger } from "./context.ts";
export { EnvError, parseEnv } from "./env.ts";
export { createHttpApi, TELEGRAM_USER_HEADER } from "./http-api.ts";
export { type StartedBot, type StartOptions, startBot } from "./start.ts";
export { fileStore, fromStorageAdapter, type KeyValueStore, memoryStore } from "./storage.ts";
