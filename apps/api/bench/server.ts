// A server process for the benchmark: `bare` (node:http answering a fixed JSON body) or `api`
// (the API on the database named by OGI_DATA_DIR or DATABASE_URL). Prints {"port":…} when ready.
import { createServer } from "node:http";
import { serve } from "@hono/node-server";
import { createDb } from "@ogi/db";
import pino from "pino";
import { createApp } from "../src/app.ts";

const ready = (port: number) => process.stdout.write(`${JSON.stringify({ port })}\n`);

if (process.argv[2] === "bare") {
  const body = JSON.stringify({ ok: true, agency: "411421-gxkj", year: 2025, total: 42 });
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.listen(0, "127.0.0.1", () => ready((server.address() as { port: number }).port));
} else {
  const database = await createDb({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.OGI_DATA_DIR,
    poolSize: 20,
  });
  const app = createApp({
    db: database.db,
    clock: { now: () => new Date() },
    logger: pino({ level: "error" }),
    config: { adminToken: process.env.OGI_ADMIN_TOKEN, cacheReads: !process.env.DATABASE_URL },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
    ready(info.port),
  );
  process.on("SIGTERM", () => server.close(() => database.close().then(() => process.exit(0))));
}
