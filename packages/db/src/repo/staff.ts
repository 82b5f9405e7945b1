// Staff (invited by a one-time code, linked to a Telegram user) and API tokens (stored by hash).
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { apiTokens, staff, staffIdentities } from "../schema.ts";
import { hashSecret, newId, newInviteCode, newToken } from "../secrets.ts";
import type { Role } from "./common.ts";

export const createStaff = async (
  ex: Executor,
  s: { agencyCode: string; name: string; role: Role },
  now: Date,
) => {
  const inviteCode = newInviteCode();
  const id = newId();
  await ex.insert(staff).values({
    id,
    agencyCode: s.agencyCode,
    name: s.name,
    role: s.role,
    inviteCodeHash: hashSecret(inviteCode),
    createdAt: now,
  });
  return { id, inviteCode };
};

/** Uses an invite code: links the Telegram user, and the code can't be used again. */
export const linkStaff = async (
  ex: Executor,
  inviteCode: string,
  telegramUserId: number,
  now: Date,
) => {
  const [row] = await ex
    .update(staff)
    .set({ telegramUserId, linkedAt: now, inviteCodeHash: null })
    .where(
      and(
        eq(staff.inviteCodeHash, hashSecret(inviteCode.trim().toUpperCase())),
        isNull(staff.revokedAt),
      ),
    )
    .returning();
  if (row) await addTelegramIdentity(ex, row.id, telegramUserId, now);
  return row;
};

/** Telegram links are identities too (the column stays for the code that reads it). */
const addTelegramIdentity = (ex: Executor, staffId: string, telegramUserId: number, now: Date) =>
  ex
    .insert(staffIdentities)
    .values({ staffId, platform: "telegram", externalId: String(telegramUserId), linkedAt: now })
    .onConflictDoNothing();

/**
 * Links an active staff member who has no Telegram user yet to `telegramUserId` (an admin's
 * link, e.g. the offline chat's user); undefined when revoked or already linked (the caller
 * reads the row again to tell which).
 */
export const linkStaffById = async (
  ex: Executor,
  id: string,
  telegramUserId: number,
  now: Date,
) => {
  const [row] = await ex
    .update(staff)
    .set({ telegramUserId, linkedAt: now, inviteCodeHash: null })
    .where(and(eq(staff.id, id), isNull(staff.revokedAt), isNull(staff.telegramUserId)))
    .returning();
  if (row) await addTelegramIdentity(ex, row.id, telegramUserId, now);
  return row;
};

export const listStaff = async (ex: Executor, agencyCode: string) =>
  ex.select().from(staff).where(eq(staff.agencyCode, agencyCode)).orderBy(asc(staff.createdAt));

export const getStaff = async (ex: Executor, id: string) => {
  const [row] = await ex.select().from(staff).where(eq(staff.id, id));
  return row;
};

export const revokeStaff = async (ex: Executor, id: string, now: Date) => {
  const [row] = await ex
    .update(staff)
    .set({ revokedAt: now, inviteCodeHash: null })
    .where(and(eq(staff.id, id), isNull(staff.revokedAt)))
    .returning();
  if (row)
    await ex
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.staffId, id), isNull(apiTokens.revokedAt)));
  return row;
};

/** The active staff records linked to a Telegram user (one per agency). */
export const staffByTelegram = async (ex: Executor, telegramUserId: number) =>
  ex
    .select()
    .from(staff)
    .where(and(eq(staff.telegramUserId, telegramUserId), isNull(staff.revokedAt)))
    .orderBy(asc(staff.createdAt));

export const createToken = async (
  ex: Executor,
  t: { kind: "personal" | "service" | "admin"; staffId?: string | null; label?: string },
  now: Date,
) => {
  const token = newToken();
  const id = newId();
  await ex.insert(apiTokens).values({
    id,
    tokenHash: hashSecret(token),
    kind: t.kind,
    staffId: t.staffId ?? null,
    label: t.label ?? "",
    createdAt: now,
  });
  return { id, token };
};

/** The token with its staff member (for personal tokens); undefined when unknown or revoked. */
export const findToken = async (ex: Executor, token: string) => {
  const [row] = await ex
    .select({ token: apiTokens, staff })
    .from(apiTokens)
    .leftJoin(staff, eq(staff.id, apiTokens.staffId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)));
  if (!row) return undefined;
  if (row.token.kind === "personal" && (!row.staff || row.staff.revokedAt)) return undefined;
  return row;
};

export const listTokens = async (ex: Executor, staffId?: string) =>
  ex
    .select({
      id: apiTokens.id,
      kind: apiTokens.kind,
      staffId: apiTokens.staffId,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(staffId ? eq(apiTokens.staffId, staffId) : undefined)
    .orderBy(asc(apiTokens.createdAt));

export const revokeToken = async (ex: Executor, id: string, now: Date) => {
  const [row] = await ex
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, staffId: apiTokens.staffId, kind: apiTokens.kind });
  return row;
};

export const countAdminTokens = async (ex: Executor) => {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(apiTokens)
    .where(and(eq(apiTokens.kind, "admin"), isNull(apiTokens.revokedAt)));
  return row?.n ?? 0;
};
