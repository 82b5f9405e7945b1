// A second process on the embedded database's folder while the API owns it and writes: each
// second `node apps/api/src/main.ts` must be refused at once (exit 2, one bilingual line
// naming the owner) while the owner goes on answering; after a stop and a start every
// acknowledged registration is there exactly once. Shared by owner.test.ts (200 registrations)
// and owner.soak.ts (many more, with the CLI writing through the API at the same time).
import { execFile, spawn } from "node:child_process";
import { resolve } from "node:path";
import { createDb, queryRows } from "@ogi/db";
import { sql } from "drizzle-orm";
import { repoRoot } from "./harness.ts";
import { type ApiProcess, SERVER_ADMIN_TOKEN, startApi } from "./server.ts";

const baseEnv = (dataDir: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "silent",
  OGI_DATA_DIR: dataDir,
  ...extra,
});

export type Ran = { code: number | null; stdout: string; stderr: string; ms: number };

/** `node apps/api/src/main.ts` on the folder, to its end (a refused one ends at once). */
export const secondApi = (dataDir: string, timeoutMs = 60_000) =>
  new Promise<Ran>((ok) => {
    const started = Date.now();
    const child = spawn(process.execPath, [resolve(repoRoot, "apps/api/src/main.ts")], {
      cwd: repoRoot,
      env: baseEnv(dataDir, { OGI_ADMIN_TOKEN: SERVER_ADMIN_TOKEN }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    // Started for real would be the failure: it is stopped, and its status says so.
    const t = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(t);
      ok({ code, stdout, stderr, ms: Date.now() - started });
    });
  });

/** `node apps/cli/src/main.ts …` on the folder. */
export const ogi = (dataDir: string, ...args: string[]) =>
  new Promise<Ran>((ok) => {
    const started = Date.now();
    execFile(
      process.execPath,
      [resolve(repoRoot, "apps/cli/src/main.ts"), ...args],
      { cwd: repoRoot, env: baseEnv(dataDir) },
      (error, stdout, stderr) =>
        ok({
          code: error ? ((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        }),
    );
  });

/** The one line a refused opener prints, naming the owner. */
export const refusalLine = (dataDir: string, pid: number) =>
  new RegExp(
    `^数据目录 ${literal(dataDir)} 正由进程 ${pid}（node [^）]*main\\.ts）使用。 / The data folder ${literal(dataDir)} is in use by process ${pid} \\(node [^)]*main\\.ts\\)\\.\\n$`,
  );
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const DEMO_AGENCY = "411421-gov";

export type SecondProcessFigures = {
  registrations: number;
  acknowledged: number;
  secondOpeners: number;
  refused: number;
  refusedMsMax: number;
  cliWrites: number;
  cliThroughApi: number;
  foundAfterRestart: number;
  lost: number;
  duplicateNumbers: number;
  withoutReceipt: number;
  seconds: number;
};

/**
 * Starts the API on `dataDir`, sends `registrations` registrations from `clients` clients while
 * `secondOpeners` second APIs try to start and `cliInvites` CLI invitations go through the API,
 * stops and starts it again, and reads the folder directly.
 */
export const runSecondProcess = async (options: {
  dataDir: string;
  registrations: number;
  clients: number;
  secondOpeners: number;
  cliInvites: number;
}) => {
  const started = Date.now();
  const problems: string[] = [];
  let api: ApiProcess = await startApi({ dataDir: options.dataDir });
  const today = new Date().toISOString().slice(0, 10);
  const acked: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < options.registrations) {
      next++;
      const res = await fetch(`${api.url}/v1/agencies/${DEMO_AGENCY}/applications`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${SERVER_ADMIN_TOKEN}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ receivedOn: today, applicantType: "naturalPerson" }),
      });
      const body = (await res.json()) as { number?: number };
      if (res.status === 201 && typeof body.number === "number") acked.push(body.number);
      else problems.push(`registration answered ${res.status}: ${JSON.stringify(body)}`);
    }
  };
  const opener = async (): Promise<Ran[]> => {
    const runs: Ran[] = [];
    for (let i = 0; i < options.secondOpeners; i++) runs.push(await secondApi(options.dataDir));
    return runs;
  };
  const cli = async (): Promise<Ran[]> => {
    const runs: Ran[] = [];
    for (let i = 0; i < options.cliInvites; i++)
      runs.push(await ogi(options.dataDir, "admin", "staff", "invite", DEMO_AGENCY, `员工${i}`));
    return runs;
  };
  const [openers, cliRuns] = await Promise.all([
    opener(),
    cli(),
    ...Array.from({ length: options.clients }, client),
  ]);
  for (const r of openers) {
    if (r.code !== 2) problems.push(`a second API ended with ${r.code}: ${r.stdout}${r.stderr}`);
    else if (!refusalLine(options.dataDir, api.pid).test(r.stderr))
      problems.push(`a second API's refusal: ${JSON.stringify(r.stderr)}`);
    if (r.stdout !== "") problems.push(`a second API printed: ${r.stdout}`);
  }
  if (api.ended()) problems.push(`the owner ended: ${api.ended()}`);
  const health = await fetch(`${api.url}/health`).catch(() => undefined);
  if (!health?.ok) problems.push("the owner stopped answering /health");
  for (const r of cliRuns)
    if (r.code !== 0 || !/through the running API/.test(r.stderr))
      problems.push(`a CLI invite: ${r.code} ${r.stderr}`);
  await api.stop();
  api = await startApi({ dataDir: options.dataDir });
  await api.stop();
  const database = await createDb({ dataDir: options.dataDir });
  let stored: { number: number; receipts: number }[];
  let invited: number;
  try {
    stored = await queryRows<{ number: number; receipts: number }>(
      database.db,
      sql`select a.number, (select count(*)::int from application_events e where e.application_id = a.id and e.type = 'received') as receipts
          from applications a where a.agency_code = ${DEMO_AGENCY} and a.received_on = ${today}`,
    );
    invited = (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from staff where agency_code = ${DEMO_AGENCY} and name like '员工%'`,
      )
    )[0]!.n;
  } finally {
    await database.close();
  }
  const numbers = new Map<number, number>();
  for (const s of stored) numbers.set(s.number, (numbers.get(s.number) ?? 0) + 1);
  const figures: SecondProcessFigures = {
    registrations: options.registrations,
    acknowledged: acked.length,
    secondOpeners: openers.length,
    refused: openers.filter((r) => r.code === 2).length,
    refusedMsMax: Math.max(0, ...openers.map((r) => r.ms)),
    cliWrites: cliRuns.length,
    cliThroughApi: cliRuns.filter((r) => r.code === 0).length,
    foundAfterRestart: acked.filter((n) => numbers.has(n)).length,
    lost: acked.filter((n) => !numbers.has(n)).length,
    duplicateNumbers: [...numbers.values()].filter((n) => n > 1).length,
    withoutReceipt: stored.filter((s) => s.receipts !== 1).length,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  if (invited !== options.cliInvites)
    problems.push(`${invited} invited staff stored of ${options.cliInvites}`);
  return { figures, problems };
};
