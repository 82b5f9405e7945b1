// The real API on an in-memory PGlite (or a fresh PostgreSQL database), served on a loopback
// port as `pnpm start` serves it (createApiServer: read cache on PGlite), with an admin token
// for set-up and a service token for the bot.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createApiServer } from "@ogi/api";
import { createDb, freshPostgres } from "@ogi/db";
import pino from "pino";

export type TestApi = {
  url: string;
  serviceToken: string;
  admin: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  /** Lets a test stop and restart the HTTP server (API down, API back). */
  stopServer: () => Promise<void>;
  restartServer: () => Promise<void>;
  close: () => Promise<void>;
};

export const startApi = async (
  now: () => Date,
  engine: "pglite" | "postgres" = "pglite",
): Promise<TestApi> => {
  const pgDatabase = engine === "postgres" ? await freshPostgres() : undefined;
  const database = await createDb(pgDatabase ? { databaseUrl: pgDatabase.url } : {});
  const adminToken = `admin-${randomBytes(16).toString("hex")}`;
  const { server } = createApiServer(database, {
    clock: { now },
    logger: pino({ level: "silent" }),
    config: { adminToken },
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((ok) => {
      server.listen(port, "127.0.0.1", () => {
        port = (server.address() as AddressInfo).port;
        ok();
      });
    });
  await listen();
  const url = `http://127.0.0.1:${port}`;
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const { token } = await admin<{ token: string }>("POST", "/v1/tokens", {
    kind: "service",
    label: "bot",
  });
  const stopServer = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return {
    url,
    serviceToken: token,
    admin,
    stopServer,
    restartServer: listen,
    close: async () => {
      await stopServer();
      await database.close();
      await pgDatabase?.drop();
    },
  };
};

/** An agency (optionally under a parent) with staff invited; returns their invite codes. */
export const seedAgency = async (
  api: TestApi,
  agency: { code: string; name: string; regionCode?: string; parentCode?: string },
  staff: { name: string; role: "clerk" | "manager" | "admin" }[],
) => {
  await api.admin("POST", "/v1/agencies", agency);
  const invites: { id: string; inviteCode: string }[] = [];
  for (const s of staff)
    invites.push(await api.admin("POST", `/v1/agencies/${agency.code}/staff`, s));
  return invites;
};
