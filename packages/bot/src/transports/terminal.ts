// `pnpm chat --as <invite code | staff id>`: the real bot in a terminal. The same middleware
// as on Telegram gets synthetic updates; its outgoing calls are answered locally (no token, no
// network) and printed, buttons as numbered choices. It talks to the API at OGI_API_URL (with
// OGI_BOT_SERVICE_TOKEN), or else opens the embedded database itself and runs the API in this
// process (stop `pnpm start` first: PGlite's data folder serves one process at a time).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import type { OgiApi } from "../api.ts";
import { createBot } from "../bot.ts";
import { createHttpApi } from "../http-api.ts";
import { fileStore } from "../storage.ts";
import { TEST_BOT_INFO } from "./local.ts";
import { type ChatMessage, ChatSession, plain, type Reply } from "./session.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");

/** A stable synthetic Telegram user id for a name (far above real ids' usual range). */
export const syntheticUserId = (seed: string) =>
  9_000_000_000 + (createHash("sha256").update(seed).digest().readUInt32BE(0) % 900_000_000);

type StaffEntry = {
  id: string;
  name: string;
  role: string;
  agencyCode: string;
  agencyName: string;
};
type InProcess = {
  api: OgiApi;
  /** Every active staff member (to pick one by name). */
  staff(): Promise<StaffEntry[]>;
  /** Acting as a staff member: their Telegram link, or a synthetic user linked to them. */
  linkStaff(staffId: string): Promise<number>;
  close(): Promise<void>;
};

/** The API in this process on the embedded database, reached without a port. */
const inProcessApi = async (env: NodeJS.ProcessEnv): Promise<InProcess> => {
  const [{ createApp }, db, { default: pino }, { eq }] = await Promise.all([
    import("@ogi/api"),
    import("@ogi/db"),
    import("pino"),
    import("drizzle-orm"),
  ]);
  const database = await db.createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.OGI_DATA_DIR ?? resolve(repoRoot, ".data"),
  });
  const app = createApp({
    db: database.db,
    clock: { now: () => new Date() },
    logger: pino({ level: "silent" }),
    config: { adminToken: undefined },
  });
  const { token } = await db.createToken(
    database.db,
    { kind: "service", label: "pnpm chat" },
    new Date(),
  );
  const api = createHttpApi({
    baseUrl: "http://ogi.local",
    serviceToken: token,
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
  });
  return {
    api,
    staff: async () => {
      const out: StaffEntry[] = [];
      for (const a of await db.listAgencies(database.db))
        for (const s of await db.listStaff(database.db, a.code))
          if (!s.revokedAt)
            out.push({
              id: s.id,
              name: s.name,
              role: s.role,
              agencyCode: a.code,
              agencyName: a.name,
            });
      return out;
    },
    linkStaff: async (staffId) => {
      const s = await db.getStaff(database.db, staffId);
      if (!s) throw new Error(`no staff member ${staffId} / 没有此工作人员`);
      if (s.telegramUserId) return s.telegramUserId;
      const id = syntheticUserId(`staff:${staffId}`);
      await database.db
        .update(db.schema.staff)
        .set({ telegramUserId: id, linkedAt: new Date() })
        .where(eq(db.schema.staff.id, staffId));
      return id;
    },
    close: () => database.close(),
  };
};

/** Whether `pnpm start` answers on its port: PGlite's folder must not be opened twice. */
const apiRunning = async (env: NodeJS.ProcessEnv) => {
  try {
    const res = await fetch(`http://127.0.0.1:${env.PORT ?? 3000}/health`, {
      signal: AbortSignal.timeout(500),
    });
    return res.ok;
  } catch {
    return false;
  }
};

const printButtons = (
  m: ChatMessage,
  numbering: Map<number, { message: ChatMessage; index: number }>,
) => {
  const lines: string[] = [];
  let n = numbering.size;
  m.buttons.flat().forEach((b, i) => {
    n += 1;
    numbering.set(n, { message: m, index: i + 1 });
    lines.push(`  [${n}] ${b.text}`);
  });
  return lines.join("\n");
};

export const render = (
  replies: Reply[],
  numbering: Map<number, { message: ChatMessage; index: number }>,
  saveDocument: (m: ChatMessage) => string,
) => {
  numbering.clear();
  const out: string[] = [];
  for (const r of replies) {
    if (r.kind === "alert") out.push(`(!) ${r.text}`);
    else if (r.kind === "document")
      out.push(`📎 ${r.message.text}\n    → ${saveDocument(r.message)}`);
    else {
      out.push(`${r.edited ? "✎ " : ""}${plain(r.message.text)}`);
      if (r.message.buttons.length > 0) out.push(printButtons(r.message, numbering));
    }
  }
  return out.join("\n\n");
};

/** `pnpm chat`: runs the terminal chat until its input ends (hosted by apps/server). */
export const runTerminalChat = async () => {
  const { values } = parseArgs({
    options: { as: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(
      "pnpm chat --as <邀请码 invite code | 工作人员 id staff id>\n" +
        "  Talks to OGI_API_URL with OGI_BOT_SERVICE_TOKEN, or runs the API in this process on the\n" +
        "  embedded database (OGI_DATA_DIR, default .data/). Type a message, or a number to press a button.",
    );
    return;
  }
  const env = process.env;
  const stateDir = resolve(env.OGI_DATA_DIR ?? resolve(repoRoot, ".data"));
  mkdirSync(stateDir, { recursive: true });
  const sessionFile = join(stateDir, "chat-session.json");
  const remote = env.OGI_API_URL && env.OGI_BOT_SERVICE_TOKEN;
  // The usual case: `pnpm start` and `pnpm chat` both on the default `.data/`.
  if (!remote && !env.OGI_DATA_DIR && !env.DATABASE_URL && (await apiRunning(env))) {
    console.error(
      "`pnpm start` 正在使用同一个数据目录：请先停止它，或设置 OGI_API_URL 和 OGI_BOT_SERVICE_TOKEN 连接它。\n" +
        "The API (`pnpm start`) is running on the same data folder: stop it first, or set OGI_API_URL and OGI_BOT_SERVICE_TOKEN to talk to it.",
    );
    process.exit(2);
  }
  const local = remote ? undefined : await inProcessApi(env);
  const api =
    local?.api ??
    createHttpApi({ baseUrl: env.OGI_API_URL!, serviceToken: env.OGI_BOT_SERVICE_TOKEN! });

  let userId: number | undefined;
  let startWith: string | undefined;
  const as = values.as?.trim();
  const staff = local ? await local.staff() : [];
  if (as) {
    // A staff id or name (embedded database only), else an invite code.
    const byId = staff.find((s) => s.id === as);
    const byName = staff.filter((s) => s.name === as);
    if (byName.length > 1 && !byId) {
      console.error(`“${as}” names several staff members / 同名工作人员有多位; use the id:`);
      for (const s of byName) console.error(`  ${s.id}  ${s.agencyName}`);
      process.exit(2);
    }
    const chosen = byId ?? byName[0];
    if (chosen && local) userId = await local.linkStaff(chosen.id);
    else {
      userId = syntheticUserId(`invite:${as}`);
      startWith = `/start ${as}`;
    }
  } else {
    try {
      userId = (JSON.parse(readFileSync(sessionFile, "utf8")) as { userId: number }).userId;
    } catch {
      console.error("pnpm chat --as <邀请码 invite code | 工作人员姓名或 id staff name or id>");
      if (staff.length > 0) {
        console.error("\n工作人员 / staff:");
        for (const s of staff.slice(0, 40))
          console.error(
            `  ${s.name.padEnd(6, "　")} ${s.role.padEnd(8)} ${s.agencyName} (${s.id})`,
          );
      }
      process.exit(2);
    }
  }
  writeFileSync(sessionFile, JSON.stringify({ userId }));

  const bot = createBot({
    token: "0:terminal",
    botInfo: TEST_BOT_INFO,
    api,
    storage: fileStore(join(stateDir, "chat-bot-state.json")),
    logger: {
      info() {},
      warn: (o, m) => console.error("warn:", m, o),
      error: (o, m) => console.error("error:", m, (o as { err?: unknown }).err ?? o),
    },
  });
  // Update ids stay unique across runs: the bot's de-duplication remembers them in the file store.
  ChatSession.startUpdateIdsAt(Date.now());
  const chat = new ChatSession(bot, { id: userId!, is_bot: false, first_name: "终端 Terminal" });
  const numbering = new Map<number, { message: ChatMessage; index: number }>();
  const docsDir = join(tmpdir(), "ogi-chat");
  const saveDocument = (m: ChatMessage) => {
    mkdirSync(docsDir, { recursive: true });
    const path = join(docsDir, m.document?.filename ?? "document");
    if (m.document?.bytes) writeFileSync(path, m.document.bytes);
    return path;
  };
  const show = (replies: Reply[]) => {
    const text = render(replies, numbering, saveDocument);
    if (text) console.log(`\n${text}\n`);
  };

  console.log("OGI bot · terminal chat — type /help; a number presses a button; Ctrl-D quits.");
  console.log(
    "政府信息公开申请登记机器人 · 终端对话 — 输入 /help；输入数字即按下按钮；Ctrl-D 退出。\n",
  );
  if (startWith) show(await chat.send(startWith));
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  rl.setPrompt("> ");
  // Input piped in may end while an answer is still on its way: no prompt after that.
  let closed = false;
  rl.on("close", () => {
    closed = true;
  });
  const prompt = () => {
    if (!closed) rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input !== "") {
      const n = /^\d{1,3}$/.test(input) ? numbering.get(Number(input)) : undefined;
      try {
        show(n ? await chat.press(n.index, n.message) : await chat.send(input));
      } catch (e) {
        console.error((e as Error).message);
      }
    }
    prompt();
  }
  await local?.close();
};
