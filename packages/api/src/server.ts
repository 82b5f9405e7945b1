// The API as it is served: the app, the read cache and a node:http server whose listener answers
// cached GETs before the framework. On PGlite (whose data folder this process alone writes) the
// whole cache is on; on PostgreSQL its directory tier, while the database's notifications of
// directory changes reach this process (see cache.ts). `pnpm start`, the benchmarks and the
// bot's tests all serve it this way.
import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Database } from "@ogi/db";
import type { Logger } from "pino";
import { createApp } from "./app.ts";
import { cachedListener, createReadCache, type ReadCache } from "./cache.ts";
import type { Deps } from "./context.ts";
import { documentReaderOf } from "./documents/reader-pool.ts";
import { todayIn } from "./domain.ts";
import { createEventBatcher } from "./event-batcher.ts";
import { backfillDailyCounts } from "./register/backfill-daily.ts";
import { createRegistrationBatcher } from "./registration-batcher.ts";

/** Batches of events committing at once on PostgreSQL (below the pool's size: see createDb). */
const POSTGRES_BATCHES_IN_FLIGHT = 8;

export type ApiServer = { server: Server; app: ReturnType<typeof createApp> };

export const createApiServer = (
  database: Database,
  deps: Omit<Deps, "db" | "cache" | "events" | "registrations">,
  options: {
    /** Once listening, load the document writers in one worker (see DocumentReader.warm). */
    warmDocuments?: boolean;
  } = {},
): ApiServer => {
  const cache = createReadCache(database.engine === "pglite", { coalesce: true });
  if (database.listen) followDirectory(database.listen, cache, deps.logger);
  const events = createEventBatcher(database.db, {
    maxInFlight: database.engine === "pglite" ? 2 : POSTGRES_BATCHES_IN_FLIGHT,
    countShards: database.countShards,
  });
  const registrations = createRegistrationBatcher(database.db, {
    countShards: database.countShards,
  });
  // Once, after the migration that added the counts by day (past summaries wait for it).
  backfillDailyCounts(database.db, database.countShards).then(
    (rows) => rows > 0 && deps.logger.info({ rows }, "request_counts_daily filled"),
    (err: unknown) => deps.logger.error({ err }, "request_counts_daily fill failed"),
  );
  const documents = documentReaderOf(deps);
  const app = createApp({
    ...deps,
    documents,
    db: database.db,
    cache,
    events,
    registrations,
    ...(database.wrote ? { wrote: database.wrote } : {}),
    ...(database.lend ? { lend: database.lend } : {}),
    ...(database.dump ? { backup: database.dump } : {}),
    ...(database.reopen ? { reopen: database.reopen } : {}),
  });
  const today = () => todayIn(deps.clock.now());
  const server = createServer(cachedListener(cache, today, getRequestListener(app.fetch)));
  // An idle connection is closed by the client first (undici after 4 s, proxies after 60 s),
  // never by the server as the client sends its next request on it ("other side closed").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  if (options.warmDocuments) server.once("listening", () => void documents.warm());
  return { server, app };
};

/**
 * The API called in this process without a socket (the bot beside it under `pnpm start`): the
 * same app, middleware and read cache, no HTTP encoding or loopback connection. Requests carry
 * no client address, so the per-address rate limits do not apply to them.
 */
export const inProcessFetch =
  (app: ApiServer["app"]): typeof fetch =>
  async (input, init) =>
    app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init));

export const DIRECTORY_CHANNEL = "ogi_directory";

/**
 * Keeps the directory tier on while LISTEN holds: each notification clears it; a lost
 * connection turns it off at once, and listening is tried again every second.
 */
const followDirectory = (
  listen: NonNullable<Database["listen"]>,
  cache: ReadCache,
  logger: Logger,
) => {
  cache.setDirectory(false);
  const follow = () =>
    listen(
      DIRECTORY_CHANNEL,
      () => cache.invalidate("all"),
      () => {
        cache.setDirectory(false);
        logger.warn("directory notifications lost; the cache of tokens and access is off");
        setTimeout(follow, 1_000).unref();
      },
    ).then(
      () => cache.setDirectory(true),
      (error: { closed?: boolean }) => {
        if (!error?.closed) setTimeout(follow, 1_000).unref();
      },
    );
  void follow();
};
