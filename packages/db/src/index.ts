export { sql } from "drizzle-orm";
export * from "./backup.ts";
export * from "./client.ts";
export * from "./data-dir-lock.ts";
export * from "./deadlines.ts";
export * from "./repo.ts";
export * as schema from "./schema.ts";
export * from "./secrets.ts";
export * from "./testing.ts";
