// A server process for the benchmark: `bare` (node:http answering a fixed JSON body) or `api`
// (the API on the database named by OGI_DATA_DIR or DATABASE_URL). Prints {"port":…} when ready.
import { createServer } from "node:http";
import { createDb } from "@ogi/db";
import pino from "pino";
import { createApiServer } from "../src/server.ts";

const ready = (port: number) => process.stdout.write(`${JSON.stringify({ port })}\n`);

if (process.argv[2] === "bare") {
  const body = JSON.stringify({ ok: true, agency: "411421-gxkj", year: 2025, total: 42 });
  // `/bytes/N`: a fixed JSON body of N bytes, to compare with an API answer of the same size.
  const sized = new Map<number, string>();
  const bodyOf = (url: string | undefined) => {
    const n = /^\/bytes\/(\d+)$/.exec(url ?? "")?.[1];
    if (!n) return body;
    let b = sized.get(Number(n));
    if (!b) {
      b = JSON.stringify({ pad: "x".repeat(Math.max(0, Number(n) - 10)) });
      sized.set(Number(n), b);
    }
    return b;
  };
  const server = createServer((req, res) => {
    const b = bodyOf(req.url);
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(b),
    });
    res.end(b);
  });
  server.listen(0, "127.0.0.1", () => ready((server.address() as { port: number }).port));
} else {
  const database = await createDb({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.OGI_DATA_DIR,
  });
  const { server } = createApiServer(database, {
    clock: { now: () => new Date() },
    // BENCH_LOG_LEVEL=info: bench/import.ts reads the import's "import written" line.
    logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? "error" }),
    config: { adminToken: process.env.OGI_ADMIN_TOKEN },
  });
  server.listen(0, "127.0.0.1", () => ready((server.address() as { port: number }).port));
  process.on("SIGTERM", () => server.close(() => database.close().then(() => process.exit(0))));
}
