export { type AppType, createApp } from "./app.ts";
export { type Client, type ClientOptions, createClient } from "./client.ts";
export { type Deps, type Principal, TELEGRAM_USER_HEADER } from "./context.ts";
export { DEMO_REGION, type DemoResult, seedDemo } from "./demo.ts";
export { type Config, demoWanted, parseEnv } from "./env.ts";
export type { ErrorBody } from "./errors.ts";
export { type ApiServer, createApiServer, inProcessFetch } from "./server.ts";
export { IDEMPOTENCY_HEADER } from "./write.ts";
