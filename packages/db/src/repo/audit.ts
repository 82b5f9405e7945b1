// Idempotency-Key answers and the audit log.
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { auditLog, idempotencyKeys } from "../schema.ts";
import type { Channel } from "./common.ts";

/** The answer stored under an Idempotency-Key, given again to a replay of the same request. */
export type IdempotentAnswer = {
  principal: string;
  key: string;
  route: string;
  bodyHash: string;
  status: number;
  response: unknown;
};

/** One entry of the audit log: who did what, through which channel, to what. */
export type AuditEntry = {
  actor: string | null;
  channel: Channel;
  action: string;
  target?: string | undefined;
  detail?: unknown;
};

export const findIdempotent = async (ex: Executor, principal: string, key: string) => {
  const [row] = await ex
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  return row;
};

export const storeIdempotent = async (ex: Executor, r: IdempotentAnswer, now: Date) => {
  await ex.insert(idempotencyKeys).values({ ...r, createdAt: now });
};

export const audit = async (ex: Executor, entry: AuditEntry, now: Date) => {
  await ex.insert(auditLog).values({
    at: now,
    actor: entry.actor,
    channel: entry.channel,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
  });
};

export const auditEntries = async (ex: Executor, limit = 100) =>
  ex.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
