export * from "./api.ts";
export { type BotDeps, createBot } from "./bot.ts";
export { isBridgeStartError, type StartedBridges, startBridges } from "./bridges.ts";
export { parseBridgesEnv } from "./bridges-env.ts";
export type { BotContext, Logger } from "./context.ts";
export { EnvError, parseEnv } from "./env.ts";
export { createHttpApi } from "./http-api.ts";
export { type StartedBot, type StartOptions, startBot } from "./start.ts";
export { fileStore, fromStorageAdapter, type KeyValueStore, memoryStore } from "./storage.ts";
