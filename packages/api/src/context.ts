// What every handler gets: the dependencies, the caller (principal) and the access rules.
import { timingSafeEqual } from "node:crypto";
import {
  agencyTree,
  type Db,
  type Executor,
  findToken,
  getAgency,
  hashSecret,
  type StaffRow,
  staffByIdentity,
  staffByTelegram,
} from "@ogi/db";
import type { Context } from "hono";
import type { Logger } from "pino";
import type { ReadCache } from "./cache.ts";
import type { DocumentReader } from "./documents/reader-pool.ts";
import type { Config } from "./env.ts";
import { ApiError, forbidden, notFound, unauthorized } from "./errors.ts";
import type { EventBatcher } from "./event-batcher.ts";
import { clientAddress, isLoopback } from "./guards.ts";
import type { NumberLookup } from "./number-lookup.ts";
import type { RegistrationBatcher } from "./registration-batcher.ts";

export type Clock = { now: () => Date };

export type Deps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, "adminToken"> & Partial<Config> & { cacheReads?: boolean };
  /** Set by createApp. */
  cache?: ReadCache;
  /** Set by createApp: concurrent events are written together. */
  events?: EventBatcher;
  /** Set by createApp: concurrent look-ups of applications by number are made together. */
  numbers?: NumberLookup;
  /** Set by createApp: concurrent registrations of an agency are written together. */
  registrations?: RegistrationBatcher;
  /** Set by createApp: reads published reports in worker threads, within limits. */
  documents?: DocumentReader;
  /** Told of each committed write (rows written), e.g. to refresh PGlite's statistics. */
  wrote?: (rows: number) => void;
  /**
   * PGlite: inside a long transaction, lets reads about agencies other than `closed` through
   * (see @ogi/db lending.ts); an import calls it between its steps.
   */
  lend?: (closed: readonly string[]) => Promise<void>;
  /** PGlite: a consistent copy of the data folder (gzipped tar; see routes/backup.ts). */
  backup?: () => Promise<Blob>;
  /** PGlite in a folder: opens it again after a read-only disk stopped it (see storage.ts). */
  reopen?: () => Promise<void>;
};

export type Membership = {
  staffId: string;
  agencyCode: string;
  role: "clerk" | "manager";
  name: string;
};

export type Principal =
  | { kind: "anonymous" }
  | { kind: "admin"; id: string; channel: "api" | "bot" | "cli" }
  | { kind: "service"; id: string }
  | {
      kind: "staff";
      /** The token's id (idempotency keys are scoped by it). */
      id: string;
      /** The staff member acting (audit log). */
      actor: string;
      channel: "api" | "bot";
      memberships: Membership[];
    };

export type AppEnv = {
  Variables: {
    principal: Principal;
    requestId: string;
  };
};

export type Ctx = Context<AppEnv>;

/** The env of a route called in process by the web console, for the principal it names. */
export type ConsoleEnv = { consolePrincipal?: Principal };

/** The header by which the bot's service token says which Telegram user it acts for. */
import { CHAT_USER_HEADER, parseChatUser, TELEGRAM_USER_HEADER } from "./identity.ts";

export { CHAT_USER_HEADER, TELEGRAM_USER_HEADER };

const membershipsOf = (rows: StaffRow[]): Membership[] =>
  rows.map((s) => ({
    staffId: s.id,
    agencyCode: s.agencyCode,
    role: s.role === "manager" ? "manager" : "clerk",
    name: s.name,
  }));

/** Who is calling: from the bearer token (and, for the bot, the Telegram user header). */
export const resolvePrincipal = async (deps: Deps, c: Ctx): Promise<Principal> => {
  // The web console calls the routes in this process for its signed-in user (console/api.ts):
  // only code in this process can set the request's env (a socket's env is Node's request).
  const given = (c.env as ConsoleEnv | undefined)?.consolePrincipal;
  if (given) return given;
  const header = c.req.header("authorization");
  if (!header || !deps.cache) return findPrincipal(deps, c);
  const user = c.req.header(TELEGRAM_USER_HEADER) ?? "";
  const chatUser = c.req.header(CHAT_USER_HEADER);
  const key =
    chatUser !== undefined
      ? `principal:${hashSecret(header)}:chat:${chatUser}`
      : `principal:${hashSecret(header)}:${/^\d{1,15}$/.test(user) ? Number(user) : user}`;
  return deps.cache.get(key, () => findPrincipal(deps, c), "directory");
};

const findPrincipal = async (deps: Deps, c: Ctx): Promise<Principal> => {
  const header = c.req.header("authorization");
  if (!header) return { kind: "anonymous" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized();
  const token = match[1]!;
  // Constant time: hashes of equal length, compared with timingSafeEqual.
  if (
    deps.config.adminToken &&
    timingSafeEqual(Buffer.from(hashSecret(token)), Buffer.from(hashSecret(deps.config.adminToken)))
  )
    return { kind: "admin", id: `env:${hashSecret(token).slice(0, 12)}`, channel: "api" };
  // The data folder owner's per-run token: `pnpm ogi` beside the API, audited as the CLI is;
  // from this machine only (a backup of the folder holds the file that names it).
  if (
    deps.config.localAdminToken &&
    (!(c.env as { incoming?: unknown } | undefined)?.incoming || isLoopback(clientAddress(c))) &&
    timingSafeEqual(
      Buffer.from(hashSecret(token)),
      Buffer.from(hashSecret(deps.config.localAdminToken)),
    )
  )
    return { kind: "admin", id: "cli", channel: "cli" };
  const found = await findToken(deps.db, token);
  if (!found) throw unauthorized();
  const { token: t, staff } = found;
  if (t.kind === "admin") return { kind: "admin", id: t.id, channel: "api" };
  if (t.kind === "personal") {
    if (!staff) throw unauthorized();
    if (staff.role === "admin") return { kind: "admin", id: t.id, channel: "api" };
    return {
      kind: "staff",
      id: t.id,
      actor: staff.id,
      channel: "api",
      memberships: membershipsOf([staff]),
    };
  }
  // The bot's service token on another messenger: acts for the platform user of X-Chat-User.
  const chatHeader = c.req.header(CHAT_USER_HEADER);
  if (chatHeader !== undefined) return chatPrincipal(deps, t.id, chatHeader);
  // The bot's service token: acts for the linked Telegram user named in the header.
  const userHeader = c.req.header(TELEGRAM_USER_HEADER);
  if (!userHeader) return { kind: "service", id: t.id };
  if (!/^\d{1,15}$/.test(userHeader))
    throw new ApiError(400, "invalid", {
      zh: `${TELEGRAM_USER_HEADER} 应为数字。`,
      en: `${TELEGRAM_USER_HEADER} must be a number.`,
    });
  // One user, one principal: "7001" and "007001" name the same Telegram user (idempotency keys
  // are scoped by the principal's id).
  const telegramUserId = Number(userHeader);
  const rows = await staffByTelegram(deps.db, telegramUserId);
  if (rows.length === 0)
    throw new ApiError(403, "notLinked", {
      zh: "该 Telegram 用户尚未绑定工作人员（请先使用邀请码）。",
      en: "This Telegram user is not linked to a staff member (use an invite code first).",
    });
  if (rows.some((r) => r.role === "admin")) return { kind: "admin", id: t.id, channel: "bot" };
  return {
    kind: "staff",
    id: `${t.id}:${telegramUserId}`,
    actor: rows[0]!.id,
    channel: "bot",
    memberships: membershipsOf(rows),
  };
};

/** The service acting for `<platform>:<id>`; a Telegram user is the same principal either way. */
const chatPrincipal = async (deps: Deps, tokenId: string, value: string): Promise<Principal> => {
  const who = parseChatUser(value);
  if (!who)
    throw new ApiError(400, "invalid", {
      zh: `${CHAT_USER_HEADER} 应为“平台:用户标识”，平台为 telegram、wecom 或 dingtalk。`,
      en: `${CHAT_USER_HEADER} must be "platform:user id", the platform telegram, wecom or dingtalk.`,
    });
  const rows = await staffByIdentity(deps.db, who.platform, who.externalId);
  if (rows.length === 0)
    throw new ApiError(403, "notLinked", {
      zh: "该用户尚未绑定工作人员（请先使用邀请码）。",
      en: "This user is not linked to a staff member (use an invite code first).",
    });
  if (rows.some((r) => r.role === "admin")) return { kind: "admin", id: tokenId, channel: "bot" };
  return {
    kind: "staff",
    // The Telegram form of the id stays what the Telegram header gives (idempotency keys).
    id:
      who.platform === "telegram"
        ? `${tokenId}:${Number(who.externalId)}`
        : `${tokenId}:${who.platform}:${who.externalId}`,
    actor: rows[0]!.id,
    channel: "bot",
    memberships: membershipsOf(rows),
  };
};

export const actorOf = (p: Principal): string | null =>
  p.kind === "staff" ? p.actor : p.kind === "anonymous" ? null : p.id;
export const channelOf = (p: Principal): "api" | "bot" | "cli" =>
  p.kind === "staff" || p.kind === "admin" ? p.channel : "api";

/**
 * What a caller may do with an agency:
 * - `summary`: the year-to-date figures (clerk and manager of the agency, managers above it);
 * - `applications`: read the register (same);
 * - `record`: register applications and record events (clerk and manager of the agency);
 * - `report`: read the unpublished report (managers of the agency or above it);
 * - `manage`: edit the sections, opening balances, publish, invite staff (manager of the agency).
 */
export type Need = "summary" | "applications" | "record" | "report" | "manage";

const ownNeeds: Record<Membership["role"], readonly Need[]> = {
  clerk: ["summary", "applications", "record"],
  manager: ["summary", "applications", "record", "report", "manage"],
};
const aboveNeeds: readonly Need[] = ["summary", "applications", "report"];

/** Whether the principal may `need` on the agency; admin may everything. */
export const may = async (
  ex: Executor,
  p: Principal,
  agencyCode: string,
  need: Need,
): Promise<boolean> => {
  if (p.kind === "admin") return true;
  if (p.kind !== "staff") return false;
  for (const m of p.memberships) {
    if (m.agencyCode === agencyCode) {
      if (ownNeeds[m.role].includes(need)) return true;
    } else if (m.role === "manager" && aboveNeeds.includes(need)) {
      if ((await agencyTree(ex, m.agencyCode)).includes(agencyCode)) return true;
    }
  }
  return false;
};

export const AGENCY: { zh: string; en: string } = { zh: "该机构", en: "The agency" };

const principalKey = (p: Principal) =>
  p.kind === "staff" ? `${p.id}:${p.actor}` : p.kind === "anonymous" ? "-" : p.id;

/**
 * requireAgency for reads outside a transaction, through the read cache (its directory tier:
 * use the agency's code and name only, not next_number, which registrations change).
 */
export const canRead = (deps: Deps, p: Principal, agencyCode: string, need: Need) =>
  deps.cache
    ? deps.cache.get(
        `access:${principalKey(p)}:${agencyCode}:${need}`,
        () => requireAgency(deps.db, p, agencyCode, need),
        "directory",
      )
    : requireAgency(deps.db, p, agencyCode, need);

/** Throws 401/403/404 unless the caller may; returns the agency. */
export const requireAgency = async (ex: Executor, p: Principal, agencyCode: string, need: Need) => {
  if (p.kind === "anonymous" || p.kind === "service") {
    if (p.kind === "anonymous") throw unauthorized();
    throw forbidden();
  }
  const agency = await getAgency(ex, agencyCode);
  if (!agency) throw notFound({ zh: `机构 ${agencyCode}`, en: `Agency ${agencyCode}` });
  if (!(await may(ex, p, agencyCode, need))) throw forbidden(needLabel[need]);
  return agency;
};

export const needLabel: Record<Need, { zh: string; en: string }> = {
  summary: { zh: "查看该机构的本年统计", en: "reading this agency's year-to-date figures" },
  applications: { zh: "查看该机构的登记簿", en: "reading this agency's register" },
  record: { zh: "在该机构登记申请或办理情况", en: "recording in this agency's register" },
  report: { zh: "查看该机构未发布的年报", en: "reading this agency's unpublished report" },
  manage: { zh: "管理该机构的年报或人员", en: "managing this agency's report or staff" },
};

export const requireAdmin = (p: Principal) => {
  if (p.kind === "anonymous") throw unauthorized();
  if (p.kind !== "admin")
    throw forbidden({ zh: "此操作（仅限管理员）", en: "this (administrators only)" });
};

/** Applicants' personal data: the staff of the application's own agency only. */
export const seesApplicant = (p: Principal, agencyCode: string) =>
  p.kind === "staff" && p.memberships.some((m) => m.agencyCode === agencyCode);
