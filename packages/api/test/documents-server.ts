// The API on a loopback socket with its own document workers, for the tests of reading and
// writing documents off the API's thread (documents.test.ts, render-workers.test.ts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { Database } from "@ogi/db";
import pino from "pino";
import { createApp } from "../src/app.ts";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "../src/documents/limits.ts";
import { createDocumentReader, type DocumentReader } from "../src/documents/reader-pool.ts";
import { ADMIN_TOKEN, fixedClock } from "./helpers.ts";

export type Served = { base: string; reader: DocumentReader; close: () => Promise<void> };

/** Starts the API over `db` with the document limits given (the defaults otherwise). */
export const serveWithDocuments = async (
  db: Database["db"],
  limits: Partial<DocumentLimits>,
): Promise<Served> => {
  const reader = createDocumentReader({ ...DEFAULT_DOCUMENT_LIMITS, ...limits });
  const app = createApp({
    db,
    clock: fixedClock("2025-12-20T02:00:00Z"),
    logger: pino({ level: "silent" }),
    config: { adminToken: ADMIN_TOKEN },
    documents: reader,
  });
  const server: Server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reader,
    close: async () => {
      await new Promise((r) => server.close(r));
      await reader.close();
    },
  };
};
