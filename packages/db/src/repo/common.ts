// What the repository's files share: the row types, who records a write, and `anyOf`.
import { type AnyColumn, sql } from "drizzle-orm";
import type { agencies, applications, staff } from "../schema.ts";

export type Role = "clerk" | "manager" | "admin";
export type Channel = "api" | "bot" | "cli" | "import";
export type AgencyRow = typeof agencies.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

/** Who records a write, through which channel, and when. */
export type Recorder = { actor: string | null; channel: Channel; now: Date };

/**
 * How many counter rows per cell a write spreads over (see requestCounts): readers sum them
 * whatever the number. PostgreSQL's concurrent writers need COUNT_SHARDS; PGlite's one
 * connection writes one statement at a time, so there one row per cell is fewer rows to write.
 */
export type CountShards = { countShards?: number | undefined };

/** `column = any($1)` with the list as one array parameter (a thousand codes, one parameter). */
export const anyOf = (column: AnyColumn, list: readonly string[]) =>
  sql`${column} = any(${sql.param([...list])}::text[])`;
