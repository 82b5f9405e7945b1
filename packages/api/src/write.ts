// Every write: one transaction, the audit entry inside it, and the Idempotency-Key answer stored
// in the same transaction, so that a replay returns the first answer and a failure leaves
// nothing behind.
import { createHash } from "node:crypto";
import {
  audit,
  type Channel,
  type EventTail,
  type Executor,
  findIdempotent,
  holdLockedYears,
  lockedYears,
  storeIdempotent,
  type Tx,
  type YearLockedError,
} from "@ogi/db";
import { scopeOf } from "./cache.ts";
import { actorOf, type Ctx, channelOf, type Deps } from "./context.ts";
import { ApiError, conflict } from "./errors.ts";
import { IDEMPOTENCY_HEADER } from "./identity.ts";

export type Written<B, S extends number> = { status: S; body: B };

export { IDEMPOTENCY_HEADER };

type Action = {
  action: string;
  target?: string;
  detail?: unknown;
  channel?: Channel;
  /** Rows of the register it writes, when more than one (an import). */
  rows?: number;
};

const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
};

/**
 * Runs `fn` in a transaction. With an Idempotency-Key: the same key and body answer what the
 * first request answered without writing; the same key with another body or route is a 422.
 */
const prepare = <B, S extends number>(deps: Deps, c: Ctx, input: unknown) => {
  const principal = c.get("principal");
  const key = c.req.header(IDEMPOTENCY_HEADER)?.trim();
  const route = `${c.req.method} ${c.req.path}`;
  const bodyHash = createHash("sha256")
    .update(JSON.stringify(input ?? null))
    .digest("hex");
  const principalId = principal.kind === "anonymous" ? "anonymous" : principal.id;
  if (key !== undefined && (key.length === 0 || key.length > 200))
    throw new ApiError(400, "invalid", {
      zh: `${IDEMPOTENCY_HEADER} 应为 1–200 个字符。`,
      en: `${IDEMPOTENCY_HEADER} must be 1–200 characters.`,
    });
  const replay = async (): Promise<Written<B, S> | undefined> => {
    if (!key) return undefined;
    const found = await findIdempotent(deps.db, principalId, key);
    if (!found) return undefined;
    if (found.route !== route || found.bodyHash !== bodyHash)
      throw new ApiError(422, "idempotencyKeyReused", {
        zh: `${IDEMPOTENCY_HEADER} “${key}” 已用于另一个请求（路径或内容不同）。`,
        en: `${IDEMPOTENCY_HEADER} "${key}" was already used for a different request (route or body).`,
      });
    c.header("Idempotent-Replayed", "true");
    return { status: found.status as S, body: found.response as B };
  };
  return { principal, key, route, bodyHash, principalId, replay };
};

/**
 * Runs `fn` in a transaction. With an Idempotency-Key: the same key and body answer what the
 * first request answered without writing; the same key with another body or route is a 422.
 */
export const write = async <B, S extends number>(
  deps: Deps,
  c: Ctx,
  input: unknown,
  what: Action,
  fn: (tx: Tx) => Promise<Written<B, S>>,
): Promise<Written<B, S>> => {
  const { principal, key, route, bodyHash, principalId, replay } = prepare<B, S>(deps, c, input);
  const first = await replay();
  if (first) return first;
  try {
    const written = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const result = await fn(tx);
      await audit(
        tx,
        {
          actor: actorOf(principal),
          channel: what.channel ?? channelOf(principal),
          action: what.action,
          ...(what.target ? { target: what.target } : {}),
          ...(what.detail !== undefined ? { detail: what.detail } : {}),
        },
        now,
      );
      if (key)
        await storeIdempotent(
          tx,
          {
            principal: principalId,
            key,
            route,
            bodyHash,
            status: result.status,
            response: result.body,
          },
          now,
        );
      return result;
    });
    deps.cache?.invalidate(scopeOf(what.action));
    deps.wrote?.(what.rows ?? 1);
    return written;
  } catch (error) {
    // Two requests with the same key at once: the second one's insert fails, or it is refused
    // because the first one's write is now there (e.g. concluding twice); answer the first.
    if (key && (isUniqueViolation(error) || error instanceof ApiError)) {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
};

/**
 * The same guarantees as `write` for a write that is one statement (an event: see appendEvent):
 * `fn` reads without a transaction, then writes the change, the audit entry and the
 * Idempotency-Key answer (from `tail`) in a single statement, atomic on its own. When another
 * write got there in between (a unique violation), it reads again and decides again. A key
 * used before makes the write fail (its answer is stored: a unique violation; or the event is
 * refused as done already), and the stored answer is given.
 */
export const writeOnce = async <B, S extends number>(
  deps: Deps,
  c: Ctx,
  input: unknown,
  what: Action,
  fn: (tail: (status: S, body: B) => EventTail) => Promise<Written<B, S>>,
): Promise<Written<B, S>> => {
  const { principal, key, route, bodyHash, principalId, replay } = prepare<B, S>(deps, c, input);
  // No look-up of the key first: a replay fails to write (the key's row exists, so the
  // statement fails whole, or the event is refused as done already) and is answered below.
  for (let attempt = 1; ; attempt++) {
    try {
      const now = deps.clock.now();
      const written = await fn((status, body) => ({
        audit: {
          at: now,
          actor: actorOf(principal),
          channel: what.channel ?? channelOf(principal),
          action: what.action,
          target: what.target,
          detail: what.detail,
        },
        idempotency: key
          ? { principal: principalId, key, route, bodyHash, status, response: body }
          : undefined,
      }));
      deps.cache?.invalidate(scopeOf(what.action));
      deps.wrote?.(what.rows ?? 1);
      return written;
    } catch (error) {
      if (key && (isUniqueViolation(error) || error instanceof ApiError)) {
        const again = await replay();
        if (again) return again;
      }
      if (isUniqueViolation(error) && attempt < 10) continue;
      throw error;
    }
  }
};

export const yearLocked = (year: number) =>
  conflict("yearLocked", {
    zh: `${year} 年度的年报已发布并锁定，不能再修改该年度的数据（管理员可说明理由后重新开放）。`,
    en: `The ${year} report is published and locked; its data can't be changed (an administrator can reopen it with a reason).`,
  });

/**
 * The 409 for a write the database refused because a year was locked meanwhile (a publication
 * committed between the read and the write): names the year, read again.
 */
export const refusedAsLocked = async (ex: Executor, error: YearLockedError) => {
  const locked = new Set(error.agencyCode ? await lockedYears(ex, error.agencyCode) : []);
  return yearLocked(error.years.find((y) => locked.has(y)) ?? error.years[0] ?? 0);
};

/** Refuses (409) a write that changes a year whose report is published and locked. */
export const assertYearsOpen = async (
  tx: Tx,
  agencyCode: string,
  years: Iterable<number>,
  /** The agency's locked years, when the caller has read them already. */
  known?: readonly number[],
) => {
  // Inside a transaction, the agency's row is held until it ends (see holdLockedYears).
  const locked = new Set(known ?? (await holdLockedYears(tx, agencyCode)));
  for (const year of new Set(years)) if (locked.has(year)) throw yearLocked(year);
};
