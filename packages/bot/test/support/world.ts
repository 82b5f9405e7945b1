// The world of the bot's conversation tests: the real API (in-memory PGlite on a loopback port)
// with a county government and a department under it, their staff invited, a settable clock,
// and one bot whose chats link on first use. Each test file that calls `useBotWorld` gets its
// own (started in beforeAll, closed in afterAll).
import { seedAgency, startApi, type TestApi } from "@ogi/api/testing";
import { afterAll, beforeAll, expect } from "vitest";
import type { Logger } from "../../src/context.ts";
import { plain } from "../../src/transports/session.ts";
import { ChatSession, makeBot, texts, user } from "./bot.ts";

export const AGENCY = "411421-gxkj";
export const COUNTY = "411421-zf";

export const useBotWorld = () => {
  // 2026-11-25 10:00 in Beijing.
  const clock = { ms: Date.parse("2026-11-25T02:00:00Z") };
  const now = () => new Date(clock.ms);
  let started: TestApi | undefined;
  const the = () => {
    if (!started) throw new Error("the API starts in beforeAll");
    return started;
  };
  /** The API of this file (it exists once beforeAll ran). */
  const api: TestApi = {
    get url() {
      return the().url;
    },
    get serviceToken() {
      return the().serviceToken;
    },
    get adminToken() {
      return the().adminToken;
    },
    get inProcess() {
      return the().inProcess;
    },
    admin: <T>(method: string, path: string, body?: unknown) => the().admin<T>(method, path, body),
    stopServer: () => the().stopServer(),
    restartServer: () => the().restartServer(),
    close: () => the().close(),
  };
  const invites: Record<string, string> = {};
  const errors: unknown[] = [];
  const logger: Logger = {
    info() {},
    warn() {},
    error: (o) => {
      errors.push(o);
    },
  };

  beforeAll(async () => {
    started = await startApi(now);
    const county = await seedAgency(
      api,
      { code: COUNTY, name: "某县人民政府", regionCode: "411421" },
      [{ name: "赵县长", role: "manager" }],
    );
    const dept = await seedAgency(
      api,
      { code: AGENCY, name: "某县工业和信息化局", regionCode: "411421", parentCode: COUNTY },
      [
        { name: "李经办", role: "clerk" },
        { name: "王科长", role: "manager" },
        { name: "孙经办", role: "clerk" },
        { name: "周经办", role: "clerk" },
        { name: "系统管理员", role: "admin" },
      ],
    );
    invites.region = county[0]!.inviteCode;
    invites.clerk = dept[0]!.inviteCode;
    invites.manager = dept[1]!.inviteCode;
    invites.clerk2 = dept[2]!.inviteCode;
    invites.clerk3 = dept[3]!.inviteCode;
    invites.admin = dept[4]!.inviteCode;
  });
  afterAll(() => started?.close());

  const bot = () => makeBot(api, now, { logger });
  let shared: ReturnType<typeof bot> | undefined;
  const theBot = () => {
    shared ??= bot();
    return shared;
  };

  /** A chat of a linked staff member (linking through /start on first use). */
  const linked: Record<string, ChatSession> = {};
  const chatOf = async (who: string, id: number) => {
    if (linked[who]) return linked[who];
    const chat = new ChatSession(theBot(), user(id, who));
    const r = await chat.send(`/start ${invites[who]}`);
    expect(texts(r)).toContain("已关联");
    linked[who] = chat;
    return chat;
  };

  const adminApps = async () =>
    (
      await api.admin<{
        applications: { id: string; number: number; status: string; outcome: string | null }[];
      }>("GET", `/v1/agencies/${AGENCY}/applications?limit=1000`)
    ).applications;

  const register = async (chat: ChatSession, line = "/new 自然人 2026-11-20 邮寄") => {
    await chat.send(line);
    const r = await chat.press("确认登记");
    const m = /第 (\d+) 号/.exec(plain(texts(r)));
    expect(m, texts(r)).not.toBeNull();
    return Number(m![1]);
  };

  return { api, clock, now, invites, errors, logger, bot, theBot, chatOf, adminApps, register };
};
