// The API as it is served: the app, the read cache (on for PGlite, whose data folder this process
// alone writes) and a node:http server whose listener answers cached GETs before the framework.
// `pnpm start`, the benchmarks and the bot's tests all serve it this way.
import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Database } from "@ogi/db";
import { createApp } from "./app.ts";
import { cachedListener, createReadCache } from "./cache.ts";
import type { Deps } from "./context.ts";
import { todayIn } from "./domain.ts";

export type ApiServer = { server: Server; app: ReturnType<typeof createApp> };

export const createApiServer = (
  database: Database,
  deps: Omit<Deps, "db" | "cache">,
): ApiServer => {
  const cache = createReadCache(database.engine === "pglite");
  const app = createApp({ ...deps, db: database.db, cache });
  const today = () => todayIn(deps.clock.now());
  const server = createServer(cachedListener(cache, today, getRequestListener(app.fetch)));
  return { server, app };
};
