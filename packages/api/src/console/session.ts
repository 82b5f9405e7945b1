// Signed-in sessions: the cookie holds a random id (HttpOnly, SameSite=Lax, Path=/console,
// Secure over HTTPS); the database keeps its sha256, who signed in and the session's CSRF token.
// A session ends at sign-out or after IDLE_MINUTES without a request. Who signed in is re-read
// on every request, so a revoked token or staff member is signed out at once.
import { randomBytes, timingSafeEqual } from "node:crypto";
import {
  createConsoleSession,
  endConsoleSession,
  findConsoleSession,
  findTokenById,
  hashSecret,
  listAgencies,
  purgeConsoleSessions,
  type StaffRow,
  staffByTelegram,
  touchConsoleSession,
} from "@ogi/db";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Deps, Membership, Principal } from "../context.ts";
import type { Viewer } from "./layout.ts";

export const SESSION_COOKIE = "ogi_console";
/** Before sign-in, the sign-in form's CSRF token is this cookie's value (double submit). */
export const FORM_COOKIE = "ogi_console_form";
export const IDLE_MINUTES = 30;
/** A session's last request is written at most this often (reads stay reads). */
const TOUCH_EVERY_MS = 60_000;

export type SignedIn = { principal: Principal; viewer: Viewer; cacheKey: string; idHash: string };

const secure = (c: Context) =>
  new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

const membershipsOf = (rows: StaffRow[]): Membership[] =>
  rows.map((s) => ({
    staffId: s.id,
    agencyCode: s.agencyCode,
    role: s.role === "manager" ? "manager" : "clerk",
    name: s.name,
  }));

/** The principal a session's subject names now (undefined: revoked, unlinked or unknown). */
export const principalOf = async (deps: Deps, subject: string): Promise<Principal | undefined> => {
  const [kind, ...rest] = subject.split(":");
  const ref = rest.join(":");
  if (kind === "admin") {
    const admin = deps.config.adminToken;
    const current = admin ? `env:${hashSecret(admin).slice(0, 12)}` : undefined;
    return current === ref ? { kind: "admin", id: ref, channel: "api" } : undefined;
  }
  if (kind === "token") {
    const found = await findTokenById(deps.db, ref);
    if (!found || found.token.kind === "service") return undefined;
    if (found.token.kind === "admin" || found.staff?.role === "admin")
      return { kind: "admin", id: found.token.id, channel: "api" };
    return {
      kind: "staff",
      id: found.token.id,
      actor: found.staff!.id,
      channel: "api",
      memberships: membershipsOf([found.staff!]),
    };
  }
  if (kind === "telegram" && /^\d{1,15}$/.test(ref)) {
    const rows = await staffByTelegram(deps.db, Number(ref));
    if (rows.length === 0) return undefined;
    const id = `web:telegram:${ref}`;
    if (rows.some((r) => r.role === "admin")) return { kind: "admin", id, channel: "api" };
    return {
      kind: "staff",
      id,
      actor: rows[0]!.id,
      channel: "api",
      memberships: membershipsOf(rows),
    };
  }
  return undefined;
};

const viewerOf = async (deps: Deps, p: Principal, csrf: string): Promise<Viewer> => {
  if (p.kind !== "staff")
    return { name: "管理员 Admin", admin: true, csrf, homes: [], manages: [] };
  const agencies = await listAgencies(
    deps.db,
    p.memberships.map((m) => m.agencyCode),
  );
  return {
    name: p.memberships[0]?.name ?? "—",
    admin: false,
    csrf,
    homes: agencies.map((a) => ({ code: a.code, name: a.name })),
    manages: p.memberships.filter((m) => m.role === "manager").map((m) => m.agencyCode),
  };
};

/** Starts a session for `subject` and sets its cookie. */
export const startSession = async (deps: Deps, c: Context, subject: string) => {
  const id = randomBytes(32).toString("base64url");
  const now = deps.clock.now();
  // Sign-in is rare: a good moment to forget idle sessions and expired links.
  await purgeConsoleSessions(deps.db, new Date(now.getTime() - IDLE_MINUTES * 60_000), now);
  await createConsoleSession(
    deps.db,
    { idHash: hashSecret(id), subject, csrf: randomBytes(24).toString("base64url") },
    now,
  );
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/console",
    secure: secure(c),
  });
};

/** The signed-in session of the request, if any (a stale or forged cookie is cleared). */
export const currentSession = async (deps: Deps, c: Context): Promise<SignedIn | undefined> => {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id) return undefined;
  const idHash = hashSecret(id);
  const now = deps.clock.now();
  const row =
    id.length <= 100
      ? await findConsoleSession(deps.db, idHash, new Date(now.getTime() - IDLE_MINUTES * 60_000))
      : undefined;
  const principal = row && (await principalOf(deps, row.subject));
  if (!row || !principal) {
    if (row) await endConsoleSession(deps.db, idHash);
    deleteCookie(c, SESSION_COOKIE, { path: "/console" });
    return undefined;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchConsoleSession(deps.db, idHash, now);
  return {
    principal,
    viewer: await viewerOf(deps, principal, row.csrf),
    cacheKey: hashSecret(`console-cache:${id}`),
    idHash,
  };
};

export const endSession = async (deps: Deps, c: Context, idHash: string) => {
  await endConsoleSession(deps.db, idHash);
  deleteCookie(c, SESSION_COOKIE, { path: "/console" });
};

/** The sign-in form's CSRF token: the form cookie's value, set when missing. */
export const formToken = (c: Context) => {
  let value = getCookie(c, FORM_COOKIE);
  if (!value || !/^[\w-]{20,64}$/.test(value)) {
    value = randomBytes(24).toString("base64url");
    setCookie(c, FORM_COOKIE, value, {
      httpOnly: true,
      sameSite: "Strict",
      path: "/console",
      secure: secure(c),
    });
  }
  return value;
};

/** Whether the submitted token equals the expected one (constant time). */
export const sameToken = (given: unknown, expected: string | undefined) => {
  if (typeof given !== "string" || !expected) return false;
  const a = Buffer.from(hashSecret(given));
  const b = Buffer.from(hashSecret(expected));
  return timingSafeEqual(a, b);
};
