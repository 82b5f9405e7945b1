// `pnpm chat --as <invite code | staff name or id>`: the real bot in a terminal. The same
// middleware as on Telegram gets synthetic updates; its outgoing calls are answered locally (no
// token, no network) and printed, buttons as numbered choices. Everything goes through the API
// whose address and admin token the host gives (apps/api/src/chat.ts): the staff are listed
// and the chat's user is linked there, by routes that audit like every other write.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createClient } from "@ogi/api/client";
import { parseResponse } from "hono/client";
import { ApiError } from "../api.ts";
import { createBot } from "../bot.ts";
import { createHttpApi, guardedFetch } from "../http-api.ts";
import { fileStore } from "../storage.ts";
import { TEST_BOT_INFO } from "./local.ts";
import { type ChatMessage, ChatSession, plain, type Reply } from "./session.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");

/** The API the chat talks to: its address and an admin token (to list and link the staff). */
export type TerminalConnection = {
  baseUrl: string;
  adminToken: string;
  /** The API called without a socket (the host runs it in its own process). */
  fetch?: typeof fetch;
};

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

/** What the chat asks of the API as an administrator. */
const adminOf = (connection: TerminalConnection) => {
  const admin = createClient(connection.baseUrl, connection.adminToken, {
    fetch: guardedFetch(connection.fetch ?? fetch, 15_000),
  }).v1;
  return {
    /** A service token for the bot of this chat, as the bot on Telegram has one. */
    serviceToken: async () =>
      (await parseResponse(admin.tokens.$post({ json: { kind: "service", label: "pnpm chat" } })))
        .token,
    /** Every active staff member (to pick one by name). */
    staff: async () => {
      const out: StaffEntry[] = [];
      const { agencies } = await parseResponse(admin.agencies.$get());
      for (const a of agencies) {
        const { staff } = await parseResponse(
          admin.agencies[":code"].staff.$get({ param: { code: a.code } }),
        );
        for (const s of staff)
          if (!s.revoked)
            out.push({
              id: s.id,
              name: s.name,
              role: s.role,
              agencyCode: a.code,
              agencyName: a.name,
            });
      }
      return out;
    },
    /** Acting as a staff member: their Telegram link, or a synthetic user linked to them. */
    linkStaff: async (staffId: string) =>
      (
        await parseResponse(
          admin.staff[":id"].telegram.$post({
            param: { id: staffId },
            json: { telegramUserId: syntheticUserId(`staff:${staffId}`) },
          }),
        )
      ).telegramUserId,
  };
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

/** Why the API could not serve the chat, as the person reads it (its `{ zh, en }` refusal). */
const failure = (e: unknown) =>
  e instanceof ApiError
    ? `登记系统拒绝了请求 / the API refused:\n${e.messages.zh}\n${e.messages.en}`
    : `无法连接登记系统 / the API could not be reached: ${(e as Error).message}`;

export const TERMINAL_HELP =
  "pnpm chat --as <邀请码 invite code | 工作人员姓名或 id staff name or id>\n" +
  "  Talks to OGI_API_URL with OGI_ADMIN_TOKEN, or runs the API in this process on the\n" +
  "  embedded database (OGI_DATA_DIR, default .data/). Type a message, or a number to press a button.";

/**
 * `pnpm chat`: runs the terminal chat until its input ends; answers the process's exit code
 * (2: nobody to act as, or the API refused). The host decides where the API is.
 */
export const runTerminalChat = async (
  connection: TerminalConnection,
  argv: string[] = process.argv.slice(2),
): Promise<number> => {
  const { values } = parseArgs({
    args: argv,
    options: { as: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(TERMINAL_HELP);
    return 0;
  }
  const env = process.env;
  const stateDir = resolve(env.OGI_DATA_DIR ?? resolve(repoRoot, ".data"));
  mkdirSync(stateDir, { recursive: true });
  const sessionFile = join(stateDir, "chat-session.json");
  const admin = adminOf(connection);

  let userId: number | undefined;
  let startWith: string | undefined;
  let serviceToken: string;
  let staff: StaffEntry[];
  const as = values.as?.trim();
  try {
    serviceToken = await admin.serviceToken();
    staff = await admin.staff();
    if (as) {
      // A staff id or name, else an invite code.
      const byId = staff.find((s) => s.id === as);
      const byName = staff.filter((s) => s.name === as);
      if (byName.length > 1 && !byId) {
        console.error(`“${as}” names several staff members / 同名工作人员有多位; use the id:`);
        for (const s of byName) console.error(`  ${s.id}  ${s.agencyName}`);
        return 2;
      }
      const chosen = byId ?? byName[0];
      if (chosen) userId = await admin.linkStaff(chosen.id);
      else {
        userId = syntheticUserId(`invite:${as}`);
        startWith = `/start ${as}`;
      }
    }
  } catch (e) {
    console.error(failure(e));
    return 2;
  }
  if (userId === undefined) {
    try {
      userId = (JSON.parse(readFileSync(sessionFile, "utf8")) as { userId: number }).userId;
    } catch {
      // The first run: the list of whom to act as is the answer asked for (exit 0, on stdout).
      console.log(TERMINAL_HELP.split("\n")[0]);
      if (staff.length > 0) {
        console.log("\n工作人员 / staff:");
        for (const s of staff.slice(0, 40))
          console.log(`  ${s.name.padEnd(6, "　")} ${s.role.padEnd(8)} ${s.agencyName} (${s.id})`);
      }
      return 0;
    }
  }
  writeFileSync(sessionFile, JSON.stringify({ userId }));
  const api = createHttpApi({
    baseUrl: connection.baseUrl,
    serviceToken,
    ...(connection.fetch ? { fetch: connection.fetch } : {}),
  });

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
  const chat = new ChatSession(bot, { id: userId, is_bot: false, first_name: "终端 Terminal" });
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
  return 0;
};
