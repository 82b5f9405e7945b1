// `@ogi/api/testing`, for the tests of the API's clients (the bot, the hosts): the real API on an
// in-memory PGlite (or a fresh PostgreSQL database), served on a loopback port as `pnpm start`
// serves it (createApiServer: read cache on PGlite), with an admin token for set-up and a service
// token for the bot. `startApiProcess` runs the same in a child process
// (`node testing.ts --child <engine>`), as when the bot and the API are deployed apart.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type AddressInfo, createServer } from "node:net";
import { createInterface } from "node:readline";
import { createDb, freshPostgres } from "@ogi/db";
import pino from "pino";
import { createApiServer, inProcessFetch } from "./server.ts";

export type TestApi = {
  url: string;
  serviceToken: string;
  adminToken: string;
  admin: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  /** The API called in this process without a socket, as `pnpm start` serves the bot (startApi only). */
  inProcess?: typeof fetch;
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
  const { server, app } = createApiServer(database, {
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
  const admin = adminCall(url, adminToken);
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
    adminToken,
    admin,
    inProcess: inProcessFetch(app),
    stopServer,
    restartServer: listen,
    close: async () => {
      await stopServer();
      await database.close();
      await pgDatabase?.drop();
    },
  };
};

/** A call with the admin token; a failure throws with the answer. */
const adminCall =
  (url: string, adminToken: string) =>
  async <T>(method: string, path: string, body?: unknown): Promise<T> => {
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

/** startApi in a child process (real time); the server can't be stopped apart from it. */
export const startApiProcess = async (engine: "pglite" | "postgres"): Promise<TestApi> => {
  const child = spawn(process.execPath, [import.meta.filename, "--child", engine], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once("line", ok);
    child.once("exit", (code) => fail(new Error(`API process exited with ${code}`)));
  });
  const { url, serviceToken, adminToken } = JSON.parse(line) as Record<string, string>;
  const apart = () => Promise.reject(new Error("the API runs in its own process"));
  return {
    url: url!,
    serviceToken: serviceToken!,
    adminToken: adminToken!,
    admin: adminCall(url!, adminToken!),
    stopServer: apart,
    restartServer: apart,
    close: () =>
      new Promise<void>((ok) => {
        child.once("exit", () => ok());
        child.kill("SIGTERM");
      }),
  };
};

if (process.argv[1] === import.meta.filename && process.argv[2] === "--child") {
  const api = await startApi(
    () => new Date(),
    process.argv[3] === "postgres" ? "postgres" : "pglite",
  );
  const { url, serviceToken, adminToken } = api;
  process.stdout.write(`${JSON.stringify({ url, serviceToken, adminToken })}\n`);
  process.on("SIGTERM", () => void api.close().then(() => process.exit(0)));
}

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

/** A loopback port nobody listens on now (for servers a test starts and stops itself). */
export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

/**
 * A register of `n` applications in 2025 as import CSV (English keys): two of three concluded
 * `granted` on the day received, the rest open. For the large-import test and benchmark.
 */
export const registerCsv = (n: number) => {
  const lines = ["receivedOn,applicantType,channel,concludedOn,outcome"];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 11)).padStart(2, "0");
    lines.push(
      i % 3
        ? `2025-${month}-${day},naturalPerson,online,2025-${month}-${day},granted`
        : `2025-${month}-${day},commercialEnterprise,post,,`,
    );
  }
  return `${lines.join("\n")}\n`;
};
