// PGlite has one connection: a long transaction (a 20,000-row import) would keep every other
// request waiting for its end. Such a transaction can lend its connection between its steps to
// reads that cannot see what it writes: plain `select`s made for a request about an agency
// other than the ones it writes (and their parents, whose figures sum them). Each lent read
// runs inside a savepoint of the transaction, so a failing read leaves the transaction whole,
// and nothing it reads is touched by the transaction, so it sees exactly the committed state.
// Everything else (writes, reads of the agencies written, reads about no one agency) waits for
// the transaction as before. PostgreSQL needs none of this: its pool has other connections.
import { AsyncLocalStorage } from "node:async_hooks";
import type { QueryOptions } from "@electric-sql/pglite";

/** What a request reads: one agency's data (`/v1/agencies/{code}/…`), or anything. */
export type ReadScope = { agency: string } | { agency: undefined };

const scopes = new AsyncLocalStorage<ReadScope>();

/** Runs `fn` as a read about `agency` (undefined: about anything; never lent). */
export const withReadScope = <T>(agency: string | undefined, fn: () => T): T =>
  scopes.run({ agency }, fn);

/** A transaction's own connection (PGlite's Transaction). */
type Runner = {
  query: (sql: string, params?: unknown[], options?: QueryOptions) => Promise<unknown>;
};

type Waiting = {
  agency: string;
  sql: string;
  params: unknown[] | undefined;
  options: QueryOptions | undefined;
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
};

// A select that takes no lock and calls nothing that writes: safe inside another's transaction.
const PLAIN_SELECT = /^\s*\(?\s*select\b/i;
const SIDE_EFFECTS =
  /\b(for\s+(update|share|no\s+key\s+update|key\s+share)|nextval|setval|set_config|pg_advisory|into)\b/i;
export const isPlainSelect = (sql: string) => PLAIN_SELECT.test(sql) && !SIDE_EFFECTS.test(sql);

/** At most this long per turn of lending, so that the transaction goes on between turns. */
const TURN_MS = 50;

/**
 * The lending desk of one PGlite instance. `hold` wraps each transaction (one at a time on
 * PGlite); inside it, `lend(codes)` opens it to reads about any agency but `codes` and serves
 * the ones waiting; `divert` is asked by every query outside a transaction whether it is taken.
 */
export const createLending = () => {
  let holder: Runner | undefined;
  // Reads asked for while a transaction runs; `closed` is known from its first `lend`.
  let waiting: Waiting[] = [];
  let closed: ReadonlySet<string> | undefined;
  return {
    /** Called by the stand-in for each query outside a transaction: a promise if it is lent. */
    divert(sql: string, params: unknown[] | undefined, options: QueryOptions | undefined) {
      if (!holder) return undefined;
      const agency = scopes.getStore()?.agency;
      if (agency === undefined || closed?.has(agency) || !isPlainSelect(sql)) return undefined;
      // Also before the transaction's first turn of lending: served there (a long transaction
      // lends soon after it begins), or after the transaction, as it would have waited anyway.
      return new Promise<unknown>((ok, fail) => {
        waiting.push({ agency, sql, params, options, ok, fail });
      });
    },
    /** Wraps a transaction's body: `runner` is the transaction's own connection. */
    async hold<T>(runner: Runner, fn: () => Promise<T>): Promise<T> {
      holder = runner;
      try {
        return await fn();
      } finally {
        holder = undefined;
        closed = undefined;
        const left = waiting;
        waiting = [];
        // Reads still waiting go the usual way, after this transaction.
        for (const w of left) w.fail(RETRY);
      }
    },
    /**
     * Inside a transaction: serve the reads waiting about agencies other than `codes` (those
     * it writes and their parents), for at most one turn. Outside one, or on PostgreSQL, it
     * only yields to the event loop.
     */
    async lend(codes: readonly string[]) {
      const runner = holder;
      if (!runner) return new Promise<void>((ok) => setImmediate(ok));
      if (!closed) {
        const shut = new Set(codes);
        closed = shut;
        // Reads about the agencies written, asked for before this first turn, wait for the end.
        for (const w of waiting.filter((w) => shut.has(w.agency))) w.fail(RETRY);
        waiting = waiting.filter((w) => !shut.has(w.agency));
      }
      // Requests that arrived while the last step ran get their turn of the event loop first.
      await new Promise<void>((ok) => setImmediate(ok));
      const until = performance.now() + TURN_MS;
      while (performance.now() < until) {
        // A request served one query asks its next one a few microtasks later: wait a turn of
        // the event loop for it before handing the connection back.
        if (waiting.length === 0) await new Promise<void>((ok) => setImmediate(ok));
        const w = waiting.shift();
        if (!w) break;
        await runner.query("savepoint ogi_lent_read");
        try {
          const result = await runner.query(w.sql, w.params, w.options);
          await runner.query("release savepoint ogi_lent_read");
          w.ok(result);
        } catch (error) {
          await runner.query("rollback to savepoint ogi_lent_read");
          await runner.query("release savepoint ogi_lent_read");
          w.fail(error);
        }
      }
    },
  };
};

/** A lent read the transaction ended before serving: the stand-in runs it the usual way. */
export const RETRY = Symbol("retry after the transaction");

export type Lending = ReturnType<typeof createLending>;
